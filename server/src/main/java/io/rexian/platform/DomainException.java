package io.rexian.platform;

import java.util.Arrays;

/**
 * A rule of the business was broken (an illegal transition, a stale edit, a duplicate).
 * Carries a message-bundle key and its arguments so that people read it in their own
 * language; the REST API answers it as a problem-details body, pages show it as an alert.
 */
public class DomainException extends RuntimeException {

    /** How the API should classify the refusal. */
    public enum Kind { INVALID, CONFLICT, NOT_FOUND, FORBIDDEN }

    private final Kind kind;
    private final String messageKey;
    private final transient Object[] args;

    public DomainException(Kind kind, String messageKey, Object... args) {
        super(messageKey + Arrays.toString(args));
        this.kind = kind;
        this.messageKey = messageKey;
        this.args = args;
    }

    public static DomainException invalid(String messageKey, Object... args) {
        return new DomainException(Kind.INVALID, messageKey, args);
    }

    public static DomainException conflict(String messageKey, Object... args) {
        return new DomainException(Kind.CONFLICT, messageKey, args);
    }

    public static DomainException notFound(String messageKey, Object... args) {
        return new DomainException(Kind.NOT_FOUND, messageKey, args);
    }

    public static DomainException forbidden(String messageKey, Object... args) {
        return new DomainException(Kind.FORBIDDEN, messageKey, args);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
