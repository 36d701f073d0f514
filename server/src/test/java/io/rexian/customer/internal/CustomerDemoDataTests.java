package io.rexian.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rexian.customer.CustomerSettings;
import io.rexian.identity.IdentityTest;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IdentityTest
class CustomerDemoDataTests {

    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired TransactionTemplate tx;

    @Test
    void seedsFiveThousandCustomersInTheFourDistrictsQuicklyAndOnlyOnce() {
        CustomerSettings settings = new CustomerSettings(100, java.time.Duration.ofMinutes(1), 20, 1000, 2000, 5000, true);
        CustomerDemoData demo = new CustomerDemoData(jdbc, clock, settings);
        long started = System.nanoTime();
        tx.executeWithoutResult(s -> demo.run(null));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("DEMO 5000 customers seeded in " + millis + " ms");
        tx.executeWithoutResult(s -> demo.run(null));

        assertThat(millis).as("seeding time in ms").isLessThan(10_000);
        assertThat(jdbc.sql("SELECT count(*) FROM customer WHERE account_no LIKE '1_________'").query(Long.class).single())
                .isEqualTo(5000);
        assertThat(jdbc.sql("SELECT DISTINCT district FROM customer WHERE account_no LIKE '1_________' ORDER BY 1")
                .query(String.class).list()).containsExactly("东城区", "北城区", "南城区", "西城区");
        assertThat(jdbc.sql("SELECT count(DISTINCT class_code) FROM customer WHERE account_no LIKE '1_________'")
                .query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM customer_phone p JOIN customer c ON c.id = p.customer_id "
                + "WHERE c.account_no LIKE '1_________' AND p.number ~ '^1[3-9][0-9]{9}$'").query(Long.class).single())
                .isGreaterThanOrEqualTo(5000);
        long owing = jdbc.sql("SELECT count(DISTINCT account_no) FROM billing_bill WHERE amount > paid")
                .query(Long.class).single();
        assertThat(owing).isBetween(300L, 1500L);
        assertThat(jdbc.sql("SELECT count(*) FROM billing_payment WHERE channel IN ('微信', '银行代扣', '营业厅')")
                .query(Long.class).single()).isGreaterThan(10_000L);
    }
}
