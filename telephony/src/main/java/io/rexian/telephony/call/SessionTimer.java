package io.rexian.telephony.call;

import java.time.Duration;
import java.util.ListIterator;
import java.util.Optional;
import javax.sip.header.Header;
import javax.sip.header.SupportedHeader;
import javax.sip.message.Request;

/**
 * RFC 4028 session timer agreed for one inbound dialog: the session lasts {@code seconds} unless
 * refreshed, by us ({@code weRefresh}, refresher=uas) or by the peer (refresher=uac).
 */
record SessionTimer(long seconds, boolean weRefresh) {

    /** The request asked for a shorter interval than our Min-SE: answer 422 with Min-SE. */
    static final class TooSmall extends Exception {
        TooSmall() {
            super(null, null, false, false);
        }
    }

    /**
     * What an INVITE (or a refresh) asks for. Without Session-Expires and without "Supported: timer"
     * no timer is used (the RTP timeout still clears dead calls); without Session-Expires but with
     * timer support we propose {@code standard} and let the caller refresh.
     */
    static Optional<SessionTimer> negotiate(Request request, Duration standard, Duration minimum) throws TooSmall {
        boolean peerSupports = supportsTimer(request);
        String value = valueOf(request.getHeader("Session-Expires"));
        if (value == null) {
            return peerSupports && standard != null
                    ? Optional.of(new SessionTimer(Math.max(standard.toSeconds(), minimum.toSeconds()), false))
                    : Optional.empty();
        }
        String[] parts = value.split(";");
        long seconds;
        try {
            seconds = Long.parseLong(parts[0].trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (seconds < minimum.toSeconds()) {
            throw new TooSmall();
        }
        String refresher = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim().toLowerCase(java.util.Locale.ROOT);
            if (p.startsWith("refresher=")) {
                refresher = p.substring("refresher=".length());
            }
        }
        // A caller without timer support cannot refresh: we do. Otherwise honour its choice, default uac.
        boolean weRefresh = !peerSupports || "uas".equals(refresher);
        return Optional.of(new SessionTimer(seconds, weRefresh));
    }

    /** The Session-Expires value for our 2xx or refresh. */
    String headerValue() {
        return seconds + ";refresher=" + (weRefresh ? "uas" : "uac");
    }

    /** When we refresh: half the interval (RFC 4028 section 10). */
    Duration refreshAfter() {
        return Duration.ofMillis(seconds * 500);
    }

    /** When the peer's refresh is overdue: the interval less a third of it, at most 32 s (section 10). */
    Duration expiresAfter() {
        return Duration.ofMillis(seconds * 1000 - Math.min(32_000, seconds * 1000 / 3));
    }

    private static boolean supportsTimer(Request request) {
        ListIterator<?> it = request.getHeaders(SupportedHeader.NAME);
        while (it != null && it.hasNext()) {
            Object h = it.next();
            String tag = h instanceof SupportedHeader s ? s.getOptionTag() : valueOf((Header) h);
            if (tag != null && tag.toLowerCase(java.util.Locale.ROOT).contains("timer")) {
                return true;
            }
        }
        return false;
    }

    private static String valueOf(Header header) {
        if (header == null) {
            return null;
        }
        String text = header.toString();
        int colon = text.indexOf(':');
        return colon < 0 ? null : text.substring(colon + 1).trim();
    }
}
