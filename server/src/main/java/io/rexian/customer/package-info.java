/**
 * Customer records, their search and import/export, and the billing gateway. Other modules
 * use only the types in this package: {@link io.rexian.customer.CustomerLookup} (caller
 * lookup for screen pop and IVR), {@link io.rexian.customer.BillingGateway} (balance,
 * arrears, bills, payments) and {@link io.rexian.customer.ContactHistorySource} (plug
 * contacts of other modules into the customer page).
 */
package io.rexian.customer;
