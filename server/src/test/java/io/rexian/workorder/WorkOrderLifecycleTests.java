package io.rexian.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.MovableClock;
import io.rexian.identity.TestUsers;
import io.rexian.notify.InAppInbox;
import io.rexian.platform.DomainException;
import io.rexian.workorder.WorkOrderCommands.Register;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@WorkOrderTest
class WorkOrderLifecycleTests {

    @Autowired ApplicationContext context;
    @Autowired WorkOrderLifecycle lifecycle;
    @Autowired InAppInbox inbox;
    @Autowired MovableClock clock;
    @Autowired JdbcClient jdbc;

    TestUsers users;
    long east;
    long west;
    CurrentUser agent;
    CurrentUser eastLead;
    CurrentUser westLead;

    @BeforeEach
    void staff() {
        users = TestUsers.from(context);
        east = users.repairTeam(TestUsers.unique("城东维修班"), "东城区");
        west = users.repairTeam(TestUsers.unique("城西维修班"), "西城区");
        agent = users.withRoles(TestUsers.unique("agent"), null, "AGENT");
        eastLead = users.withRoles(TestUsers.unique("lead-east"), east, "REPAIR_LEAD");
        westLead = users.withRoles(TestUsers.unique("lead-west"), west, "REPAIR_LEAD");
        users.makeResponsible(east, eastLead.id());
        users.makeResponsible(west, westLead.id());
    }

    Register repair(Long team) {
        return new Register("REPAIR", "NORMAL", "PHONE", null, "张三", "RESIDENT", "13800001111",
                "东城区幸福路1号3单元502", null, "暖气不热，室温14度", "call-1", Map.of(), team, "辖区内");
    }

