package io.rexian.customer.internal;

import io.rexian.customer.CustomerLookup;
import io.rexian.customer.CustomerSettings;
import io.rexian.customer.CustomerSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Caller lookup: one indexed query on customer_phone.number behind a small LRU cache
 * (calls arrive by phone number, so that is the path worth caching). The
 * cache is cleared when a write happens and again after it commits, so a reader that
 * slipped in between cannot keep a stale answer.
 */
@Component
class CachedCustomerLookup implements CustomerLookup {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CustomerSettings settings;
    private final Map<String, Answer> cache;

    CachedCustomerLookup(JdbcClient jdbc, Clock clock, CustomerSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        int max = settings.lookupCacheSize();
        this.cache = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
                return size() > max;
            }
        };
    }

    private record Answer(List<CustomerSummary> customers, Instant expires) {
    }

    @Override
    public List<CustomerSummary> byPhone(String number) {
        String normalized = PhoneNumbers.normalize(number);
        if (!PhoneNumbers.plausible(normalized)) {
            return List.of();
        }
        Instant now = clock.instant();
        synchronized (cache) {
            Answer hit = cache.get(normalized);
            if (hit != null && hit.expires().isAfter(now)) {
                return hit.customers();
            }
        }
        List<CustomerSummary> found = query(normalized);
        synchronized (cache) {
            cache.put(normalized, new Answer(found, now.plus(settings.lookupCacheTtl())));
        }
        return found;
    }

    @Override
    public Optional<CustomerSummary> byAccountNo(String accountNo) {
        if (accountNo == null || accountNo.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + Customers.COLUMNS + " FROM customer c WHERE c.account_no = ?")
                .param(accountNo.strip()).query(Customers.ROW_MAPPER).optional().map(Customer::summary);
    }

    private List<CustomerSummary> query(String normalized) {
        return jdbc.sql("SELECT " + Customers.COLUMNS
                        + " FROM customer c WHERE c.id IN (SELECT customer_id FROM customer_phone WHERE number = ?)"
                        + " ORDER BY c.id LIMIT 20")
                .param(normalized).query(Customers.ROW_MAPPER).list()
                .stream().map(Customer::summary).toList();
    }

    @EventListener
    void onWrite(CustomersChanged event) {
        clear();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION)
    void afterWrite(CustomersChanged event) {
        clear();
    }

    void clear() {
        synchronized (cache) {
            cache.clear();
        }
    }

    int cached() {
        synchronized (cache) {
            return cache.size();
        }
    }

}
