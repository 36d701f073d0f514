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
        return new NavigationEntry(900, "identity.nav.users", "/admin/users", Permission.USER_ADMIN.name());
    }

    @Bean
    NavigationEntry rolesNavigation() {
        return new NavigationEntry(910, "identity.nav.roles", "/admin/roles", Permission.USER_ADMIN.name());
    }

    @Bean
    NavigationEntry orgNavigation() {
        return new NavigationEntry(920, "identity.nav.org", "/admin/org", Permission.USER_ADMIN.name());
    }

    @Bean
    NavigationEntry apiKeysNavigation() {
        return new NavigationEntry(930, "identity.nav.apiKeys", "/admin/api-keys", Permission.USER_ADMIN.name());
    }

    @Bean
    NavigationEntry auditNavigation() {
        return new NavigationEntry(940, "identity.nav.audit", "/admin/audit", Permission.AUDIT_VIEW.name());
    }
}
