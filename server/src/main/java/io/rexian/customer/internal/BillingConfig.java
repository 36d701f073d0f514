package io.rexian.customer.internal;

import io.rexian.customer.BillingGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rexian's own billing tables serve as the billing system unless a utility plugs in its own. */
@Configuration(proxyBeanMethods = false)
class BillingConfig {

    @Bean
    @ConditionalOnMissingBean(BillingGateway.class)
    @ConditionalOnProperty(prefix = "rexian.customer", name = "built-in-billing", matchIfMissing = true)
    BillingGateway builtInBillingGateway(JdbcClient jdbc) {
        return new BuiltInBillingGateway(jdbc);
    }
}
