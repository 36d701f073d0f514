package io.rexian.telephony.sip;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Message;

/** The session description in a SIP message's body: the whole body, or the SDP part of a multipart body (RFC 5621). */
public final class SipBodies {

    public static final String SDP = "application/sdp";

    private SipBodies() {
    }

    /** The SDP text, or empty when the message has no body or none of its parts is SDP. */
    public static Optional<String> sdpOf(Message message) {
        byte[] raw = message.getRawContent();
        if (raw == null || raw.length == 0) {
            return Optional.empty();
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        if (type == null || isSdp(type.getContentType() + "/" + type.getContentSubType())) {
            return Optional.of(body); // no type: phones that omit it send SDP
        }
        String boundary = type.getParameter("boundary");
        if (!type.getContentType().equalsIgnoreCase("multipart") || boundary == null) {
            return Optional.empty();
        }
        return sdpPart(body, unquote(boundary));
    }

    private static Optional<String> sdpPart(String body, String boundary) {
        String delimiter = "--" + boundary;
        String[] parts = body.split(java.util.regex.Pattern.quote(delimiter), -1);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("--")) {
                break; // the close delimiter
            }
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headersEnd).toLowerCase(Locale.ROOT);
            if (headers.lines().anyMatch(h -> h.startsWith("content-type:") && isSdp(h.substring(13).split(";")[0].trim()))) {
                String content = part.substring(headersEnd + 4);
                // The CRLF before the next delimiter belongs to the delimiter (RFC 2046 5.1.1).
                return Optional.of(content.endsWith("\r\n") ? content.substring(0, content.length() - 2) : content);
            }
        }
        return Optional.empty();
    }

    private static boolean isSdp(String type) {
        return type.trim().equalsIgnoreCase(SDP);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
