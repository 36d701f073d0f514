package io.rexian.telephony.media.mix;

import java.util.List;

/**
 * Sums 20 ms frames of several speakers into one, saturating at the 16-bit limits: two loud
 * voices must clip (a little distortion), not wrap around (a loud crack).
 */
public final class FrameMixer {

    private FrameMixer() {
    }

    /** Writes the clipped sum of the first {@code length} samples of every input into {@code out}. */
    public static void mix(List<short[]> inputs, int length, short[] out) {
        for (int i = 0; i < length; i++) {
            int sum = 0;
            for (short[] input : inputs) {
                sum += input[i];
            }
            out[i] = (short) Math.max(-32768, Math.min(32767, sum));
        }
    }
}
