package io.rexian.customer.internal;

/**
 * The standard columns of a customer: form fields, import/export headers (labels come from
 * the bundles under {@code customer.field.<property>}) and audit field names.
 */
public enum CustomerColumn {
    ACCOUNT_NO("accountNo", 40),
    NAME("name", 100),
    CUSTOMER_CLASS("customerClass", 40),
    PHONES("phones", 200),
    ID_NUMBER("idNumber", 40),
    DISTRICT("district", 50),
    ESTATE("estate", 100),
    BUILDING("building", 20),
    UNIT("unit", 20),
    FLOOR("floor", 10),
    ROOM("room", 20),
    ADDRESS_TEXT("addressText", 300),
    HEATED_AREA("heatedArea", 20),
    METER_NO("meterNo", 40),
    METER_DETAILS("meterDetails", 300),
    BANK_NAME("bankName", 100),
    BANK_ACCOUNT("bankAccount", 40),
    ENTERPRISE_NAME("enterpriseName", 200),
    NOTES("notes", 2000);

    private final String property;
    private final int maxLength;

    CustomerColumn(String property, int maxLength) {
        this.property = property;
        this.maxLength = maxLength;
    }

    public String property() {
        return property;
    }

    public int maxLength() {
        return maxLength;
    }

    public String labelKey() {
        return "customer.field." + property;
    }
}
