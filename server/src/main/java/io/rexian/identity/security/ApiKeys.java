package io.rexian.identity.security;

import io.rexian.identity.AuditLog;
import io.rexian.identity.Permission;
import io.rexian.identity.account.Role;
import io.rexian.identity.account.Roles;
import io.rexian.identity.account.UserAccounts;
import io.rexian.platform.DomainException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for integrations. A key acts as the user it is bound to; when roles are given,
 * it holds only those of the user's permissions that the roles grant. The key itself is
 * shown once and stored as SHA-256.
 */
@Service
@Transactional
public class ApiKeys {

    static final String PREFIX = "rxk_";

    /** A key as listed to administrators (never the secret). */
    public record ApiKeyInfo(long id, String name, String prefix, long userId, String username, Instant createdAt,
                             String createdBy, Instant lastUsedAt, Instant revokedAt, String roles) {
    }

    /** A new key: {@code secret} is shown once and cannot be retrieved later. */
    public record CreatedKey(long id, String secret) {
    }

    record Grant(long userId, Set<Permission> restriction) {
    }

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final Roles roles;
    private final AuditLog audit;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, UserAccounts accounts, Roles roles, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.roles = roles;
        this.audit = audit;
        this.clock = clock;
    }

    public CreatedKey create(String name, long userId, Set<String> roleCodes, String createdBy) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw DomainException.invalid("identity.apikey.nameRequired");
        }
        accounts.findById(userId).orElseThrow(() -> DomainException.invalid("identity.user.notFound", userId));
        List<Role> keyRoles = roleCodes.stream().map(c -> roles.findByCode(c)
                .orElseThrow(() -> DomainException.invalid("identity.role.unknown", c))).toList();
        String secret = SecretHashes.newSecret(PREFIX);
        long id = jdbc.sql("""
                insert into identity_api_key (name, key_prefix, key_hash, user_id, created_at, created_by)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(name.trim(), secret.substring(0, 10), SecretHashes.sha256(secret), userId,
                        Timestamp.from(clock.instant()), createdBy)
                .query(Long.class).single();
        for (Role r : keyRoles) {
            jdbc.sql("insert into identity_api_key_role (api_key_id, role_id) values (?, ?)").params(id, r.id()).update();
        }
        audit.record("api_key", Long.toString(id), "create", Map.of("name", name.trim(), "userId", userId,
                "roles", String.join(",", roleCodes.stream().sorted().toList())));
        return new CreatedKey(id, secret);
    }

    public void revoke(long id) {
        int n = jdbc.sql("update identity_api_key set revoked_at = ?, version = version + 1 where id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), id).update();
        if (n == 0) {
            throw DomainException.notFound("identity.apikey.notFound", id);
        }
        audit.record("api_key", Long.toString(id), "revoke", Map.of());
    }

    @Transactional(readOnly = true)
    public List<ApiKeyInfo> list() {
        return jdbc.sql("""
                select k.id, k.name, k.key_prefix, k.user_id, u.username, k.created_at, k.created_by, k.last_used_at,
                       k.revoked_at, coalesce((select string_agg(r.code, ',' order by r.code) from identity_api_key_role kr
                                               join identity_role r on r.id = kr.role_id where kr.api_key_id = k.id), '') roles
                from identity_api_key k join identity_user u on u.id = k.user_id
                order by k.revoked_at nulls first, k.id desc""")
                .query((rs, i) -> new ApiKeyInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), instant(rs.getTimestamp(6)), rs.getString(7), instant(rs.getTimestamp(8)),
                        instant(rs.getTimestamp(9)), rs.getString(10)))
                .list();
    }

    /** The grant of an unrevoked key; notes when it was used (at most once a minute). */
    Optional<Grant> resolve(String secret) {
        String hash = SecretHashes.sha256(secret);
        Optional<Long[]> row = jdbc.sql("select id, user_id from identity_api_key where key_hash = ? and revoked_at is null")
                .param(hash).query((rs, i) -> new Long[] {rs.getLong(1), rs.getLong(2)}).optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        long keyId = row.get()[0];
        Instant now = clock.instant();
        jdbc.sql("update identity_api_key set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                .params(Timestamp.from(now), keyId, Timestamp.from(now.minusSeconds(60))).update();
        List<String> permissions = jdbc.sql("""
                select distinct p.permission from identity_api_key_role kr
                join identity_role_permission p on p.role_id = kr.role_id where kr.api_key_id = ?""")
                .param(keyId).query(String.class).list();
        boolean restricted = jdbc.sql("select count(*) from identity_api_key_role where api_key_id = ?")
                .param(keyId).query(Long.class).single() > 0;
        Set<Permission> restriction = null;
        if (restricted) {
            restriction = EnumSet.noneOf(Permission.class);
            for (String p : permissions) {
                restriction.add(Permission.valueOf(p));
            }
        }
        return Optional.of(new Grant(row.get()[1], restriction));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
