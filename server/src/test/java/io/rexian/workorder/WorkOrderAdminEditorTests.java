package io.rexian.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.TestUsers;
import io.rexian.workorder.WorkOrderCommands.Register;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The form editors of the work-order configuration page. Each test works on a type of its own so
 * the versions it saves do not change what the other tests of the shared context see.
 */
@WorkOrderTest
class WorkOrderAdminEditorTests {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired WorkOrderLifecycle lifecycle;
    @Autowired Workflows workflows;
    @Autowired WorkOrderTypes types;
    @Autowired JdbcClient jdbc;

    TestUsers users;
    CurrentUser admin;
    CurrentUser agent;
    String type;

    @BeforeEach
    void setUp() {
        users = TestUsers.from(context);
        admin = users.withRoles(TestUsers.unique("admin"), null, "ADMIN");
        agent = users.withRoles(TestUsers.unique("agent"), null, "AGENT");
        type = TestUsers.unique("EDITOR").toUpperCase();
        jdbc.sql("insert into wo_type (code, name_zh, name_en) values (?, '表单测试', 'Form test')").param(type).update();
        workflows.save(type, DefaultWorkflows.direct(), admin);
    }

    @Test
    void workflowSavedThroughTheFormIsANewVersionForNewWorkOrdersOnly() throws Exception {
        mvc.perform(get("/work-orders/admin").param("type", type).with(TestUsers.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"states[0].code\" value=\"REGISTERED\"")))
                .andExpect(content().string(containsString("高级：JSON")))
                .andExpect(content().string(containsString("版本 1（")));
        WorkOrderView before = lifecycle.register(suggestion("建议延长供暖期"), agent);

        // version 2: an extra review state before closing; index gaps are rows the admin removed
        mvc.perform(form("/work-orders/admin/workflow/form", admin)
                        .param("initialRow", "0")
                        .param("states[0].code", "REGISTERED")
                        .param("states[2].code", "REVIEWED")
                        .param("states[3].code", "CLOSED").param("states[3].terminal", "true")
                        .param("transitions[0].action", "TRANSFER").param("transitions[0].from", "REGISTERED")
                        .param("transitions[0].to", "REVIEWED").param("transitions[0].permission", "WORKORDER_TRANSFER")
                        .param("transitions[0].required", "team")
                        .param("transitions[4].action", "ANSWER").param("transitions[4].from", "REVIEWED")
                        .param("transitions[4].to", "CLOSED").param("transitions[4].permission", "WORKORDER_ANSWER")
                        .param("transitions[4].required", "note")
                        .param("transitions[5].action", "REOPEN").param("transitions[5].from", "CLOSED", "REVIEWED")
                        .param("transitions[5].to", "REGISTERED").param("transitions[5].permission", "WORKORDER_REOPEN"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("ok", "已保存 2"));

        assertThat(workflows.versions(type)).extracting(Workflows.Version::version).containsExactly(2, 1);
        WorkflowDefinition saved = workflows.definition(workflows.current(type).id());
        assertThat(saved.initialState()).isEqualTo("REGISTERED");
        assertThat(saved.isTerminal("CLOSED")).isTrue();
        assertThat(saved.transition(WorkflowAction.REOPEN, "REVIEWED")).isPresent();
        assertThat(audited("wo_workflow", "create")).isEqualTo(2);

        WorkOrderView after = lifecycle.register(suggestion("建议增加缴费渠道"), agent);
        // the one in flight still closes directly under version 1; the new one must be reviewed first
        assertThat(lifecycle.answerAndClose(before.id(), null, "已转交", agent).state()).isEqualTo("CLOSED");
        assertThatThrownBy(() -> lifecycle.answerAndClose(after.id(), null, "x", agent))
                .hasMessageContaining("workorder.error.transition");

        mvc.perform(get("/work-orders/admin").param("type", type).with(TestUsers.as(admin)))
                .andExpect(content().string(containsString("版本 2（")))
                .andExpect(content().string(containsString("value=\"REVIEWED\"")));
    }

