package io.rexian.telephony.media;

/**
 * A remote SDP the engine cannot use: unparsable (answer 400) or without a common codec
 * (answer 488 Not Acceptable Here). The message says which line or what was missing.
 */
public class SdpException extends IllegalArgumentException {

    private final boolean notAcceptable;

    public SdpException(String message, boolean notAcceptable) {
        super(message);
        this.notAcceptable = notAcceptable;
    }

    /** True when the SDP parsed but offers nothing we speak: the SIP side should answer 488. */
    public boolean notAcceptable() {
        return notAcceptable;
    }
}
