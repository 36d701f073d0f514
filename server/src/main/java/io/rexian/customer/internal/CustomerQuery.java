package io.rexian.customer.internal;

/**
 * Search filters; every one is optional and they combine with AND. {@code q} is the one box
 * of the list page: it finds a customer by name, account number, any part of a phone
 * number, ID number, estate or address, or enterprise name.
 */
public record CustomerQuery(String q, String name, String accountNo, String phone, String idNumber,
                            String district, String estate, String building, String unit, String room,
                            String enterpriseName, String customerClass, String fieldCode, String fieldValue) {

    public static CustomerQuery text(String q) {
        return new CustomerQuery(q, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static CustomerQuery all() {
        return text(null);
    }
}
