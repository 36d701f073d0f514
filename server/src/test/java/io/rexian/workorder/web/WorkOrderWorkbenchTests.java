package io.rexian.workorder.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.TestUsers;
import io.rexian.workorder.WorkOrderCommands.Register;
import io.rexian.workorder.WorkOrderLifecycle;
import io.rexian.workorder.WorkOrderTest;
import io.rexian.workorder.WorkOrderView;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** The workbench tells each person what waits for him, and only what he may see. */
@WorkOrderTest
class WorkOrderWorkbenchTests {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired WorkOrderLifecycle lifecycle;

    @Test
    void repairLeadSeesHisTeamsOpenWorkOrdersAndAgentSeesRepliesAwaitingAnswer() throws Exception {
        TestUsers users = TestUsers.from(context);
        long team = users.repairTeam(TestUsers.unique("城南维修班"), "南城区");
        CurrentUser agent = users.withRoles(TestUsers.unique("agent"), null, "AGENT");
        CurrentUser lead = users.withRoles(TestUsers.unique("lead"), team, "REPAIR_LEAD");
        CurrentUser qa = users.withRoles(TestUsers.unique("qa"), null, "QA");
        users.makeResponsible(team, lead.id());

        for (int i = 0; i < 3; i++) {
            lifecycle.register(new Register("REPAIR", "NORMAL", "PHONE", null, "王五", "RESIDENT", "1380000200" + i,
                    "南城区和平路" + i + "号", null, "暖气不热", null, Map.of(), team, "辖区内"), agent);
        }
        WorkOrderView replied = lifecycle.register(new Register("REPAIR", "NORMAL", "PHONE", null, "赵六", "RESIDENT",
                "13800002100", "南城区和平路9号", null, "阀门漏水", null, Map.of(), team, "辖区内"), agent);
        replied = lifecycle.accept(replied.id(), replied.version(), lead);
        lifecycle.reply(replied.id(), replied.version(), "已更换阀门", lead);

        mvc.perform(get("/").with(TestUsers.as(lead)))
                .andExpect(content().string(containsString("本班组待处理工单")))
                .andExpect(content().string(containsString("<span class=\"figure-value\">4</span>")))
                .andExpect(content().string(not(containsString("已回复待终结"))));
        mvc.perform(get("/").with(TestUsers.as(agent)))
                .andExpect(content().string(containsString("已回复待终结")))
                .andExpect(content().string(containsString("/work-orders?state=REPLIED")))
                .andExpect(content().string(not(containsString("本班组待处理工单"))));
        // QA may look at work orders but does not answer them
        mvc.perform(get("/").with(TestUsers.as(qa)))
                .andExpect(content().string(not(containsString("已回复待终结"))));
    }
}
