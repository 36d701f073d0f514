package io.rexian.telephony.call;

import io.rexian.telephony.sip.SipTransport;
import java.util.List;
import java.util.ListIterator;
import java.util.UUID;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.RequireHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP building blocks the calls share: responses (with our To tag), new requests, Contact,
 * Allow and the bodies and users a message carries. Holds the transport once the stack runs
 * ({@link #attach}); safe from any thread.
 */
final class SipMessages {

    private static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, REFER, NOTIFY, REGISTER, UPDATE, INFO";
    private static final java.util.Set<String> SUPPORTED_EXTENSIONS = java.util.Set.of("timer");

    /** Same category as before SipCalls was split, so log configuration and filters keep working. */
    private static final Logger log = LoggerFactory.getLogger(SipCalls.class);

    private volatile SipTransport sip;

    /** Set once the stack runs (the stack needs SipCalls as its listener first). */
    void attach(SipTransport transport) {
        this.sip = transport;
    }

    SipTransport sip() {
        return sip;
    }

    void answerOptions(Request request, ServerTransaction tx) {
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

    void addAllow(Response response) throws java.text.ParseException {
        for (String method : ALLOW.split(", ")) {
            response.addHeader(sip.headers().createAllowHeader(method));
        }
    }

    void respondInvite(Leg leg, int status) {
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

    void respond(ServerTransaction tx, Request request, int status) {
        try {
            Response r = sip.messages().createResponse(status, request);
            tag(r);
            tx.sendResponse(r);
        } catch (Exception e) {
            log.debug("cannot send {}", status, e);
        }
    }

    void resendAck(Leg b) {
        try {
            if (b.ack != null) {
                b.dialog.sendAck(b.ack);
            }
        } catch (Exception e) {
            log.debug("cannot resend ACK", e);
        }
    }

    void ackAndBye(Dialog dialog, Response response) {
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
    void tag(Response response) throws java.text.ParseException {
        tag(response, Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()));
    }

    static void tag(Response response, String tag) throws java.text.ParseException {
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (to != null && to.getTag() == null && response.getStatusCode() > 100) {
            to.setTag(tag);
        }
    }

    Request newRequest(String method, URI requestUri, String sipCallId, String fromUser, String toUser)
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

    Header contact() throws java.text.ParseException {
        SipURI uri = sip.addresses().createSipURI("rexian", sip.host() + ":" + sip.port());
        ContactHeader c = sip.headers().createContactHeader(sip.addresses().createAddress(uri));
        return c;
    }

    ContentTypeHeader sdpType() throws java.text.ParseException {
        return sip.headers().createContentTypeHeader("application", "sdp");
    }

    /** Option tags in Require we do not support, comma-separated, or null (RFC 3261 8.2.2.3). */
    static String unsupportedExtensions(Request request) {
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

    static boolean isInviteSuccess(Response response) {
        int status = response.getStatusCode();
        return status >= 200 && status < 300
                && ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod().equals(Request.INVITE);
    }

    static long cseqOf(Request request) {
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
