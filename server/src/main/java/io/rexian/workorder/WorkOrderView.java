package io.rexian.workorder;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A work order as pages and the API show it, with its history, deadlines, attachments and
 * the actions the viewing user may take now.
 */
public record WorkOrderView(long id, String number, String typeCode, String state, String priority, String channel,
                            Long customerId, String customerName, String customerClass, String contactPhone,
                            String address, Long categoryId, String categoryName, String description, String callRef,
                            Long teamId, String teamName, Long incidentId, Map<String, Object> customFields,
                            String finalAnswer, Instant receivedAt, Instant acceptedAt, Instant onSiteAt,
                            Instant repliedAt, Instant closedAt, boolean waiting, boolean overdue,
                            String callbackStatus, String callbackResult, Instant updatedAt, String updatedBy,
                            long version, List<Step> history, List<DeadlineView> deadlines,
                            List<AttachmentView> attachments, Set<String> allowedActions) {

    /** One history line; transfers carry from/to team names and the reason in {@code note}. */
    public record Step(int seq, String action, String fromState, String toState, String fromTeam, String toTeam,
                       String actor, Instant at, String note, String detail) {
    }

    /** @param missed true when the deadline passed before it was met (or is still open and past) */
    public record DeadlineView(DeadlinePhase phase, Instant dueAt, Instant metAt, boolean missed) {
    }

    public record AttachmentView(long id, String fileName, String contentType, long sizeBytes, Integer eventSeq) {
    }

    public boolean can(String action) {
        return allowedActions.contains(action);
    }
}
