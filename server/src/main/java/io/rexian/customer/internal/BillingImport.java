package io.rexian.customer.internal;

import io.rexian.identity.AuditLog;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the built-in billing tables from a CSV or .xlsx file: one bill per row, keyed by
 * account number and period (importing again updates the bill), and optionally the account
 * balance. Same rules as the customer import: every row is checked first, a file with bad
 * rows writes nothing unless only the good rows are wanted, one transaction.
 */
@Service
public class BillingImport {

    enum Column { ACCOUNT_NO, PERIOD, AMOUNT, PAID, DUE_DATE, BALANCE }

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    BillingImport(JdbcClient jdbc, MessageSource messages, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    private record BillRow(String accountNo, String period, BigDecimal amount, BigDecimal paid, LocalDate dueDate,
                           BigDecimal balance) {
    }

    public ImportReport run(CurrentUser user, String filename, byte[] content, boolean goodRowsOnly, Locale locale) {
        user.require(Permission.BILLING_IMPORT);
        Map<String, Column> known = headers();
        Map<Integer, Column> columns = new HashMap<>();
        Map<Column, String> headerText = new HashMap<>();
        List<BillRow> good = new ArrayList<>();
        List<ImportReport.RowError> errors = new ArrayList<>();
        String[] fileError = {null};
        int[] rows = {0};
        try {
            TableFile.read(filename, content, (line, cells) -> {
                if (fileError[0] != null) {
                    return;
                }
                if (columns.isEmpty() && headerText.isEmpty()) {
                    for (int i = 0; i < cells.size(); i++) {
                        String h = cells.get(i) == null ? "" : cells.get(i).replace("\uFEFF", "").strip();
                        Column c = known.get(h.toLowerCase(Locale.ROOT));
                        if (c == null && !h.isEmpty()) {
                            fileError[0] = msg(locale, "customer.import.unknownColumns", h);
                            return;
                        }
                        if (c != null) {
                            columns.put(i, c);
                            headerText.put(c, h);
                        }
                    }
                    if (!headerText.containsKey(Column.ACCOUNT_NO) || !headerText.containsKey(Column.PERIOD)
                            || !headerText.containsKey(Column.AMOUNT)) {
                        fileError[0] = msg(locale, "customer.import.missingColumns", String.join("、",
                                label(Column.ACCOUNT_NO, locale), label(Column.PERIOD, locale), label(Column.AMOUNT, locale)));
                    }
                    return;
                }
                if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                    return;
                }
                rows[0]++;
                Map<Column, String> v = new HashMap<>();
                columns.forEach((i, c) -> {
                    if (i < cells.size() && cells.get(i) != null && !cells.get(i).isBlank()) {
                        v.put(c, cells.get(i).strip());
                    }
                });
                int before = errors.size();
                BillRow row = parse(line, v, headerText, errors, locale);
                if (errors.size() == before) {
                    good.add(row);
                }
            });
        } catch (TableFile.Unreadable e) {
            fileError[0] = msg(locale, "customer.import.unreadable");
        }
        if (fileError[0] != null) {
            return new ImportReport(0, 0, List.of(), 0, false, 0, 0, fileError[0]);
        }
        if (rows[0] == 0) {
            return new ImportReport(0, 0, List.of(), 0, false, 0, 0, msg(locale, "customer.import.empty"));
        }
        List<ImportReport.RowError> shown = errors.size() > 1000 ? errors.subList(0, 1000) : errors;
        if ((!errors.isEmpty() && !goodRowsOnly) || good.isEmpty()) {
            return new ImportReport(rows[0], good.size(), shown, errors.size(), false, 0, 0, null);
        }
        int[] created = tx.execute(s -> write(good, filename));
        return new ImportReport(rows[0], good.size(), shown, errors.size(), true, created[0], created[1], null);
    }

