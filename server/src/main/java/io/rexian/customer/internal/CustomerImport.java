package io.rexian.customer.internal;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Bulk import: reads the whole file, checks every row, and only then writes, all in one
 * transaction. A file with bad rows writes nothing unless the user asked for "only the good
 * rows". Rows are matched by account number, so importing a file twice updates, never doubles.
 */
@Service
public class CustomerImport {

    private static final int MAX_REPORTED = 1000;

    private final CustomerCatalog catalog;
    private final CustomerHeaders headers;
    private final CustomerScope scope;
    private final CustomerImportWriter writer;
    private final MessageSource messages;
    private final JdbcClient jdbc;

    CustomerImport(CustomerCatalog catalog, CustomerHeaders headers, CustomerScope scope,
                   CustomerImportWriter writer, MessageSource messages, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.headers = headers;
        this.scope = scope;
        this.writer = writer;
        this.messages = messages;
    }

    public ImportReport run(CurrentUser user, String filename, byte[] content, boolean goodRowsOnly, Locale locale) {
        user.require(Permission.CUSTOMER_IMPORT);
        CustomerScope.Visible visible = scope.of(user);
        CustomerValidation validation = catalog.validation();
        Map<String, String> classCodes = classCodes();
        Rows rows = new Rows(validation, classCodes, visible, locale);
        try {
            TableFile.read(filename, content, rows);
        } catch (TableFile.Unreadable e) {
            return fileError(msg(locale, "customer.import.unreadable"));
        }
        if (rows.headerError != null) {
            return fileError(rows.headerError);
        }
        if (rows.count == 0) {
            return fileError(msg(locale, "customer.import.empty"));
        }
        if (!visible.all()) {
            refuseOtherTeamsCustomers(rows, visible, locale);
        }
        List<ImportReport.RowError> shown = rows.errors.size() > MAX_REPORTED
                ? rows.errors.subList(0, MAX_REPORTED) : rows.errors;
        if ((!rows.errors.isEmpty() && !goodRowsOnly) || rows.good.isEmpty()) {
            return new ImportReport(rows.count, rows.good.size(), shown, rows.errors.size(), false, 0, 0, null);
        }
        CustomerImportWriter.Result result = writer.write(new ArrayList<>(rows.good.values()),
                java.util.EnumSet.copyOf(rows.standard.values()), filename, rows.errors.size());
        return new ImportReport(rows.count, rows.good.size(), shown, rows.errors.size(), true, result.created(),
                result.updated(), null);
    }

    /**
     * Staff limited to some districts may not overwrite, by account number, a customer
     * stored in another district: such rows become errors like any other bad row.
     */
    private void refuseOtherTeamsCustomers(Rows rows, CustomerScope.Visible visible, Locale locale) {
        List<String> foreign = jdbc.sql("""
                SELECT account_no FROM customer WHERE account_no = ANY(:accounts)
                AND (district IS NULL OR NOT district = ANY(:districts))""")
                .param("accounts", rows.good.keySet().toArray(String[]::new))
                .param("districts", visible.districts().toArray(String[]::new))
                .query(String.class).list();
        for (String account : foreign) {
            rows.good.remove(account);
            rows.errors.add(new ImportReport.RowError(rows.firstLineOfAccount.get(account),
                    rows.columnOf("accountNo"), msg(locale, "customer.error.accountNoTaken", account)));
        }
        rows.errors.sort(java.util.Comparator.comparingInt(ImportReport.RowError::line));
    }

    private ImportReport fileError(String message) {
        return new ImportReport(0, 0, List.of(), 0, false, 0, 0, message);
    }

