package io.rexian.telephony.media.dtmf;

/** RFC 4733 DTMF event codes: 0–9, * (10), # (11), A–D (12–15). */
public final class TelephoneEvents {

    private static final String DIGITS = "0123456789*#ABCD";

    private TelephoneEvents() {
    }

    /** The digit for an event code, or 0 for codes that are no DTMF digit (e.g. flash). */
    public static char digit(int event) {
        return event >= 0 && event < DIGITS.length() ? DIGITS.charAt(event) : 0;
    }

    /** The event code for a digit (case-insensitive for A–D), or -1 when it is not a DTMF digit. */
    public static int event(char digit) {
        return DIGITS.indexOf(Character.toUpperCase(digit));
    }
}
