package io.rexian.identity.security;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/** Username and password sign-in for the login form and the token endpoint alike. */
@Component
class PasswordSignIn implements AuthenticationProvider {

    private final SignInAttempts attempts;
    private final Principals principals;

    PasswordSignIn(SignInAttempts attempts, Principals principals) {
        this.attempts = attempts;
        this.principals = principals;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        return signIn(authentication.getName(), String.valueOf(authentication.getCredentials()), "form")
                .authentication();
    }

    Principals.Signed signIn(String username, String password, String via) {
        SignInAttempts.Result result = attempt(username, password, via);
        return switch (result.outcome()) {
            case OK -> principals.load(result.userId(), RexianAuthentication.Via.SESSION)
                    .orElseThrow(() -> new DisabledException("disabled"));
            case LOCKED -> throw new LockedException("locked until " + result.lockedUntil());
            case DISABLED -> throw new DisabledException("disabled");
            case BAD_CREDENTIALS -> throw new BadCredentialsException("bad credentials");
        };
    }

    /** Two attempts at once (a double click) race on the failure counter; the loser tries again. */
    private SignInAttempts.Result attempt(String username, String password, String via) {
        for (int tries = 1; ; tries++) {
            try {
                return attempts.attempt(username, password, via);
            } catch (OptimisticLockingFailureException e) {
                if (tries == 3) {
                    throw new AuthenticationServiceException("sign-in contention", e);
                }
            }
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