    @Test
    void anInvalidWorkflowFormNamesTheProblemInChineseKeepsTheInputAndSavesNothing() throws Exception {
        mvc.perform(form("/work-orders/admin/workflow/form", admin)
                        .param("initialRow", "0")
                        .param("states[0].code", "REGISTERED")
                        .param("states[1].code", "LIMBO")
                        .param("states[2].code", "CLOSED").param("states[2].terminal", "true")
                        .param("transitions[0].action", "ANSWER").param("transitions[0].from", "REGISTERED")
                        .param("transitions[0].to", "CLOSED").param("transitions[0].permission", "WORKORDER_ANSWER"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("class=\"alert error\">状态 LIMBO 无法从初始状态到达。")))
                .andExpect(content().string(containsString("name=\"states[1].code\" value=\"LIMBO\"")));

        mvc.perform(form("/work-orders/admin/workflow/form", admin)
                        .param("initialRow", "0")
                        .param("states[0].code", "REGISTERED")
                        .param("states[1].code", "CLOSED").param("states[1].terminal", "true")
                        .param("transitions[0].action", "ANSWER").param("transitions[0].from", "REGISTERED")
                        .param("transitions[0].to", "NOWHERE").param("transitions[0].permission", "WORKORDER_ANSWER"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("流转 答复并办结 指向不存在的状态 NOWHERE。")))
                // the unknown target stays selected so the admin sees what the message names
                .andExpect(content().string(containsString("<option value=\"NOWHERE\" selected=\"selected\">NOWHERE</option>")));

        // no initial state chosen, or the chosen row was removed
        mvc.perform(form("/work-orders/admin/workflow/form", admin)
                        .param("initialRow", "1").param("states[0].code", "REGISTERED")
                        .param("states[2].code", "CLOSED").param("states[2].terminal", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请选择初始状态。")));
        mvc.perform(form("/work-orders/admin/workflow/form", admin)
                        .param("initialRow", "0").param("states[0].code", "REGISTERED"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("至少需要一个终结状态。")));

        // the JSON textarea of power users refuses the same definitions and reopens with the typed text
        String typed = "{\"initialState\":\"REGISTERED\",\"states\":[{\"code\":\"REGISTERED\",\"terminal\":false}],\"transitions\":[]}";
        mvc.perform(form("/work-orders/admin/workflow", admin).param("json", typed))
                .andExpect(flash().attribute("error", "至少需要一个终结状态。"))
                .andExpect(flash().attribute("workflowJsonOpen", true));
        mvc.perform(get("/work-orders/admin").param("type", type).with(TestUsers.as(admin))
                        .flashAttr("workflowJson", typed).flashAttr("workflowJsonOpen", true))
                .andExpect(content().string(containsString("<details open=\"open\">")))
                .andExpect(content().string(containsString("&quot;initialState&quot;:&quot;REGISTERED&quot;,&quot;states&quot;:[{")));

        assertThat(workflows.versions(type)).hasSize(1);
        assertThat(audited("wo_workflow", "create")).isEqualTo(1);
    }

    @Test
    void customFieldsSavedThroughTheFormAreValidatedOnRegistration() throws Exception {
        mvc.perform(form("/work-orders/admin/fields/form", admin)
                        .param("fields[0].key", "floor").param("fields[0].label", "楼层").param("fields[0].kind", "NUMBER")
                        .param("fields[3].key", "heating").param("fields[3].label", "供暖方式").param("fields[3].kind", "CHOICE")
                        .param("fields[3].required", "true").param("fields[3].options", "集中供暖，自采暖"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("ok", "已保存 "));
        assertThat(types.require(type).customFields())
                .extracting(CustomField::key, CustomField::kind, CustomField::required)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("floor", CustomField.Kind.NUMBER, false),
                        org.assertj.core.groups.Tuple.tuple("heating", CustomField.Kind.CHOICE, true));
        assertThat(audited("wo_type", "custom_fields")).isEqualTo(1);

        assertThatThrownBy(() -> lifecycle.register(withFields(Map.of("floor", "三楼", "heating", "集中供暖")), agent))
                .hasMessageContaining("workorder.custom.number");
        assertThatThrownBy(() -> lifecycle.register(withFields(Map.of("floor", "3")), agent))
                .hasMessageContaining("workorder.custom.required");
        assertThatThrownBy(() -> lifecycle.register(withFields(Map.of("heating", "地暖")), agent))
                .hasMessageContaining("workorder.custom.choice");
        assertThat(lifecycle.register(withFields(Map.of("floor", "3", "heating", "自采暖")), agent).id()).isPositive();

        mvc.perform(get("/work-orders/admin").param("type", type).with(TestUsers.as(admin)))
                .andExpect(content().string(containsString("name=\"fields[1].options\" value=\"集中供暖, 自采暖\"")));

        // a choice without options is refused, the rows stay as typed and nothing changes
        mvc.perform(form("/work-orders/admin/fields/form", admin)
                        .param("fields[0].key", "meter").param("fields[0].label", "表具类型").param("fields[0].kind", "CHOICE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("class=\"alert error\">表具类型 需要可选项。")))
                .andExpect(content().string(containsString("name=\"fields[0].key\" value=\"meter\"")));
        mvc.perform(form("/work-orders/admin/fields/form", admin)
                        .param("fields[0].key", "1bad").param("fields[0].label", "坏编码").param("fields[0].kind", "TEXT"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("“1bad”不是有效的字段编码。")));
        assertThat(types.require(type).customFields()).extracting(CustomField::key).containsExactly("floor", "heating");
        assertThat(audited("wo_type", "custom_fields")).isEqualTo(1);
    }

    @Test
    void onlyConfiguratorsMayViewOrPostTheEditors() throws Exception {
        mvc.perform(get("/work-orders/admin").param("type", type).with(TestUsers.as(agent)))
                .andExpect(status().isForbidden());
        mvc.perform(form("/work-orders/admin/workflow/form", agent)
                        .param("initialRow", "0")
                        .param("states[0].code", "REGISTERED")
                        .param("states[1].code", "CLOSED").param("states[1].terminal", "true")
                        .param("transitions[0].action", "ANSWER").param("transitions[0].from", "REGISTERED")
                        .param("transitions[0].to", "CLOSED").param("transitions[0].permission", "WORKORDER_ANSWER"))
                .andExpect(status().isForbidden());
        mvc.perform(form("/work-orders/admin/fields/form", agent)
                        .param("fields[0].key", "floor").param("fields[0].label", "楼层").param("fields[0].kind", "NUMBER"))
                .andExpect(status().isForbidden());
        assertThat(workflows.versions(type)).hasSize(1);
        assertThat(types.require(type).customFields()).isEmpty();
    }

    private MockHttpServletRequestBuilder form(String path, CurrentUser user) {
        return post(path).with(TestUsers.as(user)).with(csrf()).param("type", type);
    }

    private long audited(String entityType, String action) {
        String like = "wo_workflow".equals(entityType) ? "select count(*) from audit_event a join wo_workflow w on a.entity_id = w.id::text "
                + "where a.entity_type = ? and a.action = ? and w.type_code = ?"
                : "select count(*) from audit_event where entity_type = ? and action = ? and entity_id = ?";
        return jdbc.sql(like).params(entityType, action, type).query(Long.class).single();
    }

    private Register suggestion(String description) {
        return new Register(type, "NORMAL", "PHONE", null, null, null, "13800004444", null, null, description, null,
                Map.of(), null, null);
    }

    private Register withFields(Map<String, Object> fields) {
        return new Register(type, "NORMAL", "PHONE", null, null, null, "13800005555", null, null, "楼内不热", null,
                fields, null, null);
    }
}
