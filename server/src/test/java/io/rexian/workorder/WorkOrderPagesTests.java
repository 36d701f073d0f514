package io.rexian.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.TestUsers;
import io.rexian.workorder.WorkOrderCommands.Register;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@WorkOrderTest
class WorkOrderPagesTests {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired WorkOrderLifecycle lifecycle;

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
        users.makeResponsible(team, lead.id());
    }

    @Test
    void agentRegistersOnTheWebAndTheLeadWorksOnHisPhonePages() throws Exception {
        mvc.perform(get("/work-orders/new").with(TestUsers.as(agent)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("登记工单")));
        String location = mvc.perform(post("/work-orders").with(TestUsers.as(agent)).with(csrf())
                        .param("typeCode", "REPAIR").param("priority", "NORMAL").param("channel", "PHONE")
                        .param("contactPhone", "13800006666").param("address", "东城区建设路5号")
                        .param("description", "暖气不热").param("teamId", String.valueOf(team)))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        // a missing phone comes back as an alert naming the problem, not a stack trace
        mvc.perform(post("/work-orders").with(TestUsers.as(agent)).with(csrf())
                        .param("typeCode", "REPAIR").param("description", "x").param("contactPhone", "13800006666")
                        .param("customFields", "").param("cf.nosuch", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("未知的自定义字段 nosuch")));

        mvc.perform(get("/m/work-orders").with(TestUsers.as(lead)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("东城区建设路5号")));
        mvc.perform(get("/m/work-orders/" + id).with(TestUsers.as(lead)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"accept\"")));
        mvc.perform(post("/m/work-orders/" + id + "/accept").with(TestUsers.as(lead)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("ok", "已接单。"));
        // once accepted, the phone page offers progress with a photo straight from the camera
        mvc.perform(get("/m/work-orders/" + id).with(TestUsers.as(lead)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("capture=\"environment\"")));
        mvc.perform(multipart("/m/work-orders/" + id + "/progress")
                        .file(new MockMultipartFile("photos", "pipe.jpg", "image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, 1}))
                        .param("step", "ON_SITE").param("note", "到场").with(TestUsers.as(lead)).with(csrf()))
                .andExpect(flash().attribute("ok", "进度已记录。"));
        // refusals are shown as readable alerts
        mvc.perform(post("/m/work-orders/" + id + "/reply").param("note", " ").with(TestUsers.as(lead)).with(csrf()))
                .andExpect(flash().attribute("error", "“回复”需要填写：说明。"));
        mvc.perform(post("/m/work-orders/" + id + "/reply").param("note", "已修复").with(TestUsers.as(lead)).with(csrf()))
                .andExpect(flash().attribute("ok", "已回复。"));

        WorkOrderView w = lifecycle.view(id, agent);
        assertThat(w.state()).isEqualTo("REPLIED");
        assertThat(w.attachments()).hasSize(1);
        mvc.perform(get("/work-orders/" + id + "/attachments/" + w.attachments().getFirst().id()).with(TestUsers.as(lead)))
                .andExpect(status().isOk()).andExpect(content().contentType("image/jpeg"));

        mvc.perform(get("/work-orders/" + id).with(TestUsers.as(agent)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("答复并办结")));
        mvc.perform(get("/work-orders").with(TestUsers.as(agent)).param("q", "13800006666"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString(w.number())));
        mvc.perform(get("/work-orders/" + id + "/print").with(TestUsers.as(agent)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("处理记录")));
    }

    @Test
    void pdfEmbedsAChineseFont() throws Exception {
        WorkOrderView w = lifecycle.register(new Register("COMPLAINT", "NORMAL", "PHONE", null, "王五", null,
                "13800007777", "西城区人民路9号", null, "室温不达标，投诉多次", null, Map.of(), null, null), agent);
        byte[] pdf = mvc.perform(get("/work-orders/" + w.id() + "/pdf").with(TestUsers.as(agent)))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                io.rexian.workorder.web.PdfFonts.anyInstalled(), "no embeddable CJK font (install fonts-wqy-microhei)");
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("室温不达标，投诉多次").contains("王五");
        }
    }

    @Test
    void statisticsPageChartAndExcel() throws Exception {
        CurrentUser manager = users.withRoles(TestUsers.unique("manager"), null, "MANAGER");
        lifecycle.register(new Register("CONSULTATION", "NORMAL", "PHONE", null, null, null, "13800008888", null,
                null, "何时供暖", null, Map.of(), null, null), agent);
        mvc.perform(get("/work-orders/stats").param("groupBy", "TYPE").with(TestUsers.as(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/_static/echarts/6.0.0/dist/echarts.min.js")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("CONSULTATION")));
        byte[] xlsx = mvc.perform(get("/work-orders/stats.xlsx").param("groupBy", "STATE").with(TestUsers.as(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("工单数");
        }
        mvc.perform(get("/_static/echarts/6.0.0/dist/echarts.min.js").with(TestUsers.as(manager))).andExpect(status().isOk());
        // an agent without WORKORDER_STATS is refused
        mvc.perform(get("/work-orders/stats").with(TestUsers.as(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/inbox").with(TestUsers.as(lead))).andExpect(status().isOk());
    }

    @Test
    void administratorEditsWorkflowRulesAndCalendarOnTheWeb() throws Exception {
        CurrentUser admin = users.withRoles(TestUsers.unique("admin"), null, "ADMIN");
        mvc.perform(get("/work-orders/admin").param("type", "CONSULTATION").with(TestUsers.as(admin)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("REGISTERED")));
        // a state nobody can reach is refused with a sentence naming it
        mvc.perform(post("/work-orders/admin/workflow").with(TestUsers.as(admin)).with(csrf()).param("type", "CONSULTATION")
                        .param("json", """
                                {"initialState":"REGISTERED","states":[{"code":"REGISTERED","terminal":false},
                                 {"code":"LIMBO","terminal":false},{"code":"CLOSED","terminal":true}],
                                 "transitions":[{"action":"ANSWER","from":["REGISTERED"],"to":"CLOSED","permission":"WORKORDER_ANSWER","required":["note"]}]}"""))
                .andExpect(flash().attribute("error", "状态 LIMBO 无法从初始状态到达。"));
        mvc.perform(post("/work-orders/admin/workflow").with(TestUsers.as(admin)).with(csrf()).param("type", "CONSULTATION")
                        .param("json", """
                                {"initialState":"REGISTERED","states":[{"code":"REGISTERED","terminal":false},{"code":"CLOSED","terminal":true}],
                                 "transitions":[{"action":"ANSWER","from":["REGISTERED"],"to":"CLOSED","permission":"WORKORDER_ANSWER","required":["note"]},
                                  {"action":"REOPEN","from":["CLOSED"],"to":"REGISTERED","permission":"WORKORDER_REOPEN","required":["note"]}]}"""))
                .andExpect(flash().attribute("ok", "已保存 2"));
        mvc.perform(post("/work-orders/admin/rules").with(TestUsers.as(admin)).with(csrf()).param("type", "REPAIR")
                        .param("ruleType", "REPAIR").param("priority", "LOW").param("phase", "RESOLVE")
                        .param("minutes", "60").param("remindBefore", "90"))
                .andExpect(flash().attribute("error", "时限须为正数，提醒时间须短于时限。"));
        mvc.perform(post("/work-orders/admin/calendar").with(TestUsers.as(admin)).with(csrf()).param("type", "REPAIR")
                        .param("workStart", "08:00").param("workEnd", "17:00").param("workDays", "1,2,3,4,5")
                        .param("seasons", "11-15..03-15").param("holidays", "2026-10-01, 2026-10-02"))
                .andExpect(flash().attribute("ok", "已保存 "));
        // an agent may not configure
        mvc.perform(get("/work-orders/admin").with(TestUsers.as(agent))).andExpect(status().isForbidden());
    }

    @Test
    void leaderOpensAnIncidentFromTheWebAndClosesIt() throws Exception {
        CurrentUser leader = users.withRoles(TestUsers.unique("leader"), null, "TEAM_LEADER");
        WorkOrderView a = lifecycle.register(new Register("CONSULTATION", "NORMAL", "PHONE", null, null, null,
                "13800001212", "北城区停热小区", null, "为何停暖", null, Map.of(), null, null), agent);
        // registration suggests the earlier call from the same number
        mvc.perform(get("/work-orders/duplicates").param("contactPhone", "13800001212").with(TestUsers.as(agent)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString(a.number())));
        String location = mvc.perform(post("/work-orders/incidents").with(TestUsers.as(leader)).with(csrf())
                        .param("title", "北城区换热站故障").param("area", "北城区").param("numbers", a.number()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(TestUsers.as(leader)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString(a.number())));
        mvc.perform(post(location + "/close").param("answer", "换热站已修复").with(TestUsers.as(leader)).with(csrf()))
                .andExpect(flash().attribute("ok", "事件已关闭；未能办结的工单：-"));
        assertThat(lifecycle.view(a.id(), agent).state()).isEqualTo("CLOSED");
        mvc.perform(get("/work-orders/incidents").with(TestUsers.as(lead))).andExpect(status().isForbidden());
    }
}
