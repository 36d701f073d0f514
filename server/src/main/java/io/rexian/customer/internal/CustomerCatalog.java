package io.rexian.customer.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The administrator-maintained lists: customer classes and custom field definitions. */
@Repository
public class CustomerCatalog {

    private final JdbcClient jdbc;

    CustomerCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CustomerClass> classes() {
        return jdbc.sql("SELECT code, name_zh, name_en, builtin, sort_order FROM customer_class ORDER BY sort_order, code")
                .query((rs, i) -> new CustomerClass(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), rs.getInt(5)))
                .list();
    }

    public List<CustomFieldDefinition> fields() {
        return jdbc.sql("SELECT code, label, type, choices, required, sort_order FROM customer_field ORDER BY sort_order, code")
                .query((rs, i) -> new CustomFieldDefinition(rs.getString(1), rs.getString(2),
                        CustomFieldDefinition.Type.valueOf(rs.getString(3)),
                        CustomFieldDefinition.parseChoices(rs.getString(4)), rs.getBoolean(5), rs.getInt(6)))
                .list();
    }

    public Optional<CustomFieldDefinition> field(String code) {
        return fields().stream().filter(f -> f.code().equals(code)).findFirst();
    }

    public CustomerValidation validation() {
        return new CustomerValidation(classes().stream().map(CustomerClass::code).toList(), fields());
    }

    public void saveClass(CustomerClass c) {
        jdbc.sql("""
                INSERT INTO customer_class (code, name_zh, name_en, builtin, sort_order) VALUES (?, ?, ?, false, ?)
                ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en,
                    sort_order = excluded.sort_order""")
                .params(c.code(), c.nameZh(), c.nameEn(), c.sortOrder()).update();
    }

    public boolean classInUse(String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM customer WHERE class_code = ?)").param(code)
                .query(Boolean.class).single();
    }

    public void deleteClass(String code) {
        jdbc.sql("DELETE FROM customer_class WHERE code = ? AND NOT builtin").param(code).update();
    }

    public void saveField(CustomFieldDefinition f) {
        jdbc.sql("""
                INSERT INTO customer_field (code, label, type, choices, required, sort_order) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET label = excluded.label, type = excluded.type,
                    choices = excluded.choices, required = excluded.required, sort_order = excluded.sort_order""")
                .params(f.code(), f.label(), f.type().name(), String.join(",", f.choices()), f.required(),
                        f.sortOrder())
                .update();
    }

    public void deleteField(String code) {
        jdbc.sql("DELETE FROM customer_field WHERE code = ?").param(code).update();
    }
}
