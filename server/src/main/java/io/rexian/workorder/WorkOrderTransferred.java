package io.rexian.workorder;

import java.time.Instant;

/** A work order was transferred (or re-transferred) to a team; published after the change commits. */
public record WorkOrderTransferred(long workOrderId, String number, Long fromTeamId, long toTeamId,
                                   String by, String reason, Instant at) {
}
