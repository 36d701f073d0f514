package io.rexian.telephony.media;

import io.rexian.telephony.media.MediaEvent.CollectionEnd;
import io.rexian.telephony.media.MediaEvent.DigitsCollected;

/**
 * Runs one {@link DigitCollection} on logical time: the pacing thread feeds digits and advances
 * time by the tick, so tests drive timeouts by calling {@link #advance(long)} instead of sleeping.
 */
final class DigitCollector {

    private final DigitCollection spec;
    private final StringBuilder digits = new StringBuilder();
    private long waitedMillis;

    DigitCollector(DigitCollection spec) {
        this.spec = spec;
    }

    /** Adds a digit; returns the result when it completes the collection, else null. */
    DigitsCollected onDigit(char digit) {
        waitedMillis = 0;
        if (spec.terminators().indexOf(digit) >= 0) {
            return new DigitsCollected(digits.toString(), CollectionEnd.TERMINATOR);
        }
        digits.append(digit);
        if (digits.length() >= spec.maxDigits()) {
            return new DigitsCollected(digits.toString(), CollectionEnd.MAX_DIGITS);
        }
        return null;
    }

    /** Advances time; returns the result when a timeout expired, else null. */
    DigitsCollected advance(long millis) {
        waitedMillis += millis;
        boolean first = digits.isEmpty();
        long limit = (first ? spec.firstDigitTimeout() : spec.interDigitTimeout()).toMillis();
        if (waitedMillis >= limit) {
            return new DigitsCollected(digits.toString(),
                    first ? CollectionEnd.FIRST_DIGIT_TIMEOUT : CollectionEnd.INTER_DIGIT_TIMEOUT);
        }
        return null;
    }

    DigitsCollected cancel() {
        return new DigitsCollected(digits.toString(), CollectionEnd.CANCELLED);
    }

    boolean stopsPlayback() {
        return spec.stopsPlayback();
    }
}
