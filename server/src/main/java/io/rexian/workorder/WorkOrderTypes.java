package io.rexian.workorder;

import io.rexian.platform.DomainException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Work-order types with their custom fields, and the problem-category tree. */
@Component
public class WorkOrderTypes {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WorkOrderTypes(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @param callbackRate percentage of closed work orders that get a callback visit */
    public record Type(String code, String nameZh, String nameEn, int callbackRate, List<CustomField> customFields) {
    }

    /** @param path names from the root, e.g. "暖气不热 / 室温不达标" */
    public record Category(long id, Long parentId, String name, String path) {
    }

    public List<Type> all() {
        return jdbc.sql("select code, name_zh, name_en, callback_rate, custom_fields::text from wo_type order by code")
                .query((rs, i) -> new Type(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        json.readValue(rs.getString(5), new TypeReference<List<CustomField>>() { })))
                .list();
    }

    public Optional<Type> find(String code) {
        return all().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public Type require(String code) {
        return find(code).orElseThrow(() -> DomainException.invalid("workorder.error.unknownType", code));
    }

    /** Checks and normalises custom-field values against the type's definitions; unknown keys are refused. */
    public Map<String, Object> validateCustomFields(String typeCode, Map<String, Object> values) {
        Type type = require(typeCode);
        Map<String, Object> given = values == null ? Map.of() : values;
        for (String key : given.keySet()) {
            if (type.customFields().stream().noneMatch(f -> f.key().equals(key))) {
                throw DomainException.invalid("workorder.custom.unknown", key);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (CustomField field : type.customFields()) {
            Object v = field.normalise(given.get(field.key()));
            if (v != null) {
                result.put(field.key(), v);
            }
        }
        return result;
    }

    public void saveCustomFields(String typeCode, List<CustomField> fields) {
        require(typeCode);
        for (CustomField f : fields) {
            if (f.kind() == null || f.label() == null || f.label().isBlank()) {
                throw DomainException.invalid("workorder.custom.incomplete", String.valueOf(f.key()));
            }
            if ((f.kind() == CustomField.Kind.CHOICE || f.kind() == CustomField.Kind.MULTI_CHOICE) && f.options().isEmpty()) {
                throw DomainException.invalid("workorder.custom.noOptions", f.label());
            }
            if (f.key() == null || !f.key().matches("[a-zA-Z][a-zA-Z0-9_]{0,39}")) {
                throw DomainException.invalid("workorder.custom.badKey", String.valueOf(f.key()));
            }
        }
        jdbc.sql("update wo_type set custom_fields = ?::jsonb where code = ?")
                .params(json.writeValueAsString(fields), typeCode).update();
    }

    public List<Category> categories() {
        return jdbc.sql("""
                        with recursive tree(id, parent_id, name, path, sort) as (
                          select id, parent_id, name, name::text, sort from wo_category where parent_id is null
                          union all
                          select c.id, c.parent_id, c.name, t.path || ' / ' || c.name, c.sort
                          from wo_category c join tree t on c.parent_id = t.id)
                        select id, parent_id, name, path from tree order by path""")
                .query((rs, i) -> new Category(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    public Optional<Category> category(Long id) {
        return id == null ? Optional.empty() : categories().stream().filter(c -> c.id() == id).findFirst();
    }

    public List<CustomField> parseCustomFields(String text) {
        try {
            return json.readValue(text, new TypeReference<List<CustomField>>() { });
        } catch (RuntimeException e) {
            throw DomainException.invalid("workorder.custom.unreadable", e.getMessage());
        }
    }

    public String customFieldsJson(String typeCode) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(require(typeCode).customFields());
    }

    public long addCategory(Long parentId, String name) {
        if (name == null || name.isBlank()) {
            throw DomainException.invalid("workorder.error.categoryName");
        }
        return jdbc.sql("insert into wo_category (parent_id, name) values (?, ?) returning id")
                .params(parentId, name.trim()).query(Long.class).single();
    }
}
