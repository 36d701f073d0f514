package io.rexian.customer;

import java.util.List;

/**
 * What a screen pop or an IVR needs to know about a customer. Contains no ID number or
 * bank details, so it may be shown to anyone handling the call.
 *
 * @param id             customer id
 * @param accountNo      the utility's account number (户号)
 * @param name           customer name
 * @param customerClass  class code, e.g. RESIDENT, ENTERPRISE, VIP, GROUP
 * @param district       district (区), may be null
 * @param address        the address formatted for people, never null
 * @param phones         normalized phone numbers in the customer's order
 * @param enterpriseName enterprise name, may be null
 */
public record CustomerSummary(long id, String accountNo, String name, String customerClass,
                              String district, String address, List<String> phones,
                              String enterpriseName) {

    public CustomerSummary {
        phones = List.copyOf(phones);
    }
}
