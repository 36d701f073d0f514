package io.rexian.telephony.call;

import io.rexian.telephony.CallEvent;
import io.rexian.telephony.CallResult;
import io.rexian.telephony.call.Destinations.Destination;
import io.rexian.telephony.sip.SipTransport;
import java.time.Clock;
import javax.sip.ServerTransaction;
import javax.sip.header.ReferToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transfers on the call executor: blind ones (a phone's REFER, {@code CallControl.transfer}) and
 * attended ones, which take the waiting leg out of its call into the consulted one.
 */
final class Transfers {

    /** Same category as before SipCalls was split, so log configuration and filters keep working. */
    private static final Logger log = LoggerFactory.getLogger(SipCalls.class);

    private final SipMessages messages;
    private final CallListeners events;
    private final CallIndex index;
    private final CallEnding ending;
    private final Connections connections;
    private final PickupAndPark pickups;
    private final Routing routing;
    private final Clock clock;
    private final Destinations destinations;

    Transfers(SipMessages messages, CallListeners events, CallIndex index, CallEnding ending, Connections connections,
              PickupAndPark pickups, Routing routing, Clock clock, Destinations destinations) {
        this.messages = messages;
        this.events = events;
        this.index = index;
        this.ending = ending;
        this.connections = connections;
        this.pickups = pickups;
        this.routing = routing;
        this.clock = clock;
        this.destinations = destinations;
    }

    private SipTransport sip() {
        return messages.sip();
    }

    /** Blind transfer from a phone's transfer key: the referring party leaves, its peer is called to the target. */
    void onRefer(Call call, Leg leg, Request request, ServerTransaction tx) {
        ReferToHeader referTo = (ReferToHeader) request.getHeader(ReferToHeader.NAME);
        Leg peer = leg == null ? null : call.peerOf(leg);
        if (referTo == null || peer == null || !leg.isAnswered()) {
            messages.respond(tx, request, referTo == null ? Response.BAD_REQUEST : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        String target = SipMessages.userOf(referTo.getAddress().getURI());
        Destination to = destinations.resolve(target);
        // A phone may hand its caller to an extension or the application, never to a trunk: the caller
        // may be an unauthenticated outsider, and the transfer would let it call out at our expense.
        if (to.kind() != Destinations.Kind.EXTENSION && to.kind() != Destinations.Kind.APPLICATION) {
            messages.respond(tx, request, Response.NOT_FOUND);
            return;
        }
        messages.respond(tx, request, Response.ACCEPTED);
        notifyReferDone(leg);
        blindTransfer(call, leg, peer, to, target);
    }

    /** {@code leaving} is released; {@code staying} rings at {@code to} (hearing ringback) and is bridged when answered. */
    void blindTransfer(Call call, Leg leaving, Leg staying, Destination to, String dialled) {
        ending.release(leaving);
        ending.releaseBusy(leaving);
        staying.media.unbridge();
        staying.bridgedWith = null;
        staying.onHold = false;
        call.legs.remove(staying);
        call.legs.add(0, staying);
        events.emit(new CallEvent.Transferred(call.id, clock.instant(), staying.id, dialled));
        if (to.kind() == Destinations.Kind.APPLICATION) {
            // As for a new call to the application: it learns which number (queue) the caller waits at.
            call.callee = to.number();
            events.emit(new CallEvent.Created(call.id, clock.instant(), staying.id, staying.party, to.number()));
        }
        routing.ringFor(call, to, staying);
    }

    private void notifyReferDone(Leg leg) {
        try {
            Request notify = leg.dialog.createRequest(Request.NOTIFY);
            notify.addHeader(sip().headers().createEventHeader("refer"));
            notify.addHeader(sip().headers().createSubscriptionStateHeader("terminated;reason=noresource"));
            notify.setContent("SIP/2.0 200 OK\r\n", sip().headers().createContentTypeHeader("message", "sipfrag"));
            leg.dialog.sendRequest(sip().provider().getNewClientTransaction(notify));
        } catch (Exception e) {
            log.debug("cannot NOTIFY refer result", e);
        }
    }

    /** {@code CallControl.attendedTransfer}, on the consulted leg's call executor. */
    CallResult attended(Call to, Leg target, String waitingLegId) {
        Call waitingIn = index.byLegId.get(waitingLegId);
        if (waitingIn == to) {
            return CallResult.failure("same-call");
        }
        if (!target.isControllable() || waitingIn == null) {
            return Commands.WRONG_STATE;
        }
        Leg waiting = pickups.takeLeg(waitingIn, to, l -> l.id.equals(waitingLegId) && l.isControllable(), "transferred");
        if (waiting == null) {
            return Commands.WRONG_STATE;
        }
        for (Leg other : to.legs) {
            if (other != target && !other.isEnded()) {
                if (other.media != null) {
                    other.media.unbridge();
                }
                ending.release(other);
                ending.releaseBusy(other);
            }
        }
        pickups.adopt(to, waiting);
        events.emit(new CallEvent.Transferred(to.id, clock.instant(), waiting.id, target.party));
        connections.connect(to, waiting, target);
        return CallResult.success(target.id);
    }
}
