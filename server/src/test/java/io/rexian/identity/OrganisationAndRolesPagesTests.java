package io.rexian.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IdentityTest
class OrganisationAndRolesPagesTests {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired Teams teams;

    @Test
    void theRoleMatrixChangesPermissionsAndBuiltInRolesCannotBeDeleted() throws Exception {
        TestUsers test = TestUsers.from(context);
        CurrentUser admin = test.withRoles(TestUsers.unique("admin"), null, "ADMIN");
        String code = TestUsers.unique("NIGHT").toUpperCase();
        mvc.perform(post("/admin/roles/new").with(TestUsers.as(admin)).with(csrf()).param("code", code).param("name", "夜班"))
                .andExpect(flash().attributeExists("message"));
        long roleId = jdbc.sql("select id from identity_role where code = ?").param(code).query(Long.class).single();
        CurrentUser night = test.withRoles(TestUsers.unique("night"), null, code);
        assertThat(night.permissions()).isEmpty();

        // Post the whole matrix as the page does: every current grant plus the new ones.
        var request = post("/admin/roles").with(TestUsers.as(admin)).with(csrf());
        for (var row : jdbc.sql("select role_id, permission from identity_role_permission").query().listOfRows()) {
            request.param("grant", row.get("role_id") + ":" + row.get("permission"));
        }
        request.param("grant", roleId + ":CALL_HANDLE", roleId + ":WORKORDER_VIEW");
        mvc.perform(request).andExpect(flash().attributeExists("message"));
        assertThat(test.user(night.id()).permissions()).containsExactlyInAnyOrder(Permission.CALL_HANDLE, Permission.WORKORDER_VIEW);
        // He has it at his next request, without signing in again.
        mvc.perform(get("/").with(TestUsers.as(night))).andExpect(status().isOk());

        long agentRole = jdbc.sql("select id from identity_role where code = 'AGENT'").query(Long.class).single();
        mvc.perform(post("/admin/roles/" + agentRole + "/delete").with(TestUsers.as(admin)).with(csrf()))
                .andExpect(flash().attribute("error", "内置角色 AGENT 不能删除。"));
        mvc.perform(post("/admin/roles/" + roleId + "/delete").with(TestUsers.as(admin)).with(csrf()))
                .andExpect(flash().attribute("error", "角色 夜班 仍分配给了用户。"));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'role' and entity_id = ?")
                .param(Long.toString(roleId)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void teamsAreCreatedMovedAndConfiguredInTheTreeButNotBelowThemselves() throws Exception {
        TestUsers test = TestUsers.from(context);
        CurrentUser admin = test.withRoles(TestUsers.unique("admin"), null, "ADMIN");
        CurrentUser lead = test.withRoles(TestUsers.unique("lead"), null, "REPAIR_LEAD");
        String company = TestUsers.unique("测试公司");
        mvc.perform(post("/admin/org").with(TestUsers.as(admin)).with(csrf()).param("type", "COMPANY").param("name", company));
        long companyId = idOf(company);
        mvc.perform(post("/admin/org").with(TestUsers.as(admin)).with(csrf()).param("type", "DEPARTMENT")
                .param("parentId", Long.toString(companyId)).param("name", "运维部"));
        long department = jdbc.sql("select id from org_unit where parent_id = ? and name = '运维部'").param(companyId)
                .query(Long.class).single();
        mvc.perform(post("/admin/org").with(TestUsers.as(admin)).with(csrf()).param("type", "TEAM")
                .param("parentId", Long.toString(companyId)).param("name", "抢修班").param("kind", "REPAIR"));
        long team = jdbc.sql("select id from org_unit where parent_id = ? and name = '抢修班'").param(companyId)
                .query(Long.class).single();

        mvc.perform(post("/admin/org/" + team).with(TestUsers.as(admin)).with(csrf()).param("name", "抢修一班")
                .param("parentId", Long.toString(department)).param("kind", "REPAIR")
                .param("responsibleUserId", Long.toString(lead.id())).param("districts", "东城区\n西城区，东城区"));
        assertThat(teams.find(team)).hasValueSatisfying(t -> {
            assertThat(t.name()).isEqualTo("抢修一班");
            assertThat(t.responsibleUserId()).isEqualTo(lead.id());
            assertThat(t.serviceDistricts()).containsExactly("东城区", "西城区");
        });
        assertThat(jdbc.sql("select parent_id from org_unit where id = ?").param(team).query(Long.class).single())
                .isEqualTo(department);

        mvc.perform(post("/admin/org/" + department).with(TestUsers.as(admin)).with(csrf()).param("name", "运维部")
                        .param("parentId", Long.toString(department)))
                .andExpect(flash().attribute("error", "上级：不能移动到自身的下级。"));
        mvc.perform(get("/admin/org").with(TestUsers.as(admin)))
                .andExpect(content().string(containsString("抢修一班")))
                .andExpect(content().string(containsString("东城区、西城区")));
    }

    private long idOf(String rootName) {
        return jdbc.sql("select id from org_unit where parent_id is null and name = ?").param(rootName).query(Long.class).single();
    }
}
