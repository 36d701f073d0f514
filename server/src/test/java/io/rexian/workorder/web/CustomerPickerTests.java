package io.rexian.workorder.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.TestUsers;
import io.rexian.workorder.WorkOrderTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** On registration the agent finds the caller by account number (户号) or by phone number. */
@WorkOrderTest
class CustomerPickerTests {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;

    @Test
    void agentPicksTheCustomerByAccountNumberOrPhone() throws Exception {
        TestUsers users = TestUsers.from(context);
        CurrentUser admin = users.withRoles(TestUsers.unique("admin"), null, "ADMIN");
        CurrentUser agent = users.withRoles(TestUsers.unique("agent"), null, "AGENT");
        String account = "PK" + System.nanoTime() % 100_000_000L;
        mvc.perform(post("/customers").with(TestUsers.as(admin)).with(csrf())
                        .param("accountNo", account).param("name", "选择测试客户").param("customerClass", "RESIDENT")
                        .param("phones[0]", "13912345678").param("district", "东城区").param("estate", "幸福家园"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/work-orders/new").with(TestUsers.as(agent)))
                .andExpect(content().string(allOf(containsString("户号"), containsString("name=\"accountNo\""))));
        mvc.perform(get("/work-orders/customers").param("accountNo", " " + account + " ").with(TestUsers.as(agent)))
                .andExpect(content().string(allOf(containsString("选择测试客户"), containsString("幸福家园"),
                        containsString("data-phone=\"13912345678\""))));
        mvc.perform(get("/work-orders/customers").param("contactPhone", "+86 139 1234 5678").with(TestUsers.as(agent)))
                .andExpect(content().string(containsString("选择测试客户")));
        mvc.perform(get("/work-orders/customers").param("accountNo", "NO-SUCH-ACCOUNT").with(TestUsers.as(agent)))
                .andExpect(content().string(containsString("未找到户号为 NO-SUCH-ACCOUNT 的客户")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("选择测试客户"))));
    }
}
