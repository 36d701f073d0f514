package io.rexian.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One finished call as the engine saw it. {@code answeredAt} is null for calls never
 * answered; durations are zero then. {@code legs} lists every party the engine joined.
 */
public record CallDetailRecord(String callId, String caller, String callee, Direction direction,
                               Instant startedAt, Instant answeredAt, Instant endedAt,
                               Disposition disposition, String cause, List<LegRecord> legs,
                               List<String> recordingFiles) {

    public enum Direction { INTERNAL, INBOUND, OUTBOUND, SERVICE }

    public enum Disposition { ANSWERED, NO_ANSWER, BUSY, REJECTED, CANCELLED, FAILED }

    /** A single leg: the party's SIP URI, its role and when it was connected. */
    public record LegRecord(String party, String role, Instant startedAt, Instant answeredAt, Instant endedAt) {
    }

    public CallDetailRecord {
        legs = List.copyOf(legs);
        recordingFiles = List.copyOf(recordingFiles);
    }

    /** Time from the first ring to hang-up. */
    public Duration totalDuration() {
        return Duration.between(startedAt, endedAt);
    }

    /** Time the parties were connected; zero when never answered. */
    public Duration talkDuration() {
        return answeredAt == null ? Duration.ZERO : Duration.between(answeredAt, endedAt);
    }
}
