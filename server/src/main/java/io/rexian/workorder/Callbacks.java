package io.rexian.workorder;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.platform.DomainException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 回访: when a work order closes, its type's callback rate decides whether a callback task is
 * created (100 = every one, e.g. complaints; 30 = a stable sample of about 30%). The agent
 * records the result; an unsatisfied resident can reopen the work order.
 */
@Component
public class Callbacks {

    public static final List<String> RESULTS = List.of("SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED", "UNREACHABLE");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final WorkOrderLifecycle lifecycle;

    Callbacks(JdbcClient jdbc, Clock clock, WorkOrderLifecycle lifecycle) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifecycle = lifecycle;
    }

    /** An open callback task. */
    public record Task(long workOrderId, String number, String typeCode, String customerName, String contactPhone,
                       Instant closedAt) {
    }

    @EventListener
    void closed(WorkOrderClosed e) {
        int rate = jdbc.sql("select callback_rate from wo_type where code = ?").param(e.typeCode())
                .query(Integer.class).optional().orElse(0);
        // a stable sample: the same work order is always in or out, whatever node decides
        if (rate <= 0 || Math.floorMod(Long.hashCode(e.workOrderId() * 2654435761L), 100) >= rate) {
            return;
        }
        boolean open = jdbc.sql("select count(*) from work_order_callback where work_order_id = ? and done_at is null")
                .param(e.workOrderId()).query(Integer.class).single() > 0;
        if (!open) {
            jdbc.sql("insert into work_order_callback (work_order_id, created_at) values (?, ?)")
                    .params(e.workOrderId(), Timestamp.from(e.at())).update();
        }
        jdbc.sql("update work_order set callback_status = 'PENDING', callback_result = null where id = ?")
                .param(e.workOrderId()).update();
    }

    public WorkOrderView record(long workOrderId, Long version, String result, String note, boolean reopen,
                                CurrentUser by) {
        by.require(Permission.WORKORDER_CALLBACK);
        if (!RESULTS.contains(result)) {
            throw DomainException.invalid("workorder.callback.badResult", result);
        }
        return lifecycle.act(workOrderId, version, by, "callback", Map.of("result", result), (w, ctx) -> {
            int updated = jdbc.sql("""
                            update work_order_callback set done_at = ?, done_by = ?, result = ?, note = ?
                            where work_order_id = ? and done_at is null""")
                    .params(Timestamp.from(clock.instant()), by.username(), result, note, workOrderId).update();
            if (updated == 0) {
                throw DomainException.conflict("workorder.callback.none", w.number());
            }
            w.callbackDone(result, note, by, ctx.now());
            if (reopen && "UNSATISFIED".equals(result)) {
                w.reopen(note == null || note.isBlank() ? "回访不满意" : note, by, ctx);
            }
        });
    }

    public List<Task> pending(CurrentUser user) {
        user.require(Permission.WORKORDER_CALLBACK);
        return jdbc.sql("""
                        select w.id, w.number, w.type_code, w.customer_name, w.contact_phone, w.closed_at
                        from work_order_callback c join work_order w on w.id = c.work_order_id
                        where c.done_at is null order by c.created_at limit 200""")
                .query((rs, i) -> new Task(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .list();
    }
}
