package io.rexian.workorder;

import io.rexian.identity.AuditLog;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.platform.DomainException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Incidents: several work orders about the same fault linked under one record. Registration
 * asks for likely duplicates (same phone, or same category and a similar address, within the
 * duplicate window); closing an incident answers every open work order linked to it.
 */
@Component
public class Incidents {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final WorkOrderLifecycle lifecycle;
    private final WorkOrderSettings settings;
    private final AuditLog audit;

    Incidents(JdbcClient jdbc, Clock clock, WorkOrderLifecycle lifecycle, WorkOrderSettings settings, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.audit = audit;
    }

    public record Incident(long id, String title, Long categoryId, String area, Instant openedAt, Instant closedAt,
                           String answer, List<WorkOrderSearch.Row> workOrders) {
    }

    /** A likely duplicate of what is being registered. */
    public record Suggestion(long id, String number, String state, String address, String description,
                             Instant receivedAt, Long incidentId) {
    }

    public List<Suggestion> likelyDuplicates(Long categoryId, String address, String phone, CurrentUser user) {
        user.require(Permission.WORKORDER_VIEW_ALL);
        Instant since = clock.instant().minus(settings.duplicateWindow());
        return jdbc.sql("""
                        select id, number, state, address, description, received_at, incident_id from work_order
                        where received_at >= ? and closed_at is null
                          and ((? <> '' and contact_phone = ?)
                            or (category_id = ? and ? <> '' and similarity(address, ?) > 0.4))
                        order by received_at desc limit 10""")
                .params(Timestamp.from(since), nz(phone), nz(phone), categoryId, nz(address), nz(address))
                .query((rs, i) -> new Suggestion(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), (Long) rs.getObject(7)))
                .list();
    }

    public long open(String title, Long categoryId, String area, List<Long> workOrderIds, CurrentUser by) {
        by.require(Permission.WORKORDER_INCIDENT);
        if (title == null || title.isBlank()) {
            throw DomainException.invalid("workorder.incident.title");
        }
        long id = jdbc.sql("""
                        insert into wo_incident (title, category_id, area, opened_at, opened_by)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(title.trim(), categoryId, area, Timestamp.from(clock.instant()), by.username())
                .query(Long.class).single();
        audit.record("wo_incident", String.valueOf(id), "create", Map.of("title", title));
        for (Long w : workOrderIds) {
            link(id, w, by);
        }
        return id;
    }

    public void link(long incidentId, long workOrderId, CurrentUser by) {
        by.require(Permission.WORKORDER_INCIDENT);
        require(incidentId);
        lifecycle.act(workOrderId, null, by, "link", Map.of("incident", incidentId),
                (w, ctx) -> w.linkToIncident(incidentId, by, ctx.now()));
    }

    /**
     * Closes the incident and answers its open work orders with the same answer.
     *
     * @return numbers of work orders whose workflow did not allow answering now (left open)
     */
    public List<String> close(long incidentId, String answer, CurrentUser by) {
        by.require(Permission.WORKORDER_INCIDENT);
        Incident incident = require(incidentId);
        if (incident.closedAt() != null) {
            throw DomainException.conflict("workorder.incident.closed", incident.title());
        }
        if (answer == null || answer.isBlank()) {
            throw DomainException.invalid("workorder.incident.answer");
        }
        List<String> leftOpen = new ArrayList<>();
        for (WorkOrderSearch.Row row : incident.workOrders()) {
            if ("CLOSED".equals(row.state())) {
                continue;
            }
            try {
                lifecycle.answerAndClose(row.id(), null, answer, by);
            } catch (DomainException e) {
                leftOpen.add(row.number());
            }
        }
        jdbc.sql("update wo_incident set closed_at = ?, answer = ?, version = version + 1 where id = ?")
                .params(Timestamp.from(clock.instant()), answer, incidentId).update();
        audit.record("wo_incident", String.valueOf(incidentId), "close", Map.of("leftOpen", leftOpen));
        return leftOpen;
    }

    /** Links by the number people read on the work order. */
    public void linkByNumber(long incidentId, String number, CurrentUser by) {
        long workOrderId = jdbc.sql("select id from work_order where number = ?").param(number == null ? "" : number.trim())
                .query(Long.class).optional()
                .orElseThrow(() -> DomainException.notFound("workorder.error.notFound", number));
        link(incidentId, workOrderId, by);
    }

    /** Summary of one incident for lists. */
    public record Summary(long id, String title, String area, Instant openedAt, Instant closedAt, int workOrders) {
    }

    /** Open incidents first, newest first. */
    public List<Summary> recent(CurrentUser user) {
        user.require(Permission.WORKORDER_VIEW_ALL);
        return jdbc.sql("""
                        select i.id, i.title, i.area, i.opened_at, i.closed_at,
                               (select count(*) from work_order w where w.incident_id = i.id)
                        from wo_incident i order by i.closed_at is not null, i.opened_at desc limit 100""")
                .query((rs, n) -> new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getInt(6)))
                .list();
    }

    public Incident view(long id, CurrentUser user) {
        user.require(Permission.WORKORDER_VIEW_ALL);
        return require(id);
    }

    Incident require(long id) {
        List<WorkOrderSearch.Row> rows = jdbc.sql("""
                        select w.id, w.number, w.type_code, w.state, w.priority, w.customer_name, w.contact_phone,
                               w.address, null, w.team_id, w.received_at, w.overdue, w.callback_result, false
                        from work_order w where w.incident_id = ? order by w.received_at""")
                .param(id)
                .query((rs, i) -> new WorkOrderSearch.Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), null,
                        (Long) rs.getObject(10), rs.getTimestamp(11).toInstant(), rs.getBoolean(12),
                        rs.getString(13), false))
                .list();
        return jdbc.sql("select id, title, category_id, area, opened_at, closed_at, answer from wo_incident where id = ?")
                .param(id)
                .query((rs, i) -> new Incident(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7), rows))
                .optional()
                .orElseThrow(() -> DomainException.notFound("workorder.incident.notFound", id));
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }
}
