package io.rexian.callcenter.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.IdentityTest;
import io.rexian.identity.Permission;
import io.rexian.identity.TestUsers;
import io.rexian.identity.account.UserAdministration;
import io.rexian.identity.account.UserProfile;
import io.rexian.telephony.ExtensionSecret;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** 分机管理 as an administrator uses it: what the pages show and what ends up in the database. */
@IdentityTest
class ExtensionPagesTests {

    private static final AtomicInteger NUMBERS = new AtomicInteger(61000);

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    TestUsers users;
    CurrentUser admin;

    @BeforeEach
    void setUp() {
        users = TestUsers.from(context);
        admin = users.withRoles(TestUsers.unique("admin"), null, "ADMIN");
    }

    static String newNumber() {
        return String.valueOf(NUMBERS.incrementAndGet());
    }

    @Test
    void createWithGeneratedPasswordShowsItOnceAndStoresOnlyHashes() throws Exception {
        CurrentUser agent = users.withRoles(TestUsers.unique("agent"), null, "AGENT");
        String number = newNumber();

        var created = mvc.perform(post("/callcenter/extensions").with(TestUsers.as(admin)).with(csrf())
                .param("number", number).param("owner", agent.username()).param("password", "")).andReturn();
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/callcenter/extensions/" + number);
        String first = (String) created.getFlashMap().get("secret");
        assertThat(first).hasSize(16).matches("[a-zA-Z2-9]+");
        String page = mvc.perform(get("/callcenter/extensions/" + number).with(TestUsers.as(admin))
                .flashAttrs(created.getFlashMap())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(first).contains("只显示这一次").contains("话机注册方法").contains("<code>rexian</code>")
                .contains(agent.username()).contains("已启用");
        // Shown once: the next visit no longer has it.
        assertThat(body(get("/callcenter/extensions/" + number), admin)).doesNotContain(first).contains("由管理员提供");

        // A reset generates another one; the first no longer matches the stored hashes.
        var reset = mvc.perform(post("/callcenter/extensions/" + number + "/password").with(TestUsers.as(admin)).with(csrf())
                .param("version", "0").param("password", "")).andReturn();
        String secret = (String) reset.getFlashMap().get("secret");
        assertThat(secret).hasSize(16).isNotEqualTo(first);

        Map<String, Object> row = jdbc.sql("select * from callcenter_extension where extension = ?").param(number)
                .query().singleRow();
        ExtensionSecret expected = ExtensionSecret.fromPassword(number, "rexian", secret);
        assertThat(row).containsEntry("ha1_md5", expected.ha1Md5()).containsEntry("ha1_sha256", expected.ha1Sha256())
                .containsEntry("user_id", agent.id()).containsEntry("enabled", true)
                .containsEntry("updated_by", admin.username());
        assertThat(row.values().stream().map(String::valueOf)).noneMatch(v -> v.contains(secret));

        List<String> audit = jdbc.sql("select action || ' ' || changes::text from audit_event"
                + " where entity_type = 'sip_extension' and entity_id = ? order by id").param(number).query(String.class).list();
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0)).startsWith("create").contains(agent.username());
        assertThat(audit.get(1)).startsWith("reset_password");
        assertThat(String.join(" ", audit)).doesNotContain(secret).doesNotContain(first).doesNotContain(expected.ha1Md5());

