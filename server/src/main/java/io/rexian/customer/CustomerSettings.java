package io.rexian.customer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code rexian.customer.*}.
 *
 * @param lookupCacheSize   phone numbers the caller lookup remembers
 * @param lookupCacheTtl    how long a remembered answer stays valid (writes clear it sooner)
 * @param pageSize          rows per page of the customer list
 * @param countCap          the list counts matches only up to this number ("more than N")
 * @param importBatchSize   rows per database statement when importing
 * @param demoCustomers     customers seeded in demo mode
 * @param builtInBilling    use Rexian's own billing tables when no other BillingGateway exists
 */
@ConfigurationProperties("rexian.customer")
public record CustomerSettings(
        @DefaultValue("10000") int lookupCacheSize,
        @DefaultValue("5m") Duration lookupCacheTtl,
        @DefaultValue("20") int pageSize,
        @DefaultValue("1000") int countCap,
        @DefaultValue("2000") int importBatchSize,
        @DefaultValue("5000") int demoCustomers,
        @DefaultValue("true") boolean builtInBilling) {
}
