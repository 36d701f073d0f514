package io.rexian.telephony.call;

import java.time.Instant;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;

/** One party of a call, as seen by the B2BUA. Owned by the call's executor. */
final class Leg {

    enum State { NEW, RINGING, ANSWERED, ENDED }

    final String id;
    final String sipCallId;
    final boolean inbound;
    final String party;
    final Instant startedAt;
    /** Our To tag on an inbound leg: the same in every response of the dialog. */
    final String localTag = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
    State state = State.NEW;
    ServerTransaction inviteServer;
    ClientTransaction inviteClient;
    Request invite;
    Request ack;
    Dialog dialog;
    MediaChannel media;
    Instant answeredAt;
    Instant endedAt;
    /** The phone put us on hold (re-INVITE sendonly/inactive). */
    boolean held;
    /** The leg this one talks to in a two-party bridge; stale once that leg ended (see {@link #peer()}). */
    Leg bridgedWith;
    /** The application put this leg on hold: it hears music instead of {@link #bridgedWith}. */
    boolean onHold;
    /** The leg waits for the application to answer or reject it (an application number rang). */
    boolean ringingAtApplication;
    /** This leg rings or talks to an extension and counts for its busy state. */
    boolean countsAsBusy;
    /** Set for a leg towards a carrier. */
    io.rexian.telephony.Trunk trunk;
    /** The carrier's challenge was answered once already. */
    boolean authAnswered;
    /** The file this leg is being recorded to, if any. */
    java.nio.file.Path recording;
    /** The park slot this leg waits in, if parked. */
    String parkedSlot;
    /** How this leg joins once answered: null (bridge with the first leg), "CONFERENCE" or a supervisor mode. */
    String joinAs;
    /** RFC 4028 session timer agreed for this (inbound) dialog, if any, and its pending refresh or expiry. */
    SessionTimer session;
    java.util.concurrent.ScheduledFuture<?> sessionTask;

    Leg(String id, String sipCallId, boolean inbound, String party, Instant startedAt) {
        this.id = id;
        this.sipCallId = sipCallId;
        this.inbound = inbound;
        this.party = party;
        this.startedAt = startedAt;
    }

    boolean isAnswered() {
        return state == State.ANSWERED;
    }

    boolean isEnded() {
        return state == State.ENDED;
    }

    /** The live party this leg is bridged with (talking or held), or null. */
    Leg peer() {
        return bridgedWith == null || bridgedWith.isEnded() ? null : bridgedWith;
    }

    /** Answered, with media, and not taken by the engine itself (parked): the application may command it. */
    boolean isControllable() {
        return isAnswered() && media != null && parkedSlot == null;
    }
}
