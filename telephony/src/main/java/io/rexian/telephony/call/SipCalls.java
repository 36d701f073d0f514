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
import io.rexian.telephony.call.Destinations.Destination;
import io.rexian.telephony.trunk.CarrierRegistrations;
import io.rexian.telephony.trunk.DigestClient;
import io.rexian.telephony.registrar.Binding;
import io.rexian.telephony.registrar.Registrar;
import io.rexian.telephony.registrar.Registrations;
import io.rexian.telephony.registrar.SipAuthentication;
import io.rexian.telephony.sip.SipTransport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
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
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ReferToHeader;
import javax.sip.header.RequireHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
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
 * commands from {@link CallControl} are queued there too. REGISTER and OPTIONS run on plain
 * virtual threads.
 */
public final class SipCalls implements SipListener, CallControl {

    private static final Logger log = LoggerFactory.getLogger(SipCalls.class);
    private static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, REFER, NOTIFY, REGISTER, UPDATE, INFO";
    private static final java.util.Set<String> KNOWN_UNSUPPORTED =
            java.util.Set.of("SUBSCRIBE", "MESSAGE", "PRACK", "PUBLISH");
    private static final java.util.Set<String> SUPPORTED_EXTENSIONS = java.util.Set.of("timer");

    private final EngineSettings settings;
    private final Registrations registrations;
    private final ExtensionFeatures features;
    /** Calls in progress per extension, for busy detection. */
    private final Map<String, Integer> busy = new ConcurrentHashMap<>();
    private final CallMedia media;
    private final CallRecords records;
    private final Clock clock;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final Map<String, Call> bySipCallId = new ConcurrentHashMap<>();
    private final Map<String, Call> byId = new ConcurrentHashMap<>();
    private final Map<String, Call> byLegId = new ConcurrentHashMap<>();
    private final List<CallEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Trunk> trunks = new CopyOnWriteArrayList<>();
    /** Calls ringing an extension right now, for call pickup. */
    private final Map<String, Call> ringingByExtension = new ConcurrentHashMap<>();
    /** Parked calls by slot number (701..720). */
    private final Map<String, Call> parked = new ConcurrentHashMap<>();
    /** Numbers whose calls ring at the application (IVR) until it answers or rejects them. */
    private final java.util.Set<String> applicationNumbers = ConcurrentHashMap.newKeySet();
    private volatile CarrierRegistrations carriers;
    private final AtomicLong ids = new AtomicLong();
    private final String idPrefix = Long.toString(System.currentTimeMillis(), 36);
    private volatile SipTransport sip;
    private volatile Registrar registrar;
    private volatile SipAuthentication auth;
    private final Destinations destinations;

    public SipCalls(EngineSettings settings, Registrations registrations, ExtensionFeatures features,
                    ExtensionCredentials credentials, CallMedia media, CallRecords records, Clock clock,
                    ExecutorService workers, ScheduledExecutorService timers) {
        this.settings = settings;
        this.features = features;
        this.registrations = registrations;
        this.destinations = new Destinations(settings, registrations, features, credentials, applicationNumbers, trunks);
        this.media = media;
        this.records = records;
        this.clock = clock;
        this.workers = workers;
        this.timers = timers;
    }

