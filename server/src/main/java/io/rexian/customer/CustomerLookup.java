package io.rexian.customer;

import java.util.List;
import java.util.Optional;

/**
 * Finds who is calling. Thread-safe; answers from a small cache that every customer write
 * clears, so a number just added to a customer is found on the next call.
 */
public interface CustomerLookup {

    /**
     * @param number the caller's number in any common form: +86 / 0086 / 86 prefixes, a trunk
     *               0 before a mobile number, spaces and dashes are all accepted; null or blank
     *               finds nobody
     * @return customers having this number, at most a handful, ordered by id; never null
     */
    List<CustomerSummary> byPhone(String number);

    /**
     * @param accountNo the utility's account number (户号), surrounding spaces ignored; null or
     *                  blank finds nobody
     * @return the customer with exactly this account number; one indexed query, not cached
     */
    Optional<CustomerSummary> byAccountNo(String accountNo);
}
