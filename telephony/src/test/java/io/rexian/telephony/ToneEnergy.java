package io.rexian.telephony;

import java.util.ArrayList;
import java.util.List;

/** Goertzel power of a few frequencies over 50 ms windows: tells which tones a recording contains. */
final class ToneEnergy {

    private ToneEnergy() {
    }

    /** The candidate frequencies that clearly dominate at least one 50 ms window of the 8 kHz recording. */
    static List<Integer> strongest(short[] samples, int... candidates) {
        List<Integer> found = new ArrayList<>();
        int window = 400;
        for (int start = 0; start + window <= samples.length; start += window) {
            double total = 0;
            for (int i = start; i < start + window; i++) {
                total += (double) samples[i] * samples[i];
            }
            if (total / window < 1e5) {
                continue;
            }
            int best = -1;
            double bestPower = 0;
            for (int f : candidates) {
                double p = power(samples, start, window, f);
                if (p > bestPower) {
                    bestPower = p;
                    best = f;
                }
            }
            // Goertzel power of a pure tone is about total energy * window / 4; demand half of that.
            if (best > 0 && bestPower > total * window / 8 && !found.contains(best)) {
                found.add(best);
            }
        }
        return found;
    }

    private static double power(short[] s, int start, int n, int frequency) {
        double coeff = 2 * Math.cos(2 * Math.PI * frequency / 8000.0);
        double q1 = 0;
        double q2 = 0;
        for (int i = start; i < start + n; i++) {
            double q0 = coeff * q1 - q2 + s[i];
            q2 = q1;
            q1 = q0;
        }
        return q1 * q1 + q2 * q2 - coeff * q1 * q2;
    }
}
