package io.rexian.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates stateless requests by {@code Authorization: Bearer <token>} (a token from
 * {@code /api/v1/auth/token}, or an API key, so Prometheus' standard bearer setting works) or
 * {@code X-API-Key: <key>}. Invalid credentials answer 401 at once instead of falling back
 * to anonymous access.
 */
class ApiCredentialsFilter extends OncePerRequestFilter {

    private final AccessTokens tokens;
    private final ApiKeys keys;
    private final Principals principals;
    private final ProblemResponses problems;

    ApiCredentialsFilter(AccessTokens tokens, ApiKeys keys, Principals principals, ProblemResponses problems) {
        this.tokens = tokens;
        this.keys = keys;
        this.principals = principals;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = credential(request);
        if (secret != null) {
            Optional<Principals.Signed> signed = authenticate(secret);
            if (signed.isEmpty()) {
                problems.write(response, 401, "identity.api.badCredentials");
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(signed.get().authentication());
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    private Optional<Principals.Signed> authenticate(String secret) {
        if (secret.startsWith(ApiKeys.PREFIX)) {
            return keys.resolve(secret).flatMap(g -> principals.load(g.userId(), g.restriction(), RexianAuthentication.Via.API_KEY));
        }
        return tokens.userOf(secret).flatMap(id -> principals.load(id, RexianAuthentication.Via.TOKEN));
    }

    private static String credential(HttpServletRequest request) {
        String key = request.getHeader("X-API-Key");
        if (key != null && !key.isBlank()) {
            return key.trim();
        }
        String auth = request.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        return null;
    }
}
