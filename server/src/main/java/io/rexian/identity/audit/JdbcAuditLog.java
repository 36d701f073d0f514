package io.rexian.identity.audit;

import io.rexian.identity.AuditLog;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.CurrentUsers;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes audit rows with plain SQL in the caller's transaction (or its own when there is
 * none, e.g. a failed sign-in), so an audited change and its row commit together.
 */
@Component
public class JdbcAuditLog implements AuditLog {

    static final String SYSTEM = "system";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcAuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String entityType, String entityId, String action, Map<String, ?> changes) {
        Optional<CurrentUser> actor = CurrentUsers.current();
        recordAs(actor.map(CurrentUser::id).orElse(null), actor.map(CurrentUser::username).orElse(SYSTEM),
                entityType, entityId, action, changes);
    }

    /** For events whose actor is not (yet) signed in: sign-ins, failed sign-ins. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAs(Long actorId, String actorUsername, String entityType, String entityId, String action,
                         Map<String, ?> changes) {
        jdbc.sql("""
                insert into audit_event (at, actor_id, actor_username, entity_type, entity_id, action, changes, remote_address)
                values (:at, :actorId, :actor, :type, :id, :action, cast(:changes as jsonb), :remote)""")
                .param("at", Timestamp.from(clock.instant()))
                .param("actorId", actorId)
                .param("actor", truncate(actorUsername, 64))
                .param("type", entityType)
                .param("id", entityId)
                .param("action", action)
                .param("changes", JSON.writeValueAsString(changes == null ? Map.of() : changes))
                .param("remote", remoteAddress())
                .update();
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            return truncate(attrs.getRequest().getRemoteAddr(), 64);
        }
        return null;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
