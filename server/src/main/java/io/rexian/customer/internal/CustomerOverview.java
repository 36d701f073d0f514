package io.rexian.customer.internal;

import io.rexian.customer.BillingGateway;
import io.rexian.customer.ContactHistorySource;
import io.rexian.identity.CurrentUser;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the customer page shows next to the record: the billing summary and the contact
 * history contributed by other modules. A failing source or billing system must not take
 * the customer page down, so each is asked separately and a failure shows as "unavailable".
 */
@Component
public class CustomerOverview {

    private static final Logger log = LoggerFactory.getLogger(CustomerOverview.class);

    private final ObjectProvider<BillingGateway> billing;
    private final List<ContactHistorySource> sources;

    CustomerOverview(ObjectProvider<BillingGateway> billing, List<ContactHistorySource> sources) {
        this.billing = billing;
        this.sources = sources;
    }

    /**
     * @param available false when no billing system is configured or it failed to answer
     */
    public record Billing(boolean available, Optional<BillingGateway.AccountStatement> statement,
                          List<BillingGateway.Bill> bills, List<BillingGateway.Payment> payments) {
        static final Billing UNAVAILABLE = new Billing(false, Optional.empty(), List.of(), List.of());
    }

    public Billing billing(String accountNo) {
        BillingGateway gateway = billing.getIfAvailable();
        if (gateway == null) {
            return Billing.UNAVAILABLE;
        }
        try {
            return new Billing(true, gateway.statement(accountNo), gateway.bills(accountNo, 6),
                    gateway.payments(accountNo, 5));
        } catch (RuntimeException e) {
            log.warn("Billing system failed for account {}", accountNo, e);
            return Billing.UNAVAILABLE;
        }
    }

    public List<ContactHistorySource.ContactEntry> contacts(Customer customer, CurrentUser viewer, int limit) {
        return sources.stream()
                .flatMap(source -> {
                    try {
                        return source.contacts(customer.id(), customer.accountNo(), viewer, limit).stream();
                    } catch (RuntimeException e) {
                        log.warn("Contact history source {} failed", source.getClass().getName(), e);
                        return java.util.stream.Stream.empty();
                    }
                })
                .sorted(Comparator.comparing(ContactHistorySource.ContactEntry::time).reversed())
                .limit(limit)
                .toList();
    }
}
