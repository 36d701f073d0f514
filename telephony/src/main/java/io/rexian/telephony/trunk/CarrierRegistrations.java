package io.rexian.telephony.trunk;

import io.rexian.telephony.Trunk;
import io.rexian.telephony.sip.SipTransport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.ResponseEvent;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the engine registered at carriers that want it: REGISTER every half expiry, answering
 * digest challenges with the trunk's credentials. Responses arrive on virtual threads.
 */
public final class CarrierRegistrations {

    private static final Logger log = LoggerFactory.getLogger(CarrierRegistrations.class);
    private static final int EXPIRES = 300;

    private final SipTransport sip;
    private final ScheduledExecutorService timers;
    private final Map<String, Registration> byCallId = new ConcurrentHashMap<>();
    private final Map<String, Boolean> registered = new ConcurrentHashMap<>();

    private static final class Registration {
        final Trunk trunk;
        final String callId = UUID.randomUUID() + "@rexian";
        final String fromTag = Long.toHexString(System.nanoTime());
        long cseq = 1;
        int challenges;

        Registration(Trunk trunk) {
            this.trunk = trunk;
        }
    }

    public CarrierRegistrations(SipTransport sip, ScheduledExecutorService timers) {
        this.sip = sip;
        this.timers = timers;
    }

    public void start(Trunk trunk) {
        Registration r = new Registration(trunk);
        byCallId.put(r.callId, r);
        send(r, null);
    }

    public boolean isRegistered(String trunkName) {
        return registered.getOrDefault(trunkName, false);
    }

    /** True when the response belonged to a carrier registration. */
    public boolean onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        Registration r = byCallId.get(((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId());
        if (r == null) {
            return false;
        }
        int status = response.getStatusCode();
        if (status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED) {
            if (++r.challenges > 2 || r.trunk.password() == null) {
                log.warn("carrier {} refused our registration", r.trunk.name());
                registered.put(r.trunk.name(), false);
                retryLater(r, 60);
                return true;
            }
            WWWAuthenticateHeader challenge = (WWWAuthenticateHeader) response.getHeader(
                    status == Response.UNAUTHORIZED ? WWWAuthenticateHeader.NAME : "Proxy-Authenticate");
            String value = challenge.toString().substring(challenge.toString().indexOf(':') + 1).trim();
            send(r, new String[] {status == Response.UNAUTHORIZED ? "Authorization" : "Proxy-Authorization",
                    DigestClient.answer(value, Request.REGISTER, registrarUri(r.trunk),
                            r.trunk.username(), r.trunk.password())});
        } else if (status >= 200 && status < 300) {
            r.challenges = 0;
            registered.put(r.trunk.name(), true);
            retryLater(r, EXPIRES / 2);
        } else if (status >= 300) {
            registered.put(r.trunk.name(), false);
            retryLater(r, 60);
        }
        return true;
    }

    private void retryLater(Registration r, int seconds) {
        timers.schedule(() -> send(r, null), seconds, TimeUnit.SECONDS);
    }

    private static String registrarUri(Trunk trunk) {
        return "sip:" + trunk.host() + ":" + trunk.portOrDefault();
    }

    private void send(Registration r, String[] authorization) {
        try {
            var h = sip.headers();
            var a = sip.addresses();
            SipURI aor = a.createSipURI(r.trunk.username(), r.trunk.host() + ":" + r.trunk.portOrDefault());
            Address address = a.createAddress(aor);
            ViaHeader via = h.createViaHeader(sip.host(), sip.port(), "udp",
                    "z9hG4bK" + UUID.randomUUID().toString().replace("-", ""));
            Request register = sip.messages().createRequest(a.createURI(registrarUri(r.trunk)), Request.REGISTER,
                    h.createCallIdHeader(r.callId), h.createCSeqHeader(r.cseq++, Request.REGISTER),
                    h.createFromHeader(address, r.fromTag), h.createToHeader(address, null), List.of(via),
                    h.createMaxForwardsHeader(70));
            register.addHeader(h.createContactHeader(a.createAddress(
                    a.createSipURI(r.trunk.username(), sip.host() + ":" + sip.port()))));
            register.addHeader(h.createExpiresHeader(EXPIRES));
            if (authorization != null) {
                register.addHeader(h.createHeader(authorization[0], authorization[1]));
            }
            sip.provider().getNewClientTransaction(register).sendRequest();
        } catch (Exception e) {
            log.warn("cannot register at carrier {}: {}", r.trunk.name(), e.toString());
            retryLater(r, 60);
        }
    }

    static long cseqOf(Response response) {
        return ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
    }
}
