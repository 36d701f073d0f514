package io.rexian.telephony.registrar;

import io.rexian.telephony.ExtensionCredentials;
import io.rexian.telephony.ExtensionSecret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP digest authentication for SIP (RFC 2617 / RFC 8760) with MD5 and SHA-256, qop=auth.
 * Nonces are self-validating (time + HMAC), so no per-client state is kept. A wrong user and
 * a wrong password produce the same outcome and take the same work, so answers do not reveal
 * which extensions exist. Thread-safe.
 */
public final class DigestAuthenticator {

    /** The digest fields a client answered with. {@code nc} is the 8-hex-digit nonce count. */
    public record Answer(String username, String realm, String nonce, String uri, String response,
                         String algorithm, String qop, String cnonce, String nc) {
    }

    public sealed interface Outcome {
        record Accepted(String extension) implements Outcome { }
        record Rejected() implements Outcome { }
        /** Right password, old nonce: challenge again with stale=true. */
        record Stale() implements Outcome { }
    }

    private static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);

    private final String realm;
    private final List<String> algorithms;
    private final ExtensionCredentials credentials;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private final ExtensionSecret decoy;

    public DigestAuthenticator(String realm, List<String> algorithms, ExtensionCredentials credentials, Clock clock) {
        this.realm = realm;
        this.algorithms = List.copyOf(algorithms);
        this.credentials = credentials;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
        this.decoy = ExtensionSecret.fromPassword("decoy", realm, Base64.getEncoder().encodeToString(key));
    }

    public String realm() {
        return realm;
    }

    /** Challenge header values, one per configured algorithm in order of preference (RFC 8760). */
    public List<String> challenges(boolean stale) {
        String nonce = newNonce();
        String tail = ", nonce=\"" + nonce + "\", qop=\"auth\"" + (stale ? ", stale=true" : "");
        return algorithms.stream().map(a -> "Digest realm=\"" + realm + "\", algorithm=" + a + tail).toList();
    }

    public Outcome verify(String method, Answer answer) {
        if (answer.username() == null || answer.nonce() == null || answer.response() == null
                || answer.uri() == null || !realm.equals(answer.realm())) {
            return new Outcome.Rejected();
        }
        String algorithm = answer.algorithm() == null ? "MD5" : answer.algorithm().toUpperCase();
        String jca = algorithm;
        if (!algorithms.contains(jca)) {
            return new Outcome.Rejected();
        }
        Optional<ExtensionSecret> found = credentials.find(answer.username());
        ExtensionSecret secret = found.orElse(decoy);
        String ha1 = jca.equals("MD5") ? secret.ha1Md5() : secret.ha1Sha256();
        if (ha1 == null) {
            ha1 = jca.equals("MD5") ? decoy.ha1Md5() : decoy.ha1Sha256();
            found = Optional.empty();
        }
        String ha2 = ExtensionSecret.hex(jca, method + ":" + answer.uri());
        String expected = answer.qop() == null
                ? ExtensionSecret.hex(jca, ha1 + ":" + answer.nonce() + ":" + ha2)
                : ExtensionSecret.hex(jca, ha1 + ":" + answer.nonce() + ":" + answer.nc() + ":"
                        + answer.cnonce() + ":" + answer.qop() + ":" + ha2);
        boolean matches = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                answer.response().toLowerCase().getBytes(StandardCharsets.US_ASCII));
        if (!matches || found.isEmpty()) {
            return new Outcome.Rejected();
        }
        return switch (nonceAge(answer.nonce())) {
            case VALID -> new Outcome.Accepted(answer.username());
            case EXPIRED -> new Outcome.Stale();
            case FORGED -> new Outcome.Rejected();
        };
    }

    private enum NonceAge { VALID, EXPIRED, FORGED }

    private String newNonce() {
        ByteBuffer b = ByteBuffer.allocate(8 + 16);
        long now = clock.millis();
        b.putLong(now).put(mac(now), 0, 16);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    private NonceAge nonceAge(String nonce) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return NonceAge.FORGED;
        }
        if (raw.length != 24) {
            return NonceAge.FORGED;
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        long issued = b.getLong();
        byte[] tag = new byte[16];
        b.get(tag);
        byte[] expected = new byte[16];
        System.arraycopy(mac(issued), 0, expected, 0, 16);
        if (!MessageDigest.isEqual(tag, expected)) {
            return NonceAge.FORGED;
        }
        long age = clock.millis() - issued;
        return age >= 0 && age <= NONCE_LIFETIME.toMillis() ? NonceAge.VALID : NonceAge.EXPIRED;
    }

    private byte[] mac(long time) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(ByteBuffer.allocate(8).putLong(time).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
