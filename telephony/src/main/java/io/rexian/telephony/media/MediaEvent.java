package io.rexian.telephony.media;

import java.time.Duration;

/**
 * What a {@link MediaSession} reports to its {@link MediaListener}. Events of one session are
 * delivered in order, one at a time, never on the pacing thread.
 */
public sealed interface MediaEvent {

    /** A key press received as RFC 4733 telephone-event, reported once per press. */
    record DigitReceived(char digit, Duration duration) implements MediaEvent {
    }

    /** A {@link MediaSession#collectDigits(DigitCollection)} finished. */
    record DigitsCollected(String digits, CollectionEnd end) implements MediaEvent {
    }

    /** Playback ended: {@code completed} is true when it ran to its end, false when stopped or replaced. */
    record PlaybackFinished(boolean completed) implements MediaEvent {
    }

    /** No RTP arrived for {@code silence} although the remote should be sending: the call is probably dead. */
    record RtpTimeout(Duration silence) implements MediaEvent {
    }

    /** Why a digit collection ended. */
    enum CollectionEnd {
        MAX_DIGITS, TERMINATOR, FIRST_DIGIT_TIMEOUT, INTER_DIGIT_TIMEOUT, CANCELLED
    }
}
