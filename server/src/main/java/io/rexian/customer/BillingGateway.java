package io.rexian.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The utility's billing system as Rexian sees it, keyed by account number. Rexian ships an
 * implementation backed by its own tables; a utility replaces it by declaring its own bean.
 * Implementations must be thread-safe; amounts are in yuan (CNY).
 */
public interface BillingGateway {

    /** @return the account's state, or empty when billing does not know the account */
    Optional<AccountStatement> statement(String accountNo);

    /** @return the latest bills first, at most {@code limit}; never null */
    List<Bill> bills(String accountNo, int limit);

    /** @return the latest payments first, at most {@code limit}; never null */
    List<Payment> payments(String accountNo, int limit);

    /**
     * @param balance  prepaid money on the account
     * @param arrears  what the customer owes over all unpaid bills (0 when nothing is owed)
     * @param unpaidBills how many bills are not fully paid
     */
    record AccountStatement(String accountNo, BigDecimal balance, BigDecimal arrears, int unpaidBills) {
        public boolean inArrears() {
            return arrears.signum() > 0;
        }
    }

    /** @param period billing period as YYYY-MM */
    record Bill(String period, BigDecimal amount, BigDecimal paid, LocalDate dueDate) {
        public BigDecimal outstanding() {
            return amount.subtract(paid).max(BigDecimal.ZERO);
        }
    }

    record Payment(Instant paidAt, BigDecimal amount, String channel) {
    }
}
