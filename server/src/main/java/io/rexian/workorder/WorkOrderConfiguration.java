package io.rexian.workorder;

import io.rexian.identity.AuditLog;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.platform.DomainException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators configure besides workflows: custom fields, the category tree, deadline
 * rules and the business calendar. Every change needs WORKORDER_CONFIGURE and is audited.
 */
@Component
public class WorkOrderConfiguration {

    private final JdbcClient jdbc;
    private final WorkOrderTypes types;
    private final Workflows workflows;
    private final AuditLog audit;

    WorkOrderConfiguration(JdbcClient jdbc, WorkOrderTypes types, Workflows workflows, AuditLog audit) {
        this.jdbc = jdbc;
        this.types = types;
        this.workflows = workflows;
        this.audit = audit;
    }

    public record Rule(String typeCode, String priority, DeadlinePhase phase, int minutes, int remindBefore) {
    }

    /** @param seasons comma-separated round-the-clock seasons such as "11-15..03-15" */
    public record Calendar(long id, String name, LocalTime workStart, LocalTime workEnd, String workDays, String seasons,
                           List<LocalDate> holidays, List<LocalDate> extraWorkdays) {
    }

    @Transactional
    public Workflows.Version saveWorkflow(String typeCode, String json, CurrentUser by) {
        by.require(Permission.WORKORDER_CONFIGURE);
        types.require(typeCode);
        return workflows.save(typeCode, workflows.parse(json), by);
    }

    @Transactional
    public void saveCustomFields(String typeCode, String json, CurrentUser by) {
        by.require(Permission.WORKORDER_CONFIGURE);
        List<CustomField> fields = types.parseCustomFields(json);
        types.saveCustomFields(typeCode, fields);
        audit.record("wo_type", typeCode, "custom_fields", Map.of("fields", fields.stream().map(CustomField::key).toList()));
    }

    @Transactional
    public long addCategory(Long parentId, String name, CurrentUser by) {
        by.require(Permission.WORKORDER_CONFIGURE);
        long id = types.addCategory(parentId, name);
        audit.record("wo_category", String.valueOf(id), "create", Map.of("name", name.trim()));
        return id;
    }

    public List<Rule> rules() {
        return jdbc.sql("select type_code, priority, phase, minutes, remind_before from wo_deadline_rule order by type_code, priority, phase")
                .query((rs, i) -> new Rule(rs.getString(1), rs.getString(2), DeadlinePhase.valueOf(rs.getString(3)),
                        rs.getInt(4), rs.getInt(5)))
                .list();
    }

    /** Adds or replaces the rule of a type, priority and phase; minutes 0 removes it. */
    @Transactional
    public void saveRule(Rule rule, CurrentUser by) {
        by.require(Permission.WORKORDER_CONFIGURE);
        types.require(rule.typeCode());
        if (rule.minutes() < 0 || rule.remindBefore() < 0 || (rule.minutes() > 0 && rule.remindBefore() >= rule.minutes())) {
            throw DomainException.invalid("workorder.rule.invalid");
        }
        if (rule.minutes() == 0) {
            jdbc.sql("delete from wo_deadline_rule where type_code = ? and priority = ? and phase = ?")
                    .params(rule.typeCode(), rule.priority(), rule.phase().name()).update();
        } else {
            jdbc.sql("""
                            insert into wo_deadline_rule (type_code, priority, phase, minutes, remind_before) values (?, ?, ?, ?, ?)
                            on conflict (type_code, priority, phase) do update set minutes = excluded.minutes,
                              remind_before = excluded.remind_before""")
                    .params(rule.typeCode(), rule.priority(), rule.phase().name(), rule.minutes(), rule.remindBefore())
                    .update();
        }
        audit.record("wo_deadline_rule", rule.typeCode() + "/" + rule.priority() + "/" + rule.phase(), "save",
                Map.of("minutes", rule.minutes(), "remindBefore", rule.remindBefore()));
    }

    public Calendar calendar() {
        return jdbc.sql("select id, name, work_start, work_end, work_days, round_the_clock from wo_calendar order by is_default desc, id limit 1")
                .query((rs, i) -> {
                    long id = rs.getLong(1);
                    List<LocalDate> holidays = days(id, true);
                    return new Calendar(id, rs.getString(2), rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class),
                            rs.getString(5), rs.getString(6), holidays, days(id, false));
                })
                .single();
    }

    /** Updates working hours, days and seasons; holidays are a list of ISO dates, one per line or comma. */
    @Transactional
    public void saveCalendar(String workStart, String workEnd, String workDays, String seasons, String holidays,
                             String extraWorkdays, CurrentUser by) {
        by.require(Permission.WORKORDER_CONFIGURE);
        Calendar current = calendar();
        try {
            LocalTime start = LocalTime.parse(workStart.trim());
            LocalTime end = LocalTime.parse(workEnd.trim());
            if (!end.isAfter(start)) {
                throw DomainException.invalid("workorder.calendar.hours");
            }
            for (String d : workDays.split(",")) {
                int day = Integer.parseInt(d.trim());
                if (day < 1 || day > 7) {
                    throw DomainException.invalid("workorder.calendar.days", d);
                }
            }
            for (String s : seasons.split(",")) {
                if (!s.isBlank()) {
                    BusinessCalendar.Season.parse(s);
                }
            }
            jdbc.sql("update wo_calendar set work_start = ?, work_end = ?, work_days = ?, round_the_clock = ? where id = ?")
                    .params(start, end, workDays.replace(" ", ""), seasons.replace(" ", ""), current.id()).update();
            jdbc.sql("delete from wo_calendar_day where calendar_id = ?").param(current.id()).update();
            insertDays(current.id(), holidays, true);
            insertDays(current.id(), extraWorkdays, false);
        } catch (DateTimeParseException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw DomainException.invalid("workorder.calendar.unreadable", e.getMessage());
        }
        audit.record("wo_calendar", String.valueOf(current.id()), "update",
                Map.of("hours", workStart + "-" + workEnd, "days", workDays, "seasons", seasons));
    }

    private void insertDays(long calendar, String text, boolean holiday) {
        if (text == null) {
            return;
        }
        for (String d : text.split("[,\\s]+")) {
            if (!d.isBlank()) {
                jdbc.sql("insert into wo_calendar_day (calendar_id, day, holiday) values (?, ?, ?) on conflict do nothing")
                        .params(calendar, LocalDate.parse(d.trim()), holiday).update();
            }
        }
    }

    private List<LocalDate> days(long calendar, boolean holiday) {
        return jdbc.sql("select day from wo_calendar_day where calendar_id = ? and holiday = ? order by day")
                .params(calendar, holiday).query((rs, i) -> rs.getDate(1).toLocalDate()).list();
    }
}
