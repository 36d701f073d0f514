package io.rexian.workorder;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.identity.TeamView;
import io.rexian.identity.Teams;
import io.rexian.identity.UserView;
import io.rexian.identity.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode: the problem-category tree of a heating company, deadline rules, a calendar with
 * a 24x7 heating season and the 2026 public holidays, and a few hundred work orders over the
 * last four weeks in every state, handled by identity's demo teams. Runs after identity (100)
 * and customer (200); adds only what is missing, so restarts duplicate nothing.
 */
@Component
@ConditionalOnBooleanProperty("rexian.demo")
@Order(300)
class WorkOrderDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WorkOrderDemoData.class);

    private static final Map<String, List<String>> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("供热质量", List.of("室温不达标", "暖气不热", "暖气忽冷忽热"));
        CATEGORIES.put("设施故障", List.of("暖气漏水", "阀门故障", "管道爆裂", "换热站故障"));
        CATEGORIES.put("缴费问题", List.of("缴费查询", "发票问题", "欠费停暖"));
        CATEGORIES.put("服务", List.of("服务态度", "维修不及时"));
        CATEGORIES.put("其他", List.of("供暖政策咨询", "建议"));
    }

    private static final String[] STREETS = {"幸福路", "光明街", "和平大道", "建设路", "滨江路", "解放街", "人民路", "新华街"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final String[] DISTRICTS = {"东城区", "西城区", "北城区", "南城区"};

    private final JdbcClient jdbc;
    private final WorkOrders workOrders;
    private final Workflows workflows;
    private final DeadlineSchedule schedule;
    private final Teams teams;
    private final Users users;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Callbacks callbacks;

    WorkOrderDemoData(Callbacks callbacks, JdbcClient jdbc, WorkOrders workOrders, Workflows workflows, DeadlineSchedule schedule,
                      Teams teams, Users users, Clock clock, TransactionTemplate tx) {
        this.callbacks = callbacks;
        this.jdbc = jdbc;
        this.workOrders = workOrders;
        this.workflows = workflows;
        this.schedule = schedule;
        this.teams = teams;
        this.users = users;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(s -> {
            categories();
            calendarAndRules();
        });
        int count = jdbc.sql("select count(*) from work_order").query(Integer.class).single();
        if (count == 0) {
            int created = workOrdersOfLastWeeks(300);
            // old misses count as already escalated, so the first scan does not flood the demo inboxes
            jdbc.sql("""
                    update work_order_deadline set escalation_level = 2, reminded_at = due_at, escalated_at = due_at
                    where met_at is null and due_at < ?""").param(java.sql.Timestamp.from(clock.instant().minus(Duration.ofHours(1)))).update();
            jdbc.sql("""
                    update work_order w set overdue = true where exists (select 1 from work_order_deadline d
                      where d.work_order_id = w.id and (d.met_at is null and d.due_at < ? or d.met_at > d.due_at))""")
                    .param(java.sql.Timestamp.from(clock.instant())).update();
            log.info("Demo work orders: {} created", created);
        }
    }

    private void categories() {
        CATEGORIES.forEach((parent, children) -> {
            long parentId = category(null, parent);
            children.forEach(child -> category(parentId, child));
        });
    }

    private long category(Long parentId, String name) {
        return jdbc.sql("select id from wo_category where coalesce(parent_id, 0) = coalesce(?, 0) and name = ?")
                .params(parentId, name).query(Long.class).optional()
                .orElseGet(() -> jdbc.sql("insert into wo_category (parent_id, name) values (?, ?) returning id")
                        .params(parentId, name).query(Long.class).single());
    }

    private void calendarAndRules() {
        jdbc.sql("update wo_calendar set name = '供暖季日历', round_the_clock = '11-15..03-15' where is_default and round_the_clock = ''").update();
        long calendar = jdbc.sql("select id from wo_calendar where is_default").query(Long.class).single();
        for (String day : List.of("2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
                "2026-02-20", "2026-04-06", "2026-05-01", "2026-05-04", "2026-05-05", "2026-06-19", "2026-09-25",
                "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07")) {
            jdbc.sql("insert into wo_calendar_day (calendar_id, day, holiday) values (?, ?::date, true) on conflict do nothing")
                    .params(calendar, day).update();
        }
        Object[][] rules = {
                {"REPAIR", "URGENT", "ACCEPT", 15, 5}, {"REPAIR", "URGENT", "ON_SITE", 60, 15}, {"REPAIR", "URGENT", "RESOLVE", 480, 60},
                {"REPAIR", "HIGH", "ACCEPT", 30, 10}, {"REPAIR", "HIGH", "ON_SITE", 120, 30}, {"REPAIR", "HIGH", "RESOLVE", 1440, 120},
                {"REPAIR", "NORMAL", "ACCEPT", 30, 10}, {"REPAIR", "NORMAL", "ON_SITE", 120, 30}, {"REPAIR", "NORMAL", "RESOLVE", 1440, 120},
                {"COMPLAINT", "NORMAL", "ACCEPT", 60, 15}, {"COMPLAINT", "NORMAL", "RESOLVE", 2880, 240},
                {"COMPLAINT", "HIGH", "ACCEPT", 30, 10}, {"COMPLAINT", "HIGH", "RESOLVE", 1440, 120},
                {"REPORT", "NORMAL", "RESOLVE", 4320, 480}, {"CONSULTATION", "NORMAL", "RESOLVE", 240, 60},
                {"SUGGESTION", "NORMAL", "RESOLVE", 7200, 720}};
        for (Object[] r : rules) {
            jdbc.sql("""
                            insert into wo_deadline_rule (type_code, priority, phase, minutes, remind_before)
                            values (?, ?, ?, ?, ?) on conflict do nothing""").params(r).update();
        }
    }

    private int workOrdersOfLastWeeks(int howMany) {
        List<TeamView> repairTeams = teams.repairTeams();
        Optional<UserView> agentView = users.findByUsername("agent1");
        if (repairTeams.isEmpty() || agentView.isEmpty()) {
            log.warn("Demo work orders skipped: identity's demo teams and agents are missing");
            return 0;
        }
        List<WorkOrderTypes.Category> leaves = jdbc.sql("""
                        select c.id, c.parent_id, c.name, c.name from wo_category c
                        where c.parent_id is not null order by c.id""")
                .query((rs, i) -> new WorkOrderTypes.Category(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .list();
        Random random = new Random(42);
        Instant now = clock.instant();
        int created = 0;
        for (int i = 0; i < howMany; i++) {
            int agentNo = 1 + random.nextInt(10);
            UserView agentUser = users.findByUsername("agent" + agentNo).orElse(agentView.get());
            CurrentUser agent = actor(agentUser, null);
            TeamView team = repairTeams.get(random.nextInt(repairTeams.size()));
            CurrentUser lead = team.responsibleUserId() == null ? actor(agentUser, team.id())
                    : actor(users.find(team.responsibleUserId()).orElse(agentUser), team.id());
            String type = pick(random, "REPAIR", "REPAIR", "REPAIR", "COMPLAINT", "CONSULTATION", "SUGGESTION", "REPORT");
            WorkOrderTypes.Category category = leaves.get(random.nextInt(leaves.size()));
            Instant received = now.minus(Duration.ofMinutes(30 + random.nextInt(28 * 24 * 60)));
            String district = team.serviceDistricts().isEmpty() ? DISTRICTS[random.nextInt(DISTRICTS.length)]
                    : team.serviceDistricts().getFirst();
            String address = district + STREETS[random.nextInt(STREETS.length)] + (1 + random.nextInt(200)) + "号"
                    + (1 + random.nextInt(6)) + "单元" + (1 + random.nextInt(18)) + "0" + (1 + random.nextInt(4));
            String phone = "13" + (100000000 + random.nextInt(899999999));
            int stage = random.nextInt(7);
            tx.executeWithoutResult(s -> {
                Workflows.Version version = workflows.current(type);
                WorkOrder w = WorkOrder.register("WO" + received.atZone(clock.getZone()).toLocalDate().toString().replace("-", "")
                                + String.format("%06d", jdbc.sql("select nextval('work_order_number_seq')").query(Long.class).single() % 1_000_000),
                        version.id(), new WorkOrder.Registration(type, pick(random, "NORMAL", "NORMAL", "HIGH", "URGENT"),
                                pick(random, "PHONE", "PHONE", "PHONE", "WECHAT", "PORTAL"), null,
                                SURNAMES[random.nextInt(SURNAMES.length)] + pick(random, "先生", "女士"),
                                pick(random, "RESIDENT", "RESIDENT", "RESIDENT", "ENTERPRISE"), phone, address,
                                category.id(), category.name() + "，请尽快处理", null, Map.of()),
                        agent, ctx(version.id(), received));
                Instant t = received;
                WorkflowDefinition wf = workflows.definition(version.id());
                if (wf.allows(WorkflowAction.TRANSFER)) {
                    if (stage >= 1) {
                        w.transferTo(team.id(), agent, "请处理", ctx(version.id(), t = t.plus(Duration.ofMinutes(3))));
                    }
                    if (stage >= 2) {
                        w.accept(lead, ctx(version.id(), t = t.plus(Duration.ofMinutes(5 + random.nextInt(40)))));
                    }
                    if (stage >= 3) {
                        w.recordProgress(ProgressStep.ON_SITE, "已到现场", false, lead,
                                ctx(version.id(), t = t.plus(Duration.ofMinutes(20 + random.nextInt(150)))));
                    }
                    if (stage >= 4) {
                        w.reply("已处理完毕", lead, ctx(version.id(), t = t.plus(Duration.ofMinutes(30 + random.nextInt(600)))));
                    }
                }
                if (stage >= 5 || (!wf.allows(WorkflowAction.TRANSFER) && stage >= 1)) {
                    w.answerAndClose("已处理，已告知来电人", agent, ctx(version.id(), t.plus(Duration.ofMinutes(10 + random.nextInt(120)))));
                }
                w.forgetEvents();
                WorkOrder saved = workOrders.save(w);
                if (saved.closedAt() != null) {
                    callbacks.closed(new WorkOrderClosed(saved.id(), saved.number(), saved.typeCode(), saved.closedAt()));
                }
            });
            created++;
        }
        return created;
    }

    private WorkOrder.Context ctx(long workflowId, Instant at) {
        return new WorkOrder.Context(workflows.definition(workflowId), at, schedule);
    }

    /** The demo user acting with every work-order permission, as he would through his roles. */
    private static CurrentUser actor(UserView user, Long teamId) {
        return new CurrentUser(user.id(), user.username(), user.displayName(), teamId != null ? teamId : user.teamId(),
                Set.of(Permission.values()));
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }
}
