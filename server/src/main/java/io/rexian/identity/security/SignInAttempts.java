package io.rexian.identity.security;

import io.rexian.identity.IdentitySettings;
import io.rexian.identity.account.UserAccount;
import io.rexian.identity.account.UserAccounts;
import io.rexian.identity.audit.JdbcAuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a username and password, counts failures in a row per user and locks the account
 * after too many. Commits its bookkeeping even when the attempt fails.
 */
@Component
class SignInAttempts {

    enum Outcome { OK, BAD_CREDENTIALS, LOCKED, DISABLED }

    record Result(Outcome outcome, Long userId, Instant lockedUntil) {
    }

    // Compared against when the username is unknown so that timing does not reveal it.
    private final String dummyHash;

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final IdentitySettings settings;
    private final JdbcAuditLog audit;
    private final Clock clock;

    SignInAttempts(UserAccounts accounts, PasswordEncoder encoder, IdentitySettings settings, JdbcAuditLog audit,
                   Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.dummyHash = encoder.encode("not-a-password-of-anybody");
    }

    @Transactional
    Result attempt(String username, String password, String via) {
        Instant now = clock.instant();
        Optional<UserAccount> found = username == null ? Optional.empty() : accounts.findByUsername(username.trim());
        if (found.isEmpty()) {
            matches(password, dummyHash);
            audit.recordAs(null, truncate(username), "user", null, "login_failed",
                    Map.of("reason", "unknown_user", "via", via));
            return new Result(Outcome.BAD_CREDENTIALS, null, null);
        }
        UserAccount user = found.get();
        String id = user.id().toString();
        if (user.lockedAt(now)) {
            audit.recordAs(user.id(), user.username(), "user", id, "login_failed", Map.of("reason", "locked", "via", via));
            return new Result(Outcome.LOCKED, user.id(), user.lockedUntil());
        }
        if (!matches(password, user.passwordHash())) {
            boolean locked = user.loginFailed(now, settings.maxFailedLogins(), settings.lockout());
            audit.recordAs(user.id(), user.username(), "user", id, "login_failed",
                    Map.of("reason", "bad_password", "via", via));
            if (locked) {
                audit.recordAs(user.id(), user.username(), "user", id, "lock",
                        Map.of("lockedUntil", user.lockedUntil().toString()));
                return new Result(Outcome.LOCKED, user.id(), user.lockedUntil());
            }
            return new Result(Outcome.BAD_CREDENTIALS, user.id(), null);
        }
        if (!user.enabled()) {
            audit.recordAs(user.id(), user.username(), "user", id, "login_failed", Map.of("reason", "disabled", "via", via));
            return new Result(Outcome.DISABLED, user.id(), null);
        }
        user.loginSucceeded();
        audit.recordAs(user.id(), user.username(), "user", id, "login", Map.of("via", via));
        return new Result(Outcome.OK, user.id(), null);
    }

    /** Over-long input (bcrypt refuses more than 72 bytes) is simply a wrong password. */
    private boolean matches(String password, String hash) {
        try {
            return password != null && encoder.matches(password, hash);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String truncate(String s) {
        if (s == null || s.isBlank()) {
            return "?";
        }
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
