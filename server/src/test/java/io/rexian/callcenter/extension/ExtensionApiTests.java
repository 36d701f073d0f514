package io.rexian.callcenter.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.IdentityTest;
import io.rexian.identity.Permission;
import io.rexian.identity.TestUsers;
import io.rexian.telephony.ExtensionSecret;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** /api/v1/extensions: the pages' rules over HTTP, errors as problem details in the caller's language. */
@IdentityTest
class ExtensionApiTests {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void aTelephonyAdministratorManagesAnExtensionThroughTheApi() throws Exception {
        TestUsers users = TestUsers.from(context);
        CurrentUser configurer = users.withPermissions(TestUsers.unique("pbx"), null, Permission.CALLCENTER_CONFIGURE);
        CurrentUser agent = users.withRoles(TestUsers.unique("agent"), null, "AGENT");
        String bearer = users.bearer(configurer);
        String number = ExtensionPagesTests.newNumber();

        String created = mvc.perform(json(post("/api/v1/extensions"), bearer,
                        "{\"number\": \"%s\", \"owner\": \"%s\"}".formatted(number, agent.username())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.extension.number").value(number))
                .andExpect(jsonPath("$.extension.ownerUsername").value(agent.username()))
                .andExpect(jsonPath("$.extension.enabled").value(true))
                .andExpect(jsonPath("$.extension.version").value(0))
                .andReturn().getResponse().getContentAsString();
        String generated = JsonPath.read(created, "$.generatedPassword");
        assertThat(generated).hasSize(16);
        assertThat(created).doesNotContain("ha1");
        assertThat(storedMd5(number)).isEqualTo(ExtensionSecret.fromPassword(number, "rexian", generated).ha1Md5());

        mvc.perform(get("/api/v1/extensions/" + number).header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.generatedPassword").doesNotExist())
                .andExpect(jsonPath("$.registered").isEmpty());   // the engine is off in this context
        mvc.perform(get("/api/v1/extensions").param("q", agent.username()).header("Authorization", bearer))
                .andExpect(jsonPath("$[0].number").value(number));

        mvc.perform(json(post("/api/v1/extensions/" + number + "/password"), bearer,
                        "{\"version\": 0, \"password\": \"typed-password-1\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.generatedPassword").isEmpty())
                .andExpect(jsonPath("$.extension.version").value(1));
        assertThat(storedMd5(number)).isEqualTo(ExtensionSecret.fromPassword(number, "rexian", "typed-password-1").ha1Md5());

        mvc.perform(json(post("/api/v1/extensions/" + number + "/enabled"), bearer, "{\"version\": 0, \"enabled\": false}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value(org.hamcrest.Matchers.containsString("已被 " + configurer.username())));
        mvc.perform(json(post("/api/v1/extensions/" + number + "/enabled"), bearer, "{\"version\": 1, \"enabled\": false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));

        mvc.perform(json(post("/api/v1/extensions/" + number + "/owner"), bearer, "{\"version\": 2}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ownerUsername").isEmpty());
        mvc.perform(delete("/api/v1/extensions/" + number).header("Authorization", bearer))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/extensions/" + number).header("Authorization", bearer))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("分机 " + number + " 不存在。"));
        List<String> audit = jdbc.sql("select action || changes::text from audit_event where entity_type = 'sip_extension'"
                + " and entity_id = ? order by id").param(number).query(String.class).list();
        assertThat(audit).hasSize(5);
        assertThat(String.join(" ", audit)).doesNotContain(generated).doesNotContain("typed-password-1");
    }

    @Test
    void invalidInputAnswers400NamingTheFieldAndWritesNothing() throws Exception {
        TestUsers users = TestUsers.from(context);
        String bearer = users.bearer(users.withRoles(TestUsers.unique("admin"), null, "ADMIN"));
        String number = ExtensionPagesTests.newNumber();
        mvc.perform(json(post("/api/v1/extensions"), bearer, "{\"number\": \"%s\", \"password\": \"short\"}".formatted(number)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("密码：长度须为 10 到 128 个字符。"));
        mvc.perform(json(post("/api/v1/extensions"), bearer, "{\"number\": \"715\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value(org.hamcrest.Matchers.startsWith("分机号：715 是呼叫停泊号码")));
        mvc.perform(json(post("/api/v1/extensions"), bearer, "{\"number\": \"%s\"}".formatted(number)).param("lang", "en"))
                .andExpect(status().isCreated());
        mvc.perform(json(post("/api/v1/extensions"), bearer, "{\"number\": \"%s\"}".formatted(number)).param("lang", "en"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Extension: " + number + " already exists."));
        assertThat(jdbc.sql("select count(*) from callcenter_extension where extension in (?, '715')").param(number)
                .query(Long.class).single()).isOne();
    }

    @Test
    void agentsAndRepairWorkersGet403OnEveryEndpoint() throws Exception {
        TestUsers users = TestUsers.from(context);
        String adminBearer = users.bearer(users.withRoles(TestUsers.unique("admin"), null, "ADMIN"));
        String number = ExtensionPagesTests.newNumber();
        mvc.perform(json(post("/api/v1/extensions"), adminBearer, "{\"number\": \"%s\"}".formatted(number)))
                .andExpect(status().isCreated());
        long team = users.repairTeam(TestUsers.unique("接口测试班"), "西城区");
        for (CurrentUser refused : List.of(users.withRoles(TestUsers.unique("agent"), null, "AGENT"),
                users.withRoles(TestUsers.unique("field"), team, "FIELD_WORKER"))) {
            String bearer = users.bearer(refused);
            for (MockHttpServletRequestBuilder request : List.of(get("/api/v1/extensions"),
                    get("/api/v1/extensions/" + number),
                    json(post("/api/v1/extensions"), bearer, "{\"number\": \"%s\"}".formatted(ExtensionPagesTests.newNumber())),
                    json(post("/api/v1/extensions/" + number + "/password"), bearer, "{}"),
                    json(post("/api/v1/extensions/" + number + "/enabled"), bearer, "{\"enabled\": false}"),
                    json(post("/api/v1/extensions/" + number + "/owner"), bearer, "{\"owner\": \"%s\"}".formatted(refused.username())),
                    delete("/api/v1/extensions/" + number))) {
                mvc.perform(request.header("Authorization", bearer))
                        .andExpect(status().isForbidden())
                        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
            }
        }
        assertThat(jdbc.sql("select enabled from callcenter_extension where extension = ?").param(number)
                .query(Boolean.class).single()).isTrue();
        mvc.perform(get("/v3/api-docs").header("Authorization", adminBearer))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/api/v1/extensions/{number}/password")));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String bearer, String body) {
        return request.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String storedMd5(String number) {
        return jdbc.sql("select ha1_md5 from callcenter_extension where extension = ?").param(number).query(String.class).single();
    }
}
