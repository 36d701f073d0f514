package io.rexian.workorder;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.identity.TeamView;
import io.rexian.identity.Teams;
import io.rexian.identity.UserView;
import io.rexian.identity.Users;
import io.rexian.notify.Notification;
import io.rexian.notify.Notifications;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who hears about a work order: the holding team's responsible person first, the managers after. */
@Component
class Escalations {

    private final Teams teams;
    private final Users users;
    private final Notifications notifications;
    private final JdbcClient jdbc;

    Escalations(Teams teams, Users users, Notifications notifications, JdbcClient jdbc) {
        this.teams = teams;
        this.users = users;
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    @EventListener
    void transferred(WorkOrderTransferred e) {
        long id = e.workOrderId() != 0 ? e.workOrderId()
                : jdbc.sql("select id from work_order where number = ?").param(e.number()).query(Long.class).optional().orElse(0L);
        teamLead(e.toTeamId()).ifPresent(lead -> notifications.send(new Notification(lead, "workorder.notify.transferred",
                List.of(e.number(), e.by(), e.reason() == null ? "" : e.reason()), link(id))));
    }

    void urged(WorkOrder w, CurrentUser by) {
        teamLead(w.teamId()).ifPresent(lead -> notifications.send(new Notification(lead, "workorder.notify.urged",
                List.of(w.number(), by.displayName()), link(w.id()))));
    }

    /** The team replied: the agent who registered the work order writes the final answer. */
    void replied(WorkOrder w) {
        users.findByUsername(w.createdBy()).ifPresent(agent -> notifications.send(new Notification(agent.id(),
                "workorder.notify.replied", List.of(w.number(), w.updatedBy()), link(w.id()))));
    }

    /** @return whether anybody was told */
    boolean remind(long workOrderId, String number, Long teamId, DeadlinePhase phase, String due) {
        Optional<Long> lead = teamLead(teamId);
        lead.ifPresent(l -> notifications.send(new Notification(l, "workorder.notify.remind." + phase,
                List.of(number, due), link(workOrderId))));
        return lead.isPresent();
    }

    /** First level: the team lead, or the managers when no team holds the work order yet. */
    String escalateToTeamLead(long workOrderId, String number, Long teamId, DeadlinePhase phase, String due) {
        Optional<Long> lead = teamLead(teamId);
        if (lead.isEmpty()) {
            return escalateToManagers(workOrderId, number, teamId, phase, due);
        }
        notifications.send(new Notification(lead.get(), "workorder.notify.overdue." + phase, List.of(number, due),
                link(workOrderId)));
        return users.find(lead.get()).map(UserView::displayName).orElse("#" + lead.get());
    }

    String escalateToManagers(long workOrderId, String number, Long teamId, DeadlinePhase phase, String due) {
        String team = teamId == null ? "-" : teams.find(teamId).map(TeamView::name).orElse("#" + teamId);
        List<UserView> managers = users.withPermission(Permission.REPORT_VIEW);
        managers.forEach(m -> notifications.send(new Notification(m.id(), "workorder.notify.escalated." + phase,
                List.of(number, team, due), link(workOrderId))));
        return String.join(", ", managers.stream().map(UserView::displayName).toList());
    }

    private Optional<Long> teamLead(Long teamId) {
        return teamId == null ? Optional.empty() : teams.find(teamId).map(TeamView::responsibleUserId);
    }

    private static String link(long id) {
        return "/work-orders/" + id;
    }
}
