package io.rexian.identity.account;

import io.rexian.identity.IdentitySettings;
import io.rexian.platform.PlatformSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First start: creates the built-in roles and, when there is no user at all and no demo data
 * is wanted, an {@code admin} with the configured initial password or a random one that is
 * logged once. Either way he must change it at first sign-in. There are no default passwords.
 */
@Component
@Order(90)
class InitialAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final RoleAdministration roles;
    private final UserAdministration users;
    private final UserAccounts accounts;
    private final PasswordPolicy policy;
    private final IdentitySettings settings;
    private final PlatformSettings platform;

    InitialAdministrator(RoleAdministration roles, UserAdministration users, UserAccounts accounts,
                         PasswordPolicy policy, IdentitySettings settings, PlatformSettings platform) {
        this.roles = roles;
        this.users = users;
        this.accounts = accounts;
        this.policy = policy;
        this.settings = settings;
        this.platform = platform;
    }

    @Override
    public void run(ApplicationArguments args) {
        roles.ensureBuiltInRoles();
        if (platform.demo() || accounts.count() > 0) {
            return;
        }
        String configured = settings.initialAdminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? policy.temporaryPassword() : configured;
        users.create("admin", password, true, new UserProfile("Administrator", null, null, null, null,
                java.util.Set.of(BuiltInRole.ADMIN.name())));
        if (generated) {
            // Printed once, on purpose on WARN so that it shows with the default log levels.
            log.warn("""

                    ==================================================================
                      Rexian first start: created user 'admin'
                      password: {}
                      Sign in and choose a new password; this one is not shown again.
                    ==================================================================""", password);
        } else {
            log.warn("Rexian first start: created user 'admin' with rexian.identity.initial-admin-password");
        }
    }
}
