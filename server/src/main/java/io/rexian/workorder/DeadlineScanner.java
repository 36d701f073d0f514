package io.rexian.workorder;

import io.rexian.identity.AuditLog;
import io.rexian.platform.PlatformSettings;
import java.util.Map;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 限时提醒及催办: reminds before a deadline, escalates after it to the team lead and, when
 * still unmet after {@code escalateToManagerAfter} of business time, to the managers. Driven by
 * the injected clock only, so tests move the clock and call {@link #scan()}. Work orders waiting
 * on the resident are skipped; their deadlines are shifted when they resume.
 */
@Component
public class DeadlineScanner {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Escalations escalations;
    private final DeadlineRules rules;
    private final WorkOrderSettings settings;
    private final PlatformSettings platform;
    private final AuditLog audit;

    DeadlineScanner(JdbcClient jdbc, Clock clock, Escalations escalations, DeadlineRules rules,
                    WorkOrderSettings settings, PlatformSettings platform, AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.escalations = escalations;
        this.rules = rules;
        this.settings = settings;
        this.platform = platform;
    }

    /** What one scan did, for logs and tests. */
    public record Result(int reminded, int escalatedToLead, int escalatedToManagers) {
    }

    private record Open(long deadlineId, long workOrderId, String number, Long teamId, DeadlinePhase phase,
                        Instant dueAt, int level) {
    }

    @Scheduled(fixedDelayString = "${rexian.workorder.scan-interval:1m}", initialDelayString = "${rexian.workorder.scan-interval:1m}")
    @Transactional
    public Result scan() {
        Instant now = clock.instant();
        Timestamp nowTs = Timestamp.from(now);
        int reminded = 0;
        for (Open o : open("d.remind_at <= ? and d.reminded_at is null and d.due_at > ?", nowTs, nowTs)) {
            escalations.remind(o.workOrderId(), o.number(), o.teamId(), o.phase(), format(o.dueAt()));
            jdbc.sql("update work_order_deadline set reminded_at = ? where id = ?").params(nowTs, o.deadlineId()).update();
            history(o.workOrderId(), "REMIND", now, o.phase().name(), "system");
            reminded++;
        }
        int lead = 0;
        for (Open o : open("d.due_at <= ? and d.escalation_level = 0", nowTs)) {
            String who = escalations.escalateToTeamLead(o.workOrderId(), o.number(), o.teamId(), o.phase(), format(o.dueAt()));
            escalated(o, 1, now, who);
            lead++;
        }
        int managers = 0;
        BusinessCalendar calendar = rules.calendar();
        for (Open o : open("d.escalation_level = 1 and d.due_at <= ?", nowTs)) {
            if (calendar.plus(o.dueAt(), settings.escalateToManagerAfter()).isAfter(now)) {
                continue;
            }
            String who = escalations.escalateToManagers(o.workOrderId(), o.number(), o.teamId(), o.phase(), format(o.dueAt()));
            escalated(o, 2, now, who);
            managers++;
        }
        return new Result(reminded, lead, managers);
    }

    private List<Open> open(String condition, Object... params) {
        return jdbc.sql("""
                        select d.id, w.id, w.number, w.team_id, d.phase, d.due_at, d.escalation_level
                        from work_order_deadline d join work_order w on w.id = d.work_order_id
                        where d.met_at is null and w.closed_at is null and w.waiting_since is null and\s""" + condition
                        + " order by d.due_at limit 1000")
                .params(params)
                .query((rs, i) -> new Open(rs.getLong(1), rs.getLong(2), rs.getString(3), (Long) rs.getObject(4),
                        DeadlinePhase.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant(), rs.getInt(7)))
                .list();
    }

    private void escalated(Open o, int level, Instant now, String who) {
        audit.record("work_order", String.valueOf(o.workOrderId()), "escalate",
                Map.of("phase", o.phase().name(), "level", level, "to", who));
        jdbc.sql("update work_order_deadline set escalation_level = ?, escalated_at = ? where id = ?")
                .params(level, Timestamp.from(now), o.deadlineId()).update();
        jdbc.sql("update work_order set overdue = true where id = ?").param(o.workOrderId()).update();
        history(o.workOrderId(), "ESCALATE", now, o.phase().name() + ":" + level, who);
    }

    /** Written beside the aggregate (no version bump) so that a reminder never makes a user's edit stale. */
    private void history(long workOrderId, String action, Instant at, String detail, String note) {
        // the same row lock the lifecycle takes, so history numbering never collides
        jdbc.sql("select id from work_order where id = ? for update").param(workOrderId).query(Long.class).list();
        jdbc.sql("""
                        insert into work_order_event (work_order_id, seq, action, from_state, to_state, actor, at, note, detail)
                        select w.id, coalesce((select max(seq) from work_order_event e where e.work_order_id = w.id), 0) + 1,
                               ?, w.state, w.state, 'system', ?, ?, ? from work_order w where w.id = ?""")
                .params(action, Timestamp.from(at), note, detail, workOrderId).update();
    }

    private String format(Instant at) {
        return at.atZone(platform.timeZone()).format(DUE);
    }
}
