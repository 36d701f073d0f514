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
        Optional<Defect> defect = request.getApplicationData() instanceof Defect d ? Optional.of(d) : BodyChecks.of(request);
        if (defect.isEmpty()) {
            return true;
        }
        if (!request.getMethod().equals(Request.ACK)) {
            answer(request, channel, defect.get());
        }
        return false;
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
            channel.sendMessage(response);
            log.debug("refused {} from {}: {} {}", request.getMethod(), channel.getPeerAddress(), defect.status(), defect.reason());
        } catch (Exception e) {
            log.debug("cannot refuse a broken request", e);
        }
    }
}
