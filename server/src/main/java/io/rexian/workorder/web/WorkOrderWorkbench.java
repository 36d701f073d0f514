package io.rexian.workorder.web;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.CurrentUsers;
import io.rexian.identity.Permission;
import io.rexian.platform.web.WorkbenchFigure;
import io.rexian.platform.web.WorkbenchFigures;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What waits for the signed-in user: for repair teams their open and overdue work orders,
 * for the hotline the replies awaiting a final answer, open overdue work orders and due
 * callback visits. Each figure is one count over a partial index.
 */
@Component
class WorkOrderWorkbench implements WorkbenchFigures {

    private static final String OPEN = "state <> 'CLOSED'";

    private final JdbcClient jdbc;

    WorkOrderWorkbench(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WorkbenchFigure> forCurrentUser() {
        CurrentUser user = CurrentUsers.current().orElse(null);
        if (user == null || !user.can(Permission.WORKORDER_VIEW)) {
            return List.of();
        }
        List<WorkbenchFigure> figures = new ArrayList<>();
        if (user.can(Permission.WORKORDER_HANDLE) && user.teamId() != null) {
            figures.add(new WorkbenchFigure(10, "workorder.workbench.teamOpen",
                    count("team_id = ? and " + OPEN, user.teamId()), "/m/work-orders", false));
            figures.add(new WorkbenchFigure(11, "workorder.workbench.teamOverdue",
                    count("team_id = ? and overdue and " + OPEN, user.teamId()), "/m/work-orders", true));
        }
        if (user.can(Permission.WORKORDER_VIEW_ALL)) {
            if (user.can(Permission.WORKORDER_ANSWER)) {
                figures.add(new WorkbenchFigure(20, "workorder.workbench.awaitingAnswer",
                        count("state = 'REPLIED'"), "/work-orders?state=REPLIED", false));
            }
            figures.add(new WorkbenchFigure(21, "workorder.workbench.overdue",
                    count("overdue and " + OPEN), "/work-orders?overdue=true", true));
            if (user.can(Permission.WORKORDER_CALLBACK)) {
                figures.add(new WorkbenchFigure(22, "workorder.workbench.callbacksDue",
                        count("callback_status = 'PENDING'"), "/work-orders/callbacks", false));
            }
        }
        return figures;
    }

    private long count(String where, Object... params) {
        return jdbc.sql("select count(*) from work_order where " + where).params(List.of(params))
                .query(Long.class).single();
    }
}
