package io.rexian.workorder;

import java.time.Instant;

/** A work order reached a final state; callback rules react to it. */
public record WorkOrderClosed(long workOrderId, String number, String typeCode, Instant at) {
}
