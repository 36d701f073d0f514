package io.rexian.workorder;

import io.rexian.identity.AuditLog;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.platform.DomainException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Versioned workflow definitions per work-order type. Saving validates and appends a new
 * version; work orders keep the id of the version they started with. Versions never change,
 * so they are cached forever.
 */
@Component
public class Workflows {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final AuditLog audit;
    private final Map<Long, WorkflowDefinition> byId = new ConcurrentHashMap<>();

    Workflows(JdbcClient jdbc, JsonMapper json, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.audit = audit;
    }

    /** One saved version. */
    public record Version(long id, String typeCode, int version, Instant createdAt, String createdBy) {
    }

    public WorkflowDefinition definition(long workflowId) {
        return byId.computeIfAbsent(workflowId, id -> jdbc.sql("select definition::text from wo_workflow where id = ?")
                .param(id).query(String.class).optional()
                .map(this::parse)
                .orElseThrow(() -> DomainException.notFound("workorder.error.noWorkflow", id)));
    }

    /** The newest version of a type, the one new work orders start with. */
    public Version current(String typeCode) {
        return versions(typeCode).stream().findFirst()
                .orElseThrow(() -> DomainException.invalid("workorder.error.noWorkflowForType", typeCode));
    }

    /** Newest first. */
    public List<Version> versions(String typeCode) {
        return jdbc.sql("select id, type_code, version, created_at, created_by from wo_workflow where type_code = ? order by version desc")
                .param(typeCode)
                .query((rs, i) -> new Version(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
    }

    /** Validates and stores the definition as the type's next version. */
    @Transactional
    public Version save(String typeCode, WorkflowDefinition definition, CurrentUser by) {
        by.require(Permission.WORKORDER_CONFIGURE);
        definition.validate();
        Integer max = jdbc.sql("select coalesce(max(version), 0) from wo_workflow where type_code = ?")
                .param(typeCode).query(Integer.class).single();
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into wo_workflow (type_code, version, definition, created_at, created_by)
                        values (?, ?, ?::jsonb, ?, ?) returning id""")
                .params(typeCode, max + 1, json.writeValueAsString(definition), Timestamp.from(now), by.username())
                .query(Long.class).single();
        audit.record("wo_workflow", String.valueOf(id), "create", Map.of("type", typeCode, "version", max + 1));
        return new Version(id, typeCode, max + 1, now, by.username());
    }

    /** Parses JSON typed by an administrator. */
    public WorkflowDefinition parse(String text) {
        try {
            return json.readValue(text, WorkflowDefinition.class);
        } catch (RuntimeException e) {
            throw DomainException.invalid("workorder.workflow.unreadable", e.getMessage());
        }
    }

    public String toJson(WorkflowDefinition definition) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(definition);
    }
}
