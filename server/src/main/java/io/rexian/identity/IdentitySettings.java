package io.rexian.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code rexian.identity.*}.
 *
 * @param maxFailedLogins        failed sign-ins in a row that lock an account
 * @param lockout                how long a locked account stays locked
 * @param tokenLifetime          validity of a bearer token from {@code POST /api/v1/auth/token}
 * @param minPasswordLength      shortest password a user may choose
 * @param initialAdminPassword   password of the {@code admin} created on first start (automated
 *                               installs); blank: a random one is generated and logged once
 */
@ConfigurationProperties("rexian.identity")
public record IdentitySettings(
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("8h") Duration tokenLifetime,
        @DefaultValue("10") int minPasswordLength,
        String initialAdminPassword) {
}
