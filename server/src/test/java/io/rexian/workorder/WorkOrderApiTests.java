package io.rexian.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.identity.TestUsers;
import io.rexian.workorder.WorkOrderCommands.Register;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@WorkOrderTest
class WorkOrderApiTests {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired WorkOrderLifecycle lifecycle;
    @Autowired WorkOrderTypes types;
    @Autowired WorkOrderSearch search;
    @Autowired WorkOrderStatistics statistics;
    @Autowired Workflows workflows;
    @Autowired Incidents incidents;

    TestUsers users;
    long team;
    CurrentUser agent;
    CurrentUser lead;

    @BeforeEach
    void staff() {
        users = TestUsers.from(context);
        team = users.repairTeam(TestUsers.unique("城东维修班"), "东城区");
        agent = users.withRoles(TestUsers.unique("agent"), null, "AGENT");
        lead = users.withRoles(TestUsers.unique("lead"), team, "REPAIR_LEAD");
    }

    @Test
    void lifecycleOverRestWithProblemDetails() throws Exception {
        MvcResult created = mvc.perform(post("/api/v1/work-orders").header("Authorization", users.bearer(agent))
                        .header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"typeCode":"REPAIR","priority":"NORMAL","channel":"PHONE","contactPhone":"13800003333",
                                 "address":"东城区光明路2号","description":"暖气漏水","transferToTeam":%d}""".formatted(team)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("TRANSFERRED"))
                .andReturn();
        String id = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.id").toString();
        Object version = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.version");

        // the wrong team cannot accept: 403 in Chinese
        CurrentUser otherLead = users.withRoles(TestUsers.unique("lead"), users.repairTeam(TestUsers.unique("城西维修班")), "REPAIR_LEAD");
        mvc.perform(post("/api/v1/work-orders/" + id + "/accept").header("Authorization", users.bearer(otherLead))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value(org.hamcrest.Matchers.containsString("不在您的班组")));
        mvc.perform(post("/api/v1/work-orders/" + id + "/accept").header("Authorization", users.bearer(lead))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("ACCEPTED"));
        // a stale version: 409 naming who changed it
        mvc.perform(post("/api/v1/work-orders/" + id + "/reply").header("Authorization", users.bearer(lead))
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version + ",\"note\":\"done\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value(org.hamcrest.Matchers.containsString("该工单已被 " + lead.displayName() + " 于")));
        // an invalid transition: 409 with a readable reason
        mvc.perform(post("/api/v1/work-orders/" + id + "/reopen").header("Authorization", users.bearer(users.withRoles(TestUsers.unique("leader"), null, "TEAM_LEADER")))
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"why\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("工单处于“已接单”状态，不能“重新打开”。"));
        // bad input is refused (naming the field is the platform's ApiErrors job; see report)
        mvc.perform(post("/api/v1/work-orders").header("Authorization", users.bearer(agent))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"typeCode\":\"REPAIR\",\"priority\":\"NORMAL\",\"channel\":\"PHONE\",\"description\":\"x\"}"))
                .andExpect(status().isBadRequest());
        // field staff search sees the order of their team only
        mvc.perform(get("/api/v1/work-orders").header("Authorization", users.bearer(otherLead)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/work-orders").header("Authorization", users.bearer(lead)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows[0].id").value(Long.parseLong(id)));
    }

    @Test
    void everyActionIsInTheOpenApiDescription() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (String path : List.of("/api/v1/work-orders", "/api/v1/work-orders/{id}", "/api/v1/work-orders/{id}/transfer",
                "/api/v1/work-orders/{id}/retransfer", "/api/v1/work-orders/{id}/accept", "/api/v1/work-orders/{id}/progress",
                "/api/v1/work-orders/{id}/reply", "/api/v1/work-orders/{id}/answer", "/api/v1/work-orders/{id}/reopen",
                "/api/v1/work-orders/{id}/callback", "/api/v1/work-orders/{id}/urge")) {
            assertThat(doc).contains("\"" + path + "\"");
        }
    }

    @Test
    void workflowVersionsKeepWorkOrdersInFlightOnTheirVersion() {
        CurrentUser admin = users.withPermissions(TestUsers.unique("admin"), null, Permission.WORKORDER_CONFIGURE);
        WorkOrderView before = lifecycle.register(new Register("SUGGESTION", "NORMAL", "PHONE", null, null, null,
                "13800004444", null, null, "建议延长供暖期", null, Map.of(), null, null), agent);
        // version 2: suggestions now go through an extra review state before closing
        WorkflowDefinition v2 = new WorkflowDefinition("REGISTERED", List.of(new WorkflowDefinition.State("REGISTERED", false),
                new WorkflowDefinition.State("REVIEWED", false), new WorkflowDefinition.State("CLOSED", true)),
                List.of(new WorkflowDefinition.Transition(WorkflowAction.TRANSFER, List.of("REGISTERED"), "REVIEWED", Permission.WORKORDER_TRANSFER, List.of("team")),
                        new WorkflowDefinition.Transition(WorkflowAction.ANSWER, List.of("REVIEWED"), "CLOSED", Permission.WORKORDER_ANSWER, List.of("note"))));
        Workflows.Version saved = workflows.save("SUGGESTION", v2, admin);
        assertThat(saved.version()).isEqualTo(2);
        WorkOrderView after = lifecycle.register(new Register("SUGGESTION", "NORMAL", "PHONE", null, null, null,
                "13800004444", null, null, "建议增加缴费渠道", null, Map.of(), null, null), agent);
        // the old one still closes directly under version 1; the new one may not
        assertThat(lifecycle.answerAndClose(before.id(), null, "已转交", agent).state()).isEqualTo("CLOSED");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lifecycle.answerAndClose(after.id(), null, "x", agent))
                .hasMessageContaining("workorder.error.transition");
        // an invalid definition is not saved
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> workflows.save("SUGGESTION",
                new WorkflowDefinition("REGISTERED", List.of(new WorkflowDefinition.State("REGISTERED", false)), List.of()), admin))
                .hasMessageContaining("workorder.workflow.noFinalState");
        assertThat(workflows.versions("SUGGESTION")).hasSize(2);
    }

    @Test
    void customFieldsAreValidatedSearchableAndGroupable() {
        types.saveCustomFields("REPORT", List.of(
                new CustomField("floor", "楼层", CustomField.Kind.NUMBER, false, List.of()),
                new CustomField("heating", "供暖方式", CustomField.Kind.CHOICE, true, List.of("集中供暖", "自采暖"))));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lifecycle.register(complaint(Map.of("floor", "三楼", "heating", "集中供暖")), agent))
                .hasMessageContaining("workorder.custom.number");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lifecycle.register(complaint(Map.of("floor", "3")), agent))
                .hasMessageContaining("workorder.custom.required");
        lifecycle.register(complaint(Map.of("floor", "3", "heating", "集中供暖")), agent);
        lifecycle.register(complaint(Map.of("floor", "5", "heating", "集中供暖")), agent);
        lifecycle.register(complaint(Map.of("floor", "5", "heating", "自采暖")), agent);

        WorkOrderQuery central = new WorkOrderQuery("REPORT", null, null, null, null, null, null, null, null, null,
                null, Map.of("heating", "集中供暖"), 0, 20);
        assertThat(search.search(central, agent).total()).isEqualTo(2);
        WorkOrderQuery fifth = new WorkOrderQuery("REPORT", null, null, null, null, null, null, null, null, null,
                null, Map.of("floor", "5"), 0, 20);
        assertThat(search.search(fifth, agent).total()).isEqualTo(2);

        CurrentUser manager = users.withRoles(TestUsers.unique("manager"), null, "MANAGER");
        WorkOrderQuery complaints = new WorkOrderQuery("REPORT", null, null, null, null, null, null, null, null,
                null, null, Map.of(), 0, 20);
        assertThat(statistics.byGroup(complaints, "cf.heating", manager))
                .extracting(WorkOrderStatistics.Line::group, WorkOrderStatistics.Line::count)
                .contains(org.assertj.core.groups.Tuple.tuple("集中供暖", 2L), org.assertj.core.groups.Tuple.tuple("自采暖", 1L));
        assertThat(statistics.toExcel(statistics.byGroup(complaints, "TYPE", manager), List.of("a", "b"))).startsWith(0x50, 0x4b);
        types.saveCustomFields("REPORT", List.of());
    }

    @Test
    void incidentLinksDuplicatesAndClosingAnswersThemAll() {
        CurrentUser leader = users.withRoles(TestUsers.unique("leader"), null, "TEAM_LEADER");
        long parent = types.addCategory(null, TestUsers.unique("设施故障"));
        long category = types.addCategory(parent, TestUsers.unique("管道爆裂"));
        WorkOrderView first = lifecycle.register(burst(category, "13700000001", "东城区幸福路10号1单元"), agent);
        List<Incidents.Suggestion> suggestions = incidents.likelyDuplicates(category, "东城区幸福路10号2单元", "13700000002", agent);
        assertThat(suggestions).extracting(Incidents.Suggestion::id).contains(first.id());
        WorkOrderView second = lifecycle.register(burst(category, "13700000002", "东城区幸福路10号2单元"), agent);

        // searching the parent category finds work orders filed under its children
        WorkOrderQuery byParent = new WorkOrderQuery(null, null, parent, null, null, null, null, null, null, null,
                null, Map.of(), 0, 20);
        assertThat(search.search(byParent, agent).rows()).extracting(WorkOrderSearch.Row::id)
                .containsExactlyInAnyOrder(first.id(), second.id());

        long incident = incidents.open("幸福路10号管道爆裂", category, "幸福路", List.of(first.id(), second.id()), leader);
        assertThat(incidents.view(incident, leader).workOrders()).hasSize(2);
        assertThat(incidents.close(incident, "管道已抢修完毕，供暖恢复", leader)).isEmpty();
        assertThat(lifecycle.view(first.id(), agent).state()).isEqualTo("CLOSED");
        assertThat(lifecycle.view(second.id(), agent).finalAnswer()).isEqualTo("管道已抢修完毕，供暖恢复");
    }

    private Register complaint(Map<String, Object> custom) {
        return new Register("REPORT", "NORMAL", "PHONE", null, null, null, "13800005555", "西城区", null,
                "室温不达标", null, custom, null, null);
    }

    private Register burst(long category, String phone, String address) {
        return new Register("REPAIR", "URGENT", "PHONE", null, null, null, phone, address, category, "楼道管道爆裂",
                null, Map.of(), team, null);
    }

    @Test
    void customerPageShowsHisWorkOrdersOnlyToThoseWhoMaySeeThem() {
        io.rexian.customer.ContactHistorySource history = context.getBeansOfType(io.rexian.customer.ContactHistorySource.class)
                .values().stream().filter(WorkOrderContactHistory.class::isInstance).findFirst().orElseThrow();
        WorkOrderView w = lifecycle.register(new Register("REPAIR", "NORMAL", "PHONE", 987654L, "客户甲", "RESIDENT",
                "13800007878", "东城区", null, "暖气不热", null, Map.of(), team, null), agent);
        assertThat(history.contacts(987654L, null, agent, 10))
                .extracting(io.rexian.customer.ContactHistorySource.ContactEntry::link).containsExactly("/work-orders/" + w.id());
        assertThat(history.contacts(987654L, null, lead, 10)).hasSize(1);
        CurrentUser stranger = users.withRoles(TestUsers.unique("worker"), users.repairTeam(TestUsers.unique("城西维修班")), "FIELD_WORKER");
        assertThat(history.contacts(987654L, null, stranger, 10)).isEmpty();
    }
}
