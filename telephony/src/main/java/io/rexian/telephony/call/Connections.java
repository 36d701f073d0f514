package io.rexian.telephony.call;

import io.rexian.telephony.CallDetailRecord.Disposition;
import io.rexian.telephony.CallEvent;
import io.rexian.telephony.sip.SipTransport;
import java.time.Clock;
import java.util.List;
import javax.sip.ServerTransaction;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answering inbound legs with our media and connecting answered legs so they talk; a phone's own
 * hold (re-INVITE) and a moved leg's rewiring. Call executor only.
 */
final class Connections {

    /** Same category as before SipCalls was split, so log configuration and filters keep working. */
    private static final Logger log = LoggerFactory.getLogger(SipCalls.class);

    private final SipMessages messages;
    private final CallListeners events;
    private final CallEnding ending;
    private final SessionRefresh sessions;
    private final Clock clock;

    Connections(SipMessages messages, CallListeners events, CallEnding ending, SessionRefresh sessions,
                Clock clock) {
        this.messages = messages;
        this.events = events;
        this.ending = ending;
        this.sessions = sessions;
        this.clock = clock;
    }

    private SipTransport sip() {
        return messages.sip();
    }

    void answerWithService(Call call, Leg a, boolean echo) {
        if (!answerWithMedia(call, a)) {
            return;
        }
        if (echo) {
            a.media.echo();
        } else {
            a.media.play(null, true);
        }
    }

    /** Answers the inbound leg with our own media (services, the application); false when the call ended instead. */
    boolean answerWithMedia(Call call, Leg a) {
        a.media = ending.openMedia(call, a);
        String body = SipMessages.bodyOf(a.invite);
        String sdp;
        try {
            sdp = body.isEmpty() ? a.media.offer() : a.media.answer(body);
        } catch (IllegalArgumentException e) {
            a.state = Leg.State.ENDED;
            a.endedAt = clock.instant();
            messages.respondInvite(a, Response.NOT_ACCEPTABLE_HERE);
            ending.end(call, Disposition.FAILED, "no-common-codec");
            return false;
        }
        if (!answerInbound(call, a, sdp)) {
            return false;
        }
        listenForDigits(call, a);
        return true;
    }

    boolean answerInbound(Call call, Leg a, String sdp) {
        try {
            Response ok = sip().messages().createResponse(Response.OK, a.invite);
            SipMessages.tag(ok, a.localTag);
            ok.addHeader(messages.contact());
            ok.setContent(sdp, messages.sdpType());
            sessions.addSessionTimer(ok, a.session);
            a.inviteServer.sendResponse(ok);
            a.dialog = a.inviteServer.getDialog();
            a.state = Leg.State.ANSWERED;
            sessions.armSession(call, a);
            a.answeredAt = clock.instant();
            if (call.answeredAt == null) {
                call.answeredAt = a.answeredAt;
            }
            events.emit(new CallEvent.Answered(call.id, clock.instant(), a.id));
            return true;
        } catch (Exception e) {
            log.debug("cannot answer {}", call.id, e);
            a.state = Leg.State.ENDED;
            ending.end(call, Disposition.FAILED, "answer-failed");
            return false;
        }
    }

    void listenForDigits(Call call, Leg leg) {
        leg.media.onDigit(digit -> call.executor.execute(
                () -> events.emit(new CallEvent.Dtmf(call.id, clock.instant(), leg.id, digit))));
    }

    /** Connects two answered legs of {@code call} so they talk; whatever either heard stops. */
    void connect(Call call, Leg a, Leg b) {
        a.media.stopPlaying();
        b.media.stopPlaying();
        a.media.bridge(b.media);
        a.bridgedWith = b;
        b.bridgedWith = a;
        for (Leg leg : List.of(a, b)) {
            leg.onHold = false;
            leg.ringingAtApplication = false;
        }
        events.emit(new CallEvent.Bridged(call.id, clock.instant(), a.id, b.id));
    }

    void onReInvite(Call call, Request request, ServerTransaction tx) {
        String sipCallId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        Leg leg = call.bySipCallId(sipCallId);
        if (leg == null || leg.media == null || call.ended) {
            messages.respond(tx, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        String offer = SipMessages.bodyOf(request);
        if (!sessions.renegotiateSession(call, leg, request, tx)) {
            return;
        }
        try {
            String sdp = offer.isEmpty() ? leg.media.offer() : leg.media.answer(offer);
            Response ok = sip().messages().createResponse(Response.OK, request);
            ok.addHeader(messages.contact());
            ok.setContent(sdp, messages.sdpType());
            sessions.addSessionTimer(ok, leg.session);
            tx.sendResponse(ok);
            sessions.armSession(call, leg);
        } catch (IllegalArgumentException e) {
            messages.respond(tx, request, Response.NOT_ACCEPTABLE_HERE);
            return;
        } catch (Exception e) {
            log.debug("cannot answer re-INVITE", e);
            return;
        }
        boolean held = isHoldOffer(offer);
        if (held != leg.held) {
            leg.held = held;
            Leg peer = call.peerOf(leg);
            if (peer != null && peer.media != null) {
                if (held) {
                    peer.media.unbridge();
                    peer.media.play("hold", true);
                } else {
                    peer.media.stopPlaying();
                    peer.media.bridge(leg.media);
                }
            }
            events.emit(new CallEvent.Held(call.id, clock.instant(), leg.id, held));
        }
    }

    /** sendonly/inactive or a null connection address: the phone puts us on hold (RFC 3264 section 8.4). */
    static boolean isHoldOffer(String sdp) {
        return sdp.contains("a=sendonly") || sdp.contains("a=inactive") || sdp.contains("c=IN IP4 0.0.0.0");
    }

    /** Points a moved leg's media events (digits, dead RTP) and session timer at the call that now holds it. */
    void watch(Call call, Leg leg) {
        if (leg.media != null) {
            ending.watchRtp(call, leg, leg.media);
            listenForDigits(call, leg);
        }
        if (leg.isAnswered()) {
            sessions.armSession(call, leg);
        }
    }
}
