package io.rexian.customer.internal;

/**
 * Brings the many ways a Chinese number is written to one form of digits, so that what
 * the telephone system reports (+8613812345678, 008613812345678, 013812345678) and what an
 * agent typed (138-1234-5678) meet in one indexed column. Landlines keep their area code
 * with its leading 0 (+86 10 12345678 becomes 01012345678).
 */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** @return normalized digits, or "" when the text holds no digits */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder digits = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c >= '０' && c <= '９') {
                digits.append((char) ('0' + (c - '０')));
            }
        }
        String d = digits.toString();
        if (d.startsWith("0086")) {
            return national(d.substring(4));
        }
        if (d.startsWith("86") && d.length() >= 12) {
            return national(d.substring(2));
        }
        // A trunk 0 dialled before a mobile number: 0 + 1[3-9]x... (12 digits). Beijing's
        // 010 numbers have 11 digits, so they are not mistaken for it.
        if (d.length() == 12 && d.charAt(0) == '0' && d.charAt(1) == '1' && d.charAt(2) >= '3') {
            return d.substring(1);
        }
        return d;
    }

    /** What follows the country code: a mobile number as is, a landline with its trunk 0. */
    private static String national(String rest) {
        if (rest.startsWith("0") || (rest.length() == 11 && rest.charAt(0) == '1')) {
            return rest;
        }
        return "0" + rest;
    }

    /** A stored number is plausible when it has between 5 (service numbers) and 20 digits. */
    public static boolean plausible(String normalized) {
        return normalized.length() >= 5 && normalized.length() <= 20;
    }
}
