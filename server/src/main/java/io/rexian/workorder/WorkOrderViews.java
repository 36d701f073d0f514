package io.rexian.workorder;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.identity.TeamView;
import io.rexian.identity.Teams;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Turns an aggregate into what a given user sees: names instead of ids, and the actions open to him. */
@Component
class WorkOrderViews {

    private final Teams teams;
    private final WorkOrderTypes types;
    private final Workflows workflows;
    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    WorkOrderViews(Teams teams, WorkOrderTypes types, Workflows workflows, JdbcClient jdbc, java.time.Clock clock) {
        this.teams = teams;
        this.types = types;
        this.workflows = workflows;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    WorkOrderView of(WorkOrder w, CurrentUser user) {
        Instant now = clock.instant();
        List<WorkOrderView.Step> steps = w.history().stream().map(h -> new WorkOrderView.Step(h.seq(), h.action(),
                h.fromState(), h.toState(), teamName(h.fromTeamId()), teamName(h.toTeamId()), h.actor(), h.at(),
                h.note(), h.detail())).toList();
        List<WorkOrderView.DeadlineView> deadlines = w.deadlines().stream()
                .map(d -> new WorkOrderView.DeadlineView(d.phase(), d.dueAt(), d.metAt(), d.missed(now)))
                .sorted(java.util.Comparator.comparing(WorkOrderView.DeadlineView::dueAt))
                .toList();
        List<WorkOrderView.AttachmentView> files = jdbc.sql("""
                        select id, file_name, content_type, size_bytes, event_seq from work_order_attachment
                        where work_order_id = ? order by id""")
                .param(w.id())
                .query((rs, i) -> new WorkOrderView.AttachmentView(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), (Integer) rs.getObject(5)))
                .list();
        return new WorkOrderView(w.id(), w.number(), w.typeCode(), w.state(), w.priority(), w.channel(),
                w.customerId(), w.customerName(), w.customerClass(), w.contactPhone(), w.address(), w.categoryId(),
                types.category(w.categoryId()).map(WorkOrderTypes.Category::path).orElse(null), w.description(),
                w.callRef(), w.teamId(), teamName(w.teamId()), w.incidentId(), w.customFields(), w.finalAnswer(),
                w.receivedAt(), w.acceptedAt(), w.onSiteAt(), w.repliedAt(), w.closedAt(), w.waitingSince() != null,
                w.overdue() || deadlines.stream().anyMatch(d -> d.metAt() == null && d.missed()),
                w.callbackStatus(), w.callbackResult(), w.updatedAt(), w.updatedBy(), w.version(), steps, deadlines,
                files, allowedActions(w, user));
    }

    /** Which actions the user may take now, for buttons and the API. */
    Set<String> allowedActions(WorkOrder w, CurrentUser user) {
        WorkflowDefinition wf = workflows.definition(w.workflowId());
        Set<String> result = new LinkedHashSet<>();
        for (WorkflowAction a : WorkflowAction.values()) {
            wf.transition(a, w.state()).ifPresent(t -> {
                boolean teamAction = a == WorkflowAction.ACCEPT || a == WorkflowAction.RETRANSFER
                        || a == WorkflowAction.PROGRESS || a == WorkflowAction.REPLY;
                if (user.can(t.permission()) && (!teamAction || user.inTeam(w.teamId()))) {
                    result.add(a.name());
                }
            });
        }
        if (w.closedAt() == null && user.can(Permission.WORKORDER_URGE)) {
            result.add("URGE");
        }
        if (w.closedAt() == null && (user.can(Permission.WORKORDER_VIEW_ALL) || user.inTeam(w.teamId()))) {
            result.add(w.waitingSince() == null ? "WAIT" : "RESUME");
        }
        return result;
    }

    private String teamName(Long teamId) {
        return teamId == null ? null : teams.find(teamId).map(TeamView::name).orElse("#" + teamId);
    }
}
