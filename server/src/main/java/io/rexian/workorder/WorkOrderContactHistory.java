package io.rexian.workorder;

import io.rexian.customer.ContactHistorySource;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Contributes a customer's work orders to the contact history on the customer page, scoped like the search. */
@Component
class WorkOrderContactHistory implements ContactHistorySource {

    private final JdbcClient jdbc;

    WorkOrderContactHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ContactEntry> contacts(long customerId, String accountNo, CurrentUser viewer, int limit) {
        if (!viewer.can(Permission.WORKORDER_VIEW)) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(customerId);
        String scope = "";
        if (!viewer.can(Permission.WORKORDER_VIEW_ALL)) {
            if (viewer.teamId() == null) {
                return List.of();
            }
            scope = " and exists (select 1 from work_order_team t where t.work_order_id = w.id and t.team_id = ?)";
            params.add(viewer.teamId());
        }
        params.add(limit);
        return jdbc.sql("select w.id, w.number, w.received_at, w.description, w.state from work_order w where w.customer_id = ?"
                        + scope + " order by w.received_at desc limit ?")
                .params(params)
                .query((rs, i) -> new ContactEntry(rs.getTimestamp(3).toInstant(), "workorder.contact.kind",
                        rs.getString(2) + " · " + abbreviate(rs.getString(4)), "/work-orders/" + rs.getLong(1)))
                .list();
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 59) + "…" : s;
    }
}
