package io.rexian.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.rexian.identity.TeamView.TeamKind;
import io.rexian.identity.security.ApiKeys;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IdentityTest
class AdministrationTests {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired Users users;
    @Autowired Teams teams;
    @Autowired ApiKeys apiKeys;

    @Test
    void anAgentIsRefusedAdministrationOnTheWebAndTheApi() throws Exception {
        TestUsers test = TestUsers.from(context);
        CurrentUser agent = test.withRoles(TestUsers.unique("agent"), null, "AGENT");
        mvc.perform(get("/admin/users").with(TestUsers.as(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/roles").with(TestUsers.as(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit").with(TestUsers.as(agent))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/new").with(TestUsers.as(agent)).with(csrf())
                .param("username", "sneaky").param("password", "sneaky-password").param("displayName", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/users").header("Authorization", test.bearer(agent)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(post("/api/v1/teams").header("Authorization", test.bearer(agent))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        assertThat(users.findByUsername("sneaky")).isEmpty();
        // He sees no administration in the navigation either.
        mvc.perform(get("/").with(TestUsers.as(agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/admin/users"))));
    }

    @Test
    void adminCreatesAndUpdatesUsersAndTeamsThroughTheApiAndEveryWriteIsAudited() throws Exception {
        TestUsers test = TestUsers.from(context);
        CurrentUser admin = test.withRoles(TestUsers.unique("admin"), null, "ADMIN");
        String bearer = test.bearer(admin);
        long parent = test.repairTeam(TestUsers.unique("parent-check"));
        long company = jdbc.sql("select parent_id from org_unit where id = ?").param(parent).query(Long.class).single();

        String team = mvc.perform(post("/api/v1/teams").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"parentId": %d, "name": "城南维修班", "kind": "REPAIR", "serviceDistricts": ["南城区"]}
                                """.formatted(company)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.serviceDistricts[0]").value("南城区"))
                .andReturn().getResponse().getContentAsString();
        long teamId = ((Number) com.jayway.jsonpath.JsonPath.read(team, "$.id")).longValue();

        String username = TestUsers.unique("field");
        String created = mvc.perform(post("/api/v1/users").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username": "%s", "password": "first-password-1", "displayName": "孙师傅",
                                 "mobile": "13912345678", "teamId": %d, "roles": ["REPAIR_LEAD"]}
                                """.formatted(username, teamId)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.mustChangePassword").value(true))
                .andExpect(jsonPath("$.roles[0]").value("REPAIR_LEAD"))
                .andReturn().getResponse().getContentAsString();
        long userId = ((Number) com.jayway.jsonpath.JsonPath.read(created, "$.id")).longValue();

        mvc.perform(put("/api/v1/teams/" + teamId).header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"parentId": %d, "name": "城南维修班", "kind": "REPAIR", "responsibleUserId": %d,
                                 "serviceDistricts": ["南城区", "东城区"]}
                                """.formatted(company, userId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.responsibleMobile").value("13912345678"));
        assertThat(teams.find(teamId)).hasValueSatisfying(t -> {
            assertThat(t.kind()).isEqualTo(TeamKind.REPAIR);
            assertThat(t.responsibleName()).isEqualTo("孙师傅");
            assertThat(t.serviceDistricts()).containsExactly("南城区", "东城区");
        });
        assertThat(teams.repairTeams()).extracting(TeamView::id).contains(teamId);
        assertThat(users.ofTeam(teamId)).extracting(UserView::username).containsExactly(username);
        assertThat(users.withPermission(Permission.WORKORDER_STATS)).extracting(UserView::username).contains(username);

        mvc.perform(put("/api/v1/users/" + userId).header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"displayName": "孙建华", "teamId": %d, "roles": ["FIELD_WORKER"], "enabled": false}
                                """.formatted(teamId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));

        // Audited with actor, and findable on the audit page by entity.
        assertThat(jdbc.sql("select action from audit_event where entity_type = 'user' and entity_id = ? order by id")
                .param(Long.toString(userId)).query(String.class).list()).containsExactly("create", "update", "disable");
        assertThat(jdbc.sql("select distinct actor_username from audit_event where entity_type = 'org_unit' and entity_id = ?")
                .param(Long.toString(teamId)).query(String.class).list()).containsExactly(admin.username());
        mvc.perform(get("/admin/audit").with(TestUsers.as(admin))
                        .param("entityType", "user").param("entityId", Long.toString(userId)).param("action", "update"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("孙建华")))
                .andExpect(content().string(not(containsString("\"disable\""))));
        mvc.perform(get("/admin/audit").with(TestUsers.as(admin)).param("actor", admin.username())
                        .param("from", "2020-01-01T00:00").param("to", "2020-01-02T00:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("孙建华"))));
    }

    @Test
    void apiValidationNamesEachBadField() throws Exception {
        TestUsers test = TestUsers.from(context);
        CurrentUser admin = test.withRoles(TestUsers.unique("admin"), null, "ADMIN");
        mvc.perform(post("/api/v1/users").header("Authorization", test.bearer(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username": "bad name!", "password": "short", "displayName": "", "email": "nope", "roles": []}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "username", "password", "displayName", "email", "roles")));
    }

    @Test
    void apiKeysAuthenticateIntegrationsAndCanBeLimitedAndRevoked() throws Exception {
        TestUsers test = TestUsers.from(context);
        CurrentUser admin = test.withRoles(TestUsers.unique("admin"), null, "ADMIN");
        ApiKeys.CreatedKey full = apiKeys.create("billing sync", admin.id(), Set.of(), admin.username());
        ApiKeys.CreatedKey limited = apiKeys.create("wallboard", admin.id(), Set.of("MANAGER"), admin.username());

        mvc.perform(get("/api/v1/users").header("X-API-Key", full.secret())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + full.secret())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/users").header("X-API-Key", limited.secret())).andExpect(status().isForbidden());
        // Prometheus: AUDIT_VIEW needed, which MANAGER has.
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + limited.secret()))
                .andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());

        apiKeys.revoke(full.id());
        mvc.perform(get("/api/v1/users").header("X-API-Key", full.secret())).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select count(*) from identity_api_key where key_hash like 'rxk_%' or name = ?")
                .param(full.secret()).query(Long.class).single()).as("secrets are stored hashed").isZero();
    }

    @Test
    void aDisplayNameWithScriptIsShownEscapedOnTheUsersPage() throws Exception {
        TestUsers test = TestUsers.from(context);
        CurrentUser admin = test.withRoles(TestUsers.unique("admin"), null, "ADMIN");
        CurrentUser evil = test.withRoles(TestUsers.unique("evil"), null, "AGENT");
        String payload = "<script>alert('x')</script>";
        mvc.perform(post("/admin/users/" + evil.id()).with(TestUsers.as(admin)).with(csrf())
                        .param("username", evil.username()).param("displayName", payload)
                        .param("roleCodes", "AGENT").param("version", versionOf(evil.id())))
                .andExpect(redirectedUrl("/admin/users/" + evil.id()));
        mvc.perform(get("/admin/users").with(TestUsers.as(admin)).param("q", evil.username()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString(payload))));
    }

    @Test
    void adminPagesRender() throws Exception {
        TestUsers test = TestUsers.from(context);
        CurrentUser admin = test.withRoles(TestUsers.unique("admin"), null, "ADMIN");
        long team = test.repairTeam(TestUsers.unique("页面班"), "东城区");
        for (String page : new String[] {"/admin/users", "/admin/users/new", "/admin/users/" + admin.id(), "/admin/roles",
                "/admin/org", "/admin/org/" + team, "/admin/api-keys", "/admin/audit", "/account/password", "/"}) {
            mvc.perform(get(page).with(TestUsers.as(admin))).andExpect(status().isOk());
        }
        mvc.perform(get("/").with(TestUsers.as(admin)))
                .andExpect(content().string(containsString(admin.displayName())))
                .andExpect(content().string(containsString("/admin/users")));
    }

    @Test
    void disablingAUserEndsHisSessionAtHisNextRequest() throws Exception {
        TestUsers test = TestUsers.from(context);
        CurrentUser agent = test.withRoles(TestUsers.unique("agent"), null, "AGENT");
        mvc.perform(get("/").with(TestUsers.as(agent))).andExpect(status().isOk());
        jdbc.sql("update identity_user set enabled = false where id = ?").param(agent.id()).update();
        mvc.perform(get("/").with(TestUsers.as(agent))).andExpect(redirectedUrl("/login?disabled"));
    }

    @Test
    void apiDocumentationIsPublicAndDescribesTheCredentials() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/users']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/auth/token']").exists())
                .andExpect(jsonPath("$.components.securitySchemes.apiKey.name").value("X-API-Key"));
    }

    private String versionOf(long userId) {
        return jdbc.sql("select version from identity_user where id = ?").param(userId).query(Long.class).single().toString();
    }
}
