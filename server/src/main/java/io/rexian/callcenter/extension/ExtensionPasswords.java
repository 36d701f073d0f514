package io.rexian.callcenter.extension;

import io.rexian.platform.DomainException;
import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/**
 * Extension passwords: generated ones, and the rules for typed ones. Phones are often set up
 * by typing the password on a keypad, so generated passwords use letters and digits without
 * look-alikes (0/O, 1/l/I); 16 of them carry about 93 bits.
 */
@Component
class ExtensionPasswords {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;
    private static final int GENERATED_LENGTH = 16;
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final SecureRandom random = new SecureRandom();

    String generate() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /** The typed password, or a generated one when none was typed. */
    String typedOrGenerated(String typed, String number) {
        if (typed == null || typed.isEmpty()) {
            return generate();
        }
        if (typed.length() < MIN_LENGTH || typed.length() > MAX_LENGTH) {
            throw DomainException.invalid("callcenter.extension.error.passwordLength", MIN_LENGTH, MAX_LENGTH);
        }
        if (typed.contains(number)) {
            throw DomainException.invalid("callcenter.extension.error.passwordContainsNumber");
        }
        if (!typed.equals(typed.strip())) {
            // Softphones trim what is pasted into them; a leading or trailing space would never match.
            throw DomainException.invalid("callcenter.extension.error.passwordSpaces");
        }
        return typed;
    }
}
