package io.rexian.telephony.registrar;

import io.rexian.telephony.sip.SipTransport;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ListIterator;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles REGISTER (RFC 3261 section 10): digest authentication, expiry clamped to the
 * configured range, several contacts per extension, wildcard removal. Runs on virtual threads.
 */
public final class Registrar {

    private static final Logger log = LoggerFactory.getLogger(Registrar.class);

    private final SipTransport sip;
    private final SipAuthentication auth;
    private final Registrations registrations;
    private final Clock clock;
    private final Duration min;
    private final Duration max;

    public Registrar(SipTransport sip, SipAuthentication auth, Registrations registrations, Clock clock,
                     Duration min, Duration max) {
        this.sip = sip;
        this.auth = auth;
        this.registrations = registrations;
        this.clock = clock;
        this.min = min;
        this.max = max;
    }

    public void handle(Request request, ServerTransaction tx, String sourceHost, int sourcePort) {
        try {
            String extension = auth.authenticate(request, tx, sourceHost, false);
            if (extension == null) {
                return;
            }
            ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
            if (!(to.getAddress().getURI() instanceof SipURI toUri) || !extension.equals(toUri.getUser())) {
                respond(tx, request, Response.FORBIDDEN);
                return;
            }
            update(request, tx, extension, sourceHost, sourcePort);
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            log.debug("REGISTER failed", e);
            respond(tx, request, Response.BAD_REQUEST);
        }
    }

    private void update(Request request, ServerTransaction tx, String extension, String sourceHost, int sourcePort)
            throws ParseException, SipException, InvalidArgumentException {
        ExpiresHeader expiresHeader = request.getExpires();
        int defaultExpires = expiresHeader == null ? 3600 : expiresHeader.getExpires();
        String transport = ((ViaHeader) request.getHeader(ViaHeader.NAME)).getTransport();
        String userAgent = userAgentOf(request);
        ListIterator<?> contacts = request.getHeaders(ContactHeader.NAME);
        while (contacts.hasNext()) {
            ContactHeader contact = (ContactHeader) contacts.next();
            if (contact.isWildCard()) {
                if (defaultExpires != 0) {
                    respond(tx, request, Response.BAD_REQUEST);
                    return;
                }
                registrations.unbindAll(extension);
                continue;
            }
            int expires = contact.getExpires() >= 0 ? contact.getExpires() : defaultExpires;
            String uri = contact.getAddress().getURI().toString();
            if (expires == 0) {
                registrations.unbind(extension, uri);
                continue;
            }
            if (expires < min.toSeconds()) {
                Response tooBrief = sip.messages().createResponse(Response.INTERVAL_TOO_BRIEF, request);
                tooBrief.addHeader(sip.headers().createMinExpiresHeader((int) min.toSeconds()));
                tx.sendResponse(tooBrief);
                return;
            }
            long granted = Math.min(expires, max.toSeconds());
            registrations.bind(new Binding(extension, uri, clock.instant().plusSeconds(granted),
                    sourceHost, sourcePort, transport, userAgent));
        }
        Response ok = sip.messages().createResponse(Response.OK, request);
        for (Binding b : registrations.contacts(extension)) {
            ContactHeader c = sip.headers().createContactHeader(sip.addresses().createAddress(b.contact()));
            c.setExpires((int) Math.max(1, Duration.between(clock.instant(), b.expiresAt()).toSeconds()));
            ok.addHeader(c);
        }
        ok.addHeader(sip.headers().createDateHeader(java.util.Calendar.getInstance()));
        tx.sendResponse(ok);
        log.debug("{} registered from {}:{}", extension, sourceHost, sourcePort);
    }

    /** The User-Agent text, cut to a length a page can show (the phone controls it). */
    private static String userAgentOf(Request request) {
        javax.sip.header.UserAgentHeader header = (javax.sip.header.UserAgentHeader) request.getHeader(javax.sip.header.UserAgentHeader.NAME);
        if (header == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        header.getProduct().forEachRemaining(part -> text.append(text.isEmpty() ? "" : " ").append(part));
        return text.length() <= 120 ? text.toString() : text.substring(0, 120);
    }

    private void respond(ServerTransaction tx, Request request, int status) {
        try {
            tx.sendResponse(sip.messages().createResponse(status, request));
        } catch (Exception e) {
            log.debug("cannot answer REGISTER", e);
        }
    }
}
