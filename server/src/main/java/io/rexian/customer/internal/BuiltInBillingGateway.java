package io.rexian.customer.internal;

import io.rexian.customer.BillingGateway;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Billing answered from Rexian's own tables (billing_account, billing_bill, billing_payment),
 * filled by import, so read-back and screen pop work before a real billing system is connected.
 */
public class BuiltInBillingGateway implements BillingGateway {

    private final JdbcClient jdbc;

    public BuiltInBillingGateway(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<AccountStatement> statement(String accountNo) {
        return jdbc.sql("""
                SELECT a.account_no, coalesce(a.balance, 0) AS balance,
                       coalesce(sum(greatest(b.amount - b.paid, 0)), 0) AS arrears,
                       count(b.id) FILTER (WHERE b.amount > b.paid) AS unpaid
                FROM (SELECT ?::varchar AS account_no) k
                LEFT JOIN billing_account a ON a.account_no = k.account_no
                LEFT JOIN billing_bill b ON b.account_no = k.account_no
                WHERE a.account_no IS NOT NULL OR b.account_no IS NOT NULL
                GROUP BY a.account_no, a.balance""")
                .param(accountNo)
                .query((rs, i) -> new AccountStatement(accountNo, rs.getBigDecimal("balance"),
                        rs.getBigDecimal("arrears"), rs.getInt("unpaid")))
                .optional();
    }

    @Override
    public List<Bill> bills(String accountNo, int limit) {
        return jdbc.sql("SELECT period, amount, paid, due_date FROM billing_bill WHERE account_no = ? ORDER BY period DESC LIMIT ?")
                .params(accountNo, limit)
                .query((rs, i) -> new Bill(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getObject(4, java.time.LocalDate.class)))
                .list();
    }

    @Override
    public List<Payment> payments(String accountNo, int limit) {
        return jdbc.sql("SELECT paid_at, amount, channel FROM billing_payment WHERE account_no = ? ORDER BY paid_at DESC LIMIT ?")
                .params(accountNo, limit)
                .query((rs, i) -> new Payment(rs.getTimestamp(1).toInstant(), rs.getBigDecimal(2), rs.getString(3)))
                .list();
    }

}
