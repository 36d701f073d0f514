package io.rexian.workorder;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every installation needs before the first work order: the five standard types with
 * version 1 of their workflows, and an office-hours calendar. Idempotent; administrators
 * change all of it later.
 */
@Component
@Order(250)
class ReferenceData implements ApplicationRunner {

    /** code, Chinese, English, callback sample rate, dispatched to a team */
    private static final List<Object[]> TYPES = List.of(
            new Object[] {"COMPLAINT", "投诉", "Complaint", 100, true},
            new Object[] {"REPORT", "举报", "Report", 100, true},
            new Object[] {"REPAIR", "报修", "Repair", 30, true},
            new Object[] {"CONSULTATION", "咨询", "Consultation", 0, false},
            new Object[] {"SUGGESTION", "建议", "Suggestion", 0, false});

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ReferenceData(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (Object[] t : TYPES) {
            int added = jdbc.sql("insert into wo_type (code, name_zh, name_en, callback_rate) values (?, ?, ?, ?) on conflict do nothing")
                    .params(t[0], t[1], t[2], t[3]).update();
            if (added == 1) {
                WorkflowDefinition wf = (Boolean) t[4] ? DefaultWorkflows.dispatched() : DefaultWorkflows.direct();
                jdbc.sql("insert into wo_workflow (type_code, version, definition, created_at, created_by) values (?, 1, ?::jsonb, ?, 'system')")
                        .params(t[0], json.writeValueAsString(wf), Timestamp.from(clock.instant())).update();
            }
        }
        jdbc.sql("""
                insert into wo_calendar (name, is_default) select '标准工作日', true
                where not exists (select 1 from wo_calendar)""").update();
    }
}
