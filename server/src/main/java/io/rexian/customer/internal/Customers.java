package io.rexian.customer.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Customer rows and their phone numbers. Optimistic locking by the version column: an
 * update names the version the user saw and changes nothing if someone saved in between.
 */
@Repository
public class Customers {

    static final String COLUMNS = """
            c.id, c.account_no, c.name, c.class_code, c.id_number, c.district, c.estate, c.building, c.unit,
            c.floor, c.room, c.address_text, c.heated_area, c.meter_no, c.meter_details, c.bank_name,
            c.bank_account, c.enterprise_name, c.notes, c.custom_fields::text AS custom_fields, c.version,
            c.created_at, c.updated_at,
            (SELECT string_agg(p.number, ',' ORDER BY p.position) FROM customer_phone p WHERE p.customer_id = c.id) AS phones
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() { };

    private final JdbcClient jdbc;

    Customers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Customer> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer c WHERE c.id = ?").param(id)
                .query(ROW_MAPPER).optional();
    }

    public Optional<Customer> findByAccountNo(String accountNo) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer c WHERE c.account_no = ?").param(accountNo)
                .query(ROW_MAPPER).optional();
    }

    public long insert(CustomerData d, Instant now) {
        long id = jdbc.sql("""
                INSERT INTO customer (account_no, name, class_code, id_number, district, estate, building, unit, floor,
                    room, address_text, heated_area, meter_no, meter_details, bank_name, bank_account, enterprise_name,
                    notes, custom_fields, version, created_at, updated_at)
                VALUES (:accountNo, :name, :cls, :idNumber, :district, :estate, :building, :unit, :floor, :room,
                    :addressText, :heatedArea, :meterNo, :meterDetails, :bankName, :bankAccount, :enterpriseName,
                    :notes, :custom::jsonb, 0, :now, :now)
                RETURNING id""")
                .params(params(d)).param("now", Timestamp.from(now))
                .query(Long.class).single();
        replacePhones(id, d.phones());
        return id;
    }

    /** @return false when the row changed since {@code expectedVersion} (or is gone) */
    public boolean update(long id, long expectedVersion, CustomerData d, Instant now) {
        int rows = jdbc.sql("""
                UPDATE customer SET account_no = :accountNo, name = :name, class_code = :cls,
                    id_number = CASE WHEN :keepId THEN id_number ELSE :idNumber END,
                    district = :district, estate = :estate, building = :building, unit = :unit, floor = :floor,
                    room = :room, address_text = :addressText, heated_area = :heatedArea, meter_no = :meterNo,
                    meter_details = :meterDetails, bank_name = :bankName,
                    bank_account = CASE WHEN :keepBank THEN bank_account ELSE :bankAccount END,
                    enterprise_name = :enterpriseName, notes = :notes, custom_fields = :custom::jsonb,
                    version = version + 1, updated_at = :now
                WHERE id = :id AND version = :version""")
                .params(params(d)).param("keepId", d.keepIdNumber()).param("keepBank", d.keepBankAccount())
                .param("now", Timestamp.from(now)).param("id", id).param("version", expectedVersion)
                .update();
        if (rows == 1) {
            replacePhones(id, d.phones());
        }
        return rows == 1;
    }

    public boolean delete(long id, long expectedVersion) {
        return jdbc.sql("DELETE FROM customer WHERE id = ? AND version = ?").params(id, expectedVersion).update() == 1;
    }

    public boolean accountNoTaken(String accountNo, Long exceptId) {
        return jdbc.sql("SELECT count(*) FROM customer WHERE account_no = ? AND id <> ?")
                .params(accountNo, exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    private void replacePhones(long id, List<String> phones) {
        jdbc.sql("DELETE FROM customer_phone WHERE customer_id = ?").param(id).update();
        for (int i = 0; i < phones.size(); i++) {
            jdbc.sql("INSERT INTO customer_phone (customer_id, position, number) VALUES (?, ?, ?)")
                    .params(id, (short) i, phones.get(i)).update();
        }
    }

    private static Map<String, Object> params(CustomerData d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("accountNo", d.accountNo());
        p.put("name", d.name());
        p.put("cls", d.customerClass());
        p.put("idNumber", d.idNumber());
        p.put("district", d.district());
        p.put("estate", d.estate());
        p.put("building", d.building());
        p.put("unit", d.unit());
        p.put("floor", d.floor());
        p.put("room", d.room());
        p.put("addressText", d.addressText());
        p.put("heatedArea", d.heatedArea());
        p.put("meterNo", d.meterNo());
        p.put("meterDetails", d.meterDetails());
        p.put("bankName", d.bankName());
        p.put("bankAccount", d.bankAccount());
        p.put("enterpriseName", d.enterpriseName());
        p.put("notes", d.notes());
        p.put("custom", toJson(d.customFields()));
        return p;
    }

    static String toJson(Map<String, String> values) {
        return JSON.writeValueAsString(values);
    }

    static Map<String, String> fromJson(String json) {
        return json == null ? Map.of() : JSON.readValue(json, MAP);
    }

    static final RowMapper<Customer> ROW_MAPPER = Customers::map;

    private static Customer map(ResultSet rs, int row) throws SQLException {
        String phones = rs.getString("phones");
        BigDecimal area = rs.getBigDecimal("heated_area");
        return new Customer(rs.getLong("id"), rs.getString("account_no"), rs.getString("name"),
                rs.getString("class_code"), phones == null ? List.of() : Arrays.asList(phones.split(",")),
                rs.getString("id_number"), rs.getString("district"), rs.getString("estate"),
                rs.getString("building"), rs.getString("unit"), rs.getString("floor"), rs.getString("room"),
                rs.getString("address_text"), area, rs.getString("meter_no"), rs.getString("meter_details"),
                rs.getString("bank_name"), rs.getString("bank_account"), rs.getString("enterprise_name"),
                rs.getString("notes"), fromJson(rs.getString("custom_fields")), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
