package io.rexian.customer.internal;

import io.rexian.identity.AuditLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import io.rexian.customer.CustomerSettings;

/**
 * Writes validated import rows in one transaction: per batch one INSERT ... SELECT FROM
 * unnest(arrays) ... ON CONFLICT (account_no) DO UPDATE, then the batch's phone numbers in
 * one statement. Only columns present in the file are updated on existing customers.
 */
@Component
class CustomerImportWriter {

    private static final String[] SQL_COLUMNS = {"account_no", "name", "class_code", "id_number", "district",
            "estate", "building", "unit", "floor", "room", "address_text", "heated_area", "meter_no", "meter_details",
            "bank_name", "bank_account", "enterprise_name", "notes", "custom_fields"};

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CustomerSettings settings;

    CustomerImportWriter(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events, Clock clock,
                         CustomerSettings settings) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    record Result(int created, int updated) {
    }

    @Transactional
    Result write(List<CustomerData> rows, Set<CustomerColumn> present, String filename, int skippedBadRows) {
        Timestamp now = Timestamp.from(clock.instant());
        String sql = upsertSql(present);
        int created = 0;
        int updated = 0;
        int batch = Math.max(1, settings.importBatchSize());
        for (int from = 0; from < rows.size(); from += batch) {
            List<CustomerData> part = rows.subList(from, Math.min(rows.size(), from + batch));
            List<Object[]> written = jdbc.sql(sql).params(arrays(part)).param("now", now)
                    .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBoolean(3)}).list();
            Map<String, Long> ids = new LinkedHashMap<>();
            List<Long> insertedIds = new ArrayList<>();
            for (Object[] w : written) {
                ids.put((String) w[1], (Long) w[0]);
                if ((Boolean) w[2]) {
                    created++;
                    insertedIds.add((Long) w[0]);
                } else {
                    updated++;
                }
            }
            if (!insertedIds.isEmpty()) {
                // A masked value (from an export) on a new customer stands for nothing known.
                jdbc.sql("""
                        UPDATE customer SET id_number = CASE WHEN id_number LIKE '%*%' THEN NULL ELSE id_number END,
                            bank_account = CASE WHEN bank_account LIKE '%*%' THEN NULL ELSE bank_account END
                        WHERE id = ANY(:ids) AND (id_number LIKE '%*%' OR bank_account LIKE '%*%')""")
                        .param("ids", insertedIds.toArray(Long[]::new)).update();
            }
            if (present.contains(CustomerColumn.PHONES)) {
                writePhones(part, ids);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("file", filename);
        summary.put("created", created);
        summary.put("updated", updated);
        summary.put("skippedBadRows", skippedBadRows);
        audit.record("customer", "import", "import", summary);
        events.publishEvent(new CustomersChanged("import"));
        return new Result(created, updated);
    }

    private void writePhones(List<CustomerData> part, Map<String, Long> ids) {
        List<Long> customerIds = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (CustomerData d : part) {
            Long id = ids.get(d.accountNo());
            for (int i = 0; i < d.phones().size(); i++) {
                customerIds.add(id);
                positions.add(i);
                numbers.add(d.phones().get(i));
            }
        }
        jdbc.sql("DELETE FROM customer_phone WHERE customer_id = ANY(:ids)")
                .param("ids", ids.values().toArray(Long[]::new)).update();
        jdbc.sql("""
                INSERT INTO customer_phone (customer_id, position, number)
                SELECT * FROM unnest(CAST(:c AS bigint[]), CAST(:p AS smallint[]), CAST(:n AS varchar[]))""")
                .param("c", customerIds.toArray(Long[]::new)).param("p", positions.toArray(Integer[]::new))
                .param("n", numbers.toArray(String[]::new)).update();
    }

    private static String upsertSql(Set<CustomerColumn> present) {
        StringJoiner unnest = new StringJoiner(", ");
        StringJoiner select = new StringJoiner(", ");
        for (String column : SQL_COLUMNS) {
            unnest.add("CAST(:" + column + " AS text[])");
            select.add(switch (column) {
                case "heated_area" -> "CAST(t.heated_area AS numeric)";
                case "custom_fields" -> "CAST(t.custom_fields AS jsonb)";
                default -> "t." + column;
            });
        }
        StringJoiner set = new StringJoiner(", ");
        for (CustomerColumn c : present) {
            switch (c) {
                case ACCOUNT_NO, PHONES -> { }
                case ID_NUMBER -> set.add("id_number = CASE WHEN excluded.id_number LIKE '%*%' THEN customer.id_number"
                        + " ELSE excluded.id_number END");
                case BANK_ACCOUNT -> set.add("bank_account = CASE WHEN excluded.bank_account LIKE '%*%'"
                        + " THEN customer.bank_account ELSE excluded.bank_account END");
                default -> set.add(sqlColumn(c) + " = excluded." + sqlColumn(c));
            }
        }
        set.add("custom_fields = customer.custom_fields || excluded.custom_fields");
        set.add("version = customer.version + 1");
        set.add("updated_at = excluded.updated_at");
        return "INSERT INTO customer (" + String.join(", ", SQL_COLUMNS) + ", version, created_at, updated_at) "
                + "SELECT " + select + ", 0, :now, :now FROM unnest(" + unnest + ") AS t("
                + String.join(", ", SQL_COLUMNS) + ") "
                + "ON CONFLICT (account_no) DO UPDATE SET " + set
                + " RETURNING id, account_no, (xmax = 0) AS inserted";
    }

    private static String sqlColumn(CustomerColumn c) {
        return switch (c) {
            case CUSTOMER_CLASS -> "class_code";
            default -> c.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static Map<String, Object> arrays(List<CustomerData> part) {
        Map<String, Object> p = new LinkedHashMap<>();
        put(p, "account_no", part, CustomerData::accountNo);
        put(p, "name", part, CustomerData::name);
        put(p, "class_code", part, CustomerData::customerClass);
        put(p, "id_number", part, d -> d.keepIdNumber() ? "*" : d.idNumber());
        put(p, "district", part, CustomerData::district);
        put(p, "estate", part, CustomerData::estate);
        put(p, "building", part, CustomerData::building);
        put(p, "unit", part, CustomerData::unit);
        put(p, "floor", part, CustomerData::floor);
        put(p, "room", part, CustomerData::room);
        put(p, "address_text", part, CustomerData::addressText);
        put(p, "heated_area", part, d -> d.heatedArea() == null ? null : d.heatedArea().toPlainString());
        put(p, "meter_no", part, CustomerData::meterNo);
        put(p, "meter_details", part, CustomerData::meterDetails);
        put(p, "bank_name", part, CustomerData::bankName);
        put(p, "bank_account", part, d -> d.keepBankAccount() ? "*" : d.bankAccount());
        put(p, "enterprise_name", part, CustomerData::enterpriseName);
        put(p, "notes", part, CustomerData::notes);
        put(p, "custom_fields", part, d -> Customers.toJson(d.customFields()));
        return p;
    }

    private static void put(Map<String, Object> p, String name, List<CustomerData> part,
                            Function<CustomerData, String> value) {
        p.put(name, part.stream().map(value).toArray(String[]::new));
    }
}
