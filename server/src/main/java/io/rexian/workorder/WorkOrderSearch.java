package io.rexian.workorder;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Filtered, paginated work-order lists, scoped in SQL: without WORKORDER_VIEW_ALL a user sees
 * only work orders his team holds or has handled. Counts stop at {@link #COUNT_LIMIT} so a
 * broad filter over a million rows stays fast.
 */
@Component
public class WorkOrderSearch {

    public static final int COUNT_LIMIT = 10_000;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WorkOrderSearch(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One list row. */
    public record Row(long id, String number, String typeCode, String state, String priority, String customerName,
                      String contactPhone, String address, String category, Long teamId, Instant receivedAt,
                      boolean overdue, String callbackResult, boolean waiting) {
    }

    /** @param total rows matching, capped at COUNT_LIMIT; {@code capped} says when the cap was hit */
    public record Page(List<Row> rows, int total, boolean capped, int page, int size) {
        public int pages() {
            return Math.max(1, (total + size - 1) / size);
        }
    }

    public Page search(WorkOrderQuery q, CurrentUser user) {
        user.require(Permission.WORKORDER_VIEW);
        List<Object> params = new ArrayList<>();
        String where = where(q, user, params);
        List<Object> countParams = new ArrayList<>(params);
        countParams.add(COUNT_LIMIT + 1);
        int total = jdbc.sql("select count(*) from (select 1 from work_order w where " + where + " limit ?) c")
                .params(countParams).query(Integer.class).single();
        params.add(q.size());
        params.add((long) q.page() * q.size());
        List<Row> rows = jdbc.sql("""
                        select w.id, w.number, w.type_code, w.state, w.priority, w.customer_name, w.contact_phone,
                               w.address, c.name as category, w.team_id, w.received_at, w.overdue, w.callback_result,
                               w.waiting_since is not null as waiting
                        from work_order w left join wo_category c on c.id = w.category_id
                        where\s""" + where + " order by w.received_at desc, w.id desc limit ? offset ?")
                .params(params)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        (Long) rs.getObject(10), rs.getTimestamp(11).toInstant(), rs.getBoolean(12),
                        rs.getString(13), rs.getBoolean(14)))
                .list();
        return new Page(rows, Math.min(total, COUNT_LIMIT), total > COUNT_LIMIT, q.page(), q.size());
    }

    /** The WHERE clause shared with statistics; appends its parameters. */
    String where(WorkOrderQuery q, CurrentUser user, List<Object> params) {
        StringBuilder sql = new StringBuilder("true");
        if (!user.can(Permission.WORKORDER_VIEW_ALL)) {
            if (user.teamId() == null) {
                return "false";
            }
            // every team a work order is with is also recorded as having handled it, so one semi-join covers both
            sql.append(" and w.id in (select t.work_order_id from work_order_team t where t.team_id = ?)");
            params.add(user.teamId());
        }
        eq(sql, params, "w.type_code", q.typeCode());
        eq(sql, params, "w.customer_class", q.customerClass());
        eq(sql, params, "w.state", q.state());
        eq(sql, params, "w.team_id", q.teamId());
        eq(sql, params, "w.callback_result", q.callbackResult());
        eq(sql, params, "w.callback_status", q.callbackStatus());
        if (q.categoryId() != null) {
            sql.append(" and w.category_id in (with recursive sub(id) as (select ?::bigint union all")
                    .append(" select c.id from wo_category c join sub on c.parent_id = sub.id) select id from sub)");
            params.add(q.categoryId());
        }
        if (q.receivedFrom() != null) {
            sql.append(" and w.received_at >= ?");
            params.add(Timestamp.from(q.receivedFrom()));
        }
        if (q.receivedTo() != null) {
            sql.append(" and w.received_at < ?");
            params.add(Timestamp.from(q.receivedTo()));
        }
        if (q.overdue() != null) {
            sql.append(q.overdue() ? " and w.overdue" : " and not w.overdue");
        }
        if (q.text() != null && !q.text().isBlank()) {
            String t = q.text().trim();
            // pick the indexed column the text can be, so one index answers instead of an OR over four
            if (t.matches("[0-9+\\- ]{5,20}")) {
                sql.append(" and w.contact_phone = ?");
                params.add(t);
            } else if (t.matches("[A-Z]{1,4}[0-9]{6,}")) {
                sql.append(" and w.number = ?");
                params.add(t);
            } else {
                sql.append(" and (w.address ilike ? or w.customer_name = ?)");
                params.add("%" + t.replace("%", "\\%").replace("_", "\\_") + "%");
                params.add(t);
            }
        }
        for (Map.Entry<String, String> e : q.custom().entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                continue;
            }
            // containment uses the GIN index; numbers are matched as numbers and as text
            sql.append(" and (w.custom_fields @> ?::jsonb or w.custom_fields @> ?::jsonb)");
            params.add(json.writeValueAsString(Map.of(e.getKey(), e.getValue())));
            params.add(json.writeValueAsString(Map.of(e.getKey(), numberOrText(e.getValue()))));
        }
        return sql.toString();
    }

    private static Object numberOrText(String v) {
        try {
            return new java.math.BigDecimal(v.trim());
        } catch (NumberFormatException e) {
            return List.of(v);
        }
    }

    private static void eq(StringBuilder sql, List<Object> params, String column, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            sql.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }
}
