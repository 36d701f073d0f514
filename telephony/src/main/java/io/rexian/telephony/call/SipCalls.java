package io.rexian.telephony.call;

import gov.nist.javax.sip.RequestEventExt;
import io.rexian.telephony.CallControl;
import io.rexian.telephony.CallDetailRecord;
import io.rexian.telephony.CallDetailRecord.Disposition;
import io.rexian.telephony.CallEvent;
import io.rexian.telephony.CallEventListener;
import io.rexian.telephony.CallRecords;
import io.rexian.telephony.CallResult;
import io.rexian.telephony.EngineSettings;
import io.rexian.telephony.ExtensionCredentials;
import io.rexian.telephony.ExtensionFeatures;
import io.rexian.telephony.Trunk;
import io.rexian.telephony.trunk.CarrierRegistrations;
import io.rexian.telephony.registrar.Registrar;
import io.rexian.telephony.registrar.Registrations;
import io.rexian.telephony.registrar.SipAuthentication;
import io.rexian.telephony.sip.SipTransport;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The B2BUA: receives every SIP message from the stack and runs the calls.
 *
 * <p>Threading: the stack's single thread calls the {@link SipListener} methods; they only
 * create server transactions (so retransmissions are absorbed) and hand the event to the
 * call's {@link SerialExecutor} on virtual threads. A call's state is owned by that executor;
 * commands from {@link CallControl} ({@link Commands}, see {@link #control()}) are queued there
 * too. REGISTER and OPTIONS run on plain
 * virtual threads.
 */
public final class SipCalls implements SipListener {

    private static final Logger log = LoggerFactory.getLogger(SipCalls.class);
    private static final java.util.Set<String> KNOWN_UNSUPPORTED =
            java.util.Set.of("SUBSCRIBE", "MESSAGE", "PRACK", "PUBLISH");

    private final EngineSettings settings;
    private final Registrations registrations;
    private final ExtensionFeatures features;
    /** Calls in progress per extension, for busy detection. */
    private final Map<String, Integer> busy = new ConcurrentHashMap<>();
    private final Clock clock;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final List<Trunk> trunks = new CopyOnWriteArrayList<>();
    /** Calls ringing an extension right now, for call pickup. */
    private final Map<String, Call> ringingByExtension = new ConcurrentHashMap<>();
    /** Parked calls by slot number (701..720). */
    private final Map<String, Call> parked = new ConcurrentHashMap<>();
    /** Numbers whose calls ring at the application (IVR) until it answers or rejects them. */
    private final java.util.Set<String> applicationNumbers = ConcurrentHashMap.newKeySet();
    private volatile CarrierRegistrations carriers;
    private volatile SipTransport sip;
    private volatile Registrar registrar;
    private volatile SipAuthentication auth;
    private final Destinations destinations;
    // The calls' jobs, built in this order; each uses only those above it, none calls back into SipCalls.
    private final SipMessages messages;
    private final CallListeners events;
    private final CallIndex index;
    private final CallEnding ending;
    private final SessionRefresh sessions;
    private final Connections connections;
    private final PickupAndPark pickups;
    private final Routing routing;
    private final Transfers transfers;
    private final Commands commands;

    public SipCalls(EngineSettings settings, Registrations registrations, ExtensionFeatures features,
                    ExtensionCredentials credentials, CallMedia media, CallRecords records, Clock clock,
                    ExecutorService workers, ScheduledExecutorService timers) {
        this.settings = settings;
        this.features = features;
        this.registrations = registrations;
        this.destinations = new Destinations(settings, registrations, features, credentials, applicationNumbers, trunks);
        this.clock = clock;
        this.workers = workers;
        this.timers = timers;
        this.messages = new SipMessages();
        this.events = new CallListeners();
        this.index = new CallIndex(clock, workers);
        this.ending = new CallEnding(messages, events, index, busy, media, records, clock, workers, timers,
                ringingByExtension);
        this.sessions = new SessionRefresh(messages, ending, settings, timers);
        this.connections = new Connections(messages, events, ending, sessions, clock);
        this.pickups = new PickupAndPark(messages, events, index, ending, connections, features, clock,
                ringingByExtension, parked);
        this.routing = new Routing(messages, events, index, ending, sessions, connections, settings, registrations,
                features, busy, clock, timers, trunks, ringingByExtension);
        this.transfers = new Transfers(messages, events, index, ending, connections, pickups, routing, clock,
                destinations);
        this.commands = new Commands(events, index, ending, connections, pickups, routing, transfers, registrations,
                clock, destinations, applicationNumbers);
    }

    /** Completes construction once the stack runs (the stack needs the listener first). */
    public void attach(SipTransport transport, Registrar reg, SipAuthentication authentication) {
        this.sip = transport;
        messages.attach(transport);
        this.registrar = reg;
        this.auth = authentication;
        this.carriers = new CarrierRegistrations(transport, timers);
    }

    /** Adds a carrier trunk; registers at the carrier when the trunk asks for it. */
    public void addTrunk(Trunk trunk) {
        trunks.add(trunk);
        if (trunk.register()) {
            carriers.start(trunk);
        }
    }

    public boolean isRegisteredAt(String trunkName) {
        return carriers.isRegistered(trunkName);
    }

    public int activeCalls() {
        return index.byId.size();
    }

    // ---------------------------------------------------------------- stack thread

    @Override
    public void processRequest(RequestEvent event) {
        try {
            handleRequest(event);
        } catch (RuntimeException e) {
            // Whatever a peer sends must never take the stack thread down.
            log.debug("request dropped: {}", e.toString());
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        try {
            handleResponse(event);
        } catch (RuntimeException e) {
            log.debug("response dropped: {}", e.toString());
        }
    }

    private void handleRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        if (method.equals(Request.ACK)) {
            Call call = index.bySipCallId.get(callId);
            if (call != null) {
                call.executor.execute(() -> onAck(call, request, event.getDialog()));
            }
            return;
        }
        ServerTransaction tx = event.getServerTransaction();
        if (tx == null) {
            try {
                tx = sip.provider().getNewServerTransaction(request);
            } catch (TransactionAlreadyExistsException retransmission) {
                return;
            } catch (Exception e) {
                // Typically a mandatory header is missing (e.g. Contact on INVITE): answer 400 statelessly.
                log.debug("no transaction for {}: {}", method, e.getMessage());
                try {
                    Response bad = sip.messages().createResponse(Response.BAD_REQUEST, request);
                    bad.setReasonPhrase(e.getMessage() == null ? "Bad Request" : e.getMessage());
                    sip.provider().sendResponse(bad);
                } catch (Exception unanswerable) {
                    log.debug("cannot answer malformed {}", method);
                }
                return;
            }
        }
        ServerTransaction st = tx;
        String sourceHost = event instanceof RequestEventExt ext ? ext.getRemoteIpAddress() : "";
        int sourcePort = event instanceof RequestEventExt ext ? ext.getRemotePort() : 0;
        boolean inDialog = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null;
        String unsupported = SipMessages.unsupportedExtensions(request);
        if (unsupported != null && !method.equals(Request.CANCEL)) {
            workers.execute(() -> {
                try {
                    Response r = sip.messages().createResponse(Response.BAD_EXTENSION, request);
                    messages.tag(r);
                    r.addHeader(sip.headers().createUnsupportedHeader(unsupported));
                    st.sendResponse(r);
                } catch (Exception e) {
                    log.debug("cannot send 420", e);
                }
            });
            return;
        }
        switch (method) {
            case Request.REGISTER -> workers.execute(() -> registrar.handle(request, st, sourceHost, sourcePort));
            case Request.OPTIONS -> workers.execute(() -> messages.answerOptions(request, st));
            case Request.INVITE -> {
                Call existing = index.bySipCallId.get(callId);
                if (inDialog) {
                    if (existing == null) {
                        workers.execute(() -> messages.respond(st, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
                    } else {
                        existing.executor.execute(() -> connections.onReInvite(existing, request, st));
                    }
                } else if (existing != null && SipMessages.cseqOf(request) <= existing.inviteCseq) {
                    // Same Call-ID and CSeq on a new transaction: a loop or a merged request (RFC 3261 8.2.2.2).
                    workers.execute(() -> messages.respond(st, request, Response.LOOP_DETECTED));
                } else {
                    // New call, or the same caller retrying with credentials after our challenge (higher CSeq).
                    Call call = index.newCall();
                    call.inviteCseq = SipMessages.cseqOf(request);
                    index.bySipCallId.put(callId, call);
                    call.executor.execute(() -> onInvite(call, request, st, sourceHost, sourcePort));
                }
            }
            case Request.BYE, Request.CANCEL, Request.REFER, Request.INFO, Request.UPDATE, Request.NOTIFY -> {
                Call call = index.bySipCallId.get(callId);
                if (call == null) {
                    workers.execute(() -> messages.respond(st, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
                } else {
                    call.executor.execute(() -> onInDialog(call, request, st));
                }
            }
            default -> workers.execute(() -> {
                try {
                    // Known methods we do not offer: 405 with Allow; methods nobody defined: 501 (RFC 3261 8.2.1).
                    boolean known = KNOWN_UNSUPPORTED.contains(method);
                    Response r = sip.messages().createResponse(
                            known ? Response.METHOD_NOT_ALLOWED : Response.NOT_IMPLEMENTED, request);
                    messages.tag(r);
                    messages.addAllow(r);
                    st.sendResponse(r);
                } catch (Exception e) {
                    log.debug("cannot answer {}", method, e);
                }
            });
        }
    }

    private void handleResponse(ResponseEvent event) {
        Response response = event.getResponse();
        if (log.isTraceEnabled()) {
            log.trace("response {} dialog {} tx {}", response.getStatusCode(), event.getDialog(), event.getClientTransaction());
        }
        String callId = ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId();
        Call call = index.bySipCallId.get(callId);
        if (call != null) {
            call.executor.execute(() -> routing.onResponse(call, event));
        } else if (((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod().equals(Request.REGISTER)) {
            workers.execute(() -> carriers.onResponse(event));
        } else if (SipMessages.isInviteSuccess(response) && event.getDialog() != null) {
            // A 2xx for a call we already cleared (it crossed our CANCEL or BYE): ACK and hang it up.
            // Second forks' answers never get here: sip.ForkedAnswers clears them in front of the stack.
            Dialog dialog = event.getDialog();
            workers.execute(() -> messages.ackAndBye(dialog, response));
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction() || event.getClientTransaction() == null) {
            return;
        }
        Request request = event.getClientTransaction().getRequest();
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        Call call = index.bySipCallId.get(callId);
        if (call != null && request.getMethod().equals(Request.UPDATE)) {
            call.executor.execute(() -> sessions.sessionLost(call, "session-refresh-timeout"));
        } else if (call != null && request.getMethod().equals(Request.INVITE)) {
            call.executor.execute(() -> {
                Leg leg = call.bySipCallId(callId);
                if (leg != null && !leg.isAnswered() && !leg.isEnded()) {
                    leg.state = Leg.State.ENDED;
                    leg.endedAt = clock.instant();
                    if (leg.joinAs != null) {
                        // A supervisor or conference guest who never answered: the call itself goes on.
                        ending.releaseBusy(leg);
                        return;
                    }
                    ending.fail(call, Response.TEMPORARILY_UNAVAILABLE, Disposition.FAILED, "timeout");
                }
            });
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        log.debug("I/O error towards {}:{}", event.getHost(), event.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }

    // ---------------------------------------------------------------- call executor

    private void onInvite(Call call, Request request, ServerTransaction tx, String sourceHost, int sourcePort) {
        String sipCallId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        String caller = SipMessages.userOf(((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI());
        String target = SipMessages.userOf(request.getRequestURI());
        Leg a = index.addLeg(call, sipCallId, true, caller);
        a.inviteServer = tx;
        a.invite = request;
        call.caller = caller;
        call.callee = target;
        try {
            tx.sendResponse(sip.messages().createResponse(Response.TRYING, request));
        } catch (Exception e) {
            log.debug("cannot send 100", e);
        }
        try {
            a.session = SessionTimer.negotiate(request, settings.sessionExpires(), settings.minSessionExpires()).orElse(null);
        } catch (SessionTimer.TooSmall e) {
            a.state = Leg.State.ENDED;
            sessions.respondIntervalTooBrief(tx, request);
            index.forget(call);
            return;
        }
        Trunk carrier = trunks.stream().filter(t -> t.isSource(sourceHost, sourcePort)).findFirst().orElse(null);
        if (carrier != null) {
            // From a carrier: only its DIDs are reachable, each mapped to an extension.
            String extension = carrier.dids().get(target);
            call.direction = CallDetailRecord.Direction.INBOUND;
            events.emit(new CallEvent.Created(call.id, clock.instant(), a.id, caller, target));
            if (extension != null && applicationNumbers.contains(extension)) {
                call.callee = extension;
                routing.ringAtApplication(call, a);
            } else if (extension == null) {
                a.state = Leg.State.ENDED;
                messages.respondInvite(a, Response.NOT_FOUND);
                ending.end(call, Disposition.FAILED, "unknown-did");
            } else {
                call.callee = extension;
                routing.route(call, extension, a, 0);
            }
            return;
        }
        boolean application = applicationNumbers.contains(target);
        boolean service = target.equals(settings.echoNumber()) || target.equals(settings.playbackNumber());
        if (!((service || application) && settings.trustedServiceSources().contains(sourceHost))) {
            String extension = auth.authenticate(request, tx, sourceHost, true);
            if (extension == null) {
                index.forget(call);
                return;
            }
            call.caller = extension;
        }
        events.emit(new CallEvent.Created(call.id, clock.instant(), a.id, call.caller, target));
        if (target.startsWith("**") && target.length() > 2) {
            pickups.pickup(call, a, ringingByExtension.get(target.substring(2)));
            return;
        }
        if (target.equals("*8")) {
            pickups.pickup(call, a, pickups.ringingInGroup(call.caller));
            return;
        }
        if (parked.containsKey(target)) {
            pickups.retrieve(call, a, target);
            return;
        }
        if (application) {
            routing.ringAtApplication(call, a);
        } else if (service) {
            call.direction = CallDetailRecord.Direction.SERVICE;
            connections.answerWithService(call, a, target.equals(settings.echoNumber()));
        } else if (registrations.isRegistered(target) || features.forward(target, ExtensionFeatures.Forward.ALWAYS).isPresent()) {
            routing.route(call, target, a, 0);
        } else if (routing.outboundTrunk(target) != null) {
            Trunk trunk = routing.outboundTrunk(target);
            call.direction = CallDetailRecord.Direction.OUTBOUND;
            routing.dialTrunk(call, trunk, trunk.outboundNumber(target), a);
        } else {
            a.state = Leg.State.ENDED;
            a.endedAt = clock.instant();
            messages.respondInvite(a, Response.NOT_FOUND);
            ending.end(call, Disposition.FAILED, "not-found");
        }
    }

    private void onAck(Call call, Request ack, Dialog dialog) {
        if (dialog != null) {
            // Runs after the task that sent our 2xx: stops its retransmission if the ACK overtook the send.
            SipTransport.confirmAck(dialog, ((CSeqHeader) ack.getHeader(CSeqHeader.NAME)).getSeqNumber());
        }
        Leg leg = call.bySipCallId(((CallIdHeader) ack.getHeader(CallIdHeader.NAME)).getCallId());
        if (leg == null || leg.media == null) {
            return;
        }
        String body = SipMessages.bodyOf(ack);
        if (!body.isEmpty() && SipMessages.bodyOf(leg.invite).isEmpty()) {
            // Offer was in our 200 OK (INVITE without SDP): the ACK carries the answer.
            try {
                leg.media.accept(body);
            } catch (IllegalArgumentException e) {
                commands.hangup(call.id);
            }
        }
    }

    private void onInDialog(Call call, Request request, ServerTransaction tx) {
        String sipCallId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        Leg leg = call.bySipCallId(sipCallId);
        switch (request.getMethod()) {
            case Request.BYE -> {
                messages.respond(tx, request, Response.OK);
                if (leg != null && leg.joinAs != null && !leg.isEnded()) {
                    // A supervisor or conference guest leaves; the call goes on.
                    leg.state = Leg.State.ENDED;
                    leg.endedAt = clock.instant();
                    ending.releaseBusy(leg);
                    if (leg.media != null) {
                        leg.media.close();
                    }
                } else if (leg != null && !leg.isEnded()) {
                    leg.state = Leg.State.ENDED;
                    leg.endedAt = clock.instant();
                    ending.hangupLegs(call);
                    ending.end(call, call.answeredAt == null ? Disposition.CANCELLED : Disposition.ANSWERED,
                            leg.inbound ? "caller-hangup" : "callee-hangup");
                }
            }
            case Request.CANCEL -> {
                messages.respond(tx, request, Response.OK);
                if (leg != null && leg.inbound && !leg.isAnswered() && !leg.isEnded()) {
                    messages.respondInvite(leg, Response.REQUEST_TERMINATED);
                    leg.state = Leg.State.ENDED;
                    leg.endedAt = clock.instant();
                    ending.hangupLegs(call);
                    ending.end(call, Disposition.CANCELLED, "caller-cancel");
                }
            }
            case Request.REFER -> transfers.onRefer(call, leg, request, tx);
            case Request.UPDATE -> sessions.onUpdate(call, leg, request, tx);
            case Request.INFO -> {
                messages.respond(tx, request, Response.OK);
                if (leg != null && leg.media != null && leg.isAnswered()) {
                    InfoDigits.of(request).ifPresent(leg.media::receiveDigit);
                }
            }
            default -> messages.respond(tx, request, Response.OK);
        }
    }

    /** The call-control API for applications (commands validated on each call's executor). */
    public CallControl control() {
        return commands;
    }
}
