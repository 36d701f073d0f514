package io.rexian.telephony.registrar;

import io.rexian.telephony.sip.SipTransport;
import java.util.ListIterator;
import javax.sip.ServerTransaction;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Digest authentication of SIP requests: REGISTER with 401/WWW-Authenticate, calls with
 * 407/Proxy-Authenticate. Failures are counted per source address and blocked addresses get
 * 403 without any check. Wrong user and wrong password both get 403.
 */
public final class SipAuthentication {

    private static final Logger log = LoggerFactory.getLogger(SipAuthentication.class);

    private final SipTransport sip;
    private final DigestAuthenticator digest;
    private final FailedAttempts failures;

    public SipAuthentication(SipTransport sip, DigestAuthenticator digest, FailedAttempts failures) {
        this.sip = sip;
        this.digest = digest;
        this.failures = failures;
    }

    /**
     * Returns the authenticated extension, or null after answering the request itself
     * (challenge, 403 or blocked).
     */
    public String authenticate(Request request, ServerTransaction tx, String sourceHost, boolean proxy) {
        try {
            if (failures.isBlocked(sourceHost)) {
                tx.sendResponse(sip.messages().createResponse(Response.FORBIDDEN, request));
                return null;
            }
            String headerName = proxy ? ProxyAuthorizationHeader.NAME : AuthorizationHeader.NAME;
            AuthorizationHeader chosen = null;
            ListIterator<?> it = request.getHeaders(headerName);
            while (it.hasNext()) {
                AuthorizationHeader h = (AuthorizationHeader) it.next();
                if (digest.realm().equals(h.getRealm())) {
                    chosen = h;
                }
            }
            if (chosen == null) {
                challenge(request, tx, proxy, false);
                return null;
            }
            String nc = chosen.getNonceCount() < 0 ? null : String.format("%08x", chosen.getNonceCount());
            var answer = new DigestAuthenticator.Answer(chosen.getUsername(), chosen.getRealm(), chosen.getNonce(),
                    chosen.getURI() == null ? null : chosen.getURI().toString(), chosen.getResponse(),
                    chosen.getAlgorithm(), chosen.getQop(), chosen.getCNonce(), nc);
            var outcome = digest.verify(request.getMethod(), answer);
            switch (outcome) {
                case DigestAuthenticator.Outcome.Accepted a -> {
                    failures.succeeded(sourceHost);
                    return a.extension();
                }
                case DigestAuthenticator.Outcome.Stale s -> challenge(request, tx, proxy, true);
                case DigestAuthenticator.Outcome.Rejected r -> {
                    failures.failed(sourceHost);
                    tx.sendResponse(sip.messages().createResponse(Response.FORBIDDEN, request));
                }
            }
            return null;
        } catch (Exception e) {
            log.debug("authentication failed to answer", e);
            return null;
        }
    }

    private void challenge(Request request, ServerTransaction tx, boolean proxy, boolean stale) throws Exception {
        Response r = sip.messages().createResponse(
                proxy ? Response.PROXY_AUTHENTICATION_REQUIRED : Response.UNAUTHORIZED, request);
        for (String value : digest.challenges(stale)) {
            r.addHeader(sip.headers().createHeader(
                    proxy ? "Proxy-Authenticate" : WWWAuthenticateHeader.NAME, value));
        }
        tx.sendResponse(r);
    }
}
