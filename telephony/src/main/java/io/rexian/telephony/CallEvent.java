package io.rexian.telephony;

import java.time.Duration;
import java.time.Instant;

/**
 * What happens to calls, streamed to {@link CallEventListener}s in order per call.
 * {@code callId} is the engine's id of the call (not a SIP Call-ID), {@code legId} the leg's.
 */
public sealed interface CallEvent {

    String callId();

    Instant at();

    record Created(String callId, Instant at, String legId, String caller, String callee) implements CallEvent { }

    record Ringing(String callId, Instant at, String legId) implements CallEvent { }

    record Answered(String callId, Instant at, String legId) implements CallEvent { }

    record Dtmf(String callId, Instant at, String legId, char digit) implements CallEvent { }

    /** A digit collection finished: {@code end} is MAX_DIGITS, TERMINATOR, FIRST_DIGIT_TIMEOUT, INTER_DIGIT_TIMEOUT or CANCELLED. */
    record DigitsCollected(String callId, Instant at, String legId, String digits, String end) implements CallEvent { }

    record Bridged(String callId, Instant at, String legA, String legB) implements CallEvent { }

    record Unbridged(String callId, Instant at, String legA, String legB) implements CallEvent { }

    record Held(String callId, Instant at, String legId, boolean held) implements CallEvent { }

    record Transferred(String callId, Instant at, String legId, String target) implements CallEvent { }

    record RecordingChanged(String callId, Instant at, String file, boolean started) implements CallEvent { }

    record Ended(String callId, Instant at, String cause, Duration total, Duration talk) implements CallEvent { }
}
