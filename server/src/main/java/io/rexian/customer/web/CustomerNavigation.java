package io.rexian.customer.web;

import io.rexian.identity.Permission;
import io.rexian.platform.web.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The customer module's entries in the main navigation. */
@Configuration(proxyBeanMethods = false)
class CustomerNavigation {

    @Bean
    NavigationEntry customerListEntry() {
        return new NavigationEntry(200, "customer.nav.list", "/customers", Permission.CUSTOMER_VIEW.name());
    }

    @Bean
    NavigationEntry customerImportEntry() {
        return NavigationEntry.administration(210, "customer.nav.import", "/customers/import", Permission.CUSTOMER_IMPORT.name());
    }

    @Bean
    NavigationEntry billingImportEntry() {
        return NavigationEntry.administration(220, "customer.nav.billingImport", "/customers/billing-import",
                Permission.BILLING_IMPORT.name());
    }

    @Bean
    NavigationEntry customerAdminEntry() {
        return NavigationEntry.administration(900, "customer.nav.admin", "/customers/admin", Permission.USER_ADMIN.name());
    }
}
