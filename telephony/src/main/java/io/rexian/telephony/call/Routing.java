package io.rexian.telephony.call;

import io.rexian.telephony.CallDetailRecord.Disposition;
import io.rexian.telephony.CallEvent;
import io.rexian.telephony.EngineSettings;
import io.rexian.telephony.ExtensionFeatures;
import io.rexian.telephony.Trunk;
import io.rexian.telephony.call.Destinations.Destination;
import io.rexian.telephony.registrar.Binding;
import io.rexian.telephony.registrar.Registrations;
import io.rexian.telephony.sip.SipTransport;
import io.rexian.telephony.trunk.DigestClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.Header;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a call goes: the callee's features (forwards, DND, busy), ringing extensions, carriers and
 * the application, and the callee legs' responses up to the answer. Call executor only.
 */
final class Routing {

    /** Same category as before SipCalls was split, so log configuration and filters keep working. */
    private static final Logger log = LoggerFactory.getLogger(SipCalls.class);

    private final SipMessages messages;
    private final CallListeners events;
    private final CallIndex index;
    private final CallEnding ending;
    private final SessionRefresh sessions;
    private final Connections connections;
    private final EngineSettings settings;
    private final Registrations registrations;
    private final ExtensionFeatures features;
    private final Map<String, Integer> busy;
    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final List<Trunk> trunks;
    private final Map<String, Call> ringingByExtension;

    Routing(SipMessages messages, CallListeners events, CallIndex index, CallEnding ending,
            SessionRefresh sessions, Connections connections, EngineSettings settings,
            Registrations registrations, ExtensionFeatures features, Map<String, Integer> busy, Clock clock,
            ScheduledExecutorService timers, List<Trunk> trunks, Map<String, Call> ringingByExtension) {
        this.messages = messages;
        this.events = events;
        this.index = index;
        this.ending = ending;
        this.sessions = sessions;
        this.connections = connections;
        this.settings = settings;
        this.registrations = registrations;
        this.features = features;
        this.busy = busy;
        this.clock = clock;
        this.timers = timers;
        this.trunks = trunks;
        this.ringingByExtension = ringingByExtension;
    }

    private SipTransport sip() {
        return messages.sip();
    }

    Trunk outboundTrunk(String dialled) {
        return trunks.stream().filter(t -> t.outboundNumber(dialled) != null).findFirst().orElse(null);
    }

