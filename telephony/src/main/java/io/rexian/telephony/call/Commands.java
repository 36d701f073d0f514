package io.rexian.telephony.call;

import io.rexian.telephony.CallControl;
import io.rexian.telephony.CallDetailRecord;
import io.rexian.telephony.CallDetailRecord.Disposition;
import io.rexian.telephony.CallEvent;
import io.rexian.telephony.CallResult;
import io.rexian.telephony.call.Destinations.Destination;
import io.rexian.telephony.registrar.Registrations;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CallControl} API itself ({@link SipCalls#control()} hands it out). A command on an
 * existing call or leg is validated on that call's executor while the calling thread waits
 * (see docs/CALL-CONTROL.md); a new call's is checked here and its dialling queued.
 */
final class Commands implements CallControl {

    /** How long a command waits for its call's executor before answering busy-engine. */
    private static final Duration COMMAND_WAIT = Duration.ofSeconds(2);
    /** Taking a leg out of another call waits less, so a command answers within about twice COMMAND_WAIT. */
    static final Duration TAKE_WAIT = Duration.ofMillis(1500);
    private static final CallResult BUSY_ENGINE = CallResult.failure("busy-engine");
    static final CallResult WRONG_STATE = CallResult.failure("wrong-state");

    /** Same category as before SipCalls was split, so log configuration and filters keep working. */
    private static final Logger log = LoggerFactory.getLogger(SipCalls.class);

    private final CallListeners events;
    private final CallIndex index;
    private final CallEnding ending;
    private final Connections connections;
    private final PickupAndPark pickups;
    private final Routing routing;
    private final Transfers transfers;
    private final Registrations registrations;
    private final Clock clock;
    private final Destinations destinations;

    /** Numbers that ring at the application; shared with the routing of inbound calls. */
    private final java.util.Set<String> applicationNumbers;

    Commands(CallListeners events, CallIndex index, CallEnding ending, Connections connections,
             PickupAndPark pickups, Routing routing, Transfers transfers, Registrations registrations,
             Clock clock, Destinations destinations, java.util.Set<String> applicationNumbers) {
        this.applicationNumbers = applicationNumbers;
        this.events = events;
        this.index = index;
        this.ending = ending;
        this.connections = connections;
        this.pickups = pickups;
        this.routing = routing;
        this.transfers = transfers;
        this.registrations = registrations;
        this.clock = clock;
        this.destinations = destinations;
    }

    /**
     * Runs {@code command} on the call's executor, which owns the call's state, and returns its
     * outcome (validation included); an ended call counts as gone.
     */
    @Override
    public void addListener(io.rexian.telephony.CallEventListener listener) {
        events.addListener(listener);
    }

    @Override
    public void addApplicationNumber(String number) {
        applicationNumbers.add(number);
    }

    private CallResult onCall(String callId, java.util.function.Function<Call, CallResult> command) {
        Call call = index.byId.get(callId);
        if (call == null) {
            return CallResult.failure("no-such-call");
        }
        return call.executor.runAndWait(() -> call.ended ? CallResult.failure("no-such-call") : command.apply(call),
                COMMAND_WAIT, BUSY_ENGINE);
    }

    /**
     * Like {@link #onCall} for a live leg (an ended one is {@code wrong-state}); follows a leg that
     * moved to another call (bridge, pickup) while the command waited.
     */
    private CallResult onLeg(String legId, java.util.function.BiFunction<Call, Leg, CallResult> command) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Call call = index.byLegId.get(legId);
            if (call == null) {
                break;
            }
            CallResult result = call.executor.runAndWait(() -> {
                Leg leg = call.leg(legId);
                if (leg == null) {
                    return null;
                }
                return call.ended || leg.isEnded() ? WRONG_STATE : command.apply(call, leg);
            }, COMMAND_WAIT, BUSY_ENGINE);
            if (result != null) {
                return result;
            }
        }
        return CallResult.failure("no-such-leg");
    }

    @Override
    public CallResult hangup(String callId) {
        return onCall(callId, call -> {
            ending.fail(call, Response.TEMPORARILY_UNAVAILABLE,
                    call.answeredAt == null ? Disposition.CANCELLED : Disposition.ANSWERED, "hangup");
            return CallResult.success(callId);
        });
    }

    @Override
    public CallResult hangupLeg(String legId) {
        return onLeg(legId, (call, leg) -> {
            Leg peer = leg.peer();
            ending.drop(leg);
            if (peer != null) {
                separate(call, leg, peer);
            }
            if (call.legs.stream().allMatch(Leg::isEnded)) {
                ending.end(call, call.answeredAt == null ? Disposition.CANCELLED : Disposition.ANSWERED, "hangup");
            }
            return CallResult.success(legId);
        });
    }

    @Override
    public CallResult play(String legId, String prompt, boolean loop) {
        return onLeg(legId, (call, leg) -> {
            if (!leg.isControllable()) {
                return WRONG_STATE;
            }
            try {
                leg.media.play(prompt, loop);
            } catch (java.io.UncheckedIOException e) {
                return CallResult.failure("no-such-prompt");
            }
            return CallResult.success(legId);
        });
    }

    @Override
    public CallResult hold(String legId, boolean held) {
        return onLeg(legId, (call, leg) -> {
            Leg peer = leg.peer();
            if (!leg.isControllable() || peer == null || peer.media == null || peer.onHold == held) {
                return WRONG_STATE;
            }
            if (held) {
                leg.media.unbridge();
                peer.media.play("hold", true);
            } else {
                peer.media.stopPlaying();
                leg.media.bridge(peer.media);
            }
            peer.onHold = held;
            events.emit(new CallEvent.Held(call.id, clock.instant(), peer.id, held));
            return CallResult.success(legId);
        });
    }

    @Override
    public CallResult record(String legId, java.nio.file.Path file, boolean stereo) {
        return onLeg(legId, (call, leg) -> {
            if (!leg.isControllable() || (file == null) == (leg.recording == null)) {
                return WRONG_STATE;
            }
            if (file == null) {
                leg.media.stopRecording();
                events.emit(new CallEvent.RecordingChanged(call.id, clock.instant(), legId, leg.recording.toString(), false));
                leg.recording = null;
                return CallResult.success(legId);
            }
            try {
                leg.media.record(file, stereo);
            } catch (java.io.IOException e) {
                log.warn("cannot record {} to {}: {}", legId, file, e.toString());
                return CallResult.failure("record-failed");
            }
            leg.recording = file;
            call.recordings.add(file.toString());
            events.emit(new CallEvent.RecordingChanged(call.id, clock.instant(), legId, file.toString(), true));
            return CallResult.success(legId);
        });
    }

    @Override
    public CallResult transfer(String legId, String target) {
        Destination to = destinations.resolve(target);
        if (!to.reachable() || to.kind() == Destinations.Kind.SERVICE) {
            return CallResult.failure(to.reachable() ? "unknown-target" : to.reason());
        }
        return onLeg(legId, (call, leg) -> {
            Leg peer = leg.peer();
            if (!leg.isControllable() || peer == null) {
                return WRONG_STATE;
            }
            transfers.blindTransfer(call, peer, leg, to, target);
            return CallResult.success(legId);
        });
    }

    @Override
    public CallResult originate(String extension, String number) {
        if (!registrations.isRegistered(extension)) {
            return CallResult.failure("not-registered");
        }
        Destination to = destinations.resolve(number);
        if (!to.reachable() || to.kind() == Destinations.Kind.APPLICATION) {
            return CallResult.failure(to.reachable() ? "unknown-target" : to.reason());
        }
        Call call = newOutboundCall(extension, number);
        call.originateTarget = to;
        call.executor.execute(() -> routing.ringExtension(call, extension, null));
        return CallResult.success(call.id);
    }

    @Override
    public CallResult dial(String number, String callerId) {
        Destination to = destinations.resolve(number);
        if (!to.reachable() || (to.kind() != Destinations.Kind.EXTENSION && to.kind() != Destinations.Kind.TRUNK)) {
            return CallResult.failure(to.reachable() ? "unknown-target" : to.reason());
        }
        Call call = newOutboundCall(callerId == null ? "application" : callerId, number);
        call.executor.execute(() -> routing.ringFor(call, to, null));
        return CallResult.success(call.id);
    }

    private Call newOutboundCall(String caller, String callee) {
        Call call = index.newCall();
        call.caller = caller;
        call.callee = callee;
        call.direction = CallDetailRecord.Direction.OUTBOUND;
        return call;
    }

    @Override
    public CallResult bridge(String legA, String legB) {
        if (legA.equals(legB)) {
            return WRONG_STATE;
        }
        Call callB = index.byLegId.get(legB);
        if (callB != null && callB.executor.isCurrent() && index.byLegId.get(legA) != callB) {
            // From a listener of legB's call (say, on the agent's Answered): that call cannot wait for
            // legA's call, which would wait for it in turn, so it hands its legs over from here.
            return handOver(callB, legB, legA);
        }
        return onLeg(legA, (call, a) -> {
            Call other = index.byLegId.get(legB);
            if (other == null) {
                return CallResult.failure("no-such-leg");
            }
            if (!isFree(a)) {
                return WRONG_STATE;
            }
            Leg b;
            if (other == call) {
                b = call.leg(legB);
            } else {
                List<Leg> moved = merge(other, call, legB);
                if (moved == null) {
                    return BUSY_ENGINE;
                }
                call.legs.addAll(moved);
                moved.forEach(leg -> connections.watch(call, leg));
                b = call.leg(legB);
            }
            if (b == null || !isFree(b)) {
                return WRONG_STATE;
            }
            connections.connect(call, a, b);
            return CallResult.success(call.id);
        });
    }

    /** Answered, not parked, not in a two-party bridge (held counts) nor a conference or supervision. */
    private static boolean isFree(Leg leg) {
        return leg.isControllable() && leg.peer() == null && leg.joinAs == null;
    }

    /**
     * Moves every leg of {@code other} into {@code into} when {@code legId} is {@code other}'s only live
     * party and free; {@code other} then ends with cause "merged" and no record of its own (its legs
     * are in {@code into}'s). Waited for from {@code into}'s executor. Empty when the leg cannot move,
     * null when {@code other} was too busy to answer.
     */
    private List<Leg> merge(Call other, Call into, String legId) {
        return other.executor.runAndWait(() -> {
            Leg leg = other.leg(legId);
            if (other.ended || leg == null || !movable(other, leg)) {
                return List.<Leg>of();
            }
            List<Leg> legs = List.copyOf(other.legs);
            // Re-pointed before this task ends, so the legs' next SIP messages queue behind the bridge on into's executor.
            legs.forEach(l -> index.repoint(l, into));
            endMerged(other);
            return legs;
        }, TAKE_WAIT, null);
    }

    /** {@link #merge} the other way round, run on {@code other}'s executor: legA's call takes the legs while other waits. */
    private CallResult handOver(Call other, String legB, String legA) {
        Leg b = other.leg(legB);
        Call into = index.byLegId.get(legA);
        if (into == null) {
            return CallResult.failure("no-such-leg");
        }
        if (other.ended || b == null || !movable(other, b)) {
            return WRONG_STATE;
        }
        List<Leg> legs = List.copyOf(other.legs);
        CallResult result = into.executor.runAndWait(() -> {
            Leg a = into.leg(legA);
            if (into.ended || a == null || !isFree(a)) {
                return WRONG_STATE;
            }
            into.legs.addAll(legs);
            legs.forEach(leg -> {
                index.repoint(leg, into);
                connections.watch(into, leg);
            });
            connections.connect(into, a, b);
            return CallResult.success(into.id);
        }, COMMAND_WAIT, BUSY_ENGINE);
        if (result.ok()) {
            endMerged(other);
        }
        return result;
    }

    /** A leg that may move into another call by a bridge: free, and its call's only live party. */
    private static boolean movable(Call call, Leg leg) {
        return isFree(leg) && call.legs.stream().filter(l -> !l.isEnded()).count() == 1;
    }

    /** Ends a call whose legs moved into another one. */
    private void endMerged(Call call) {
        call.legs.clear();
        call.merged = true;
        ending.end(call, Disposition.ANSWERED, "merged");
    }

    @Override
    public CallResult unbridge(String legId) {
        return onLeg(legId, (call, leg) -> {
            Leg peer = leg.peer();
            if (!leg.isControllable() || peer == null) {
                return WRONG_STATE;
            }
            leg.media.unbridge();
            separate(call, leg, peer);
            leg.onHold = false;
            leg.media.play("hold", true);
            return CallResult.success(legId);
        });
    }

    /** {@code leaving} no longer talks to {@code staying}, which hears music on hold until the application acts. */
    private void separate(Call call, Leg leaving, Leg staying) {
        leaving.bridgedWith = null;
        staying.bridgedWith = null;
        staying.onHold = false;
        staying.media.play("hold", true);
        events.emit(new CallEvent.Unbridged(call.id, clock.instant(), leaving.id, staying.id));
    }

    @Override
    public CallResult supervise(String callId, String supervisor, String mode) {
        if (!java.util.Set.of("LISTEN", "WHISPER", "BARGE").contains(mode)) {
            return CallResult.failure("unknown-mode");
        }
        return join(callId, supervisor, mode);
    }

    @Override
    public CallResult conference(String callId, String extension) {
        return join(callId, extension, "CONFERENCE");
    }

    private CallResult join(String callId, String extension, String joinAs) {
        if (!registrations.isRegistered(extension)) {
            return index.byId.containsKey(callId) ? CallResult.failure("not-registered") : CallResult.failure("no-such-call");
        }
        return onCall(callId, call -> {
            if (call.answeredAt == null) {
                return WRONG_STATE;
            }
            call.joining = joinAs;
            routing.ringExtension(call, extension, call.first());
            return CallResult.success(callId);
        });
    }

    @Override
    public CallResult attendedTransfer(String waitingLegId, String targetLegId) {
        Call from = index.byLegId.get(waitingLegId);
        if (from == null || index.byLegId.get(targetLegId) == null) {
            return CallResult.failure("no-such-leg");
        }
        return onLeg(targetLegId, (to, target) -> transfers.attended(to, target, waitingLegId));
    }

    @Override
    public CallResult park(String legId) {
        return onLeg(legId, pickups::park);
    }

    /** The leg ringing at the application, if any. */
    private static Leg ringingAtApplication(Call call) {
        return call.legs.stream().filter(l -> l.ringingAtApplication && !l.isEnded()).findFirst().orElse(null);
    }

    @Override
    public CallResult answer(String callId) {
        return onCall(callId, call -> {
            Leg a = ringingAtApplication(call);
            if (a == null) {
                return WRONG_STATE;
            }
            if (call.noAnswer != null) {
                call.noAnswer.cancel(false);
            }
            a.ringingAtApplication = false;
            if (a.isAnswered()) {
                // Transferred here: the SIP dialog is up already, only the ringback stops.
                a.media.stopPlaying();
                events.emit(new CallEvent.Answered(call.id, clock.instant(), a.id));
                return CallResult.success(callId);
            }
            return connections.answerWithMedia(call, a) ? CallResult.success(callId) : CallResult.failure("answer-failed");
        });
    }

    @Override
    public CallResult reject(String callId, String cause) {
        Optional<RejectCause> known = RejectCause.of(cause);
        if (known.isEmpty()) {
            return index.byId.containsKey(callId) ? CallResult.failure("unknown-cause") : CallResult.failure("no-such-call");
        }
        return onCall(callId, call -> {
            Leg a = call.first();
            boolean unansweredInbound = a != null && a.inbound && !a.isAnswered() && !a.isEnded();
            if (!unansweredInbound && ringingAtApplication(call) == null) {
                return WRONG_STATE;
            }
            ending.fail(call, known.get().status(), known.get().disposition(), known.get().name());
            return CallResult.success(callId);
        });
    }

    @Override
    public CallResult collectDigits(String legId, List<String> prompts, io.rexian.telephony.media.DigitCollection collection) {
        List<String> names = new java.util.ArrayList<>(prompts == null ? List.of() : prompts);
        return onLeg(legId, (call, leg) -> {
            if (!leg.isControllable()) {
                return WRONG_STATE;
            }
            try {
                leg.media.collectDigits(names, collection, (digits, how) -> call.executor.execute(
                        () -> events.emit(new CallEvent.DigitsCollected(call.id, clock.instant(), legId, digits, how))));
            } catch (java.io.UncheckedIOException e) {
                return CallResult.failure("no-such-prompt");
            }
            return CallResult.success(legId);
        });
    }

    @Override
    public CallResult conferenceRemove(String legId) {
        return onLeg(legId, (call, leg) -> {
            ending.drop(leg);
            long left = call.legs.stream().filter(Leg::isAnswered).count();
            events.emit(new CallEvent.Unbridged(call.id, clock.instant(), legId, null));
            if (left < 2) {
                // One party alone is no conference: clear the call as a hangup would.
                ending.hangupLegs(call);
                ending.end(call, Disposition.ANSWERED, "conference-empty");
            }
            return CallResult.success(legId);
        });
    }
}
