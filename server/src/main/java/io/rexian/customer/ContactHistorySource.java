package io.rexian.customer;

import java.time.Instant;
import java.util.List;

/**
 * Contributes entries (work orders, calls, ...) to the contact history on the customer
 * page. Other modules declare beans of this type; the customer page merges their entries
 * newest first. Implementations must apply their own permission checks for the given user.
 */
public interface ContactHistorySource {

    /**
     * @param customerId the customer shown
     * @param accountNo  his account number, for sources that key by it
     * @param limit      at most this many entries are shown in total
     * @return entries, any order; never null
     */
    List<ContactEntry> contacts(long customerId, String accountNo, io.rexian.identity.CurrentUser viewer, int limit);

    /**
     * @param time    when the contact happened
     * @param kind    message-bundle key or plain text naming the kind, e.g. "workorder.kind"
     * @param summary one line shown to people
     * @param link    path of the page that shows it, or null
     */
    record ContactEntry(Instant time, String kind, String summary, String link) {
    }
}
