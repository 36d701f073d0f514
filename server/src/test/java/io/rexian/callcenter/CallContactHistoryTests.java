package io.rexian.callcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.IdentityTest;
import io.rexian.identity.TestUsers;
import io.rexian.telephony.CallDetailRecord;
import io.rexian.telephony.CallDetailRecord.Direction;
import io.rexian.telephony.CallDetailRecord.Disposition;
import io.rexian.telephony.CallRecords;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** An agent opening a customer sees his calls, whichever form the carrier sent the number in. */
@IdentityTest
class CallContactHistoryTests {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired CallRecords callRecords;
    @Autowired JdbcClient jdbc;

    @Test
    void customerPageListsCallsFromAnyOfHisNumbersToCallStaffOnly() throws Exception {
        TestUsers users = TestUsers.from(context);
        CurrentUser admin = users.withRoles(TestUsers.unique("admin"), null, "ADMIN");
        CurrentUser agent = users.withRoles(TestUsers.unique("agent"), null, "AGENT");
        long team = users.repairTeam(TestUsers.unique("城南维修班"), "南城区");
        CurrentUser field = users.withRoles(TestUsers.unique("field"), team, "FIELD_WORKER");
        String account = "CH" + System.nanoTime() % 100_000_000L;
        mvc.perform(post("/customers").with(TestUsers.as(admin)).with(csrf())
                .param("accountNo", account).param("name", "通话记录客户").param("customerClass", "RESIDENT")
                .param("phones[0]", "13955501234").param("district", "南城区"));
        long id = jdbc.sql("select id from customer where account_no = ?").param(account).query(Long.class).single();

        Instant t = Instant.parse("2026-01-05T02:00:00Z");
        callRecords.save(new CallDetailRecord("c-" + account + "-1", "+8613955501234", "96001", Direction.INBOUND,
                t, t.plusSeconds(5), t.plusSeconds(140), Disposition.ANSWERED, "normal", List.of(), List.of()));
        callRecords.save(new CallDetailRecord("c-" + account + "-2", "013955501234", "96001", Direction.INBOUND,
                t.plusSeconds(3600), null, t.plusSeconds(3620), Disposition.NO_ANSWER, "no answer", List.of(), List.of()));
        callRecords.save(new CallDetailRecord("c-" + account + "-3", "13900000000", "96001", Direction.INBOUND,
                t, t, t.plusSeconds(10), Disposition.ANSWERED, "normal", List.of(), List.of()));

        String page = mvc.perform(get("/customers/" + id).with(TestUsers.as(agent)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("呼入 · 已接通 · 通话 2:15").contains("呼入 · 未接听");
        assertThat(page.split("呼入 ·", -1)).hasSize(3);   // the stranger's call is not his

        String fieldPage = mvc.perform(get("/customers/" + id).with(TestUsers.as(field)))
                .andReturn().getResponse().getContentAsString();
        assertThat(fieldPage).contains("通话记录客户").doesNotContain("呼入");
    }

    @Test
    void numbersAreMatchedInTheFormsCarriersSend() {
        assertThat(CallContactHistory.dialledForms("13955501234"))
                .contains("13955501234", "+8613955501234", "8613955501234", "008613955501234", "013955501234");
        assertThat(CallContactHistory.dialledForms("01088886666")).contains("01088886666", "+861088886666");
    }
}