    /** Completes construction once the stack runs (the stack needs the listener first). */
    public void attach(SipTransport transport, Registrar reg, SipAuthentication authentication) {
        this.sip = transport;
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
        return byId.size();
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
            Call call = bySipCallId.get(callId);
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
        String unsupported = unsupportedExtensions(request);
        if (unsupported != null && !method.equals(Request.CANCEL)) {
            workers.execute(() -> {
                try {
                    Response r = sip.messages().createResponse(Response.BAD_EXTENSION, request);
                    tag(r);
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
            case Request.OPTIONS -> workers.execute(() -> answerOptions(request, st));
            case Request.INVITE -> {
                Call existing = bySipCallId.get(callId);
                if (inDialog) {
                    if (existing == null) {
                        workers.execute(() -> respond(st, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
                    } else {
                        existing.executor.execute(() -> onReInvite(existing, request, st));
                    }
                } else if (existing != null && cseqOf(request) <= existing.inviteCseq) {
                    // Same Call-ID and CSeq on a new transaction: a loop or a merged request (RFC 3261 8.2.2.2).
                    workers.execute(() -> respond(st, request, Response.LOOP_DETECTED));
                } else {
                    // New call, or the same caller retrying with credentials after our challenge (higher CSeq).
                    Call call = newCall();
                    call.inviteCseq = cseqOf(request);
                    bySipCallId.put(callId, call);
                    call.executor.execute(() -> onInvite(call, request, st, sourceHost, sourcePort));
                }
            }
            case Request.BYE, Request.CANCEL, Request.REFER, Request.INFO, Request.UPDATE, Request.NOTIFY -> {
                Call call = bySipCallId.get(callId);
                if (call == null) {
                    workers.execute(() -> respond(st, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
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
                    tag(r);
                    addAllow(r);
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
        Call call = bySipCallId.get(callId);
        if (call != null) {
            call.executor.execute(() -> onResponse(call, event));
        } else if (((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod().equals(Request.REGISTER)) {
            workers.execute(() -> carriers.onResponse(event));
        } else if (isInviteSuccess(response) && event.getDialog() != null) {
            // A 2xx for a call we already cleared (it crossed our CANCEL or BYE): ACK and hang it up.
            // Second forks' answers never get here: sip.ForkedAnswers clears them in front of the stack.
            Dialog dialog = event.getDialog();
            workers.execute(() -> ackAndBye(dialog, response));
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction() || event.getClientTransaction() == null) {
            return;
        }
        Request request = event.getClientTransaction().getRequest();
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        Call call = bySipCallId.get(callId);
        if (call != null && request.getMethod().equals(Request.UPDATE)) {
            call.executor.execute(() -> sessionLost(call, "session-refresh-timeout"));
        } else if (call != null && request.getMethod().equals(Request.INVITE)) {
            call.executor.execute(() -> {
                Leg leg = call.bySipCallId(callId);
                if (leg != null && !leg.isAnswered()) {
                    leg.state = Leg.State.ENDED;
                    leg.endedAt = clock.instant();
                    fail(call, Response.TEMPORARILY_UNAVAILABLE, Disposition.FAILED, "timeout");
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

    private Call newCall() {
        String id = idPrefix + "-" + ids.incrementAndGet();
        Call call = new Call(id, new SerialExecutor(workers), clock.instant());
        byId.put(id, call);
        return call;
    }

    private Leg addLeg(Call call, String sipCallId, boolean inbound, String party) {
        Leg leg = new Leg(call.id + "." + (call.legs.size() + 1), sipCallId, inbound, party, clock.instant());
        call.legs.add(leg);
        byLegId.put(leg.id, call);
        return leg;
    }

    private void onInvite(Call call, Request request, ServerTransaction tx, String sourceHost, int sourcePort) {
        String sipCallId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        String caller = userOf(((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI());
        String target = userOf(request.getRequestURI());
        Leg a = addLeg(call, sipCallId, true, caller);
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
            respondIntervalTooBrief(tx, request);
            forget(call);
            return;
        }
        Trunk carrier = trunks.stream().filter(t -> t.isSource(sourceHost, sourcePort)).findFirst().orElse(null);
        if (carrier != null) {
            // From a carrier: only its DIDs are reachable, each mapped to an extension.
            String extension = carrier.dids().get(target);
            call.direction = CallDetailRecord.Direction.INBOUND;
            emit(new CallEvent.Created(call.id, clock.instant(), a.id, caller, target));
            if (extension != null && applicationNumbers.contains(extension)) {
                call.callee = extension;
                ringAtApplication(call, a);
            } else if (extension == null) {
                a.state = Leg.State.ENDED;
                respondInvite(a, Response.NOT_FOUND);
                end(call, Disposition.FAILED, "unknown-did");
            } else {
                call.callee = extension;
                route(call, extension, a, 0);
            }
            return;
        }
        boolean application = applicationNumbers.contains(target);
        boolean service = target.equals(settings.echoNumber()) || target.equals(settings.playbackNumber());
        if (!((service || application) && settings.trustedServiceSources().contains(sourceHost))) {
            String extension = auth.authenticate(request, tx, sourceHost, true);
            if (extension == null) {
                forget(call);
                return;
            }
            call.caller = extension;
        }
        emit(new CallEvent.Created(call.id, clock.instant(), a.id, call.caller, target));
        if (target.startsWith("**") && target.length() > 2) {
            pickup(call, a, ringingByExtension.get(target.substring(2)));
            return;
        }
        if (target.equals("*8")) {
            pickup(call, a, ringingInGroup(call.caller));
            return;
        }
        if (parked.containsKey(target)) {
            retrieve(call, a, target);
            return;
        }
        if (application) {
            ringAtApplication(call, a);
        } else if (service) {
            call.direction = CallDetailRecord.Direction.SERVICE;
            answerWithService(call, a, target.equals(settings.echoNumber()));
        } else if (registrations.isRegistered(target) || features.forward(target, ExtensionFeatures.Forward.ALWAYS).isPresent()) {
            route(call, target, a, 0);
        } else if (outboundTrunk(target) != null) {
            Trunk trunk = outboundTrunk(target);
            call.direction = CallDetailRecord.Direction.OUTBOUND;
            dialTrunk(call, trunk, trunk.outboundNumber(target), a);
        } else {
            a.state = Leg.State.ENDED;
            a.endedAt = clock.instant();
            respondInvite(a, Response.NOT_FOUND);
            end(call, Disposition.FAILED, "not-found");
        }
    }

    private Trunk outboundTrunk(String dialled) {
        return trunks.stream().filter(t -> t.outboundNumber(dialled) != null).findFirst().orElse(null);
    }

    /**
     * Calls {@code number} at the carrier for {@code from} (null: for the application). Only reached by
     * authenticated extensions and the call-control API, never by an unauthenticated SIP source.
     */
    private void dialTrunk(Call call, Trunk trunk, String number, Leg from) {
        String sipCallId = UUID.randomUUID() + "@" + sip.host();
        Leg b = addLeg(call, sipCallId, false, number);
        b.trunk = trunk;
        bySipCallId.put(sipCallId, call);
        try {
            b.media = openMedia(call, b);
            Request invite = newRequest(Request.INVITE,
                    sip.addresses().createURI("sip:" + number + "@" + trunk.host() + ":" + trunk.portOrDefault()),
                    sipCallId, trunk.username() != null ? trunk.username() : callerName(call, from), number);
            invite.setContent(b.media.offer(), sdpType());
            b.invite = invite;
            b.inviteClient = sip.provider().getNewClientTransaction(invite);
            b.dialog = b.inviteClient.getDialog();
            b.inviteClient.sendRequest();
            emit(new CallEvent.Created(call.id, clock.instant(), b.id, callerName(call, from), number));
            call.noAnswer = timers.schedule(() -> call.executor.execute(() -> noAnswer(call, b)),
                    settings.noAnswerTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.info("cannot call {} via {}", number, trunk.name(), e);
            b.state = Leg.State.ENDED;
            fail(call, Response.SERVICE_UNAVAILABLE, Disposition.FAILED, "trunk-failed");
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
            retry.removeHeader(ViaHeader.NAME);
            retry.addHeader(sip.headers().createViaHeader(sip.host(), sip.port(), "udp",
                    "z9hG4bK" + UUID.randomUUID().toString().replace("-", "")));
            retry.addHeader(sip.headers().createHeader(proxy ? "Proxy-Authorization" : "Authorization",
                    DigestClient.answer(value, Request.INVITE, b.invite.getRequestURI().toString(),
                            b.trunk.username(), b.trunk.password())));
            b.invite = retry;
            b.inviteClient = sip.provider().getNewClientTransaction(retry);
            b.dialog = b.inviteClient.getDialog();
            b.inviteClient.sendRequest();
            return true;
        } catch (Exception e) {
            log.info("cannot answer {}'s challenge", b.trunk.name(), e);
            return false;
        }
    }

    private void answerWithService(Call call, Leg a, boolean echo) {
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
    private boolean answerWithMedia(Call call, Leg a) {
        a.media = openMedia(call, a);
        String body = bodyOf(a.invite);
        String sdp;
        try {
            sdp = body.isEmpty() ? a.media.offer() : a.media.answer(body);
        } catch (IllegalArgumentException e) {
            a.state = Leg.State.ENDED;
            a.endedAt = clock.instant();
            respondInvite(a, Response.NOT_ACCEPTABLE_HERE);
            end(call, Disposition.FAILED, "no-common-codec");
            return false;
        }
        if (!answerInbound(call, a, sdp)) {
            return false;
        }
        listenForDigits(call, a);
        return true;
    }

    /**
     * The caller hears ringing while the application decides: {@link #answer}, {@link #bridge} or
     * {@link #reject}. A new call gets 180; a leg transferred here (answered already) hears ringback.
     * Unanswered after the no-answer timeout, the caller gets 480 (or BYE).
     */
    private void ringAtApplication(Call call, Leg a) {
        if (a.isAnswered()) {
            a.media.play("ringback", true);
        } else {
            respondInvite(a, Response.RINGING);
            a.state = Leg.State.RINGING;
        }
        a.ringingAtApplication = true;
        emit(new CallEvent.Ringing(call.id, clock.instant(), a.id));
        call.noAnswer = timers.schedule(() -> call.executor.execute(() -> {
            if (!call.ended && a.ringingAtApplication) {
                fail(call, Response.TEMPORARILY_UNAVAILABLE, Disposition.NO_ANSWER, "no-answer");
            }
        }), settings.noAnswerTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean answerInbound(Call call, Leg a, String sdp) {
        try {
            Response ok = sip.messages().createResponse(Response.OK, a.invite);
            tag(ok, a.localTag);
            ok.addHeader(contact());
            ok.setContent(sdp, sdpType());
            addSessionTimer(ok, a.session);
            a.inviteServer.sendResponse(ok);
            a.dialog = a.inviteServer.getDialog();
            a.state = Leg.State.ANSWERED;
            armSession(call, a);
            a.answeredAt = clock.instant();
            if (call.answeredAt == null) {
                call.answeredAt = a.answeredAt;
            }
            emit(new CallEvent.Answered(call.id, clock.instant(), a.id));
            return true;
        } catch (Exception e) {
            log.debug("cannot answer {}", call.id, e);
            a.state = Leg.State.ENDED;
            end(call, Disposition.FAILED, "answer-failed");
            return false;
        }
    }

    private void listenForDigits(Call call, Leg leg) {
        leg.media.onDigit(digit -> call.executor.execute(
                () -> emit(new CallEvent.Dtmf(call.id, clock.instant(), leg.id, digit))));
    }

    /**
     * Applies the callee's features, then rings: DND and busy-without-call-waiting give busy
     * (or the busy forward), an unconditional forward redirects; at most 5 forwards deep.
     */
    private void route(Call call, String extension, Leg from, int hops) {
        if (hops > 5) {
            fail(call, Response.LOOP_DETECTED, Disposition.FAILED, "forward-loop");
            return;
        }
        Optional<String> always = features.forward(extension, ExtensionFeatures.Forward.ALWAYS);
        if (always.isPresent()) {
            emit(new CallEvent.Transferred(call.id, clock.instant(), from == null ? null : from.id, always.get()));
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
            fail(call, Response.BUSY_HERE, Disposition.BUSY, features.doNotDisturb(extension) ? "do-not-disturb" : "busy");
            return;
        }
        call.forwardHops = hops;
        ringExtension(call, extension, from);
    }

    /** Rings the extension's most recent contact with an offer from a fresh media channel. */
    private void ringExtension(Call call, String extension, Leg from) {
        List<Binding> contacts = registrations.contacts(extension);
        if (contacts.isEmpty()) {
            fail(call, Response.TEMPORARILY_UNAVAILABLE, Disposition.FAILED, "not-registered");
            return;
        }
        Binding target = contacts.get(0);
        String sipCallId = UUID.randomUUID() + "@" + sip.host();
        Leg b = addLeg(call, sipCallId, false, extension);
        b.joinAs = call.joining;
        call.joining = null;
        bySipCallId.put(sipCallId, call);
        busy.merge(extension, 1, Integer::sum);
        b.countsAsBusy = true;
        ringingByExtension.put(extension, call);
        try {
            b.media = openMedia(call, b);
            String callerName = callerName(call, from);
            Request invite = newRequest(Request.INVITE, sip.addresses().createURI(target.contact()), sipCallId,
                    callerName, extension);
            invite.setContent(b.media.offer(), sdpType());
            b.invite = invite;
            b.inviteClient = sip.provider().getNewClientTransaction(invite);
            b.dialog = b.inviteClient.getDialog();
            b.inviteClient.sendRequest();
            emit(new CallEvent.Created(call.id, clock.instant(), b.id, callerName, extension));
            call.noAnswer = timers.schedule(() -> call.executor.execute(() -> noAnswer(call, b)),
                    settings.noAnswerTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.info("cannot call {}", extension, e);
            b.state = Leg.State.ENDED;
            fail(call, Response.TEMPORARILY_UNAVAILABLE, Disposition.FAILED, "dial-failed");
        }
    }

    private void noAnswer(Call call, Leg b) {
        if (call.ended || b.isAnswered() || b.isEnded()) {
            return;
        }
        cancel(b);
        releaseBusy(b);
        if (b.joinAs != null) {
            return;
        }
        Optional<String> onNoAnswer = features.forward(b.party, ExtensionFeatures.Forward.NO_ANSWER);
        Leg a = call.first();
        if (onNoAnswer.isPresent() && a != b) {
            emit(new CallEvent.Transferred(call.id, clock.instant(), a.id, onNoAnswer.get()));
            route(call, onNoAnswer.get(), a, call.forwardHops + 1);
            return;
        }
        fail(call, Response.TEMPORARILY_UNAVAILABLE, Disposition.NO_ANSWER, "no-answer");
    }

    private void onResponse(Call call, ResponseEvent event) {
        Response response = event.getResponse();
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (cseq.getMethod().equals(Request.UPDATE)) {
            onRefreshAnswered(call, response);
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
                emit(new CallEvent.Ringing(call.id, clock.instant(), b.id));
                Leg a = call.first();
                if (a != null && a.inbound && a.state == Leg.State.NEW) {
                    respondInvite(a, Response.RINGING);
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
        releaseBusy(b);
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
        fail(call, relay, disposition, "remote-" + status);
    }

    private void onAnswered(Call call, Leg b, ResponseEvent event) {
        Response response = event.getResponse();
        Dialog dialog = event.getDialog();
        long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
        if (b.isAnswered() && dialog != null && dialog == b.dialog) {
            resendAck(b);
            return;
        }
        if (b.isAnswered() || b.isEnded() || call.ended) {
            // An answer after we gave up (it crossed our CANCEL): ACK, then BYE. Second forks' answers
            // are cleared before they reach us (sip.ForkedAnswers).
            if (dialog != null) {
                ackAndBye(dialog, response);
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
        stopRinging(b);
        b.state = Leg.State.ANSWERED;
        b.answeredAt = clock.instant();
        if (call.answeredAt == null) {
            call.answeredAt = b.answeredAt;
        }
        try {
            b.media.accept(bodyOf(response));
        } catch (IllegalArgumentException e) {
            hangupLegs(call);
            end(call, Disposition.FAILED, "no-common-codec");
            return;
        }
        emit(new CallEvent.Answered(call.id, clock.instant(), b.id));
        listenForDigits(call, b);
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
            a.media = openMedia(call, a);
            String sdp;
            try {
                sdp = a.media.answer(bodyOf(a.invite));
            } catch (IllegalArgumentException e) {
                respondInvite(a, Response.NOT_ACCEPTABLE_HERE);
                a.state = Leg.State.ENDED;
                hangupLegs(call);
                end(call, Disposition.FAILED, "no-common-codec");
                return;
            }
            if (!answerInbound(call, a, sdp)) {
                hangupLegs(call);
                return;
            }
            listenForDigits(call, a);
        }
        connect(call, a, b);
    }

    /** Connects two answered legs of {@code call} so they talk; whatever either heard stops. */
    private void connect(Call call, Leg a, Leg b) {
        a.media.stopPlaying();
        b.media.stopPlaying();
        a.media.bridge(b.media);
        a.bridgedWith = b;
        b.bridgedWith = a;
        for (Leg leg : List.of(a, b)) {
            leg.onHold = false;
            leg.ringingAtApplication = false;
        }
        emit(new CallEvent.Bridged(call.id, clock.instant(), a.id, b.id));
    }

    /**
     * Calls {@code target} for {@code from} (hearing ringback meanwhile; null: the application's own
     * call) and bridges the two once it answers; a test service is played to {@code from} at once.
     */
    private void ringFor(Call call, Destination target, Leg from) {
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

    private void onAck(Call call, Request ack, Dialog dialog) {
        if (dialog != null) {
            // Runs after the task that sent our 2xx: stops its retransmission if the ACK overtook the send.
            SipTransport.confirmAck(dialog, ((CSeqHeader) ack.getHeader(CSeqHeader.NAME)).getSeqNumber());
        }
        Leg leg = call.bySipCallId(((CallIdHeader) ack.getHeader(CallIdHeader.NAME)).getCallId());
        if (leg == null || leg.media == null) {
            return;
        }
        String body = bodyOf(ack);
        if (!body.isEmpty() && bodyOf(leg.invite).isEmpty()) {
            // Offer was in our 200 OK (INVITE without SDP): the ACK carries the answer.
            try {
                leg.media.accept(body);
            } catch (IllegalArgumentException e) {
                hangup(call.id);
            }
        }
    }

    private void onReInvite(Call call, Request request, ServerTransaction tx) {
        String sipCallId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        Leg leg = call.bySipCallId(sipCallId);
        if (leg == null || leg.media == null || call.ended) {
            respond(tx, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        String offer = bodyOf(request);
        if (!renegotiateSession(call, leg, request, tx)) {
            return;
        }
        try {
            String sdp = offer.isEmpty() ? leg.media.offer() : leg.media.answer(offer);
            Response ok = sip.messages().createResponse(Response.OK, request);
            ok.addHeader(contact());
            ok.setContent(sdp, sdpType());
            addSessionTimer(ok, leg.session);
            tx.sendResponse(ok);
            armSession(call, leg);
        } catch (IllegalArgumentException e) {
            respond(tx, request, Response.NOT_ACCEPTABLE_HERE);
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
            emit(new CallEvent.Held(call.id, clock.instant(), leg.id, held));
        }
    }

    /** sendonly/inactive or a null connection address: the phone puts us on hold (RFC 3264 section 8.4). */
    static boolean isHoldOffer(String sdp) {
        return sdp.contains("a=sendonly") || sdp.contains("a=inactive") || sdp.contains("c=IN IP4 0.0.0.0");
    }

    private void onInDialog(Call call, Request request, ServerTransaction tx) {
        String sipCallId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        Leg leg = call.bySipCallId(sipCallId);
        switch (request.getMethod()) {
            case Request.BYE -> {
                respond(tx, request, Response.OK);
                if (leg != null && leg.joinAs != null && !leg.isEnded()) {
                    // A supervisor or conference guest leaves; the call goes on.
                    leg.state = Leg.State.ENDED;
                    leg.endedAt = clock.instant();
                    releaseBusy(leg);
                    if (leg.media != null) {
                        leg.media.close();
                    }
                } else if (leg != null && !leg.isEnded()) {
                    leg.state = Leg.State.ENDED;
                    leg.endedAt = clock.instant();
                    hangupLegs(call);
                    end(call, call.answeredAt == null ? Disposition.CANCELLED : Disposition.ANSWERED,
                            leg.inbound ? "caller-hangup" : "callee-hangup");
                }
            }
            case Request.CANCEL -> {
                respond(tx, request, Response.OK);
                if (leg != null && leg.inbound && !leg.isAnswered() && !leg.isEnded()) {
                    respondInvite(leg, Response.REQUEST_TERMINATED);
                    leg.state = Leg.State.ENDED;
                    leg.endedAt = clock.instant();
                    hangupLegs(call);
                    end(call, Disposition.CANCELLED, "caller-cancel");
                }
            }
            case Request.REFER -> onRefer(call, leg, request, tx);
            case Request.UPDATE -> onUpdate(call, leg, request, tx);
            case Request.INFO -> {
                respond(tx, request, Response.OK);
                if (leg != null && leg.media != null && leg.isAnswered()) {
                    InfoDigits.of(request).ifPresent(leg.media::receiveDigit);
                }
            }
            default -> respond(tx, request, Response.OK);
        }
    }

    /** Blind transfer from a phone's transfer key: the referring party leaves, its peer is called to the target. */
    private void onRefer(Call call, Leg leg, Request request, ServerTransaction tx) {
        ReferToHeader referTo = (ReferToHeader) request.getHeader(ReferToHeader.NAME);
        Leg peer = leg == null ? null : call.peerOf(leg);
        if (referTo == null || peer == null || !leg.isAnswered()) {
            respond(tx, request, referTo == null ? Response.BAD_REQUEST : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        String target = userOf(referTo.getAddress().getURI());
        Destination to = destinations.resolve(target);
        // A phone may hand its caller to an extension or the application, never to a trunk: the caller
        // may be an unauthenticated outsider, and the transfer would let it call out at our expense.
        if (to.kind() != Destinations.Kind.EXTENSION && to.kind() != Destinations.Kind.APPLICATION) {
            respond(tx, request, Response.NOT_FOUND);
            return;
        }
        respond(tx, request, Response.ACCEPTED);
        notifyReferDone(leg);
        blindTransfer(call, leg, peer, to, target);
    }

    /** {@code leaving} is released; {@code staying} rings at {@code to} (hearing ringback) and is bridged when answered. */
    private void blindTransfer(Call call, Leg leaving, Leg staying, Destination to, String dialled) {
        release(leaving);
        releaseBusy(leaving);
        staying.media.unbridge();
        staying.bridgedWith = null;
        staying.onHold = false;
        call.legs.remove(staying);
        call.legs.add(0, staying);
        emit(new CallEvent.Transferred(call.id, clock.instant(), staying.id, dialled));
        if (to.kind() == Destinations.Kind.APPLICATION) {
            // As for a new call to the application: it learns which number (queue) the caller waits at.
            call.callee = to.number();
            emit(new CallEvent.Created(call.id, clock.instant(), staying.id, staying.party, to.number()));
        }
        ringFor(call, to, staying);
    }

    private void notifyReferDone(Leg leg) {
        try {
            Request notify = leg.dialog.createRequest(Request.NOTIFY);
            notify.addHeader(sip.headers().createEventHeader("refer"));
            notify.addHeader(sip.headers().createSubscriptionStateHeader("terminated;reason=noresource"));
            notify.setContent("SIP/2.0 200 OK\r\n", sip.headers().createContentTypeHeader("message", "sipfrag"));
            leg.dialog.sendRequest(sip.provider().getNewClientTransaction(notify));
        } catch (Exception e) {
            log.debug("cannot NOTIFY refer result", e);
        }
    }

    // ---------------------------------------------------------------- call control (application threads)

    /** How long a command waits for its call's executor before answering busy-engine. */
    private static final Duration COMMAND_WAIT = Duration.ofSeconds(2);
    /** Taking a leg out of another call waits less, so a command answers within about twice COMMAND_WAIT. */
    private static final Duration TAKE_WAIT = Duration.ofMillis(1500);
    private static final CallResult BUSY_ENGINE = CallResult.failure("busy-engine");
    private static final CallResult WRONG_STATE = CallResult.failure("wrong-state");

    @Override
    public void addListener(CallEventListener listener) {
        listeners.add(listener);
    }

    /**
     * Runs {@code command} on the call's executor, which owns the call's state, and returns its
     * outcome (validation included); an ended call counts as gone.
     */
    private CallResult onCall(String callId, java.util.function.Function<Call, CallResult> command) {
        Call call = byId.get(callId);
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
            Call call = byLegId.get(legId);
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
            fail(call, Response.TEMPORARILY_UNAVAILABLE,
                    call.answeredAt == null ? Disposition.CANCELLED : Disposition.ANSWERED, "hangup");
            return CallResult.success(callId);
        });
    }

    @Override
    public CallResult hangupLeg(String legId) {
        return onLeg(legId, (call, leg) -> {
            Leg peer = leg.peer();
            drop(leg);
            if (peer != null) {
                separate(call, leg, peer);
            }
            if (call.legs.stream().allMatch(Leg::isEnded)) {
                end(call, call.answeredAt == null ? Disposition.CANCELLED : Disposition.ANSWERED, "hangup");
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
            emit(new CallEvent.Held(call.id, clock.instant(), peer.id, held));
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
                emit(new CallEvent.RecordingChanged(call.id, clock.instant(), legId, leg.recording.toString(), false));
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
            emit(new CallEvent.RecordingChanged(call.id, clock.instant(), legId, file.toString(), true));
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
            blindTransfer(call, peer, leg, to, target);
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
        call.executor.execute(() -> ringExtension(call, extension, null));
        return CallResult.success(call.id);
    }

    @Override
    public CallResult dial(String number, String callerId) {
        Destination to = destinations.resolve(number);
        if (!to.reachable() || (to.kind() != Destinations.Kind.EXTENSION && to.kind() != Destinations.Kind.TRUNK)) {
            return CallResult.failure(to.reachable() ? "unknown-target" : to.reason());
        }
        Call call = newOutboundCall(callerId == null ? "application" : callerId, number);
        call.executor.execute(() -> ringFor(call, to, null));
        return CallResult.success(call.id);
    }

    private Call newOutboundCall(String caller, String callee) {
        Call call = newCall();
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
        Call callB = byLegId.get(legB);
        if (callB != null && callB.executor.isCurrent() && byLegId.get(legA) != callB) {
            // From a listener of legB's call (say, on the agent's Answered): that call cannot wait for
            // legA's call, which would wait for it in turn, so it hands its legs over from here.
            return handOver(callB, legB, legA);
        }
        return onLeg(legA, (call, a) -> {
            Call other = byLegId.get(legB);
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
                moved.forEach(leg -> watch(call, leg));
                b = call.leg(legB);
            }
            if (b == null || !isFree(b)) {
                return WRONG_STATE;
            }
            connect(call, a, b);
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
            legs.forEach(l -> repoint(l, into));
            endMerged(other);
            return legs;
        }, TAKE_WAIT, null);
    }

    /** {@link #merge} the other way round, run on {@code other}'s executor: legA's call takes the legs while other waits. */
    private CallResult handOver(Call other, String legB, String legA) {
        Leg b = other.leg(legB);
        Call into = byLegId.get(legA);
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
                repoint(leg, into);
                watch(into, leg);
            });
            connect(into, a, b);
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
        end(call, Disposition.ANSWERED, "merged");
    }

    /** Sends the leg's SIP messages and commands to {@code call} from now on. */
    private void repoint(Leg leg, Call call) {
        bySipCallId.put(leg.sipCallId, call);
        byLegId.put(leg.id, call);
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
        emit(new CallEvent.Unbridged(call.id, clock.instant(), leaving.id, staying.id));
    }

    // ---------------------------------------------------------------- ending

    /** Opens a leg's media and wires its digits and dead-RTP detection into the call. */
    private MediaChannel openMedia(Call call, Leg leg) {
        MediaChannel channel = media.open(leg.id);
        watchRtp(call, leg, channel);
        return channel;
    }

    /** A leg whose RTP stops clears its call (the phone or network is gone). */
    private void watchRtp(Call call, Leg leg, MediaChannel channel) {
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
    private void fail(Call call, int status, Disposition disposition, String cause) {
        failInbound(call, status);
        hangupLegs(call);
        end(call, disposition, cause);
    }

    /** The name a leg towards {@code from}'s target shows as caller; the call's caller for the application's calls. */
    private static String callerName(Call call, Leg from) {
        return from == null ? call.caller : from.party;
    }

    private void failInbound(Call call, int status) {
        Leg a = call.first();
        if (a != null && a.inbound && !a.isAnswered() && !a.isEnded()) {
            respondInvite(a, status);
            a.state = Leg.State.ENDED;
            a.endedAt = clock.instant();
        }
    }

    /** Ends one leg the way its state needs: BYE when answered, 487 when it rang us, CANCEL when we rang it. */
    private void release(Leg leg) {
        if (leg.isAnswered()) {
            bye(leg);
        } else if (leg.inbound) {
            respondInvite(leg, Response.REQUEST_TERMINATED);
        } else {
            cancel(leg);
        }
        leg.state = Leg.State.ENDED;
        leg.endedAt = clock.instant();
    }

    private void hangupLegs(Call call) {
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
            leg.dialog.sendRequest(sip.provider().getNewClientTransaction(bye));
        } catch (Exception e) {
            log.debug("cannot BYE {}", leg.id, e);
        }
        leg.state = Leg.State.ENDED;
        leg.endedAt = clock.instant();
    }

    private void cancel(Leg leg) {
        try {
            if (leg.inviteClient != null) {
                Request cancel = leg.inviteClient.createCancel();
                sip.provider().getNewClientTransaction(cancel).sendRequest();
            }
        } catch (Exception e) {
            log.debug("cannot CANCEL {}", leg.id, e);
        }
        leg.state = Leg.State.ENDED;
        leg.endedAt = clock.instant();
    }

    private void end(Call call, Disposition disposition, String cause) {
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
        emit(new CallEvent.Ended(call.id, now, cause, total, talk));
        CallDetailRecord cdr = new CallDetailRecord(call.id, call.caller, call.callee, call.direction,
                call.startedAt, call.answeredAt, now, call.answeredAt == null ? disposition : Disposition.ANSWERED,
                cause, call.legs.stream().map(l -> new CallDetailRecord.LegRecord(l.party, l.inbound ? "caller" : "callee",
                        l.startedAt, l.answeredAt, l.endedAt)).toList(), call.recordings);
        if (call.merged) {
            // Its legs and times went into the call it was merged into, which records them.
            timers.schedule(() -> forget(call), 32, TimeUnit.SECONDS);
            byId.remove(call.id);
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
        timers.schedule(() -> forget(call), 32, TimeUnit.SECONDS);
        byId.remove(call.id);
    }

    private void releaseBusy(Leg leg) {
        stopRinging(leg);
        if (leg.countsAsBusy) {
            leg.countsAsBusy = false;
            busy.computeIfPresent(leg.party, (e, n) -> n <= 1 ? null : n - 1);
        }
    }

    private void stopRinging(Leg leg) {
        for (var e : ringingByExtension.entrySet()) {
            if (e.getKey().equals(leg.party)) {
                Call ringingCall = e.getValue();
                if (ringingCall.legs.contains(leg)) {
                    ringingByExtension.remove(e.getKey(), ringingCall);
                }
            }
        }
    }

    private Call ringingInGroup(String extension) {
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

    // ---------------------------------------------------------------- pickup and park

    /**
     * Takes a leg out of another call, on that call's executor, into {@code into}, and ends what
     * remains of the other call. The calling executor blocks (a virtual thread) until the other
     * call answered, at most {@link #TAKE_WAIT}; null when no leg matched or it did not answer.
     */
    private Leg takeLeg(Call other, Call into, java.util.function.Predicate<Leg> which, String cause) {
        return other.executor.runAndWait(() -> {
            Leg leg = other.ended ? null : other.legs.stream().filter(which).findFirst().orElse(null);
            if (leg != null) {
                other.legs.remove(leg);
                repoint(leg, into);
                hangupLegs(other);
                end(other, Disposition.CANCELLED, cause);
            }
            return leg;
        }, TAKE_WAIT, null);
    }

    /** Makes a leg taken from another call the first party of {@code call}. */
    private void adopt(Call call, Leg leg) {
        call.legs.add(0, leg);
        repoint(leg, call);
        watch(call, leg);
    }

    /** Points a moved leg's media events (digits, dead RTP) and session timer at the call that now holds it. */
    private void watch(Call call, Leg leg) {
        if (leg.media != null) {
            watchRtp(call, leg, leg.media);
            listenForDigits(call, leg);
        }
        if (leg.isAnswered()) {
            armSession(call, leg);
        }
    }

    /** Answers the picking phone and connects it to the caller that was ringing another extension. */
    private void pickup(Call call, Leg picker, Call ringing) {
        Leg caller = ringing == null ? null
                : takeLeg(ringing, call, l -> l.inbound && !l.isAnswered() && !l.isEnded(), "picked-up");
        if (caller == null) {
            picker.state = Leg.State.ENDED;
            respondInvite(picker, Response.NOT_FOUND);
            end(call, Disposition.FAILED, "nothing-to-pick-up");
            return;
        }
        adopt(call, caller);
        call.caller = caller.party;
        call.callee = picker.party;
        caller.media = openMedia(call, caller);
        picker.media = openMedia(call, picker);
        listenForDigits(call, caller);
        listenForDigits(call, picker);
        try {
            if (!answerInbound(call, caller, caller.media.answer(bodyOf(caller.invite)))
                    || !answerInbound(call, picker, picker.media.answer(bodyOf(picker.invite)))) {
                hangupLegs(call);
                end(call, Disposition.FAILED, "pickup-failed");
                return;
            }
        } catch (IllegalArgumentException e) {
            hangupLegs(call);
            end(call, Disposition.FAILED, "no-common-codec");
            return;
        }
        emit(new CallEvent.Transferred(call.id, clock.instant(), caller.id, picker.party));
        connect(call, caller, picker);
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
            return byId.containsKey(callId) ? CallResult.failure("not-registered") : CallResult.failure("no-such-call");
        }
        return onCall(callId, call -> {
            if (call.answeredAt == null) {
                return WRONG_STATE;
            }
            call.joining = joinAs;
            ringExtension(call, extension, call.first());
            return CallResult.success(callId);
        });
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
        emit(new CallEvent.Bridged(call.id, clock.instant(), talking.get(0).id, b.id));
    }

    @Override
    public CallResult attendedTransfer(String waitingLegId, String targetLegId) {
        Call from = byLegId.get(waitingLegId);
        if (from == null || byLegId.get(targetLegId) == null) {
            return CallResult.failure("no-such-leg");
        }
        return onLeg(targetLegId, (to, target) -> {
            Call waitingIn = byLegId.get(waitingLegId);
            if (waitingIn == to) {
                return CallResult.failure("same-call");
            }
            if (!target.isControllable() || waitingIn == null) {
                return WRONG_STATE;
            }
            Leg waiting = takeLeg(waitingIn, to, l -> l.id.equals(waitingLegId) && l.isControllable(), "transferred");
            if (waiting == null) {
                return WRONG_STATE;
            }
            for (Leg other : to.legs) {
                if (other != target && !other.isEnded()) {
                    if (other.media != null) {
                        other.media.unbridge();
                    }
                    release(other);
                    releaseBusy(other);
                }
            }
            adopt(to, waiting);
            emit(new CallEvent.Transferred(to.id, clock.instant(), waiting.id, target.party));
            connect(to, waiting, target);
            return CallResult.success(targetLegId);
        });
    }

    @Override
    public CallResult park(String legId) {
        return onLeg(legId, (call, leg) -> {
            if (!leg.isControllable()) {
                return WRONG_STATE;
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
                release(peer);
                releaseBusy(peer);
            }
            leg.media.play("hold", true);
            leg.parkedSlot = slot;
            emit(new CallEvent.Transferred(call.id, clock.instant(), leg.id, "park:" + slot));
            return CallResult.success(slot);
        });
    }

    /** Dialling a park slot connects the phone to the call parked there. */
    private void retrieve(Call call, Leg retriever, String slot) {
        Call parkedCall = parked.remove(slot);
        Leg waiting = parkedCall == null ? null
                : takeLeg(parkedCall, call, l -> slot.equals(l.parkedSlot) && l.isAnswered(), "retrieved");
        if (waiting == null) {
            retriever.state = Leg.State.ENDED;
            respondInvite(retriever, Response.NOT_FOUND);
            end(call, Disposition.FAILED, "nothing-parked");
            return;
        }
        waiting.parkedSlot = null;
        adopt(call, waiting);
        call.callee = retriever.party;
        retriever.media = openMedia(call, retriever);
        listenForDigits(call, retriever);
        try {
            if (!answerInbound(call, retriever, retriever.media.answer(bodyOf(retriever.invite)))) {
                hangupLegs(call);
                end(call, Disposition.FAILED, "retrieve-failed");
                return;
            }
        } catch (IllegalArgumentException e) {
            hangupLegs(call);
            end(call, Disposition.FAILED, "no-common-codec");
            return;
        }
        connect(call, waiting, retriever);
    }

    // ---------------------------------------------------------------- session timers (RFC 4028), call executor

    /** (Re)starts the leg's session timer after a 2xx that carried it: our refresh, or the peer's deadline. */
    private void armSession(Call call, Leg leg) {
        if (leg.sessionTask != null) {
            leg.sessionTask.cancel(false);
            leg.sessionTask = null;
        }
        SessionTimer timer = leg.session;
        if (timer == null || call.ended) {
            return;
        }
        Runnable task = timer.weRefresh() ? () -> refreshSession(call, leg) : () -> sessionLost(call, "session-expired");
        long delay = (timer.weRefresh() ? timer.refreshAfter() : timer.expiresAfter()).toMillis();
        leg.sessionTask = timers.schedule(() -> call.executor.execute(task), delay, TimeUnit.MILLISECONDS);
    }

    /** We are the refresher: an UPDATE without body keeps the session (and the peer's timer) alive. */
    private void refreshSession(Call call, Leg leg) {
        if (call.ended || leg.isEnded() || leg.dialog == null) {
            return;
        }
        try {
            Request update = leg.dialog.createRequest(Request.UPDATE);
            update.addHeader(sip.headers().createHeader("Session-Expires", leg.session.headerValue()));
            update.addHeader(sip.headers().createSupportedHeader("timer"));
            update.addHeader(contact());
            leg.dialog.sendRequest(sip.provider().getNewClientTransaction(update));
        } catch (Exception e) {
            log.info("cannot refresh session of {}", leg.id, e);
            sessionLost(call, "session-refresh-failed");
        }
    }

    private void onRefreshAnswered(Call call, Response response) {
        String sipCallId = ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId();
        Leg leg = call.bySipCallId(sipCallId);
        int status = response.getStatusCode();
        if (leg == null || leg.session == null || status < 200) {
            return;
        }
        if (status < 300) {
            armSession(call, leg);
        } else if (status == Response.REQUEST_TIMEOUT || status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST) {
            // RFC 4028 section 10: the session is gone on the far side.
            sessionLost(call, "session-refresh-failed");
        } else {
            // Any other refusal (e.g. 491, 405) still proves the peer alive: try again at the next half interval.
            armSession(call, leg);
        }
    }

    /** The session expired or could not be refreshed: BYE to everyone, as RFC 4028 section 10 asks. */
    private void sessionLost(Call call, String cause) {
        if (call.ended) {
            return;
        }
        log.info("clearing call {}: {}", call.id, cause);
        hangupLegs(call);
        end(call, Disposition.ANSWERED, cause);
    }

    /** A peer's session refresh by UPDATE: answered with the interval agreed, timer restarted. */
    private void onUpdate(Call call, Leg leg, Request request, ServerTransaction tx) {
        if (leg == null || leg.isEnded()) {
            respond(tx, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        if (!renegotiateSession(call, leg, request, tx)) {
            return;
        }
        try {
            Response ok = sip.messages().createResponse(Response.OK, request);
            ok.addHeader(contact());
            addSessionTimer(ok, leg.session);
            tx.sendResponse(ok);
            armSession(call, leg);
        } catch (Exception e) {
            log.debug("cannot answer UPDATE", e);
        }
    }

    /** Takes a refresh request's Session-Expires; false when it was refused with 422. */
    private boolean renegotiateSession(Call call, Leg leg, Request request, ServerTransaction tx) {
        if (leg.session == null && request.getHeader("Session-Expires") == null) {
            return true;
        }
        try {
            SessionTimer asked = SessionTimer.negotiate(request, settings.sessionExpires(), settings.minSessionExpires())
                    .orElse(null);
            leg.session = asked != null ? asked : leg.session;
            return true;
        } catch (SessionTimer.TooSmall e) {
            respondIntervalTooBrief(tx, request);
            return false;
        }
    }

    private void addSessionTimer(Response response, SessionTimer timer) throws java.text.ParseException {
        if (timer != null) {
            response.addHeader(sip.headers().createHeader("Session-Expires", timer.headerValue()));
            if (!timer.weRefresh()) {
                // The caller refreshes: it must know it has to (RFC 4028 section 9).
                response.addHeader(sip.headers().createRequireHeader("timer"));
            }
        }
    }

    private void respondIntervalTooBrief(ServerTransaction tx, Request request) {
        try {
            Response r = sip.messages().createResponse(422, request);
            tag(r);
            r.addHeader(sip.headers().createHeader("Min-SE", Long.toString(settings.minSessionExpires().toSeconds())));
            tx.sendResponse(r);
        } catch (Exception e) {
            log.debug("cannot send 422", e);
        }
    }

    // ---------------------------------------------------------------- application calls

    @Override
    public void addApplicationNumber(String number) {
        applicationNumbers.add(number);
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
                emit(new CallEvent.Answered(call.id, clock.instant(), a.id));
                return CallResult.success(callId);
            }
            return answerWithMedia(call, a) ? CallResult.success(callId) : CallResult.failure("answer-failed");
        });
    }

    @Override
    public CallResult reject(String callId, String cause) {
        Optional<RejectCause> known = RejectCause.of(cause);
        if (known.isEmpty()) {
            return byId.containsKey(callId) ? CallResult.failure("unknown-cause") : CallResult.failure("no-such-call");
        }
        return onCall(callId, call -> {
            Leg a = call.first();
            boolean unansweredInbound = a != null && a.inbound && !a.isAnswered() && !a.isEnded();
            if (!unansweredInbound && ringingAtApplication(call) == null) {
                return WRONG_STATE;
            }
            fail(call, known.get().status(), known.get().disposition(), known.get().name());
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
                        () -> emit(new CallEvent.DigitsCollected(call.id, clock.instant(), legId, digits, how))));
            } catch (java.io.UncheckedIOException e) {
                return CallResult.failure("no-such-prompt");
            }
            return CallResult.success(legId);
        });
    }

    @Override
    public CallResult conferenceRemove(String legId) {
        return onLeg(legId, (call, leg) -> {
            drop(leg);
            long left = call.legs.stream().filter(Leg::isAnswered).count();
            emit(new CallEvent.Unbridged(call.id, clock.instant(), legId, null));
            if (left < 2) {
                // One party alone is no conference: clear the call as a hangup would.
                hangupLegs(call);
                end(call, Disposition.ANSWERED, "conference-empty");
            }
            return CallResult.success(legId);
        });
    }

    /** Releases one leg (BYE, 487 or CANCEL) and its media; the call goes on. */
    private void drop(Leg leg) {
        release(leg);
        releaseBusy(leg);
        if (leg.media != null) {
            leg.media.close();
        }
    }

    private void forget(Call call) {
        byId.remove(call.id);
        for (Leg leg : call.legs) {
            bySipCallId.remove(leg.sipCallId, call);
            byLegId.remove(leg.id);
        }
    }

    /**
     * Delivers an event to the listeners after the current call task, so they see the call in a
     * consistent state and may command it (their commands then run at once, on this executor).
     */
    private void emit(CallEvent event) {
        if (!SerialExecutor.deferToEndOfTask(() -> deliver(event))) {
            deliver(event);
        }
    }

    private void deliver(CallEvent event) {
        for (CallEventListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("call event listener failed", e);
            }
        }
    }

    // ---------------------------------------------------------------- SIP building blocks

    private void answerOptions(Request request, ServerTransaction tx) {
        try {
            Response ok = sip.messages().createResponse(Response.OK, request);
            tag(ok);
            addAllow(ok);
            ok.addHeader(sip.headers().createHeader("Accept", "application/sdp"));
            tx.sendResponse(ok);
        } catch (Exception e) {
            log.debug("cannot answer OPTIONS", e);
        }
    }

    private void addAllow(Response response) throws java.text.ParseException {
        for (String method : ALLOW.split(", ")) {
            response.addHeader(sip.headers().createAllowHeader(method));
        }
    }

    private void respondInvite(Leg leg, int status) {
        if (leg.inviteServer != null) {
            try {
                Response r = sip.messages().createResponse(status, leg.invite);
                tag(r, leg.localTag);
                if (status == Response.RINGING) {
                    r.addHeader(contact());
                }
                leg.inviteServer.sendResponse(r);
            } catch (Exception e) {
                log.debug("cannot send {} on {}", status, leg.id, e);
            }
        }
    }

    private void respond(ServerTransaction tx, Request request, int status) {
        try {
            Response r = sip.messages().createResponse(status, request);
            tag(r);
            tx.sendResponse(r);
        } catch (Exception e) {
            log.debug("cannot send {}", status, e);
        }
    }

    private void resendAck(Leg b) {
        try {
            if (b.ack != null) {
                b.dialog.sendAck(b.ack);
            }
        } catch (Exception e) {
            log.debug("cannot resend ACK", e);
        }
    }

    private void ackAndBye(Dialog dialog, Response response) {
        try {
            long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
            dialog.sendAck(dialog.createAck(cseq));
            Request bye = dialog.createRequest(Request.BYE);
            dialog.sendRequest(sip.provider().getNewClientTransaction(bye));
        } catch (Exception e) {
            log.debug("cannot clear stray answer", e);
        }
    }

    /** Every response creating or refusing a dialog carries our To tag (RFC 3261 8.2.6.2). */
    private void tag(Response response) throws java.text.ParseException {
        tag(response, Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()));
    }

    private static void tag(Response response, String tag) throws java.text.ParseException {
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (to != null && to.getTag() == null && response.getStatusCode() > 100) {
            to.setTag(tag);
        }
    }

    private Request newRequest(String method, URI requestUri, String sipCallId, String fromUser, String toUser)
            throws Exception {
        var h = sip.headers();
        var a = sip.addresses();
        Address from = a.createAddress(a.createSipURI(fromUser, sip.host() + ":" + sip.port()));
        Address to = a.createAddress(a.createSipURI(toUser, sip.host() + ":" + sip.port()));
        String transport = requestUri instanceof SipURI s && s.getTransportParam() != null
                ? s.getTransportParam() : "udp";
        ViaHeader via = h.createViaHeader(sip.host(), sip.port(), transport,
                "z9hG4bK" + UUID.randomUUID().toString().replace("-", ""));
        Request request = sip.messages().createRequest(requestUri, method, h.createCallIdHeader(sipCallId),
                h.createCSeqHeader(1L, method), h.createFromHeader(from, Long.toHexString(System.nanoTime())),
                h.createToHeader(to, null), List.of(via), h.createMaxForwardsHeader(70));
        request.addHeader(contact());
        return request;
    }

    private Header contact() throws java.text.ParseException {
        SipURI uri = sip.addresses().createSipURI("rexian", sip.host() + ":" + sip.port());
        ContactHeader c = sip.headers().createContactHeader(sip.addresses().createAddress(uri));
        return c;
    }

    private ContentTypeHeader sdpType() throws java.text.ParseException {
        return sip.headers().createContentTypeHeader("application", "sdp");
    }

    /** Option tags in Require we do not support, comma-separated, or null (RFC 3261 8.2.2.3). */
    private static String unsupportedExtensions(Request request) {
        ListIterator<?> it = request.getHeaders(RequireHeader.NAME);
        StringBuilder tags = new StringBuilder();
        while (it != null && it.hasNext()) {
            String tag = ((RequireHeader) it.next()).getOptionTag();
            if (!SUPPORTED_EXTENSIONS.contains(tag)) {
                tags.append(tags.isEmpty() ? "" : ",").append(tag);
            }
        }
        return tags.isEmpty() ? null : tags.toString();
    }

    private static boolean isInviteSuccess(Response response) {
        int status = response.getStatusCode();
        return status >= 200 && status < 300
                && ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod().equals(Request.INVITE);
    }

    private static long cseqOf(Request request) {
        return ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
    }

    /** The session description a message carries (alone or as a multipart part), or "" for none. */
    static String bodyOf(Message message) {
        return io.rexian.telephony.sip.SipBodies.sdpOf(message).orElse("");
    }

    static String userOf(URI uri) {
        if (uri instanceof SipURI sipUri && sipUri.getUser() != null) {
            return sipUri.getUser();
        }
        return uri.toString();
    }
}
