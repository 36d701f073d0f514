package io.rexian.telephony.trunk;

import io.rexian.telephony.ExtensionSecret;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Answers a carrier's digest challenge (RFC 2617 / 8760; MD5 or SHA-256, with or without
 * qop=auth). Builds the Authorization / Proxy-Authorization header value.
 */
public final class DigestClient {

    private DigestClient() {
    }

    /** {@code challenge} is the WWW-/Proxy-Authenticate value; returns the matching Authorization value. */
    public static String answer(String challenge, String method, String uri, String username, String password) {
        String realm = param(challenge, "realm");
        String nonce = param(challenge, "nonce");
        String opaque = param(challenge, "opaque");
        String algorithm = param(challenge, "algorithm");
        String qopOptions = param(challenge, "qop");
        String jca = "SHA-256".equalsIgnoreCase(algorithm) ? "SHA-256" : "MD5";
        String ha1 = ExtensionSecret.hex(jca, username + ":" + realm + ":" + password);
        String ha2 = ExtensionSecret.hex(jca, method + ":" + uri);
        boolean qop = qopOptions != null && qopOptions.contains("auth");
        String cnonce = Long.toHexString(ThreadLocalRandom.current().nextLong());
        String nc = "00000001";
        String response = qop
                ? ExtensionSecret.hex(jca, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)
                : ExtensionSecret.hex(jca, ha1 + ":" + nonce + ":" + ha2);
        StringBuilder h = new StringBuilder("Digest username=\"").append(username)
                .append("\", realm=\"").append(realm).append("\", nonce=\"").append(nonce)
                .append("\", uri=\"").append(uri).append("\", response=\"").append(response).append('"');
        if (algorithm != null) {
            h.append(", algorithm=").append(algorithm);
        }
        if (opaque != null) {
            h.append(", opaque=\"").append(opaque).append('"');
        }
        if (qop) {
            h.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        return h.toString();
    }

    static String param(String header, String name) {
        String lower = header.toLowerCase();
        int at = -1;
        for (int from = 0; (at = lower.indexOf(name + "=", from)) >= 0; from = at + 1) {
            char before = at == 0 ? ' ' : lower.charAt(at - 1);
            if (before == ' ' || before == ',' || before == '\t') {
                break;
            }
        }
        if (at < 0) {
            return null;
        }
        int start = at + name.length() + 1;
        if (start < header.length() && header.charAt(start) == '"') {
            int end = header.indexOf('"', start + 1);
            return end < 0 ? header.substring(start + 1) : header.substring(start + 1, end);
        }
        int end = header.indexOf(',', start);
        return (end < 0 ? header.substring(start) : header.substring(start, end)).trim();
    }
}