    private BillRow parse(int line, Map<Column, String> v, Map<Column, String> headerText,
                          List<ImportReport.RowError> errors, Locale locale) {
        String account = v.get(Column.ACCOUNT_NO);
        if (account == null) {
            errors.add(error(line, headerText, Column.ACCOUNT_NO, locale, "customer.error.required"));
        }
        String period = v.get(Column.PERIOD);
        try {
            period = period == null ? null : YearMonth.parse(period.replace('/', '-').replace('.', '-')).toString();
        } catch (DateTimeParseException e) {
            errors.add(error(line, headerText, Column.PERIOD, locale, "customer.billing.error.period"));
        }
        if (v.get(Column.PERIOD) == null) {
            errors.add(error(line, headerText, Column.PERIOD, locale, "customer.error.required"));
        }
        BigDecimal amount = money(line, v, Column.AMOUNT, headerText, errors, locale);
        if (v.get(Column.AMOUNT) == null) {
            errors.add(error(line, headerText, Column.AMOUNT, locale, "customer.error.required"));
        }
        BigDecimal paid = money(line, v, Column.PAID, headerText, errors, locale);
        BigDecimal balance = money(line, v, Column.BALANCE, headerText, errors, locale);
        LocalDate due = null;
        if (v.get(Column.DUE_DATE) != null) {
            try {
                due = LocalDate.parse(v.get(Column.DUE_DATE).replace('/', '-'));
            } catch (DateTimeParseException e) {
                errors.add(error(line, headerText, Column.DUE_DATE, locale, "customer.error.date"));
            }
        }
        return new BillRow(account, period, amount, paid == null ? BigDecimal.ZERO : paid, due, balance);
    }

    private BigDecimal money(int line, Map<Column, String> v, Column c, Map<Column, String> headerText,
                             List<ImportReport.RowError> errors, Locale locale) {
        String s = v.get(c);
        if (s == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(s.replace(",", "").replace("¥", ""));
            if (c != Column.BALANCE && d.signum() < 0) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            errors.add(error(line, headerText, c, locale, "customer.error.number"));
            return null;
        }
    }

    private int[] write(List<BillRow> rows, String filename) {
        int created = 0;
        int updated = 0;
        Timestamp now = Timestamp.from(clock.instant());
        for (BillRow r : rows) {
            boolean inserted = jdbc.sql("""
                    INSERT INTO billing_bill (account_no, period, amount, paid, due_date) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (account_no, period) DO UPDATE SET amount = excluded.amount, paid = excluded.paid,
                        due_date = excluded.due_date
                    RETURNING (xmax = 0)""")
                    .params(r.accountNo(), r.period(), r.amount(), r.paid(), r.dueDate())
                    .query(Boolean.class).single();
            if (inserted) {
                created++;
            } else {
                updated++;
            }
            if (r.balance() != null) {
                jdbc.sql("""
                        INSERT INTO billing_account (account_no, balance, updated_at) VALUES (?, ?, ?)
                        ON CONFLICT (account_no) DO UPDATE SET balance = excluded.balance, updated_at = excluded.updated_at""")
                        .params(r.accountNo(), r.balance(), now).update();
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("file", filename);
        summary.put("created", created);
        summary.put("updated", updated);
        audit.record("billing", "import", "import", summary);
        return new int[] {created, updated};
    }

    private ImportReport.RowError error(int line, Map<Column, String> headerText, Column c, Locale locale, String key) {
        return new ImportReport.RowError(line, headerText.getOrDefault(c, label(c, locale)), msg(locale, key));
    }

    private Map<String, Column> headers() {
        Map<String, Column> known = new HashMap<>();
        for (Column c : Column.values()) {
            known.put(label(c, Locale.SIMPLIFIED_CHINESE).toLowerCase(Locale.ROOT), c);
            known.put(label(c, Locale.ENGLISH).toLowerCase(Locale.ROOT), c);
        }
        return known;
    }

    private String label(Column c, Locale locale) {
        return msg(locale, "customer.billing.column." + c.name());
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