    /**
     * Calls {@code number} at the carrier for {@code from} (null: for the application). Only reached by
     * authenticated extensions and the call-control API, never by an unauthenticated SIP source.
     */
    void dialTrunk(Call call, Trunk trunk, String number, Leg from) {
        String sipCallId = UUID.randomUUID() + "@" + sip().host();
        Leg b = index.addLeg(call, sipCallId, false, number);
        b.trunk = trunk;
        index.bySipCallId.put(sipCallId, call);
        try {
            b.media = ending.openMedia(call, b);
            Request invite = messages.newRequest(Request.INVITE,
                    sip().addresses().createURI("sip:" + number + "@" + trunk.host() + ":" + trunk.portOrDefault()),
                    sipCallId, trunk.username() != null ? trunk.username() : CallEnding.callerName(call, from), number);
            invite.setContent(b.media.offer(), messages.sdpType());
            b.invite = invite;
            b.inviteClient = sip().provider().getNewClientTransaction(invite);
            b.dialog = b.inviteClient.getDialog();
            b.inviteClient.sendRequest();
            events.emit(new CallEvent.Created(call.id, clock.instant(), b.id, CallEnding.callerName(call, from), number));
            call.noAnswer = timers.schedule(() -> call.executor.execute(() -> noAnswer(call, b)),
                    settings.noAnswerTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.info("cannot call {} via {}", number, trunk.name(), e);
            b.state = Leg.State.ENDED;
            ending.fail(call, Response.SERVICE_UNAVAILABLE, Disposition.FAILED, "trunk-failed");
        }
    }

    /** Re-sends a trunk INVITE with the carrier's digest answered (once per leg). */
    private boolean answerCarrierChallenge(Leg b, Response response) {
        int status = response.getStatusCode();
        if (b.trunk == null || b.trunk.password() == null || b.authAnswered
                || (status != Response.UNAUTHORIZED && status != Response.PROXY_AUTHENTICATION_REQUIRED)) {
            return false;
        }
        try {
            b.authAnswered = true;
            boolean proxy = status == Response.PROXY_AUTHENTICATION_REQUIRED;
            Header challenge = response.getHeader(proxy ? "Proxy-Authenticate" : "WWW-Authenticate");
            String value = challenge.toString().substring(challenge.toString().indexOf(':') + 1).trim();
            Request retry = (Request) b.invite.clone();
            CSeqHeader cseq = (CSeqHeader) retry.getHeader(CSeqHeader.NAME);
            cseq.setSeqNumber(cseq.getSeqNumber() + 1);
            // A new branch for the new transaction, over the transport the first INVITE used.
            String transport = ((ViaHeader) retry.getHeader(ViaHeader.NAME)).getTransport();
            retry.removeHeader(ViaHeader.NAME);
            retry.addHeader(sip().headers().createViaHeader(sip().host(), sip().port(), transport,
                    "z9hG4bK" + UUID.randomUUID().toString().replace("-", "")));
            retry.addHeader(sip().headers().createHeader(proxy ? "Proxy-Authorization" : "Authorization",
                    DigestClient.answer(value, Request.INVITE, b.invite.getRequestURI().toString(),
                            b.trunk.username(), b.trunk.password())));
            b.invite = retry;
            b.inviteClient = sip().provider().getNewClientTransaction(retry);
            b.dialog = b.inviteClient.getDialog();
            b.inviteClient.sendRequest();
            return true;
        } catch (Exception e) {
            log.info("cannot answer {}'s challenge", b.trunk.name(), e);
            return false;
        }
    }

    /**
     * The caller hears ringing while the application decides: {@link SipCalls#answer}, {@link SipCalls#bridge} or
     * {@link SipCalls#reject}. A new call gets 180; a leg transferred here (answered already) hears ringback.
     * Unanswered after the no-answer timeout, the caller gets 480 (or BYE).
     */
    void ringAtApplication(Call call, Leg a) {
        if (a.isAnswered()) {
            a.media.play("ringback", true);
        } else {
            messages.respondInvite(a, Response.RINGING);
            a.state = Leg.State.RINGING;
        }
        a.ringingAtApplication = true;
        events.emit(new CallEvent.Ringing(call.id, clock.instant(), a.id));
        call.noAnswer = timers.schedule(() -> call.executor.execute(() -> {
            if (!call.ended && a.ringingAtApplication) {
                ending.fail(call, Response.TEMPORARILY_UNAVAILABLE, Disposition.NO_ANSWER, "no-answer");
            }
        }), settings.noAnswerTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Applies the callee's features, then rings: DND and busy-without-call-waiting give busy
     * (or the busy forward), an unconditional forward redirects; at most 5 forwards deep.
     */
    void route(Call call, String extension, Leg from, int hops) {
        if (hops > 5) {
            ending.fail(call, Response.LOOP_DETECTED, Disposition.FAILED, "forward-loop");
            return;
        }
        Optional<String> always = features.forward(extension, ExtensionFeatures.Forward.ALWAYS);
        if (always.isPresent()) {
            events.emit(new CallEvent.Transferred(call.id, clock.instant(), from == null ? null : from.id, always.get()));
            route(call, always.get(), from, hops + 1);
            return;
        }
        boolean isBusy = busy.getOrDefault(extension, 0) > 0 && !features.callWaiting(extension);
        if (features.doNotDisturb(extension) || isBusy) {
            Optional<String> onBusy = features.forward(extension, ExtensionFeatures.Forward.BUSY);
            if (onBusy.isPresent()) {
                route(call, onBusy.get(), from, hops + 1);
                return;
            }
            ending.fail(call, Response.BUSY_HERE, Disposition.BUSY, features.doNotDisturb(extension) ? "do-not-disturb" : "busy");
            return;
        }
        call.forwardHops = hops;
        ringExtension(call, extension, from);
    }

    /** Rings the extension's most recent contact with an offer from a fresh media channel. */
    void ringExtension(Call call, String extension, Leg from) {
        List<Binding> contacts = registrations.contacts(extension);
        if (contacts.isEmpty()) {
            ending.fail(call, Response.TEMPORARILY_UNAVAILABLE, Disposition.FAILED, "not-registered");
            return;
        }
        Binding target = contacts.get(0);
        String sipCallId = UUID.randomUUID() + "@" + sip().host();
        Leg b = index.addLeg(call, sipCallId, false, extension);
        b.joinAs = call.joining;
        call.joining = null;
        index.bySipCallId.put(sipCallId, call);
        busy.merge(extension, 1, Integer::sum);
        b.countsAsBusy = true;
        ringingByExtension.put(extension, call);
        try {
            b.media = ending.openMedia(call, b);
            String callerName = CallEnding.callerName(call, from);
            Request invite = messages.newRequest(Request.INVITE, sip().addresses().createURI(target.contact()), sipCallId,
                    callerName, extension);
            invite.setContent(b.media.offer(), messages.sdpType());
            b.invite = invite;
            b.inviteClient = sip().provider().getNewClientTransaction(invite);
            b.dialog = b.inviteClient.getDialog();
            b.inviteClient.sendRequest();
            events.emit(new CallEvent.Created(call.id, clock.instant(), b.id, callerName, extension));
            call.noAnswer = timers.schedule(() -> call.executor.execute(() -> noAnswer(call, b)),
                    settings.noAnswerTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.info("cannot call {}", extension, e);
            b.state = Leg.State.ENDED;
            ending.fail(call, Response.TEMPORARILY_UNAVAILABLE, Disposition.FAILED, "dial-failed");
        }
    }

    private void noAnswer(Call call, Leg b) {
        if (call.ended || b.isAnswered() || b.isEnded()) {
            return;
        }
        ending.cancel(b);
        ending.releaseBusy(b);
        if (b.joinAs != null) {
            return;
        }
        Optional<String> onNoAnswer = features.forward(b.party, ExtensionFeatures.Forward.NO_ANSWER);
        Leg a = call.first();
        if (onNoAnswer.isPresent() && a != b) {
            events.emit(new CallEvent.Transferred(call.id, clock.instant(), a.id, onNoAnswer.get()));
            route(call, onNoAnswer.get(), a, call.forwardHops + 1);
            return;
        }
        ending.fail(call, Response.TEMPORARILY_UNAVAILABLE, Disposition.NO_ANSWER, "no-answer");
    }

    void onResponse(Call call, ResponseEvent event) {
        Response response = event.getResponse();
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (cseq.getMethod().equals(Request.UPDATE)) {
            sessions.onRefreshAnswered(call, response);
            return;
        }
        if (!cseq.getMethod().equals(Request.INVITE)) {
            return;
        }
        String sipCallId = ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId();
        Leg b = call.bySipCallId(sipCallId);
        if (b == null || b.inbound) {
            return;
        }
        int status = response.getStatusCode();
        if (status < 200) {
            if (status > 100 && b.state == Leg.State.NEW) {
                b.state = Leg.State.RINGING;
                events.emit(new CallEvent.Ringing(call.id, clock.instant(), b.id));
                Leg a = call.first();
                if (a != null && a.inbound && a.state == Leg.State.NEW) {
                    messages.respondInvite(a, Response.RINGING);
                    a.state = Leg.State.RINGING;
                }
            }
            return;
        }
        if (status < 300) {
            onAnswered(call, b, event);
            return;
        }
        if (b.isEnded() || answerCarrierChallenge(b, response)) {
            return;
        }
        b.state = Leg.State.ENDED;
        b.endedAt = clock.instant();
        ending.releaseBusy(b);
        log.debug("{} answered {} {}", b.party, status, response.getReasonPhrase());
        if (b.joinAs != null) {
            return;
        }
        Optional<String> onBusy = features.forward(b.party, ExtensionFeatures.Forward.BUSY);
        Leg first = call.first();
        if ((status == Response.BUSY_HERE || status == Response.BUSY_EVERYWHERE) && onBusy.isPresent() && first != b) {
            route(call, onBusy.get(), first, call.forwardHops + 1);
            return;
        }
        Disposition disposition = switch (status) {
            case Response.BUSY_HERE, Response.BUSY_EVERYWHERE -> Disposition.BUSY;
            case Response.DECLINE, Response.FORBIDDEN -> Disposition.REJECTED;
            case Response.REQUEST_TERMINATED -> Disposition.CANCELLED;
            default -> Disposition.FAILED;
        };
        int relay = status == Response.BUSY_HERE || status == Response.BUSY_EVERYWHERE ? Response.BUSY_HERE
                : status == Response.DECLINE ? Response.DECLINE : Response.TEMPORARILY_UNAVAILABLE;
        ending.fail(call, relay, disposition, "remote-" + status);
    }

    private void onAnswered(Call call, Leg b, ResponseEvent event) {
        Response response = event.getResponse();
        Dialog dialog = event.getDialog();
        long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
        if (b.isAnswered() && dialog != null && dialog == b.dialog) {
            messages.resendAck(b);
            return;
        }
        if (b.isAnswered() || b.isEnded() || call.ended) {
            // An answer after we gave up (it crossed our CANCEL): ACK, then BYE. Second forks' answers
            // are cleared before they reach us (sip().ForkedAnswers).
            if (dialog != null) {
                messages.ackAndBye(dialog, response);
            }
            return;
        }
        try {
            Request ack = dialog.createAck(cseq);
            dialog.sendAck(ack);
            b.ack = ack;
            b.dialog = dialog;
        } catch (Exception e) {
            log.debug("cannot ACK", e);
        }
        if (call.noAnswer != null) {
            call.noAnswer.cancel(false);
        }
        ending.stopRinging(b);
        b.state = Leg.State.ANSWERED;
        b.answeredAt = clock.instant();
        if (call.answeredAt == null) {
            call.answeredAt = b.answeredAt;
        }
        try {
            b.media.accept(SipMessages.bodyOf(response));
        } catch (IllegalArgumentException e) {
            ending.hangupLegs(call);
            ending.end(call, Disposition.FAILED, "no-common-codec");
            return;
        }
        events.emit(new CallEvent.Answered(call.id, clock.instant(), b.id));
        connections.listenForDigits(call, b);
        if (b.joinAs != null) {
            joined(call, b);
            return;
        }
        Leg a = call.first();
        if (a == b) {
            // Click-to-dial: the agent answered; now call the customer. Without a target the
            // application dialled this leg itself and takes it from here.
            Destination target = call.originateTarget;
            call.originateTarget = null;
            if (target != null) {
                ringFor(call, target, b);
            }
            return;
        }
        if (a.inbound && !a.isAnswered()) {
            a.media = ending.openMedia(call, a);
            String sdp;
            try {
                sdp = a.media.answer(SipMessages.bodyOf(a.invite));
            } catch (IllegalArgumentException e) {
                messages.respondInvite(a, Response.NOT_ACCEPTABLE_HERE);
                a.state = Leg.State.ENDED;
                ending.hangupLegs(call);
                ending.end(call, Disposition.FAILED, "no-common-codec");
                return;
            }
            if (!connections.answerInbound(call, a, sdp)) {
                ending.hangupLegs(call);
                return;
            }
            connections.listenForDigits(call, a);
        }
        connections.connect(call, a, b);
    }

    /**
     * Calls {@code target} for {@code from} (hearing ringback meanwhile; null: the application's own
     * call) and bridges the two once it answers; a test service is played to {@code from} at once.
     */
    void ringFor(Call call, Destination target, Leg from) {
        switch (target.kind()) {
            case SERVICE -> {
                if (target.number().equals(settings.echoNumber())) {
                    from.media.echo();
                } else {
                    from.media.play(null, true);
                }
            }
            case APPLICATION -> ringAtApplication(call, from);
            case EXTENSION, TRUNK -> {
                if (from != null) {
                    from.media.play("ringback", true);
                }
                if (target.kind() == Destinations.Kind.TRUNK) {
                    dialTrunk(call, target.trunk(), target.number(), from);
                } else {
                    route(call, target.number(), from, 0);
                }
            }
        }
    }

    /** A supervisor or conference leg answered: join it instead of bridging it with the first leg. */
    private void joined(Call call, Leg b) {
        List<Leg> talking = call.legs.stream().filter(l -> l != b && l.isAnswered() && l.media != null).toList();
        if (talking.isEmpty()) {
            return;
        }
        if (b.joinAs.equals("CONFERENCE")) {
            talking.get(0).media.conference(java.util.stream.Stream.concat(talking.stream().skip(1), java.util.stream.Stream.of(b))
                    .map(l -> l.media).toList());
        } else {
            talking.get(0).media.supervise(b.media, b.joinAs);
        }
        events.emit(new CallEvent.Bridged(call.id, clock.instant(), talking.get(0).id, b.id));
    }
}