    @Test
    void repairTravelsFromAgentToTeamAndBackToClosed() {
        WorkOrderView w = lifecycle.register(repair(null), agent);
        assertThat(w.state()).isEqualTo("REGISTERED");
        assertThat(w.number()).startsWith("WO20260105");

        w = lifecycle.transfer(w.id(), w.version(), east, "辖区内", agent);
        assertThat(w.state()).isEqualTo("TRANSFERRED");
        assertThat(w.teamId()).isEqualTo(east);
        assertThat(inbox.of(eastLead.id(), 10)).extracting(InAppInbox.Message::messageKey)
                .contains("workorder.notify.transferred");

        clock.advance(Duration.ofMinutes(10));
        w = lifecycle.accept(w.id(), w.version(), eastLead);
        assertThat(w.state()).isEqualTo("ACCEPTED");
        w = lifecycle.progress(w.id(), w.version(), ProgressStep.DEPARTED, "出发", List.of(), eastLead);
        w = lifecycle.progress(w.id(), w.version(), ProgressStep.ON_SITE, "到达现场",
                List.of(new Attachments.Upload("valve.jpg", "image/jpeg", new byte[] {1, 2, 3})), eastLead);
        assertThat(w.onSiteAt()).isNotNull();
        assertThat(w.attachments()).extracting(WorkOrderView.AttachmentView::fileName).containsExactly("valve.jpg");
        w = lifecycle.reply(w.id(), w.version(), "已更换阀门，室温恢复", eastLead);
        assertThat(w.state()).isEqualTo("REPLIED");
        assertThat(inbox.of(agent.id(), 10)).extracting(InAppInbox.Message::messageKey).contains("workorder.notify.replied");
        w = lifecycle.answerAndClose(w.id(), w.version(), "已维修完毕，感谢来电", agent);

        assertThat(w.state()).isEqualTo("CLOSED");
        assertThat(w.closedAt()).isNotNull();
        assertThat(w.history()).extracting(WorkOrderView.Step::action)
                .containsExactly("CREATE", "TRANSFER", "ACCEPT", "PROGRESS", "PROGRESS", "REPLY", "ANSWER");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'work_order' and entity_id = ?")
                .param(String.valueOf(w.id())).query(Integer.class).single()).isEqualTo(7);
    }

    @Test
    void reTransferRecordsFromToByAndReason() {
        WorkOrderView w = lifecycle.register(repair(east), agent);
        w = lifecycle.retransfer(w.id(), w.version(), west, "地址属于城西辖区", eastLead);

        assertThat(w.teamId()).isEqualTo(west);
        WorkOrderView.Step step = w.history().getLast();
        assertThat(step.action()).isEqualTo("RETRANSFER");
        assertThat(step.fromTeam()).startsWith("城东维修班");
        assertThat(step.toTeam()).startsWith("城西维修班");
        assertThat(step.actor()).isEqualTo(eastLead.displayName());
        assertThat(step.note()).isEqualTo("地址属于城西辖区");
        // the east team still sees what it handled, but may no longer act on it
        assertThat(lifecycle.view(w.id(), eastLead).teamId()).isEqualTo(west);
        long id = w.id();
        long version = w.version();
        assertThatThrownBy(() -> lifecycle.accept(id, version, eastLead))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
                    assertThat(e.messageKey()).isEqualTo("workorder.error.notYourTeam");
                });
        assertThat(lifecycle.accept(id, version, westLead).state()).isEqualTo("ACCEPTED");
    }

    @Test
    void reTransferWithoutReasonIsRefusedNamingTheField() {
        WorkOrderView w = lifecycle.register(repair(east), agent);
        assertThatThrownBy(() -> lifecycle.retransfer(w.id(), w.version(), west, " ", eastLead))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("workorder.error.required"));
    }

    @Test
    void invalidTransitionsAndWrongRolesAreRefused() {
        WorkOrderView w = lifecycle.register(repair(null), agent);
        long id = w.id();
        // nobody can accept what was never transferred
        assertThatThrownBy(() -> lifecycle.accept(id, null, eastLead))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
                });
        assertThatThrownBy(() -> lifecycle.reply(id, null, "done", agent))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.messageKey()).isEqualTo("workorder.error.transition");
                });
        // a repair lead may not transfer from the hotline (no WORKORDER_TRANSFER)
        assertThatThrownBy(() -> lifecycle.transfer(id, null, east, "x", eastLead))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
        // a field worker of another team does not even see it
        lifecycle.transfer(id, null, east, "x", agent);
        CurrentUser westWorker = users.withRoles(TestUsers.unique("worker"), west, "FIELD_WORKER");
        assertThatThrownBy(() -> lifecycle.view(id, westWorker))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
        // closed work orders cannot be replied to
        lifecycle.answerAndClose(id, null, "重复工单", agent);
        assertThatThrownBy(() -> lifecycle.accept(id, null, eastLead))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
    }

    @Test
    void staleVersionNamesWhoChangedItAndWhen() {
        WorkOrderView w = lifecycle.register(repair(east), agent);
        long seen = w.version();
        lifecycle.accept(w.id(), seen, eastLead);
        assertThatThrownBy(() -> lifecycle.retransfer(w.id(), seen, west, "not ours", eastLead))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.messageKey()).isEqualTo("workorder.error.stale");
                    assertThat(e.args()[0]).isEqualTo(eastLead.displayName());
                    assertThat(e.args()[1]).isEqualTo(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                            .format(clock.instant().atZone(java.time.ZoneId.of("Asia/Shanghai"))));
                });
    }

    @Test
    void concurrentActionsNeverCorruptTheWorkOrder() throws Exception {
        WorkOrderView w = lifecycle.register(repair(east), agent);
        CurrentUser secondLead = users.withRoles(TestUsers.unique("lead-east-2"), east, "REPAIR_LEAD");
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<?> a = pool.submit(() -> { start.await(); return lifecycle.accept(w.id(), null, eastLead); });
            Future<?> b = pool.submit(() -> { start.await(); return lifecycle.retransfer(w.id(), null, west, "不是我们的", secondLead); });
            start.countDown();
            int failures = 0;
            for (Future<?> f : List.of(a, b)) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(DomainException.class);
                    failures++;
                }
            }
            WorkOrderView after = lifecycle.view(w.id(), agent);
            // both apply one after the other (or the second is refused by the workflow); history matches state
            assertThat(after.history().getLast().toState()).isEqualTo(after.state());
            assertThat(after.history()).hasSize(4 - failures);
        }
    }

    @Test
    void consultationIsAnsweredDirectlyAndCanBeReopened() {
        CurrentUser teamLeader = users.withRoles(TestUsers.unique("leader"), null, "TEAM_LEADER");
        WorkOrderView w = lifecycle.register(new Register("CONSULTATION", "NORMAL", "PHONE", null, null, null,
                "13800002222", null, null, "供暖开始时间？", null, Map.of(), null, null), agent);
        assertThatThrownBy(() -> lifecycle.transfer(w.id(), null, east, "x", agent))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("workorder.error.transition"));
        WorkOrderView closed = lifecycle.answerAndClose(w.id(), null, "11月15日开始供暖", agent);
        assertThat(closed.state()).isEqualTo("CLOSED");
        WorkOrderView reopened = lifecycle.reopen(w.id(), closed.version(), "居民不满意", teamLeader);
        assertThat(reopened.state()).isEqualTo("REGISTERED");
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.history().getLast().action()).isEqualTo("REOPEN");
    }

    @Test
    void closedComplaintGetsACallbackAndAnUnsatisfiedResidentReopensIt() {
        CurrentUser teamLeader = users.withRoles(TestUsers.unique("leader"), null, "TEAM_LEADER");
        Callbacks callbacks = context.getBean(Callbacks.class);
        WorkOrderView w = lifecycle.register(new Register("COMPLAINT", "NORMAL", "PHONE", null, "赵六", "RESIDENT",
                "13800009999", "东城区", null, "维修人员态度差", null, Map.of(), east, null), agent);
        lifecycle.accept(w.id(), null, eastLead);
        lifecycle.reply(w.id(), null, "已批评教育", eastLead);
        WorkOrderView closed = lifecycle.answerAndClose(w.id(), null, "已处理", agent);
        assertThat(closed.callbackStatus()).isEqualTo("PENDING");
        assertThat(callbacks.pending(agent)).extracting(Callbacks.Task::workOrderId).contains(w.id());

        WorkOrderView after = callbacks.record(w.id(), null, "UNSATISFIED", "居民仍不满意", true, teamLeader);
        assertThat(after.callbackResult()).isEqualTo("UNSATISFIED");
        assertThat(after.state()).isEqualTo("REGISTERED");
        assertThat(after.history()).extracting(WorkOrderView.Step::action).endsWith("CALLBACK", "REOPEN");
        assertThat(callbacks.pending(agent)).extracting(Callbacks.Task::workOrderId).doesNotContain(w.id());
        // a second result for the same visit is refused
        assertThatThrownBy(() -> callbacks.record(w.id(), null, "SATISFIED", null, false, teamLeader))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("workorder.callback.none"));
    }

    @Test
    void urgeIsRecordedAndSentToTheTeamLead() {
        WorkOrderView w = lifecycle.register(repair(east), agent);
        WorkOrderView urged = lifecycle.urge(w.id(), null, "居民第三次来电", agent);
        assertThat(urged.history().getLast().action()).isEqualTo("URGE");
        assertThat(urged.history().getLast().note()).isEqualTo("居民第三次来电");
        assertThat(inbox.of(eastLead.id(), 20)).extracting(InAppInbox.Message::messageKey).contains("workorder.notify.urged");
        assertThatThrownBy(() -> lifecycle.urge(w.id(), null, "x", eastLead))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
    }
}
