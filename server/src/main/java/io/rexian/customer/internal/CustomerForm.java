package io.rexian.customer.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer as someone typed it: the web form, the REST request body and one import row
 * all arrive as this and pass the same {@link CustomerValidation}. Values are raw text.
 */
public class CustomerForm {

    private String accountNo;
    private String name;
    private String customerClass = "RESIDENT";
    private List<String> phones = new ArrayList<>();
    private String idNumber;
    private String district;
    private String estate;
    private String building;
    private String unit;
    private String floor;
    private String room;
    private String addressText;
    private String heatedArea;
    private String meterNo;
    private String meterDetails;
    private String bankName;
    private String bankAccount;
    private String enterpriseName;
    private String notes;
    private Map<String, String> customFields = new LinkedHashMap<>();
    /** The version the user edited, for optimistic locking; null on create. */
    private Long version;

    public String get(CustomerColumn column) {
        return switch (column) {
            case ACCOUNT_NO -> accountNo;
            case NAME -> name;
            case CUSTOMER_CLASS -> customerClass;
            case PHONES -> String.join(";", phones == null ? List.of() : phones);
            case ID_NUMBER -> idNumber;
            case DISTRICT -> district;
            case ESTATE -> estate;
            case BUILDING -> building;
            case UNIT -> unit;
            case FLOOR -> floor;
            case ROOM -> room;
            case ADDRESS_TEXT -> addressText;
            case HEATED_AREA -> heatedArea;
            case METER_NO -> meterNo;
            case METER_DETAILS -> meterDetails;
            case BANK_NAME -> bankName;
            case BANK_ACCOUNT -> bankAccount;
            case ENTERPRISE_NAME -> enterpriseName;
            case NOTES -> notes;
        };
    }

    public void set(CustomerColumn column, String value) {
        switch (column) {
            case ACCOUNT_NO -> accountNo = value;
            case NAME -> name = value;
            case CUSTOMER_CLASS -> customerClass = value;
            case PHONES -> phones = value == null ? new ArrayList<>()
                    : new ArrayList<>(Arrays.stream(value.split("[;,；，、/\\s]+")).filter(s -> !s.isBlank()).toList());
            case ID_NUMBER -> idNumber = value;
            case DISTRICT -> district = value;
            case ESTATE -> estate = value;
            case BUILDING -> building = value;
            case UNIT -> unit = value;
            case FLOOR -> floor = value;
            case ROOM -> room = value;
            case ADDRESS_TEXT -> addressText = value;
            case HEATED_AREA -> heatedArea = value;
            case METER_NO -> meterNo = value;
            case METER_DETAILS -> meterDetails = value;
            case BANK_NAME -> bankName = value;
            case BANK_ACCOUNT -> bankAccount = value;
            case ENTERPRISE_NAME -> enterpriseName = value;
            case NOTES -> notes = value;
        }
    }

    /** Trims every value and turns blanks into null, so "  " never lands in the database. */
    public void clean() {
        for (CustomerColumn c : CustomerColumn.values()) {
            if (c != CustomerColumn.PHONES) {
                String v = get(c);
                set(c, v == null || v.isBlank() ? null : v.strip());
            }
        }
        phones = phones == null ? new ArrayList<>()
                : new ArrayList<>(phones.stream().filter(p -> p != null && !p.isBlank()).map(String::strip).toList());
        Map<String, String> cleaned = new LinkedHashMap<>();
        if (customFields != null) {
            customFields.forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    cleaned.put(k, v.strip());
                }
            });
        }
        customFields = cleaned;
    }

    public static CustomerForm of(Customer c) {
        CustomerForm f = new CustomerForm();
        for (CustomerColumn column : CustomerColumn.values()) {
            f.set(column, c.value(column));
        }
        f.customFields = new LinkedHashMap<>(c.customFields());
        f.version = c.version();
        return f;
    }

    public String getAccountNo() { return accountNo; }
    public void setAccountNo(String accountNo) { this.accountNo = accountNo; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCustomerClass() { return customerClass; }
    public void setCustomerClass(String customerClass) { this.customerClass = customerClass; }
    public List<String> getPhones() { return phones; }
    public void setPhones(List<String> phones) { this.phones = phones; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public String getDistrict() { return district; }
    public void setDistrict(String district) { this.district = district; }
    public String getEstate() { return estate; }
    public void setEstate(String estate) { this.estate = estate; }
    public String getBuilding() { return building; }
    public void setBuilding(String building) { this.building = building; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    public String getFloor() { return floor; }
    public void setFloor(String floor) { this.floor = floor; }
    public String getRoom() { return room; }
    public void setRoom(String room) { this.room = room; }
    public String getAddressText() { return addressText; }
    public void setAddressText(String addressText) { this.addressText = addressText; }
    public String getHeatedArea() { return heatedArea; }
    public void setHeatedArea(String heatedArea) { this.heatedArea = heatedArea; }
    public String getMeterNo() { return meterNo; }
    public void setMeterNo(String meterNo) { this.meterNo = meterNo; }
    public String getMeterDetails() { return meterDetails; }
    public void setMeterDetails(String meterDetails) { this.meterDetails = meterDetails; }
    public String getBankName() { return bankName; }
    public void setBankName(String bankName) { this.bankName = bankName; }
    public String getBankAccount() { return bankAccount; }
    public void setBankAccount(String bankAccount) { this.bankAccount = bankAccount; }
    public String getEnterpriseName() { return enterpriseName; }
    public void setEnterpriseName(String enterpriseName) { this.enterpriseName = enterpriseName; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public Map<String, String> getCustomFields() { return customFields; }
    public void setCustomFields(Map<String, String> customFields) { this.customFields = customFields; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
