package io.rexian.identity.web;

import io.rexian.identity.Permission;
import io.rexian.platform.web.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Identity's pages in the main navigation; administration comes last. */
@Configuration(proxyBeanMethods = false)
class IdentityNavigation {

    @Bean
    NavigationEntry usersNavigation() {
        return NavigationEntry.administration(900, "identity.nav.users", "/admin/users", Permission.USER_ADMIN.name());
    }

    @Bean
    NavigationEntry rolesNavigation() {
        return NavigationEntry.administration(910, "identity.nav.roles", "/admin/roles", Permission.USER_ADMIN.name());
    }

    @Bean
    NavigationEntry orgNavigation() {
        return NavigationEntry.administration(920, "identity.nav.org", "/admin/org", Permission.USER_ADMIN.name());
    }

    @Bean
    NavigationEntry apiKeysNavigation() {
        return NavigationEntry.administration(930, "identity.nav.apiKeys", "/admin/api-keys", Permission.USER_ADMIN.name());
    }

    @Bean
    NavigationEntry auditNavigation() {
        return NavigationEntry.administration(940, "identity.nav.audit", "/admin/audit", Permission.AUDIT_VIEW.name());
    }
}
