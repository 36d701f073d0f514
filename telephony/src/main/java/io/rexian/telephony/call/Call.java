package io.rexian.telephony.call;

import io.rexian.telephony.CallDetailRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * A call: the legs the engine joined. All fields are touched only on {@link #executor}, which
 * also runs every SIP event and command for this call (see {@link SipCalls}).
 */
final class Call {

    final String id;
    final SerialExecutor executor;
    final Instant startedAt;
    final List<Leg> legs = new ArrayList<>();
    String caller;
    String callee;
    CallDetailRecord.Direction direction = CallDetailRecord.Direction.INTERNAL;
    Instant answeredAt;
    boolean ended;
    ScheduledFuture<?> noAnswer;
    /** Set for click-to-dial: whom to call once the first leg answers. */
    Destinations.Destination originateTarget;
    /** Its legs moved into another call by a bridge: ended without a record of its own. */
    boolean merged;
    /** Forwards followed so far (loop guard). */
    int forwardHops;
    final List<String> recordings = new ArrayList<>();
    /** CSeq of the INVITE that created the call; set before the call is published, read by the stack thread. */
    volatile long inviteCseq;
    /** Set while dialling a supervisor or conference party: how the next dialled leg joins. */
    String joining;

    Call(String id, SerialExecutor executor, Instant startedAt) {
        this.id = id;
        this.executor = executor;
        this.startedAt = startedAt;
    }

    Leg first() {
        return legs.isEmpty() ? null : legs.get(0);
    }

    /** The other party of a two-party call. */
    Leg peerOf(Leg leg) {
        for (Leg l : legs) {
            if (l != leg && !l.isEnded()) {
                return l;
            }
        }
        return null;
    }

    Leg leg(String legId) {
        for (Leg l : legs) {
            if (l.id.equals(legId)) {
                return l;
            }
        }
        return null;
    }

    Leg bySipCallId(String sipCallId) {
        for (Leg l : legs) {
            if (l.sipCallId.equals(sipCallId)) {
                return l;
            }
        }
        return null;
    }
}
