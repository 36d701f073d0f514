package io.rexian.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.rexian.customer.internal.CustomerExport;
import io.rexian.customer.internal.CustomerImport;
import io.rexian.customer.internal.CustomerQuery;
import io.rexian.customer.internal.ImportReport;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.IdentityTest;
import io.rexian.identity.Permission;
import io.rexian.identity.TestUsers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@IdentityTest
class CustomerImportTests {

    static final String HEADER = "户号,姓名,客户类别,电话,证件号码,区,小区,楼号,单元,房号,供热面积（平方米）,企业名称\n";

    @Autowired ApplicationContext context;
    @Autowired CustomerImport imports;
    @Autowired CustomerExport exports;
    @Autowired JdbcClient jdbc;

    CurrentUser importer;
    String p;

    @BeforeEach
    void setUp() {
        importer = TestUsers.from(context).withPermissions(TestUsers.unique("importer"), null,
                Permission.CUSTOMER_VIEW, Permission.CUSTOMER_VIEW_ALL, Permission.CUSTOMER_IMPORT,
                Permission.CUSTOMER_EXPORT, Permission.CUSTOMER_VIEW_ID_NUMBER);
        p = CustomerFixtures.uniqueAccount("I");
    }

    private long count(String prefix) {
        return jdbc.sql("SELECT count(*) FROM customer WHERE account_no LIKE ?").param(prefix + "%").query(Long.class).single();
    }

