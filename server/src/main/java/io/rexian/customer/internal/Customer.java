package io.rexian.customer.internal;

import io.rexian.customer.CustomerSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A stored customer, read from the database. Masking returns a copy; this never changes. */
public record Customer(long id, String accountNo, String name, String customerClass, List<String> phones,
                       String idNumber, String district, String estate, String building, String unit,
                       String floor, String room, String addressText, BigDecimal heatedArea,
                       String meterNo, String meterDetails, String bankName, String bankAccount,
                       String enterpriseName, String notes, Map<String, String> customFields,
                       long version, Instant createdAt, Instant updatedAt) {

    public Customer {
        phones = List.copyOf(phones);
        customFields = Map.copyOf(customFields);
    }

    /** The value of a standard column as text, as an export or an audit entry shows it. */
    public String value(CustomerColumn column) {
        return switch (column) {
            case ACCOUNT_NO -> accountNo;
            case NAME -> name;
            case CUSTOMER_CLASS -> customerClass;
            case PHONES -> String.join(";", phones);
            case ID_NUMBER -> idNumber;
            case DISTRICT -> district;
            case ESTATE -> estate;
            case BUILDING -> building;
            case UNIT -> unit;
            case FLOOR -> floor;
            case ROOM -> room;
            case ADDRESS_TEXT -> addressText;
            case HEATED_AREA -> heatedArea == null ? null : heatedArea.stripTrailingZeros().toPlainString();
            case METER_NO -> meterNo;
            case METER_DETAILS -> meterDetails;
            case BANK_NAME -> bankName;
            case BANK_ACCOUNT -> bankAccount;
            case ENTERPRISE_NAME -> enterpriseName;
            case NOTES -> notes;
        };
    }

    /** e.g. 东城区 幸福家园 3号楼 2单元 501 — the structured parts, then the free text. */
    public String formattedAddress() {
        return formatAddress(district, estate, building, unit, room, addressText);
    }

    static String formatAddress(String district, String estate, String building, String unit, String room,
                                String addressText) {
        return Stream.of(district, estate, building, unit, room, addressText)
                .filter(Objects::nonNull).filter(s -> !s.isBlank())
                .collect(Collectors.joining(" "));
    }

    /** The copy a user without the ID-number permission sees. */
    public Customer masked() {
        return new Customer(id, accountNo, name, customerClass, phones, Masking.mask(idNumber), district, estate,
                building, unit, floor, room, addressText, heatedArea, meterNo, meterDetails, bankName,
                Masking.mask(bankAccount), enterpriseName, notes, customFields, version, createdAt, updatedAt);
    }

    public CustomerSummary summary() {
        return new CustomerSummary(id, accountNo, name, customerClass, district, formattedAddress(), phones,
                enterpriseName);
    }
}