        // The list finds it by number and by the owner's name.
        assertThat(body(get("/callcenter/extensions").param("q", number), admin)).contains(number);
        assertThat(body(get("/callcenter/extensions").param("q", agent.username()), admin)).contains(number);
        assertThat(body(get("/callcenter/extensions").param("q", "nobody-has-this"), admin)).doesNotContain(number);
    }

    @Test
    void typedPasswordsFollowTheRulesAndRefusalsNameTheFieldInChineseWithNothingWritten() throws Exception {
        String number = newNumber();
        assertRefused(number, "", "short1", "密码：长度须为 10 到 128 个字符。");
        assertRefused(number, "", "abc" + number + "xyz12", "密码：不能包含分机号。");
        assertRefused("12", "", "", "分机号：只能是 3 到 10 位数字。");
        assertRefused("80a1", "", "", "分机号：只能是 3 到 10 位数字。");
        assertRefused("701", "", "", "分机号：701 是呼叫停泊号码（701–720），不能用作分机。");
        assertRefused("720", "", "", "呼叫停泊号码");
        assertRefused(number, "no-such-user", "", "使用人：找不到登录名为“no-such-user”的用户。");
        assertThat(count(number)).isZero();

        submit(post("/callcenter/extensions").param("number", number).param("password", "typed-secret-1"));
        assertThat(count(number)).isOne();
        assertThat(jdbc.sql("select ha1_md5 from callcenter_extension where extension = ?").param(number)
                .query(String.class).single()).isEqualTo(ExtensionSecret.fromPassword(number, "rexian", "typed-secret-1").ha1Md5());
        assertRefused(number, "", "", "分机号：分机 " + number + " 已存在。");
        assertRefused("702", "", "", "呼叫停泊号码");
    }

    @Test
    void disableEnableAndDeleteAreAuditedAndAStaleFormNamesWhoChangedIt() throws Exception {
        String number = newNumber();
        submit(post("/callcenter/extensions").param("number", number));
        CurrentUser other = users.withPermissions(TestUsers.unique("telephony"), null, Permission.CALLCENTER_CONFIGURE);

        // Someone else disables it first (he holds CALLCENTER_CONFIGURE without being an administrator).
        MockHttpServletResponse disabled = mvc.perform(post("/callcenter/extensions/" + number + "/enabled")
                .with(TestUsers.as(other)).with(csrf()).param("version", "0").param("enabled", "false")).andReturn().getResponse();
        assertThat(disabled.getRedirectedUrl()).isEqualTo("/callcenter/extensions/" + number);
        assertThat(enabled(number)).isFalse();
        assertThat(body(get("/callcenter/extensions/" + number), admin)).contains("已停用");

        // The administrator's page still had version 0.
        var stale = mvc.perform(post("/callcenter/extensions/" + number + "/password").with(TestUsers.as(admin)).with(csrf())
                .param("version", "0").param("password", "")).andReturn();
        assertThat((String) stale.getFlashMap().get("error"))
                .matches("分机 " + number + " 已被 " + other.username() + " 于 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d 修改，请刷新页面后重试。");
        assertThat(stale.getFlashMap().get("secret")).isNull();

        submit(post("/callcenter/extensions/" + number + "/enabled").param("version", "1").param("enabled", "true"));
        assertThat(enabled(number)).isTrue();

        // Handing it to another user keeps the password; an unknown login is refused by name.
        var unknown = mvc.perform(post("/callcenter/extensions/" + number + "/owner").with(TestUsers.as(admin)).with(csrf())
                .param("version", "2").param("owner", "nobody-x")).andReturn();
        assertThat((String) unknown.getFlashMap().get("error")).isEqualTo("使用人：找不到登录名为“nobody-x”的用户。");
        String md5 = jdbc.sql("select ha1_md5 from callcenter_extension where extension = ?").param(number)
                .query(String.class).single();
        submit(post("/callcenter/extensions/" + number + "/owner").param("version", "2").param("owner", other.username()));
        assertThat(jdbc.sql("select user_id from callcenter_extension where extension = ?").param(number)
                .query(Long.class).single()).isEqualTo(other.id());
        assertThat(jdbc.sql("select ha1_md5 from callcenter_extension where extension = ?").param(number)
                .query(String.class).single()).isEqualTo(md5);
        assertThat(body(get("/callcenter/extensions/" + number), admin)).contains("value=\"" + other.username() + "\"");

        var unconfirmed = mvc.perform(post("/callcenter/extensions/" + number + "/delete").with(TestUsers.as(admin))
                .with(csrf()).param("version", "2")).andReturn();
        assertThat((String) unconfirmed.getFlashMap().get("error")).isEqualTo("删除前请勾选确认。");
        assertThat(count(number)).isOne();

        MockHttpServletResponse deleted = submit(post("/callcenter/extensions/" + number + "/delete")
                .param("version", "3").param("confirm", "true"));
        assertThat(deleted.getRedirectedUrl()).isEqualTo("/callcenter/extensions");
        assertThat(count(number)).isZero();
        assertThat(jdbc.sql("select action from audit_event where entity_type = 'sip_extension' and entity_id = ? order by id")
                .param(number).query(String.class).list()).containsExactly("create", "disable", "enable", "change_owner", "delete");
        assertThat(mvc.perform(get("/callcenter/extensions/" + number).with(TestUsers.as(admin))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void agentsAndRepairWorkersAreRefusedEveryPageAndAction() throws Exception {
        String number = newNumber();
        submit(post("/callcenter/extensions").param("number", number));
        long team = users.repairTeam(TestUsers.unique("分机测试班"), "北城区");
        for (CurrentUser refused : List.of(users.withRoles(TestUsers.unique("agent"), null, "AGENT"),
                users.withRoles(TestUsers.unique("field"), team, "FIELD_WORKER"),
                users.withRoles(TestUsers.unique("lead"), null, "TEAM_LEADER"))) {
            for (MockHttpServletRequestBuilder request : List.of(get("/callcenter/extensions"),
                    get("/callcenter/extensions/" + number), get("/callcenter/trunks"),
                    post("/callcenter/extensions").param("number", newNumber()),
                    post("/callcenter/extensions/" + number + "/password").param("version", "0"),
                    post("/callcenter/extensions/" + number + "/enabled").param("version", "0").param("enabled", "false"),
                    post("/callcenter/extensions/" + number + "/owner").param("version", "0").param("owner", refused.username()),
                    post("/callcenter/extensions/" + number + "/delete").param("version", "0").param("confirm", "true"))) {
                MockHttpServletResponse response = mvc.perform(request.with(TestUsers.as(refused)).with(csrf()))
                        .andReturn().getResponse();
                assertThat(response.getStatus()).as(refused.username() + " " + request).isEqualTo(403);
                assertThat(response.getContentAsString()).contains("您没有执行此操作的权限");
            }
        }
        assertThat(enabled(number)).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'sip_extension' and entity_id = ?")
                .param(number).query(Long.class).single()).isOne();
    }

    @Test
    void ownersSeeTheirOwnExtensionsAndHowToRegisterAndNamesAreEscaped() throws Exception {
        String login = TestUsers.unique("owner");
        long ownerId = context.getBean(UserAdministration.class).create(login, TestUsers.PASSWORD, false,
                new UserProfile("x<script>alert(1)</script>", null, null, null, null, Set.of("AGENT"))).id();
        CurrentUser owner = users.user(ownerId);
        String number = newNumber();
        submit(post("/callcenter/extensions").param("number", number).param("owner", owner.username()));
        String other = newNumber();
        submit(post("/callcenter/extensions").param("number", other));

        // Not in demo mode the engine listens on every interface: phones use the address the browser used.
        String mine = body(get("/callcenter/my-extensions"), owner);
        assertThat(mine).contains("分机号 " + number).doesNotContain(other).contains("话机注册方法")
                .contains("<code>localhost</code>").contains("<code>5060</code>").contains("UDP / TCP")
                .contains("由管理员提供").contains("本服务器未启动电话引擎");
        assertThat(body(get("/"), owner)).contains("href=\"/callcenter/my-extensions\"");

        String list = body(get("/callcenter/extensions"), admin);
        assertThat(list).doesNotContain("<script>alert(1)</script>").contains("x&lt;script&gt;alert(1)&lt;/script&gt;");
        // A field worker owning nothing is told so.
        assertThat(body(get("/callcenter/my-extensions"), users.withRoles(TestUsers.unique("none"), null, "AGENT")))
                .contains("您还没有分机");
        // Administration lists both pages for administrators.
        assertThat(body(get("/admin"), admin)).contains("href=\"/callcenter/extensions\"").contains("href=\"/callcenter/trunks\"");
        assertThat(body(get("/callcenter/trunks"), admin)).contains("rexian.sip.trunks").contains("未配置线路");
    }

    private void assertRefused(String number, String owner, String password, String message) throws Exception {
        var result = mvc.perform(post("/callcenter/extensions").with(TestUsers.as(admin)).with(csrf())
                .param("number", number).param("owner", owner).param("password", password)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/callcenter/extensions");
        assertThat((String) result.getFlashMap().get("error")).contains(message);
        assertThat(result.getFlashMap().get("number")).isEqualTo(number);
        String page = mvc.perform(get("/callcenter/extensions").with(TestUsers.as(admin)).flashAttrs(result.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("class=\"alert error\"").contains(message).doesNotContain(password.isEmpty() ? "\0" : password);
    }

    private MockHttpServletResponse submit(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(TestUsers.as(admin)).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        return response;
    }

    private String body(MockHttpServletRequestBuilder request, CurrentUser user) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(TestUsers.as(user))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private long count(String number) {
        return jdbc.sql("select count(*) from callcenter_extension where extension = ?").param(number).query(Long.class).single();
    }

    private boolean enabled(String number) {
        return jdbc.sql("select enabled from callcenter_extension where extension = ?").param(number).query(Boolean.class).single();
    }
}
