package io.rexian.identity.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Finds audit events by actor, entity, action and time range, newest first, a page at a time. */
@Component
public class AuditSearch {

    public static final int PAGE_SIZE = 50;

    /** Empty (null or blank) criteria match everything; {@code from} inclusive, {@code to} exclusive. */
    public record Criteria(String actor, String entityType, String entityId, String action, Instant from, Instant to) {
    }

    public record Event(long id, Instant at, String actor, String entityType, String entityId, String action,
                        String changes, String remoteAddress) {
    }

    public record Page(List<Event> events, int page, int pages, long total) {
    }

    private final JdbcClient jdbc;

    AuditSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page search(Criteria c, int page) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (present(c.actor())) {
            where.append(" and lower(actor_username) = lower(?)");
            params.add(c.actor().trim());
        }
        if (present(c.entityType())) {
            where.append(" and entity_type = ?");
            params.add(c.entityType().trim());
        }
        if (present(c.entityId())) {
            where.append(" and entity_id = ?");
            params.add(c.entityId().trim());
        }
        if (present(c.action())) {
            where.append(" and action = ?");
            params.add(c.action().trim());
        }
        if (c.from() != null) {
            where.append(" and at >= ?");
            params.add(Timestamp.from(c.from()));
        }
        if (c.to() != null) {
            where.append(" and at < ?");
            params.add(Timestamp.from(c.to()));
        }
        long total = jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(PAGE_SIZE);
        pageParams.add((current - 1) * PAGE_SIZE);
        List<Event> events = jdbc.sql("select id, at, actor_username, entity_type, entity_id, action, changes::text,"
                        + " remote_address from audit_event" + where + " order by at desc, id desc limit ? offset ?")
                .params(pageParams)
                .query((rs, i) -> new Event(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
        return new Page(events, current, pages, total);
    }

    public List<String> entityTypes() {
        return jdbc.sql("select distinct entity_type from audit_event order by 1").query(String.class).list();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
