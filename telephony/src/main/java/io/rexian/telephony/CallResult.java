package io.rexian.telephony;

/**
 * Outcome of a call-control command: success, or a failure with a stable reason code
 * (e.g. {@code no-such-call}, {@code not-registered}, {@code wrong-state}) the server can map to a message.
 */
public record CallResult(boolean ok, String reason, String id) {

    public static CallResult success(String id) {
        return new CallResult(true, null, id);
    }

    public static CallResult failure(String reason) {
        return new CallResult(false, reason, null);
    }
}
