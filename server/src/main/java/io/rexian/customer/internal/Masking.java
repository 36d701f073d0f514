package io.rexian.customer.internal;

/**
 * Hides the middle of identity and bank numbers from people without the permission to see
 * them: 110101199001011234 becomes 110***********1234.
 */
public final class Masking {

    private Masking() {
    }

    public static String mask(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int keepStart = value.length() >= 10 ? 3 : 1;
        int keepEnd = value.length() >= 10 ? 4 : Math.min(2, value.length() - 1);
        if (value.length() <= keepStart + keepEnd) {
            return "*".repeat(value.length());
        }
        return value.substring(0, keepStart)
                + "*".repeat(value.length() - keepStart - keepEnd)
                + value.substring(value.length() - keepEnd);
    }

    /** A masked value coming back (an export re-imported, an untouched form field) means "keep". */
    public static boolean isMasked(String value) {
        return value != null && value.contains("*");
    }
}
