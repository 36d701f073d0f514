package io.rexian.customer.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds customers fast among millions: each filter is written so that one index serves
 * it (btree for exact and prefix, pg_trgm GIN for "contains"), the free-text box is a
 * UNION of index lookups, and the user's scope is part of the same SQL. Offset paging
 * with a count capped at {@code countCap}, so a broad search never counts a million rows.
 */
@Component
public class CustomerSearch {

    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]|\\d{15}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    CustomerSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of results; {@code total} is exact up to the cap, {@code capped} says "more". */
    public record Page(List<Customer> items, int page, int size, long total, boolean capped) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    public Page search(CustomerQuery query, CustomerScope.Visible scope, int page, int size, int countCap) {
        Sql sql = build(query, scope);
        int safePage = Math.max(0, page);
        // Counting first, without ORDER BY, lets PostgreSQL start from the most selective
        // index and stop at the cap. When the whole result is small, the page is cut from
        // those ids; only broad results walk the primary key in id order, where matches are
        // dense. (ORDER BY id LIMIT on a selective search would walk the key for nothing.)
        long total = jdbc.sql("SELECT count(*) FROM (" + sql.select("1") + " LIMIT :cap) capped")
                .params(sql.params).param("cap", countCap + 1)
                .query(Long.class).single();
        String items = total <= countCap
                ? "WITH hits AS MATERIALIZED (" + sql.select("c.id") + ") SELECT " + Customers.COLUMNS
                  + " FROM (SELECT id FROM hits ORDER BY id LIMIT :limit OFFSET :offset) page"
                  + " JOIN customer c ON c.id = page.id ORDER BY c.id"
                : sql.select(Customers.COLUMNS) + " ORDER BY c.id LIMIT :limit OFFSET :offset";
        List<Customer> found = jdbc.sql(items)
                .params(sql.params).param("limit", size).param("offset", (long) safePage * size)
                .query(Customers.ROW_MAPPER).list();
        boolean capped = total > countCap;
        return new Page(found, safePage, size, Math.min(total, countCap), capped);
    }

    /** Streams every match in id order (export); the consumer sees one customer at a time. */
    public void each(CustomerQuery query, CustomerScope.Visible scope, Consumer<Customer> consumer) {
        Sql sql = build(query, scope);
        try (var rows = jdbc.sql(sql.select(Customers.COLUMNS) + " ORDER BY c.id")
                .params(sql.params).withFetchSize(1000).query(Customers.ROW_MAPPER).stream()) {
            rows.forEach(consumer);
        }
    }

    private Sql build(CustomerQuery q, CustomerScope.Visible scope) {
        Sql sql = new Sql();
        if (!scope.all()) {
            sql.where("c.district = ANY(:scopeDistricts)", "scopeDistricts", scope.districts().toArray(String[]::new));
        }
        String text = blankToNull(q.q());
        if (text != null) {
            sql.from = freeText(text, sql.params);
        }
        if (blankToNull(q.name()) != null) {
            nameLike("c.name", q.name().strip(), "name", sql);
        }
        if (blankToNull(q.accountNo()) != null) {
            sql.where("c.account_no LIKE :accountNo", "accountNo", escape(q.accountNo().strip()) + "%");
        }
        if (blankToNull(q.phone()) != null) {
            sql.where("c.id IN (SELECT customer_id FROM customer_phone WHERE number LIKE :phone)", "phone",
                    "%" + phoneFragment(q.phone()) + "%");
        }
        if (blankToNull(q.idNumber()) != null) {
            sql.where("c.id_number = :idNumber", "idNumber", q.idNumber().strip().toUpperCase(Locale.ROOT));
        }
        exact("district", q.district(), sql);
        if (blankToNull(q.estate()) != null) {
            nameLike("c.estate", q.estate().strip(), "estate", sql);
        }
        exact("building", q.building(), sql);
        exact("unit", q.unit(), sql);
        exact("room", q.room(), sql);
        if (blankToNull(q.enterpriseName()) != null) {
            nameLike("c.enterprise_name", q.enterpriseName().strip(), "enterprise", sql);
        }
        if (blankToNull(q.customerClass()) != null) {
            sql.where("c.class_code = :cls", "cls", q.customerClass().strip().toUpperCase(Locale.ROOT));
        }
        if (blankToNull(q.fieldCode()) != null && blankToNull(q.fieldValue()) != null) {
            sql.where("c.custom_fields @> CAST(:custom AS jsonb)", "custom",
                    JSON.writeValueAsString(Map.of(q.fieldCode().strip(), q.fieldValue().strip())));
        }
        return sql;
    }

    /**
     * The union of everything the one search box may mean. Each arm is an index lookup; a
     * term of fewer than three characters matches names only by prefix (trigrams need three).
     */
    private static String freeText(String text, Map<String, Object> params) {
        List<String> arms = new ArrayList<>();
        params.put("qPrefix", escape(text) + "%");
        params.put("qContains", "%" + escape(text) + "%");
        arms.add("SELECT id FROM customer WHERE name LIKE :qPrefix OR account_no LIKE :qPrefix"
                + " OR enterprise_name LIKE :qPrefix OR estate LIKE :qPrefix");
        if (text.codePointCount(0, text.length()) >= 3) {
            arms.add("SELECT id FROM customer WHERE name ILIKE :qContains OR enterprise_name ILIKE :qContains"
                    + " OR estate ILIKE :qContains OR address_text ILIKE :qContains");
        }
        String digits = phoneFragment(text);
        boolean idShaped = ID_NUMBER.matcher(text).matches();
        if (digits.length() >= 3 && !idShaped && text.matches("[\\d\\s+()\\-]+")) {
            if (digits.length() >= 11) {
                // A whole number: the btree finds it exactly, however it was written (+86, 0086, 0).
                params.put("qPhone", PhoneNumbers.normalize(text));
                arms.add("SELECT customer_id FROM customer_phone WHERE number = :qPhone");
            } else {
                params.put("qPhone", "%" + digits + "%");
                arms.add("SELECT customer_id FROM customer_phone WHERE number LIKE :qPhone");
            }
        }
        if (idShaped) {
            params.put("qId", text.toUpperCase(Locale.ROOT));
            arms.add("SELECT id FROM customer WHERE id_number = :qId");
        }
        return "customer c JOIN (" + String.join(" UNION ", arms) + ") matched ON matched.id = c.id";
    }

    private static void nameLike(String column, String value, String param, Sql sql) {
        if (value.codePointCount(0, value.length()) >= 3) {
            sql.where(column + " ILIKE :" + param, param, "%" + escape(value) + "%");
        } else {
            sql.where(column + " LIKE :" + param, param, escape(value) + "%");
        }
    }

    private static void exact(String column, String value, Sql sql) {
        if (blankToNull(value) != null) {
            sql.where("c." + column + " = :" + column, column, value.strip());
        }
    }

    /** Full numbers are normalized (+86 etc.); fragments keep just their digits. */
    static String phoneFragment(String raw) {
        String normalized = PhoneNumbers.normalize(raw);
        return normalized.length() >= 11 ? normalized : raw.replaceAll("\\D", "");
    }

    /** LIKE treats % _ and \ specially; a user's text must match literally. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static final class Sql {
        String from = "customer c";
        final List<String> conditions = new ArrayList<>();
        final Map<String, Object> params = new LinkedHashMap<>();

        void where(String condition, String name, Object value) {
            conditions.add(condition);
            params.put(name, value);
        }

        String select(String columns) {
            return "SELECT " + columns + " FROM " + from
                    + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        }
    }
}
