package io.rexian.telephony.call;

import io.rexian.telephony.CallDetailRecord;
import io.rexian.telephony.CallDetailRecord.Disposition;
import io.rexian.telephony.CallEvent;
import io.rexian.telephony.CallRecords;
import io.rexian.telephony.sip.SipTransport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ending legs and calls: BYE, CANCEL or a final response per leg, the {@code Ended} event, the call
 * record, the busy and ringing bookkeeping, and clearing calls whose RTP died. Call executor only.
 */
final class CallEnding {

    /** Same category as before SipCalls was split, so log configuration and filters keep working. */
    private static final Logger log = LoggerFactory.getLogger(SipCalls.class);

    private final SipMessages messages;
    private final CallListeners events;
    private final CallIndex index;
    private final Map<String, Integer> busy;
    private final CallMedia media;
    private final CallRecords records;
    private final Clock clock;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final Map<String, Call> ringingByExtension;

    CallEnding(SipMessages messages, CallListeners events, CallIndex index, Map<String, Integer> busy,
               CallMedia media, CallRecords records, Clock clock, ExecutorService workers,
               ScheduledExecutorService timers, Map<String, Call> ringingByExtension) {
        this.messages = messages;
        this.events = events;
        this.index = index;
        this.busy = busy;
        this.media = media;
        this.records = records;
        this.clock = clock;
        this.workers = workers;
        this.timers = timers;
        this.ringingByExtension = ringingByExtension;
    }

    private SipTransport sip() {
        return messages.sip();
    }

    /** Opens a leg's media and wires its digits and dead-RTP detection into the call. */
    MediaChannel openMedia(Call call, Leg leg) {
        MediaChannel channel = media.open(leg.id);
        watchRtp(call, leg, channel);
        return channel;
    }

    /** A leg whose RTP stops clears its call (the phone or network is gone). */
    void watchRtp(Call call, Leg leg, MediaChannel channel) {
        channel.onDead(() -> call.executor.execute(() -> {
            if (!call.ended && leg.isAnswered()) {
                log.info("clearing call {}: no RTP from {}", call.id, leg.party);
                hangupLegs(call);
                end(call, Disposition.ANSWERED, "rtp-timeout");
            }
        }));
    }

    /**
     * Ends the call after a failure: the caller's unanswered INVITE gets {@code status}, every other
     * live leg is released (e.g. the party that stayed in a transfer whose target did not answer).
     */
    void fail(Call call, int status, Disposition disposition, String cause) {
        failInbound(call, status);
        hangupLegs(call);
        end(call, disposition, cause);
    }

    /** The name a leg towards {@code from}'s target shows as caller; the call's caller for the application's calls. */
    static String callerName(Call call, Leg from) {
        return from == null ? call.caller : from.party;
    }

    private void failInbound(Call call, int status) {
        Leg a = call.first();
        if (a != null && a.inbound && !a.isAnswered() && !a.isEnded()) {
            messages.respondInvite(a, status);
            a.state = Leg.State.ENDED;
            a.endedAt = clock.instant();
        }
    }

    /** Ends one leg the way its state needs: BYE when answered, 487 when it rang us, CANCEL when we rang it. */
    void release(Leg leg) {
        if (leg.isAnswered()) {
            bye(leg);
        } else if (leg.inbound) {
            messages.respondInvite(leg, Response.REQUEST_TERMINATED);
        } else {
            cancel(leg);
        }
        leg.state = Leg.State.ENDED;
        leg.endedAt = clock.instant();
    }

    void hangupLegs(Call call) {
        for (Leg leg : call.legs) {
            if (leg.isEnded()) {
                continue;
            }
            release(leg);
        }
    }

    private void bye(Leg leg) {
        try {
            Request bye = leg.dialog.createRequest(Request.BYE);
            leg.dialog.sendRequest(sip().provider().getNewClientTransaction(bye));
        } catch (Exception e) {
            log.debug("cannot BYE {}", leg.id, e);
        }
        leg.state = Leg.State.ENDED;
        leg.endedAt = clock.instant();
    }

    void cancel(Leg leg) {
        try {
            if (leg.inviteClient != null) {
                Request cancel = leg.inviteClient.createCancel();
                sip().provider().getNewClientTransaction(cancel).sendRequest();
            }
        } catch (Exception e) {
            log.debug("cannot CANCEL {}", leg.id, e);
        }
        leg.state = Leg.State.ENDED;
        leg.endedAt = clock.instant();
    }

    void end(Call call, Disposition disposition, String cause) {
        if (call.ended) {
            return;
        }
        call.ended = true;
        if (call.noAnswer != null) {
            call.noAnswer.cancel(false);
        }
        Instant now = clock.instant();
        for (Leg leg : call.legs) {
            releaseBusy(leg);
            if (leg.sessionTask != null) {
                leg.sessionTask.cancel(false);
            }
            if (leg.media != null) {
                leg.media.close();
            }
            if (leg.endedAt == null) {
                leg.endedAt = now;
            }
        }
        Duration total = Duration.between(call.startedAt, now);
        Duration talk = call.answeredAt == null ? Duration.ZERO : Duration.between(call.answeredAt, now);
        events.emit(new CallEvent.Ended(call.id, now, cause, total, talk));
        CallDetailRecord cdr = new CallDetailRecord(call.id, call.caller, call.callee, call.direction,
                call.startedAt, call.answeredAt, now, call.answeredAt == null ? disposition : Disposition.ANSWERED,
                cause, call.legs.stream().map(l -> new CallDetailRecord.LegRecord(l.party, l.inbound ? "caller" : "callee",
                        l.startedAt, l.answeredAt, l.endedAt)).toList(), call.recordings);
        if (call.merged) {
            // Its legs and times went into the call it was merged into, which records them.
            timers.schedule(() -> index.forget(call), 32, TimeUnit.SECONDS);
            index.byId.remove(call.id);
            return;
        }
        workers.execute(() -> {
            try {
                records.save(cdr);
            } catch (RuntimeException e) {
                log.warn("call record {} not saved", cdr.callId(), e);
            }
        });
        // Keep the SIP Call-IDs a little longer so late retransmissions still find the call.
        timers.schedule(() -> index.forget(call), 32, TimeUnit.SECONDS);
        index.byId.remove(call.id);
    }

    void releaseBusy(Leg leg) {
        stopRinging(leg);
        if (leg.countsAsBusy) {
            leg.countsAsBusy = false;
            busy.computeIfPresent(leg.party, (e, n) -> n <= 1 ? null : n - 1);
        }
    }

    void stopRinging(Leg leg) {
        for (var e : ringingByExtension.entrySet()) {
            if (e.getKey().equals(leg.party)) {
                Call ringingCall = e.getValue();
                if (ringingCall.legs.contains(leg)) {
                    ringingByExtension.remove(e.getKey(), ringingCall);
                }
            }
        }
    }

    /** Releases one leg (BYE, 487 or CANCEL) and its media; the call goes on. */
    void drop(Leg leg) {
        release(leg);
        releaseBusy(leg);
        if (leg.media != null) {
            leg.media.close();
        }
    }
}
