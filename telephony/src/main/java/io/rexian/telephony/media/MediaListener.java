package io.rexian.telephony.media;

/**
 * Receives a session's {@link MediaEvent}s. Called on a virtual thread, one event at a time per
 * session and in order; it may block (e.g. to issue SIP requests) without stalling media.
 */
@FunctionalInterface
public interface MediaListener {

    void onEvent(MediaSession session, MediaEvent event);

    /** A listener that ignores everything. */
    MediaListener NONE = (session, event) -> { };
}
