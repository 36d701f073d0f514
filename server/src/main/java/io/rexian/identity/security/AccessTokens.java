package io.rexian.identity.security;

import io.rexian.identity.IdentitySettings;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque bearer tokens of the REST API, stored as SHA-256 with an expiry. Chosen over signed
 * tokens because they can be revoked (disabling a user ends his tokens at once) and need
 * no key management; the price, one indexed lookup per request, is small.
 */
@Component
public class AccessTokens {

    static final String PREFIX = "rxt_";

    public record Issued(String token, Instant expiresAt) {
    }

    private final JdbcClient jdbc;
    private final IdentitySettings settings;
    private final Clock clock;

    AccessTokens(JdbcClient jdbc, IdentitySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public Issued issue(long userId) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.tokenLifetime());
        String token = SecretHashes.newSecret(PREFIX);
        jdbc.sql("insert into identity_access_token (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)")
                .params(SecretHashes.sha256(token), userId, Timestamp.from(now), Timestamp.from(expiresAt))
                .update();
        return new Issued(token, expiresAt);
    }

    /** The user id of a valid, unexpired token. */
    Optional<Long> userOf(String token) {
        return jdbc.sql("select user_id from identity_access_token where token_hash = ? and expires_at > ?")
                .params(SecretHashes.sha256(token), Timestamp.from(clock.instant()))
                .query(Long.class).optional();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void deleteExpired() {
        jdbc.sql("delete from identity_access_token where expires_at < ?")
                .param(Timestamp.from(clock.instant())).update();
    }
}
