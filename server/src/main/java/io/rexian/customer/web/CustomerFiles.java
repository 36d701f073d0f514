package io.rexian.customer.web;

import io.rexian.customer.internal.BillingImport;
import io.rexian.customer.internal.CustomerExport;
import io.rexian.customer.internal.CustomerImport;
import io.rexian.customer.internal.ImportReport;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Import page with its per-line error report, the templates and the exports. */
@Controller
@RequestMapping("/customers")
class CustomerFiles {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final CustomerImport imports;
    private final CustomerExport exports;
    private final BillingImport billingImport;
    private final Clock clock;

    CustomerFiles(CustomerImport imports, CustomerExport exports, BillingImport billingImport, Clock clock) {
        this.imports = imports;
        this.billingImport = billingImport;
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping("/import")
    String importPage(CurrentUser user, Model model) {
        user.require(Permission.CUSTOMER_IMPORT);
        return importView(model, false);
    }

    @PostMapping("/import")
    String importFile(CurrentUser user, @RequestParam("file") MultipartFile file,
                      @RequestParam(value = "goodRowsOnly", defaultValue = "false") boolean goodRowsOnly,
                      Model model, Locale locale) throws IOException {
        ImportReport report = imports.run(user, file.getOriginalFilename(), file.getBytes(), goodRowsOnly, locale);
        model.addAttribute("report", report);
        model.addAttribute("goodRowsOnly", goodRowsOnly);
        return importView(model, false);
    }

    @GetMapping("/billing-import")
    String billingImportPage(CurrentUser user, Model model) {
        user.require(Permission.BILLING_IMPORT);
        return importView(model, true);
    }

    @PostMapping("/billing-import")
    String billingImportFile(CurrentUser user, @RequestParam("file") MultipartFile file,
                             @RequestParam(value = "goodRowsOnly", defaultValue = "false") boolean goodRowsOnly,
                             Model model, Locale locale) throws IOException {
        ImportReport report = billingImport.run(user, file.getOriginalFilename(), file.getBytes(), goodRowsOnly, locale);
        model.addAttribute("report", report);
        model.addAttribute("goodRowsOnly", goodRowsOnly);
        return importView(model, true);
    }

    /** Customer and billing import share one page: upload, option, per-line report. */
    private static String importView(Model model, boolean billing) {
        model.addAttribute("importAction", billing ? "/customers/billing-import" : "/customers/import");
        model.addAttribute("titleKey", billing ? "customer.billing.import.title" : "customer.import.title");
        model.addAttribute("helpKey", billing ? "customer.billing.import.help" : "customer.import.help");
        model.addAttribute("showTemplates", !billing);
        return "customer/import";
    }

    @GetMapping("/template")
    void template(CurrentUser user, @RequestParam(defaultValue = "xlsx") String format, HttpServletResponse response,
                  Locale locale) throws IOException {
        user.require(Permission.CUSTOMER_IMPORT);
        CustomerExport.Format f = format(format);
        attachment(response, f, "customer-template");
        exports.template(f, response.getOutputStream(), locale);
    }

    @GetMapping("/export")
    void export(CurrentUser user, @ModelAttribute SearchParams params, @RequestParam(defaultValue = "xlsx") String format,
                HttpServletResponse response, Locale locale) throws IOException {
        user.require(Permission.CUSTOMER_EXPORT);
        CustomerExport.Format f = format(format);
        attachment(response, f, "customers-" + LocalDate.now(clock));
        exports.export(user, params.toQuery(), f, response.getOutputStream(), locale);
    }

    private static CustomerExport.Format format(String format) {
        return "csv".equalsIgnoreCase(format) ? CustomerExport.Format.CSV : CustomerExport.Format.XLSX;
    }

    private static void attachment(HttpServletResponse response, CustomerExport.Format format, String name) {
        boolean csv = format == CustomerExport.Format.CSV;
        response.setContentType(csv ? "text/csv;charset=UTF-8" : XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(name + (csv ? ".csv" : ".xlsx"), StandardCharsets.UTF_8).build().toString());
    }
}
