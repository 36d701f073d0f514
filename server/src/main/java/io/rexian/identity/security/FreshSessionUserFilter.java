package io.rexian.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reloads the signed-in web user on every page request, so that a disabled user is signed
 * out and role changes apply at once; sends a user who must change his password to the
 * change-password page before anything else.
 */
class FreshSessionUserFilter extends OncePerRequestFilter {

    static final String CHANGE_PASSWORD = "/account/password";

    private final Principals principals;

    FreshSessionUserFilter(Principals principals) {
        this.principals = principals;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
                || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof RexianAuthentication signedIn && signedIn.via() == RexianAuthentication.Via.SESSION) {
            Optional<Principals.Signed> fresh = principals.load(signedIn.getPrincipal().id(), RexianAuthentication.Via.SESSION);
            if (fresh.isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/login?disabled");
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(fresh.get().authentication());
            SecurityContextHolder.setContext(context);
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (fresh.get().mustChangePassword() && !path.equals(CHANGE_PASSWORD) && !path.equals("/logout")
                    && !path.equals("/error")) {
                response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