    /** code, Chinese name and English name of each class, all mapping to the code. */
    private Map<String, String> classCodes() {
        Map<String, String> codes = new HashMap<>();
        for (CustomerClass c : catalog.classes()) {
            codes.put(c.code().toUpperCase(Locale.ROOT), c.code());
            codes.put(c.nameZh().toUpperCase(Locale.ROOT), c.code());
            codes.put(c.nameEn().toUpperCase(Locale.ROOT), c.code());
        }
        return codes;
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** Collects good rows and problems while the file is read. */
    private final class Rows implements TableFile.RowHandler {
        private final CustomerValidation validation;
        private final Map<String, String> classCodes;
        private final CustomerScope.Visible visible;
        private final Locale locale;
        private List<String> header;
        private final Map<Integer, CustomerColumn> standard = new HashMap<>();
        private final Map<Integer, CustomFieldDefinition> custom = new HashMap<>();
        private final Map<String, String> headerOfField = new HashMap<>();
        final Map<String, Integer> firstLineOfAccount = new HashMap<>();
        final LinkedHashMap<String, CustomerData> good = new LinkedHashMap<>();
        final List<ImportReport.RowError> errors = new ArrayList<>();
        String headerError;
        int count;

        Rows(CustomerValidation validation, Map<String, String> classCodes, CustomerScope.Visible visible,
             Locale locale) {
            this.validation = validation;
            this.classCodes = classCodes;
            this.visible = visible;
            this.locale = locale;
        }

        @Override
        public void row(int line, List<String> cells) {
            if (headerError != null) {
                return;
            }
            if (header == null) {
                readHeader(cells);
                return;
            }
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                return;
            }
            count++;
            CustomerForm form = new CustomerForm();
            form.setCustomerClass(null);
            for (int i = 0; i < cells.size(); i++) {
                String value = cells.get(i);
                if (standard.containsKey(i)) {
                    form.set(standard.get(i), value);
                } else if (custom.containsKey(i) && value != null) {
                    form.getCustomFields().put(custom.get(i).code(), value);
                }
            }
            if (form.getCustomerClass() == null || form.getCustomerClass().isBlank()) {
                form.setCustomerClass("RESIDENT");
            } else {
                form.setCustomerClass(classCodes.getOrDefault(form.getCustomerClass().strip().toUpperCase(Locale.ROOT),
                        form.getCustomerClass()));
            }
            List<FieldProblem> problems = new ArrayList<>();
            CustomerData data = validation.validate(form, problems);
            if (!visible.all() && data.district() != null && !visible.districts().contains(data.district())) {
                problems.add(new FieldProblem("district", "customer.error.districtOutOfScope",
                        String.join("、", visible.districts())));
            }
            if (data.accountNo() != null && problems.stream().noneMatch(p -> p.field().equals("accountNo"))) {
                Integer first = firstLineOfAccount.putIfAbsent(data.accountNo(), line);
                if (first != null) {
                    problems.add(new FieldProblem("accountNo", "customer.error.duplicateInFile", data.accountNo(), first));
                }
            }
            if (!visible.all() && data.district() == null) {
                problems.add(new FieldProblem("district", "customer.error.districtOutOfScope",
                        String.join("、", visible.districts())));
            }
            if (problems.isEmpty()) {
                good.put(data.accountNo(), data);
            }
            for (FieldProblem p : problems) {
                errors.add(new ImportReport.RowError(line, columnOf(p.field()),
                        messages.getMessage(p.key(), p.args(), p.key(), locale)));
            }
        }

        private void readHeader(List<String> cells) {
            header = cells;
            List<String> unknown = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                String h = cells.get(i);
                if (h == null || h.isBlank()) {
                    continue;
                }
                int index = i;
                Optional<CustomerColumn> column = headers.standard(h);
                if (column.isPresent()) {
                    standard.put(index, column.get());
                    headerOfField.put(column.get().property(), h.strip());
                    continue;
                }
                Optional<CustomFieldDefinition> field = headers.custom(h, validation.fields());
                if (field.isPresent()) {
                    custom.put(index, field.get());
                    headerOfField.put("customFields[" + field.get().code() + "]", h.strip());
                } else {
                    unknown.add(h.strip());
                }
            }
            if (!unknown.isEmpty()) {
                headerError = msg(locale, "customer.import.unknownColumns", String.join("、", unknown));
            } else if (!standard.containsValue(CustomerColumn.ACCOUNT_NO) || !standard.containsValue(CustomerColumn.NAME)) {
                headerError = msg(locale, "customer.import.missingColumns",
                        headers.label(CustomerColumn.ACCOUNT_NO, locale) + "、" + headers.label(CustomerColumn.NAME, locale));
            }
        }

        String columnOf(String field) {
            String base = field.startsWith("phones") ? "phones" : field;
            String h = headerOfField.get(base);
            if (h != null) {
                return h;
            }
            return headers.standard(base).map(c -> headers.label(c, locale)).orElse(base.startsWith("customFields[")
                    ? base.substring("customFields[".length(), base.length() - 1) : base);
        }
    }
}
