package io.rexian.telephony.media;

import java.time.Duration;

/**
 * How to collect digits (an IVR menu or an account number): stop after {@code maxDigits}, on a
 * terminator (not included in the result), or when a timeout expires.
 *
 * @param maxDigits          1 or more
 * @param firstDigitTimeout  wait for the first digit (counted from the start of collection)
 * @param interDigitTimeout  wait between digits
 * @param terminators        digits that end the input, e.g. "#"; may be empty
 * @param stopsPlayback      the first digit stops a running prompt (barge-in)
 */
public record DigitCollection(int maxDigits, Duration firstDigitTimeout, Duration interDigitTimeout,
                              String terminators, boolean stopsPlayback) {

    public DigitCollection {
        if (maxDigits < 1) {
            throw new IllegalArgumentException("maxDigits must be at least 1");
        }
        terminators = terminators == null ? "" : terminators;
    }

    /** {@code maxDigits} digits ended by #, 10 s for the first and 5 s between digits, with barge-in. */
    public static DigitCollection upTo(int maxDigits) {
        return new DigitCollection(maxDigits, Duration.ofSeconds(10), Duration.ofSeconds(5), "#", true);
    }
}
