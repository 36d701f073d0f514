package io.rexian.telephony.call;

import io.rexian.telephony.CallDetailRecord.Disposition;
import io.rexian.telephony.CallEvent;
import io.rexian.telephony.CallResult;
import io.rexian.telephony.ExtensionFeatures;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import javax.sip.message.Response;

/**
 * Call pickup (**ext, *8 for the pickup group) and park slots (701..720): taking a leg out of
 * another call, on that call's executor, into the one that picked it up.
 */
final class PickupAndPark {

    private final SipMessages messages;
    private final CallListeners events;
    private final CallIndex index;
    private final CallEnding ending;
    private final Connections connections;
    private final ExtensionFeatures features;
    private final Clock clock;
    private final Map<String, Call> ringingByExtension;
    private final Map<String, Call> parked;

    PickupAndPark(SipMessages messages, CallListeners events, CallIndex index, CallEnding ending,
                  Connections connections, ExtensionFeatures features, Clock clock,
                  Map<String, Call> ringingByExtension, Map<String, Call> parked) {
        this.messages = messages;
        this.events = events;
        this.index = index;
        this.ending = ending;
        this.connections = connections;
        this.features = features;
        this.clock = clock;
        this.ringingByExtension = ringingByExtension;
        this.parked = parked;
    }

    Call ringingInGroup(String extension) {
        Optional<String> group = features.pickupGroup(extension);
        if (group.isEmpty()) {
            return null;
        }
        for (var e : ringingByExtension.entrySet()) {
            if (!e.getKey().equals(extension) && group.equals(features.pickupGroup(e.getKey()))) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * Takes a leg out of another call, on that call's executor, into {@code into}, and ends what
     * remains of the other call. The calling executor blocks (a virtual thread) until the other
     * call answered, at most {@link Commands#TAKE_WAIT}; null when no leg matched or it did not answer.
     */
    Leg takeLeg(Call other, Call into, java.util.function.Predicate<Leg> which, String cause) {
        return other.executor.runAndWait(() -> {
            Leg leg = other.ended ? null : other.legs.stream().filter(which).findFirst().orElse(null);
            if (leg != null) {
                other.legs.remove(leg);
                index.repoint(leg, into);
                ending.hangupLegs(other);
                ending.end(other, Disposition.CANCELLED, cause);
            }
            return leg;
        }, Commands.TAKE_WAIT, null);
    }

    /** Makes a leg taken from another call the first party of {@code call}. */
    void adopt(Call call, Leg leg) {
        call.legs.add(0, leg);
        index.repoint(leg, call);
        connections.watch(call, leg);
    }

    /** Answers the picking phone and connects it to the caller that was ringing another extension. */
    void pickup(Call call, Leg picker, Call ringing) {
        Leg caller = ringing == null ? null
                : takeLeg(ringing, call, l -> l.inbound && !l.isAnswered() && !l.isEnded(), "picked-up");
        if (caller == null) {
            picker.state = Leg.State.ENDED;
            messages.respondInvite(picker, Response.NOT_FOUND);
            ending.end(call, Disposition.FAILED, "nothing-to-pick-up");
            return;
        }
        adopt(call, caller);
        call.caller = caller.party;
        call.callee = picker.party;
        caller.media = ending.openMedia(call, caller);
        picker.media = ending.openMedia(call, picker);
        connections.listenForDigits(call, caller);
        connections.listenForDigits(call, picker);
        try {
            if (!connections.answerInbound(call, caller, caller.media.answer(SipMessages.bodyOf(caller.invite)))
                    || !connections.answerInbound(call, picker, picker.media.answer(SipMessages.bodyOf(picker.invite)))) {
                ending.hangupLegs(call);
                ending.end(call, Disposition.FAILED, "pickup-failed");
                return;
            }
        } catch (IllegalArgumentException e) {
            ending.hangupLegs(call);
            ending.end(call, Disposition.FAILED, "no-common-codec");
            return;
        }
        events.emit(new CallEvent.Transferred(call.id, clock.instant(), caller.id, picker.party));
        connections.connect(call, caller, picker);
    }

    /** Dialling a park slot connects the phone to the call parked there. */
    void retrieve(Call call, Leg retriever, String slot) {
        Call parkedCall = parked.remove(slot);
        Leg waiting = parkedCall == null ? null
                : takeLeg(parkedCall, call, l -> slot.equals(l.parkedSlot) && l.isAnswered(), "retrieved");
        if (waiting == null) {
            retriever.state = Leg.State.ENDED;
            messages.respondInvite(retriever, Response.NOT_FOUND);
            ending.end(call, Disposition.FAILED, "nothing-parked");
            return;
        }
        waiting.parkedSlot = null;
        adopt(call, waiting);
        call.callee = retriever.party;
        retriever.media = ending.openMedia(call, retriever);
        connections.listenForDigits(call, retriever);
        try {
            if (!connections.answerInbound(call, retriever, retriever.media.answer(SipMessages.bodyOf(retriever.invite)))) {
                ending.hangupLegs(call);
                ending.end(call, Disposition.FAILED, "retrieve-failed");
                return;
            }
        } catch (IllegalArgumentException e) {
            ending.hangupLegs(call);
            ending.end(call, Disposition.FAILED, "no-common-codec");
            return;
        }
        connections.connect(call, waiting, retriever);
    }

    /** {@code CallControl.park}, on the leg's call executor. */
    CallResult park(Call call, Leg leg) {
        if (!leg.isControllable()) {
            return Commands.WRONG_STATE;
        }
        String slot = null;
        for (int n = 701; n <= 720 && slot == null; n++) {
            if (parked.putIfAbsent(Integer.toString(n), call) == null) {
                slot = Integer.toString(n);
            }
        }
        if (slot == null) {
            return CallResult.failure("park-full");
        }
        Leg peer = leg.peer();
        leg.media.unbridge();
        leg.bridgedWith = null;
        if (peer != null) {
            ending.release(peer);
            ending.releaseBusy(peer);
        }
        leg.media.play("hold", true);
        leg.parkedSlot = slot;
        events.emit(new CallEvent.Transferred(call.id, clock.instant(), leg.id, "park:" + slot));
        return CallResult.success(slot);
    }
}
