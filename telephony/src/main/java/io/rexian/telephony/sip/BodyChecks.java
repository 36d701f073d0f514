package io.rexian.telephony.sip;

import gov.nist.javax.sip.message.SIPRequest;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sip.header.AcceptHeader;
import javax.sip.header.ContentEncodingHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;

/**
 * Bodies the calls can use (RFC 3261 8.2.3): session descriptions, alone or as one part of a
 * multipart body, without content coding; and an INVITE must accept the SDP we answer with.
 */
final class BodyChecks {

    private BodyChecks() {
    }

    static Optional<Defect> of(SIPRequest request) {
        String method = request.getMethod();
        if (!method.equals(Request.INVITE) && !method.equals(Request.UPDATE) && !method.equals(Request.PRACK)) {
            return Optional.empty();
        }
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        boolean hasBody = request.getRawContent() != null && request.getRawContent().length > 0;
        if (hasBody && type != null && !isSdp(type) && !type.getContentType().equalsIgnoreCase("multipart")) {
            return Optional.of(new Defect(415, "Unsupported Media Type", Map.of("Accept", SipBodies.SDP)));
        }
        if (hasBody && type != null && type.getContentType().equalsIgnoreCase("multipart") && SipBodies.sdpOf(request).isEmpty()) {
            return Optional.of(new Defect(415, "Unsupported Media Type", Map.of("Accept", SipBodies.SDP)));
        }
        ContentEncodingHeader coding = (ContentEncodingHeader) request.getHeader(ContentEncodingHeader.NAME);
        if (hasBody && coding != null && !coding.getEncoding().equalsIgnoreCase("identity")) {
            return Optional.of(new Defect(415, "Unsupported Media Type", Map.of("Accept-Encoding", "identity")));
        }
        if (method.equals(Request.INVITE) && !acceptsSdp(request)) {
            return Optional.of(new Defect(406, "Not Acceptable"));
        }
        return Optional.empty();
    }

    private static boolean isSdp(ContentTypeHeader type) {
        return type.getContentType().equalsIgnoreCase("application") && type.getContentSubType().equalsIgnoreCase("sdp");
    }

    /** No Accept header means application/sdp (RFC 3261 20.1); otherwise one of its ranges must cover it. */
    private static boolean acceptsSdp(SIPRequest request) {
        Iterator<?> accepts = request.getHeaders(AcceptHeader.NAME);
        if (accepts == null || !accepts.hasNext()) {
            return true;
        }
        while (accepts.hasNext()) {
            AcceptHeader accept = (AcceptHeader) accepts.next();
            String type = accept.getContentType() == null ? "" : accept.getContentType().toLowerCase(Locale.ROOT);
            String sub = accept.getContentSubType() == null ? "" : accept.getContentSubType().toLowerCase(Locale.ROOT);
            if ((type.equals("*") || type.equals("application") || type.isEmpty()) && (sub.equals("*") || sub.equals("sdp") || sub.isEmpty())) {
                return true;
            }
        }
        return false;
    }
}
