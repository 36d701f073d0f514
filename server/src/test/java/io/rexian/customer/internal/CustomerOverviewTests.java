package io.rexian.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rexian.customer.BillingGateway;
import io.rexian.customer.ContactHistorySource;
import io.rexian.customer.ContactHistorySource.ContactEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class CustomerOverviewTests {

    private final Customer customer = new Customer(7, "A7", "张三", "RESIDENT", List.of(), null, null, null, null, null,
            null, null, null, BigDecimal.ONE, null, null, null, null, null, null, Map.of(), 0, Instant.EPOCH, Instant.EPOCH);

    @Test
    void mergesContactsOfAllSourcesNewestFirstAndSurvivesAFailingSource() {
        ContactHistorySource calls = (id, account, viewer, limit) -> List.of(
                new ContactEntry(Instant.parse("2026-01-02T08:00:00Z"), "call", "来电 3 分钟", null));
        ContactHistorySource orders = (id, account, viewer, limit) -> List.of(
                new ContactEntry(Instant.parse("2026-01-03T08:00:00Z"), "workorder", "暖气不热", "/workorders/1"),
                new ContactEntry(Instant.parse("2026-01-01T08:00:00Z"), "workorder", "报修", "/workorders/2"));
        ContactHistorySource broken = (id, account, viewer, limit) -> {
            throw new IllegalStateException("down");
        };
        CustomerOverview overview = new CustomerOverview(new StaticListableBeanFactory().getBeanProvider(BillingGateway.class),
                List.of(calls, broken, orders));
        assertThat(overview.contacts(customer, null, 2)).extracting(ContactEntry::summary).containsExactly("暖气不热", "来电 3 分钟");
        assertThat(new CustomerOverview(new StaticListableBeanFactory().getBeanProvider(BillingGateway.class), List.of())
                .contacts(customer, null, 20)).isEmpty();
        assertThat(overview.billing("A7").available()).isFalse();
    }
}
