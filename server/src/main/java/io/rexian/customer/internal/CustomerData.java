package io.rexian.customer.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A customer's values after validation, normalized for storage: phones as digits, ID
 * number upper-case, bank account digits only, custom values in canonical text.
 * {@code keepIdNumber}/{@code keepBankAccount} say a masked value came back: keep what is stored.
 */
public record CustomerData(String accountNo, String name, String customerClass, List<String> phones,
                           String idNumber, boolean keepIdNumber, String district, String estate,
                           String building, String unit, String floor, String room, String addressText,
                           BigDecimal heatedArea, String meterNo, String meterDetails, String bankName,
                           String bankAccount, boolean keepBankAccount, String enterpriseName, String notes,
                           Map<String, String> customFields) {

    public CustomerData {
        phones = List.copyOf(phones);
        customFields = Map.copyOf(customFields);
    }
}
