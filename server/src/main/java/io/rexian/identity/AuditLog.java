package io.rexian.identity;

import java.util.Map;

/**
 * Records every write: who (the current user, or "system"), when (the injected clock),
 * which entity, what action and what changed. Call it inside the writing transaction so
 * the audit row and the change commit or roll back together.
 */
public interface AuditLog {

    /**
     * @param entityType e.g. "customer", "work_order"
     * @param entityId   the entity's id as text
     * @param action     e.g. "create", "update", "delete", "transfer"
     * @param changes    field -> new value, or field -> [old, new]; may be empty, never null
     */
    void record(String entityType, String entityId, String action, Map<String, ?> changes);
}
