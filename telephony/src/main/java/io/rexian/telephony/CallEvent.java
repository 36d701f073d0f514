package io.rexian.telephony;

import java.time.Duration;
import java.time.Instant;

/**
 * What happens to calls, streamed to {@link CallEventListener}s in order per call, each once the
 * engine finished the step that caused it. {@code callId} is the engine's id of the call (not a
 * SIP Call-ID), {@code legId} the leg's. A leg keeps its id when it moves to another call (bridge,
 * transfer, pickup); later events name the call that holds it.
 */
public sealed interface CallEvent {

    String callId();

    Instant at();

    /** A leg appeared: a new call, a leg the engine dials, or a leg transferred to an application number ({@code callee}). */
    record Created(String callId, Instant at, String legId, String caller, String callee) implements CallEvent { }

    /** The leg's phone rings, or the leg rings at the application (answer, bridge or reject it). */
    record Ringing(String callId, Instant at, String legId) implements CallEvent { }

    /** The leg answered, or the application answered a leg ringing at it. */
    record Answered(String callId, Instant at, String legId) implements CallEvent { }

    record Dtmf(String callId, Instant at, String legId, char digit) implements CallEvent { }

    /** A digit collection finished: {@code end} is MAX_DIGITS, TERMINATOR, FIRST_DIGIT_TIMEOUT, INTER_DIGIT_TIMEOUT or CANCELLED. */
    record DigitsCollected(String callId, Instant at, String legId, String digits, String end) implements CallEvent { }

    /** The two legs talk to each other (legB: a supervisor or conference party joined when it is one). */
    record Bridged(String callId, Instant at, String legA, String legB) implements CallEvent { }

    /** {@code legA} left {@code legB}, which stays (music on hold); legB is null when a conference party left. */
    record Unbridged(String callId, Instant at, String legA, String legB) implements CallEvent { }

    /**
     * Hold changed. Through {@link CallControl#hold}: {@code legId} is the party held (it hears music).
     * From a phone's re-INVITE: {@code legId} is that phone, holding its peer.
     */
    record Held(String callId, Instant at, String legId, boolean held) implements CallEvent { }

    /** {@code legId} goes to {@code target}: a number as dialled, a forward's extension, the picking phone or "park:SLOT". */
    record Transferred(String callId, Instant at, String legId, String target) implements CallEvent { }

    record RecordingChanged(String callId, Instant at, String legId, String file, boolean started) implements CallEvent { }

    /**
     * The call ended: {@code cause} e.g. caller-hangup, callee-hangup, hangup (a command), no-answer, busy,
     * remote-NNN, rtp-timeout, or merged (its legs joined another call by a bridge). {@code total} counts
     * from the first ring, {@code talk} from the first answer (zero when never answered).
     */
    record Ended(String callId, Instant at, String cause, Duration total, Duration talk) implements CallEvent { }
}
