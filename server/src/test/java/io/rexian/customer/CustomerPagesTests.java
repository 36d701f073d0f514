package io.rexian.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import io.rexian.customer.internal.Customer;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.IdentityTest;
import io.rexian.identity.TestUsers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

@IdentityTest
class CustomerPagesTests {

    static final String XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    CustomerFixtures fixtures;
    CurrentUser admin;

    @BeforeEach
    void setUp() {
        fixtures = new CustomerFixtures(context);
        admin = TestUsers.from(context).withRoles(TestUsers.unique("admin"), null, "ADMIN");
    }

    private String body(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void scriptInANameIsShownAsTextOnListAndDetail() throws Exception {
        Customer c = fixtures.create(XSS, "东城区");
        String escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;";
        String list = body(get("/customers").param("q", "<script>").with(TestUsers.as(admin)));
        assertThat(list).contains(escaped).doesNotContain(XSS);
        String fragment = body(get("/customers").param("q", "<script>").header("HX-Request", "true").with(TestUsers.as(admin)));
        assertThat(fragment).contains(escaped).doesNotContain("<script>alert").doesNotContain("<html");
        String detail = body(get("/customers/" + c.id()).with(TestUsers.as(admin)));
        assertThat(detail).contains(escaped).doesNotContain(XSS);
    }

    @Test
    void formShowsEachErrorNextToItsFieldInChinese() throws Exception {
        String page = body(post("/customers").with(TestUsers.as(admin)).with(csrf())
                .param("accountNo", "坏 户号").param("name", "").param("customerClass", "RESIDENT")
                .param("phones[0]", "12").param("idNumber", "123").param("heatedArea", "很多"));
        assertThat(page).contains("部分字段填写不正确")
                .contains("只能包含字母、数字、“-”和“_”")
                .contains("必须填写")
                .contains("电话号码“12”无效")
                .contains("应为 15 位或 18 位证件号码")
                .contains("应为不小于 0 的数字")
                .contains("value=\"坏 户号\"");
    }

    @Test
    void createEditAndDeleteThroughThePagesAreAudited() throws Exception {
        String account = CustomerFixtures.uniqueAccount("P");
        var created = mvc.perform(post("/customers").with(TestUsers.as(admin)).with(csrf())
                .param("accountNo", account).param("name", "页面客户").param("customerClass", "VIP")
                .param("phones[0]", "+86 138 0013 8000").param("district", "北城区")).andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(302);
        long id = jdbc.sql("SELECT id FROM customer WHERE account_no = ?").param(account).query(Long.class).single();
        assertThat(created.getRedirectedUrl()).isEqualTo("/customers/" + id);
        assertThat(body(get("/customers/" + id).with(TestUsers.as(admin)))).contains("页面客户").contains("13800138000")
                .contains("暂无联系记录。").contains("收费系统中没有该户号。");

        mvc.perform(post("/customers/" + id).with(TestUsers.as(admin)).with(csrf()).param("version", "0")
                .param("accountNo", account).param("name", "页面客户改").param("customerClass", "VIP")
                .param("district", "北城区"));
        String changes = jdbc.sql("SELECT changes::text FROM audit_event WHERE entity_type = 'customer' AND entity_id = ? "
                + "AND action = 'update'").param(String.valueOf(id)).query(String.class).single();
        assertThat(changes).contains("页面客户改").contains("name").contains("phones");

        // the same stale version again: someone else saved in between
        assertThat(mvc.perform(post("/customers/" + id).with(TestUsers.as(admin)).with(csrf()).param("version", "0")
                .param("accountNo", account).param("name", "过期").param("customerClass", "VIP")
                .param("district", "北城区")).andReturn().getResponse().getStatus()).isEqualTo(409);

        assertThat(mvc.perform(post("/customers/" + id + "/delete").with(TestUsers.as(admin)).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/customers");
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE entity_type = 'customer' AND entity_id = ? ORDER BY id")
                .param(String.valueOf(id)).query(String.class).list()).containsExactly("create", "update", "delete");
    }

    @Test
    void apiValidationErrorsNameEachFieldInTheRequestsLanguage() throws Exception {
        String json = "{\"accountNo\":\"\",\"name\":\"x\",\"customerClass\":\"NOPE\",\"phones\":[\"1\"]}";
        var zh = mvc.perform(post("/api/v1/customers").with(TestUsers.as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content(json)).andReturn().getResponse();
        assertThat(zh.getStatus()).isEqualTo(400);
        assertThat(zh.getContentAsString(StandardCharsets.UTF_8)).contains("\"field\":\"accountNo\"")
                .contains("户号: 必须填写").contains("\"field\":\"customerClass\"").contains("客户类别“NOPE”不存在")
                .contains("\"field\":\"phones[0]\"");
        var en = mvc.perform(post("/api/v1/customers").param("lang", "en").with(TestUsers.as(admin))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse();
        assertThat(en.getContentAsString(StandardCharsets.UTF_8)).contains("Account number: is required");
        var missing = mvc.perform(put("/api/v1/customers/999999999").with(TestUsers.as(admin))
                .contentType(MediaType.APPLICATION_JSON).content("{\"accountNo\":\"A1\",\"name\":\"x\"}")).andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(404);
    }

    @Test
    void templatesHaveChineseHeadersInCsvAndXlsx() throws Exception {
        var csv = mvc.perform(get("/customers/template").param("format", "csv").with(TestUsers.as(admin))).andReturn().getResponse();
        byte[] bytes = csv.getContentAsByteArray();
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)).startsWith("户号,姓名,客户类别,电话,证件号码,区,小区");
        assertThat(csv.getHeader("Content-Disposition")).contains("customer-template.csv");
        var xlsx = mvc.perform(get("/customers/template").param("format", "xlsx").with(TestUsers.as(admin))).andReturn().getResponse();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("户号");
            assertThat(wb.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("姓名");
        }
    }

    @Test
    void adminAddsAClassAndACustomFieldUsedByTheForm() throws Exception {
        mvc.perform(post("/customers/admin/classes").with(TestUsers.as(admin)).with(csrf())
                .param("code", "SCHOOL").param("nameZh", "学校").param("nameEn", "School"));
        mvc.perform(post("/customers/admin/fields").with(TestUsers.as(admin)).with(csrf())
                .param("code", "contract_no").param("label", "合同编号").param("type", "NUMBER"));
        assertThat(body(get("/customers/admin").with(TestUsers.as(admin)))).contains("学校").contains("合同编号");
        String form = body(get("/customers/new").with(TestUsers.as(admin)));
        assertThat(form).contains("学校").contains("合同编号");
        String page = body(post("/customers").with(TestUsers.as(admin)).with(csrf())
                .param("accountNo", CustomerFixtures.uniqueAccount("Q")).param("name", "某学校").param("customerClass", "SCHOOL")
                .param("customFields[contract_no]", "abc"));
        assertThat(page).contains("应为数字");
        mvc.perform(post("/customers/admin/fields/delete").with(TestUsers.as(admin)).with(csrf()).param("code", "contract_no"));
    }
}
