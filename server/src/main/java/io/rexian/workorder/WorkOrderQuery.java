package io.rexian.workorder;

import java.time.Instant;
import java.util.Map;

/**
 * Filters of the work-order search; every field is optional (null: any).
 *
 * @param categoryId     matches the category and everything below it
 * @param receivedFrom   inclusive
 * @param receivedTo     exclusive
 * @param text           number, phone, or part of the address or customer name
 * @param custom         custom field key -> exact value
 * @param page           zero-based
 * @param size           rows per page, at most 200
 */
public record WorkOrderQuery(String typeCode, String customerClass, Long categoryId, Instant receivedFrom,
                             Instant receivedTo, String state, Long teamId, Boolean overdue, String callbackResult,
                             String callbackStatus, String text, Map<String, String> custom, int page, int size) {

    public WorkOrderQuery {
        custom = custom == null ? Map.of() : Map.copyOf(custom);
        page = Math.max(0, page);
        size = size <= 0 ? 20 : Math.min(size, 200);
    }

    public static WorkOrderQuery firstPage() {
        return new WorkOrderQuery(null, null, null, null, null, null, null, null, null, null, null, Map.of(), 0, 20);
    }
}
