package io.rexian.telephony.sip;

import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import java.util.Map;
import java.util.Optional;
import javax.sip.SipStack;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses broken requests before the stack makes transactions or the calls make legs of them:
 * syntax defects marked by {@link CheckingParser} and bodies the calls cannot use
 * ({@link BodyChecks}). The answer is stateless; a retransmission is simply refused again.
 * ACKs are dropped without answer (RFC 3261 17.2.3: nothing answers an ACK).
 */
final class RequestDefects implements SIPMessageValve {

    private static final Logger log = LoggerFactory.getLogger(RequestDefects.class);

    private static final HeaderFactory HEADERS = new HeaderFactoryImpl();

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        Optional<Defect> defect = request.getApplicationData() instanceof Defect d ? Optional.of(d)
                : viaTransport(request).or(() -> BodyChecks.of(request));
        if (defect.isEmpty()) {
            return true;
        }
        if (!request.getMethod().equals(Request.ACK)) {
            answer(request, channel, defect.get());
        }
        return false;
    }

    /**
     * The stack answers over the transport the top Via names; one we do not listen on (TLS, SCTP,
     * garbage) would leave the request unanswered, so it is refused over the channel it came on.
     */
    private static Optional<Defect> viaTransport(SIPRequest request) {
        String transport = request.getTopmostVia() == null ? null : request.getTopmostVia().getTransport();
        return transport == null || transport.equalsIgnoreCase("UDP") || transport.equalsIgnoreCase("TCP")
                ? Optional.empty() : Defect.bad("Unsupported transport in Via");
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public void init(SipStack stack) {
    }

    @Override
    public void destroy() {
    }

    static void answer(SIPRequest request, MessageChannel channel, Defect defect) {
        if (request.getMethod().equals(Request.ACK) || request.getTopmostVia() == null) {
            return;
        }
        try {
            SIPResponse response = request.createResponse(defect.status(), defect.reason());
            if (response.getTo() instanceof To to && to.getTag() == null) {
                to.setTag("rexian-refused");
            }
            for (Map.Entry<String, String> h : defect.headers().entrySet()) {
                response.addHeader(HEADERS.createHeader(h.getKey(), h.getValue()));
            }
            if (response.getCSeq() == null) {
                channel.sendMessage(response); // the addressed variant needs a CSeq for its bookkeeping
            } else {
                // To where the request came from, over the transport it came on: the Via may name neither.
                channel.sendMessage(response, channel.getPeerPacketSourceAddress(), channel.getPeerPacketSourcePort());
            }
            log.debug("refused {} from {}: {} {}", request.getMethod(), channel.getPeerAddress(), defect.status(), defect.reason());
        } catch (Exception e) {
            log.debug("cannot refuse a broken request", e);
        }
    }
}
