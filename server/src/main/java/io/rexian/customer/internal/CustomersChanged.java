package io.rexian.customer.internal;

/** Published inside every transaction that writes customers or their phone numbers. */
public record CustomersChanged(String reason) {
}