    private ImportReport run(String name, byte[] content, boolean goodRowsOnly) {
        return imports.run(importer, name, content, goodRowsOnly, Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void goodCsvImportsAndReimportUpdatesInsteadOfDuplicating() {
        String csv = HEADER
                + p + "-1,王建国,居民,13811112222;010-88887777,110101198001011234,东城区,幸福家园,3号楼,2单元,501,88.5,\n"
                + p + "-2,宏达商贸,企业,13911113333,,西城区,金桥花园,1号楼,1单元,101,300,宏达商贸有限公司\n";
        ImportReport first = run("customers.csv", csv.getBytes(StandardCharsets.UTF_8), false);
        assertThat(first.written()).isTrue();
        assertThat(first.created()).isEqualTo(2);
        assertThat(count(p)).isEqualTo(2);

        ImportReport again = run("customers.csv", csv.replace("王建国", "王建军").getBytes(StandardCharsets.UTF_8), false);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isEqualTo(2);
        assertThat(count(p)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT name FROM customer WHERE account_no = ?").param(p + "-1").query(String.class).single())
                .isEqualTo("王建军");
        assertThat(jdbc.sql("SELECT string_agg(number, ',' ORDER BY position) FROM customer_phone p JOIN customer c "
                + "ON c.id = p.customer_id WHERE c.account_no = ?").param(p + "-1").query(String.class).single())
                .isEqualTo("13811112222,01088887777");
        assertThat(context.getBean(CustomerLookup.class).byPhone("+86 10 8888 7777"))
                .extracting(CustomerSummary::name).containsExactly("王建军");
    }

    @Test
    void badRowsAreReportedByLineColumnAndChineseReasonAndNothingIsWritten() {
        String csv = HEADER
                + p + "-1,李四,居民,13811112222,,东城区,幸福家园,1号楼,1单元,101,90,\n"
                + p + "-2,,居民,13811113333,,东城区,幸福家园,1号楼,1单元,102,90,\n"
                + p + "-3,赵六,外星人,abc,12345,东城区,幸福家园,1号楼,1单元,103,-5,\n"
                + p + "-1,重复,居民,,,东城区,幸福家园,1号楼,1单元,104,,\n";
        ImportReport report = run("bad.csv", csv.getBytes(StandardCharsets.UTF_8), false);

        assertThat(report.written()).isFalse();
        assertThat(count(p)).isZero();
        assertThat(report.errors()).extracting(ImportReport.RowError::line, ImportReport.RowError::column,
                ImportReport.RowError::message).contains(
                org.assertj.core.groups.Tuple.tuple(3, "姓名", "必须填写"),
                org.assertj.core.groups.Tuple.tuple(4, "客户类别", "客户类别“外星人”不存在"),
                org.assertj.core.groups.Tuple.tuple(4, "电话", "电话号码“abc”无效"),
                org.assertj.core.groups.Tuple.tuple(4, "证件号码", "应为 15 位或 18 位证件号码"),
                org.assertj.core.groups.Tuple.tuple(4, "供热面积（平方米）", "应为不小于 0 的数字"),
                org.assertj.core.groups.Tuple.tuple(5, "户号", "户号“" + p + "-1”已在第 2 行出现"));

        ImportReport goodOnly = run("bad.csv", csv.getBytes(StandardCharsets.UTF_8), true);
        assertThat(goodOnly.written()).isTrue();
        assertThat(goodOnly.created()).isEqualTo(1);
        assertThat(count(p)).isEqualTo(1);
    }

    @Test
    void staffLimitedToSomeDistrictsCannotOverwriteAnotherDistrictsCustomer() {
        run("west.csv", (HEADER + p + "-W,西城客户,居民,,,西城区,金桥花园,1号楼,1单元,101,,\n").getBytes(StandardCharsets.UTF_8), false);
        TestUsers users = TestUsers.from(context);
        long team = users.repairTeam(TestUsers.unique("东城班"), "东城区");
        CurrentUser eastImporter = users.withPermissions(TestUsers.unique("east-importer"), team,
                Permission.CUSTOMER_VIEW, Permission.CUSTOMER_IMPORT);
        String csv = HEADER + p + "-E,东城客户,居民,,,东城区,幸福家园,1号楼,1单元,101,,\n"
                + p + "-W,改名,居民,,,东城区,幸福家园,1号楼,1单元,102,,\n";
        ImportReport report = imports.run(eastImporter, "east.csv", csv.getBytes(StandardCharsets.UTF_8), false,
                Locale.SIMPLIFIED_CHINESE);
        assertThat(report.written()).isFalse();
        assertThat(report.errors()).extracting(ImportReport.RowError::line, ImportReport.RowError::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "户号"));
        assertThat(jdbc.sql("SELECT name FROM customer WHERE account_no = ?").param(p + "-W").query(String.class).single())
                .isEqualTo("西城客户");
    }

    @Test
    void englishHeadersAndGbkEncodingAreAccepted() {
        String csv = "Account number,Name,Phone,District\n" + p + "-1,陈静,13722223333,南城区\n";
        ImportReport report = run("gbk.csv", csv.getBytes(Charset.forName("GBK")), false);
        assertThat(report.fileError()).isNull();
        assertThat(report.created()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT name FROM customer WHERE account_no = ?").param(p + "-1").query(String.class).single())
                .isEqualTo("陈静");
    }

    @Test
    void utf8WithBomIsAccepted() {
        byte[] body = (HEADER + p + "-1,周敏,居民,13722224444,,北城区,北辰小区,2号楼,1单元,201,70,\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertThat(run("bom.csv", withBom, false).created()).isEqualTo(1);
    }

    @Test
    void xlsxImportsAndUnknownColumnsAreRefused() throws IOException {
        byte[] xlsx = xlsx(List.of(List.of("户号", "姓名", "电话", "区"), List.of(p + "-1", "吴涛", "13566667777", "东城区"),
                List.of(p + "-2", "郑丽", "13566668888", "西城区")));
        ImportReport report = run("customers.xlsx", xlsx, false);
        assertThat(report.created()).isEqualTo(2);

        ImportReport unknown = run("x.csv", "户号,姓名,鞋码\nA1,张三,42\n".getBytes(StandardCharsets.UTF_8), false);
        assertThat(unknown.fileError()).isEqualTo("无法识别的列：鞋码");
        assertThat(run("junk.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2}, false).fileError())
                .isEqualTo("无法读取该文件，请上传 CSV 或 .xlsx 文件。");
    }

    @Test
    void exportCanBeImportedBackWithoutChangesAndMasksForUsersWithoutPermission() throws IOException {
        String csv = HEADER + p + "-1,孙红梅,居民,13833334444,110101198001011234,东城区,幸福家园,3号楼,2单元,601,88.5,\n";
        run("c.csv", csv.getBytes(StandardCharsets.UTF_8), false);
        CurrentUser masked = TestUsers.from(context).withPermissions(TestUsers.unique("exporter"), null,
                Permission.CUSTOMER_VIEW, Permission.CUSTOMER_VIEW_ALL, Permission.CUSTOMER_EXPORT, Permission.CUSTOMER_IMPORT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CustomerQuery query = new CustomerQuery(null, null, p, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(exports.export(masked, query, CustomerExport.Format.CSV, out, Locale.SIMPLIFIED_CHINESE)).isEqualTo(1);
        String exported = out.toString(StandardCharsets.UTF_8);
        assertThat(exported).contains("110***********1234").doesNotContain("110101198001011234").contains("孙红梅");

        ImportReport back = imports.run(masked, "export.csv", out.toByteArray(), false, Locale.SIMPLIFIED_CHINESE);
        assertThat(back.errors()).isEmpty();
        assertThat(back.updated()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT id_number FROM customer WHERE account_no = ?").param(p + "-1").query(String.class).single())
                .isEqualTo("110101198001011234");

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        exports.export(importer, query, CustomerExport.Format.XLSX, xlsx, Locale.SIMPLIFIED_CHINESE);
        assertThat(run("export.xlsx", xlsx.toByteArray(), false).updated()).isEqualTo(1);
    }

    @Test
    void aHundredThousandRowsImportInUnderAMinute() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 100_000; i++) {
            csv.append(p).append('-').append(i).append(",客户").append(i).append(",居民,139").append(String.format("%08d", i))
                    .append(",,东城区,幸福家园,").append(i % 20).append("号楼,1单元,").append(i % 1000).append(",88,\n");
        }
        long started = System.nanoTime();
        ImportReport report = run("big.csv", csv.toString().getBytes(StandardCharsets.UTF_8), false);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("IMPORT 100000 rows: " + millis + " ms");
        assertThat(report.created()).isEqualTo(100_000);
        assertThat(millis).isLessThan(60_000);
        jdbc.sql("DELETE FROM customer WHERE account_no LIKE ?").param(p + "-%").update();
    }

    @Test
    void billingDataImportsByAccountAndPeriodAndFeedsTheBuiltInGateway() throws IOException {
        var billingImport = context.getBean(io.rexian.customer.internal.BillingImport.class);
        CurrentUser clerk = TestUsers.from(context).withPermissions(TestUsers.unique("billing"), null, Permission.BILLING_IMPORT);
        String csv = "户号,账期,应缴金额,已缴金额,缴费截止日,余额\n"
                + p + ",2025-11,2400,2400,2025-12-15,30\n"
                + p + ",2025-12,2400,0,2026-01-15,30\n";
        ImportReport report = billingImport.run(clerk, "bills.csv", csv.getBytes(StandardCharsets.UTF_8), false, Locale.SIMPLIFIED_CHINESE);
        assertThat(report.created()).isEqualTo(2);
        BillingGateway gateway = context.getBean(BillingGateway.class);
        assertThat(gateway.statement(p).orElseThrow().arrears()).isEqualByComparingTo("2400");

        byte[] paid = xlsx(List.of(List.of("户号", "账期", "应缴金额", "已缴金额"), List.of(p, "2025-12", "2400", "2400")));
        assertThat(billingImport.run(clerk, "paid.xlsx", paid, false, Locale.SIMPLIFIED_CHINESE).updated()).isEqualTo(1);
        assertThat(gateway.statement(p).orElseThrow().arrears()).isEqualByComparingTo("0");
        assertThat(gateway.statement(p).orElseThrow().balance()).isEqualByComparingTo("30");

        ImportReport bad = billingImport.run(clerk, "bad.csv", ("户号,账期,应缴金额\n" + p + ",2025-13,abc\n")
                .getBytes(StandardCharsets.UTF_8), false, Locale.SIMPLIFIED_CHINESE);
        assertThat(bad.written()).isFalse();
        assertThat(bad.errors()).extracting(ImportReport.RowError::line, ImportReport.RowError::column, ImportReport.RowError::message)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(2, "账期", "账期格式应为 yyyy-MM"),
                        org.assertj.core.groups.Tuple.tuple(2, "应缴金额", "应为不小于 0 的数字"));
    }

    static byte[] xlsx(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet();
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
