package io.rexian.identity.account;

import io.rexian.identity.IdentitySettings;
import io.rexian.platform.DomainException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/** What makes a password acceptable, and how temporary passwords are generated. */
@Component
public class PasswordPolicy {

    // No look-alike characters: temporary passwords are read aloud and typed by hand.
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** bcrypt reads no further than 72 bytes; longer passwords would be silently cut. */
    static final int MAX_BYTES = 72;

    private final IdentitySettings settings;

    PasswordPolicy(IdentitySettings settings) {
        this.settings = settings;
    }

    /** @throws DomainException INVALID naming the broken rule */
    public void check(String username, String password) {
        if (password == null || password.length() < settings.minPasswordLength()) {
            throw DomainException.invalid("identity.password.tooShort", settings.minPasswordLength());
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw DomainException.invalid("identity.password.tooLong");
        }
        if (password.equalsIgnoreCase(username)) {
            throw DomainException.invalid("identity.password.equalsUsername");
        }
    }

    public String temporaryPassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.max(14, settings.minPasswordLength()); i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
