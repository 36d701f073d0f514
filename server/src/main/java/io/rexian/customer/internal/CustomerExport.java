package io.rexian.customer.internal;

import io.rexian.identity.AuditLog;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Export of what the user may see (his scope, masked ID and bank numbers unless permitted)
 * as CSV (UTF-8 with BOM so Excel opens it right) or .xlsx written as a stream. The same
 * headers make the template, and an export can be imported back.
 */
@Service
public class CustomerExport {

    public enum Format { CSV, XLSX }

    private final CustomerSearch search;
    private final CustomerScope scope;
    private final CustomerCatalog catalog;
    private final CustomerHeaders headers;
    private final AuditLog audit;

    CustomerExport(CustomerSearch search, CustomerScope scope, CustomerCatalog catalog, CustomerHeaders headers,
                   AuditLog audit) {
        this.search = search;
        this.scope = scope;
        this.catalog = catalog;
        this.headers = headers;
        this.audit = audit;
    }

    /** @return rows written */
    @Transactional
    public int export(CurrentUser user, CustomerQuery query, Format format, OutputStream out, Locale locale)
            throws IOException {
        user.require(Permission.CUSTOMER_EXPORT);
        CustomerScope.Visible visible = scope.of(user);
        boolean unmasked = user.can(Permission.CUSTOMER_VIEW_ID_NUMBER);
        List<CustomFieldDefinition> fields = catalog.fields();
        Map<String, String> classNames = catalog.classes().stream()
                .collect(Collectors.toMap(CustomerClass::code, c -> c.name(locale)));
        int[] count = {0};
        write(format, out, headers.headers(locale, fields), sink -> search.each(query, visible, c -> {
            Customer shown = unmasked ? c : c.masked();
            List<String> cells = new ArrayList<>();
            for (CustomerColumn column : CustomerColumn.values()) {
                String v = shown.value(column);
                cells.add(column == CustomerColumn.CUSTOMER_CLASS ? classNames.getOrDefault(v, v) : v);
            }
            fields.forEach(f -> cells.add(shown.customFields().get(f.code())));
            sink.accept(cells);
            count[0]++;
        }));
        audit.record("customer", "export", "export", Map.of("rows", count[0], "format", format.name(),
                "masked", !unmasked));
        return count[0];
    }

    /** An empty file with the headers in the user's language (Chinese by default). */
    public void template(Format format, OutputStream out, Locale locale) throws IOException {
        write(format, out, headers.headers(locale, catalog.fields()), sink -> { });
    }

    private static void write(Format format, OutputStream out, List<String> header,
                              Consumer<Consumer<List<String>>> rows) throws IOException {
        if (format == Format.CSV) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
            printer.printRecord(header);
            rows.accept(cells -> {
                try {
                    printer.printRecord(cells);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
            return;
        }
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            Sheet sheet = workbook.createSheet("customers");
            // Text format, so Excel keeps leading zeros and long numbers (phones, ID numbers) intact.
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            for (int i = 0; i < header.size(); i++) {
                sheet.setDefaultColumnStyle(i, text);
                sheet.setColumnWidth(i, 16 * 256);
            }
            int[] next = {0};
            Consumer<List<String>> writeRow = cells -> {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < cells.size(); i++) {
                    if (cells.get(i) != null) {
                        var cell = row.createCell(i);
                        cell.setCellStyle(text);
                        cell.setCellValue(cells.get(i));
                    }
                }
            };
            writeRow.accept(header);
            rows.accept(writeRow);
            workbook.write(out);
        }
    }
}
