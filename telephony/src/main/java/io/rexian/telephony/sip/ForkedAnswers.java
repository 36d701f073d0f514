package io.rexian.telephony.sip;

import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPDialog;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.SipStack;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the answers of the forks we do not keep: when a forked INVITE of ours is answered by a
 * second fork (a 2xx with another To tag), that fork gets an ACK and then a BYE (RFC 3261
 * 13.2.2.4), and the call never sees it.
 *
 * <p>Why a message valve in front of the stack rather than call logic: jain-sip-ri 1.3.0-91 hands a
 * second fork's 2xx to the listener only when that fork rang (1xx with its tag) before; a fork
 * that answers without ringing is taken for a retransmission of the first fork's answer and
 * swallowed, so the fork's phone would retransmit its 200 for 32 s and then hang up by itself.
 * The valve sees every response before the stack does, on the thread that reads it, so "the
 * first 2xx wins" is decided in the same order in which the stack delivers answers.
 *
 * <p>The first answer of each INVITE transaction is remembered for 64×T1 (32 s), the time a
 * fork may keep retransmitting; a retransmitted stray 2xx gets its ACK again but no second BYE.
 */
final class ForkedAnswers implements SIPMessageValve {

    private static final Logger log = LoggerFactory.getLogger(ForkedAnswers.class);
    /** 64×T1: how long an answering UAS retransmits its 2xx (RFC 3261 13.3.1.4). */
    static final Duration MEMORY = Duration.ofSeconds(32);

    /** The first answer of one INVITE transaction and the stray forks already hung up. */
    private record FirstAnswer(String toTag, Set<String> hungUp) { }

    private record Expiry(String transaction, Instant at) { }

    private final Clock clock;
    private final SIPTransactionStack stack;
    private final Map<String, FirstAnswer> byTransaction = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Expiry> expiries = new ConcurrentLinkedQueue<>();
    private volatile SipTransport sip;

    ForkedAnswers(SIPTransactionStack stack, Clock clock) {
        this.stack = stack;
        this.clock = clock;
    }

    /** Set once the transport exists; responses before that (none: the stack is not started yet) pass through. */
    void attach(SipTransport transport) {
        this.sip = transport;
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        if (!(response instanceof SIPResponse r) || r.getStatusCode() / 100 != 2 || r.getCSeq() == null
                || !Request.INVITE.equals(r.getCSeq().getMethod()) || r.getTo() == null || r.getTo().getTag() == null) {
            return true;
        }
        String transaction = r.getTransactionId();
        String tag = r.getTo().getTag().toLowerCase();
        FirstAnswer first = byTransaction.get(transaction);
        if (first == null) {
            forgetExpired();
            FirstAnswer mine = new FirstAnswer(tag, ConcurrentHashMap.newKeySet());
            first = byTransaction.putIfAbsent(transaction, mine);
            if (first == null) {
                expiries.add(new Expiry(transaction, clock.instant().plus(MEMORY)));
                return true;
            }
        }
        if (first.toTag().equals(tag)) {
            return true; // the answer we keep, or its retransmission: the stack and the call handle it
        }
        SipTransport transport = sip;
        if (transport != null) {
            boolean firstTime = first.hungUp().add(tag);
            if (firstTime) {
                forgetEarlyDialog(r);
            }
            hangUp(transport, r, firstTime);
        }
        return false;
    }

    @Override
    public boolean processRequest(gov.nist.javax.sip.message.SIPRequest request, MessageChannel channel) {
        return true;
    }

    @Override
    public void init(SipStack stack) {
    }

    @Override
    public void destroy() {
    }

    /** How many INVITE transactions are remembered (for tests). */
    int remembered() {
        return byTransaction.size();
    }

    /**
     * A fork that rang has an early dialog in the stack; it would make the stack refuse our BYE
     * outside it, and it will never be confirmed: end it (the calls ignore dialog-ended events).
     */
    private void forgetEarlyDialog(SIPResponse answer) {
        SIPDialog early = stack.getDialog(answer.getDialogId(false));
        if (early != null) {
            early.delete();
        }
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        for (Expiry e = expiries.peek(); e != null && !e.at().isAfter(now); e = expiries.peek()) {
            if (expiries.remove(e)) {
                byTransaction.remove(e.transaction());
            }
        }
    }

    private static void hangUp(SipTransport sip, SIPResponse answer, boolean firstTime) {
        try {
            long cseq = answer.getCSeq().getSeqNumber();
            sip.provider().sendRequest(inDialog(sip, answer, Request.ACK, cseq));
            if (firstTime) {
                log.debug("second fork {} answered call {}: ACK and BYE", answer.getTo().getTag(), answer.getCallId().getCallId());
                sip.provider().getNewClientTransaction(inDialog(sip, answer, Request.BYE, cseq + 1)).sendRequest();
            }
        } catch (Exception e) {
            log.debug("cannot clear the answer of a second fork", e);
        }
    }

    /**
     * A request in the dialog the stray 2xx established, as its UAC builds it (RFC 3261 12.2.1.1):
     * to the fork's Contact, through its Record-Route set in reverse, with our From and its To tag.
     */
    private static Request inDialog(SipTransport sip, SIPResponse answer, String method, long cseq) throws Exception {
        var h = sip.headers();
        ContactHeader contact = (ContactHeader) answer.getHeader(ContactHeader.NAME);
        URI target = contact != null ? contact.getAddress().getURI() : answer.getTo().getAddress().getURI();
        ViaHeader top = answer.getTopmostViaHeader();
        String transport = top != null ? top.getTransport() : "UDP";
        ViaHeader via = h.createViaHeader(sip.host(), sip.port(), transport,
                "z9hG4bK" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        Request request = sip.messages().createRequest(target, method,
                (CallIdHeader) answer.getCallId().clone(), h.createCSeqHeader(cseq, method),
                (FromHeader) answer.getFrom().clone(), (ToHeader) answer.getTo().clone(),
                new ArrayList<>(List.of(via)), h.createMaxForwardsHeader(70));
        List<RecordRouteHeader> recordRoutes = new ArrayList<>();
        answer.getHeaders(RecordRouteHeader.NAME).forEachRemaining(rr -> recordRoutes.add((RecordRouteHeader) rr));
        for (ListIterator<RecordRouteHeader> it = recordRoutes.listIterator(recordRoutes.size()); it.hasPrevious(); ) {
            Address hop = (Address) it.previous().getAddress().clone();
            request.addHeader(h.createRouteHeader(hop));
        }
        return request;
    }
}
