package io.rexian.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.MovableClock;
import io.rexian.identity.TestUsers;
import io.rexian.notify.InAppInbox;
import io.rexian.workorder.WorkOrderCommands.Register;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@WorkOrderTest
class WorkOrderDeadlineTests {

    @Autowired ApplicationContext context;
    @Autowired WorkOrderLifecycle lifecycle;
    @Autowired DeadlineScanner scanner;
    @Autowired InAppInbox inbox;
    @Autowired MovableClock clock;
    @Autowired JdbcClient jdbc;

    /** Office hours 08:30-17:30 Monday to Friday, no round-the-clock season: other tests may have edited the calendar. */
    @org.junit.jupiter.api.BeforeEach
    void officeHours() {
        jdbc.sql("update wo_calendar set work_start = '08:30', work_end = '17:30', work_days = '1,2,3,4,5', round_the_clock = ''").update();
    }

    void at(String local) {
        clock.set(LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }

    @Test
    void remindsThenEscalatesToLeadThenManagersAcrossAHoliday() {
        TestUsers users = TestUsers.from(context);
        long team = users.repairTeam(TestUsers.unique("城北维修班"), "北城区");
        CurrentUser agent = users.withRoles(TestUsers.unique("agent"), null, "AGENT");
        CurrentUser lead = users.withRoles(TestUsers.unique("lead"), team, "REPAIR_LEAD");
        CurrentUser manager = users.withRoles(TestUsers.unique("manager"), null, "MANAGER");
        users.makeResponsible(team, lead.id());
        // office hours, Monday 12 January 2026 a holiday; urgent repairs must be accepted within 2 business hours
        long calendar = jdbc.sql("select id from wo_calendar order by is_default desc, id limit 1").query(Long.class).single();
        jdbc.sql("insert into wo_calendar_day (calendar_id, day, holiday) values (?, date '2026-01-12', true)").param(calendar).update();
        jdbc.sql("insert into wo_deadline_rule (type_code, priority, phase, minutes, remind_before) values ('REPAIR', 'URGENT', 'ACCEPT', 120, 30)").update();

        at("2026-01-09T16:30"); // Friday
        WorkOrderView w = lifecycle.register(new Register("REPAIR", "URGENT", "PHONE", null, "李四", "RESIDENT",
                "13900001234", "北城区和平街8号", null, "管道漏水", null, Map.of(), team, null), agent);
        WorkOrderView.DeadlineView accept = w.deadlines().stream().filter(d -> d.phase() == DeadlinePhase.ACCEPT).findFirst().orElseThrow();
        // one hour on Friday, the weekend and the holiday do not count, one hour on Tuesday
        assertThat(accept.dueAt()).isEqualTo(LocalDateTime.parse("2026-01-13T09:30").atZone(ZoneId.of("Asia/Shanghai")).toInstant());

        at("2026-01-12T12:00");
        assertThat(scanner.scan()).isEqualTo(new DeadlineScanner.Result(0, 0, 0));

        at("2026-01-13T09:05");
        assertThat(scanner.scan().reminded()).isEqualTo(1);
        assertThat(inbox.of(lead.id(), 10)).extracting(InAppInbox.Message::messageKey).contains("workorder.notify.remind.ACCEPT");

        at("2026-01-13T09:31");
        assertThat(scanner.scan().escalatedToLead()).isEqualTo(1);
        assertThat(inbox.of(lead.id(), 10)).extracting(InAppInbox.Message::messageKey).contains("workorder.notify.overdue.ACCEPT");
        assertThat(lifecycle.view(w.id(), agent).overdue()).isTrue();
        assertThat(inbox.of(manager.id(), 10)).isEmpty();

        at("2026-01-13T11:00");
        assertThat(scanner.scan().escalatedToManagers()).isZero();
        at("2026-01-13T11:31");
        assertThat(scanner.scan().escalatedToManagers()).isEqualTo(1);
        assertThat(inbox.of(manager.id(), 10)).extracting(InAppInbox.Message::messageKey).containsExactly("workorder.notify.escalated.ACCEPT");
        // nothing is sent twice
        assertThat(scanner.scan()).isEqualTo(new DeadlineScanner.Result(0, 0, 0));
        assertThat(lifecycle.view(w.id(), agent).history()).extracting(WorkOrderView.Step::action)
                .containsSubsequence("TRANSFER", "REMIND", "ESCALATE", "ESCALATE");
    }

    @Test
    void waitingOnTheResidentPausesTheClock() {
        TestUsers users = TestUsers.from(context);
        long team = users.repairTeam(TestUsers.unique("城南维修班"), "南城区");
        CurrentUser agent = users.withRoles(TestUsers.unique("agent"), null, "AGENT");
        CurrentUser lead = users.withRoles(TestUsers.unique("lead"), team, "REPAIR_LEAD");
        jdbc.sql("insert into wo_deadline_rule (type_code, priority, phase, minutes, remind_before) values ('COMPLAINT', 'HIGH', 'ACCEPT', 60, 0) on conflict do nothing").update();
        at("2026-01-14T09:00"); // Wednesday
        WorkOrderView w = lifecycle.register(new Register("COMPLAINT", "HIGH", "PHONE", null, null, null,
                "13900005678", "南城区", null, "服务态度差", null, Map.of(), team, null), agent);
        at("2026-01-14T09:30");
        w = lifecycle.waitForResident(w.id(), null, "居民不在家", lead);
        at("2026-01-14T11:30");
        assertThat(scanner.scan().escalatedToLead()).isZero();
        w = lifecycle.resume(w.id(), null, lead);
        // 30 minutes were left when the wait began
        assertThat(w.deadlines().getFirst().dueAt())
                .isEqualTo(LocalDateTime.parse("2026-01-14T12:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }
}
