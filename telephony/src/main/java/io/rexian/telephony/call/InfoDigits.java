package io.rexian.telephony.call;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;

/**
 * Key presses some phones send as SIP INFO instead of RFC 4733 (a per-phone "DTMF mode"
 * setting): {@code application/dtmf-relay} ("Signal=5", Cisco style, also "Signal=10"/"11" for
 * * and #) and {@code application/dtmf} (the bare key). Any other INFO carries no key.
 */
final class InfoDigits {

    private static final String KEYS = "0123456789*#ABCD";

    private InfoDigits() {
    }

    static Optional<Character> of(Request info) {
        ContentTypeHeader type = (ContentTypeHeader) info.getHeader(ContentTypeHeader.NAME);
        byte[] raw = info.getRawContent();
        if (type == null || raw == null || !type.getContentType().equalsIgnoreCase("application")) {
            return Optional.empty();
        }
        String body = new String(raw, StandardCharsets.US_ASCII);
        return switch (type.getContentSubType().toLowerCase(Locale.ROOT)) {
            case "dtmf-relay" -> body.lines().map(String::strip)
                    .filter(l -> l.regionMatches(true, 0, "Signal", 0, 6) && l.indexOf('=') > 0)
                    .map(l -> key(l.substring(l.indexOf('=') + 1).strip(), true))
                    .flatMap(Optional::stream).findFirst();
            case "dtmf" -> key(body.strip(), false);
            default -> Optional.empty();
        };
    }

    /** One key: its character, or (dtmf-relay only) its RFC 4733 event number (10 = *, 11 = #, 12–15 = A–D). */
    private static Optional<Character> key(String value, boolean eventNumbers) {
        if (value.length() == 1 && KEYS.indexOf(Character.toUpperCase(value.charAt(0))) >= 0) {
            return Optional.of(Character.toUpperCase(value.charAt(0)));
        }
        if (eventNumbers && value.matches("1[0-5]")) {
            return Optional.of(KEYS.charAt(Integer.parseInt(value)));
        }
        return Optional.empty();
    }
}
