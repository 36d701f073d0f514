package io.rexian.telephony;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the registrar needs to check an extension's digest answers: HA1 = H(user:realm:password)
 * for MD5 and SHA-256 (RFC 8760), lower-case hex. The password itself is never needed.
 */
public record ExtensionSecret(String extension, String ha1Md5, String ha1Sha256) {

    public static ExtensionSecret fromPassword(String extension, String realm, String password) {
        String a1 = extension + ":" + realm + ":" + password;
        return new ExtensionSecret(extension, hex("MD5", a1), hex("SHA-256", a1));
    }

    /** Lower-case hex digest of the UTF-8 text with the given JCA algorithm name. */
    public static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " missing from the JDK", e);
        }
    }
}
