package io.rexian.customer.web;

import io.rexian.customer.internal.CustomerQuery;
import org.springframework.web.util.UriComponentsBuilder;

/** The list page's search form; also bound from the query string of export links. */
public class SearchParams {

    private String q;
    private String name;
    private String accountNo;
    private String phone;
    private String idNumber;
    private String district;
    private String estate;
    private String building;
    private String unit;
    private String room;
    private String enterpriseName;
    private String customerClass;
    private String fieldCode;
    private String fieldValue;
    private int page;

    CustomerQuery toQuery() {
        return new CustomerQuery(q, name, accountNo, phone, idNumber, district, estate, building, unit, room,
                enterpriseName, customerClass, fieldCode, fieldValue);
    }

    /** The filters as a query string (without page), for export and pager links. */
    public String queryString() {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        add(b, "q", q);
        add(b, "name", name);
        add(b, "accountNo", accountNo);
        add(b, "phone", phone);
        add(b, "idNumber", idNumber);
        add(b, "district", district);
        add(b, "estate", estate);
        add(b, "building", building);
        add(b, "unit", unit);
        add(b, "room", room);
        add(b, "enterpriseName", enterpriseName);
        add(b, "customerClass", customerClass);
        add(b, "fieldCode", fieldCode);
        add(b, "fieldValue", fieldValue);
        String s = b.encode().build().getQuery();
        return s == null ? "" : s;
    }

    private static void add(UriComponentsBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.queryParam(name, value);
        }
    }

    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getAccountNo() { return accountNo; }
    public void setAccountNo(String accountNo) { this.accountNo = accountNo; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
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
    public String getRoom() { return room; }
    public void setRoom(String room) { this.room = room; }
    public String getEnterpriseName() { return enterpriseName; }
    public void setEnterpriseName(String enterpriseName) { this.enterpriseName = enterpriseName; }
    public String getCustomerClass() { return customerClass; }
    public void setCustomerClass(String customerClass) { this.customerClass = customerClass; }
    public String getFieldCode() { return fieldCode; }
    public void setFieldCode(String fieldCode) { this.fieldCode = fieldCode; }
    public String getFieldValue() { return fieldValue; }
    public void setFieldValue(String fieldValue) { this.fieldValue = fieldValue; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = page; }
}
