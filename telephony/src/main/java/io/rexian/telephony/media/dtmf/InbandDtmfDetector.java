package io.rexian.telephony.media.dtmf;

/**
 * Detects DTMF key presses in audio (for phones and trunks that send no RFC 4733 events) with
 * the Goertzel algorithm over 20 ms frames. A key counts when one row and one column tone
 * dominate (each well above the other tones of its group, twist within 8 dB, loud enough) in
 * two consecutive frames; it is reported once, when it starts, and can repeat only after a
 * frame without it. Speech rarely holds two such pure tones for 40 ms.
 * Not thread-safe: owned by the pacing thread.
 */
public final class InbandDtmfDetector {

    private static final double[] ROWS = {697, 770, 852, 941};
    private static final double[] COLUMNS = {1209, 1336, 1477, 1633};
    private static final String[] KEYS = {"123A", "456B", "789C", "*0#D"};
    /** Minimum tone energy: about -30 dBm0 over a 160-sample frame. */
    private static final double MIN_ENERGY = 1.0e9;
    private static final double DOMINANCE = 6.0;   // best tone vs next of its group, as a power ratio (~8 dB)
    private static final double MAX_TWIST = 6.3;   // 8 dB either way between row and column

    private final TelephoneEventReceiver.Sink sink;
    private final double[] rowCoefficients = coefficients(ROWS);
    private final double[] columnCoefficients = coefficients(COLUMNS);
    private char candidate;
    private int candidateFrames;
    private boolean reported;

    public InbandDtmfDetector(TelephoneEventReceiver.Sink sink) {
        this.sink = sink;
    }

    /** Analyses one frame of 8 kHz audio. */
    public void onFrame(short[] frame, int length) {
        char key = detect(frame, length);
        if (key != 0 && key == candidate) {
            candidateFrames++;
        } else {
            candidate = key;
            candidateFrames = key == 0 ? 0 : 1;
            reported = false;
        }
        if (candidate != 0 && candidateFrames >= 2 && !reported) {
            reported = true;
            sink.digit(candidate, candidateFrames * length);
        }
    }

    private char detect(short[] frame, int length) {
        double[] rows = energies(frame, length, rowCoefficients);
        double[] columns = energies(frame, length, columnCoefficients);
        int row = strongest(rows);
        int column = strongest(columns);
        if (row < 0 || column < 0) {
            return 0;
        }
        double rowEnergy = rows[row];
        double columnEnergy = columns[column];
        if (rowEnergy < MIN_ENERGY || columnEnergy < MIN_ENERGY) {
            return 0;
        }
        if (rowEnergy > columnEnergy * MAX_TWIST || columnEnergy > rowEnergy * MAX_TWIST) {
            return 0;
        }
        return KEYS[row].charAt(column);
    }

    /** Index of the strongest tone when it dominates the rest of its group, else -1. */
    private static int strongest(double[] energies) {
        int best = 0;
        for (int i = 1; i < energies.length; i++) {
            if (energies[i] > energies[best]) {
                best = i;
            }
        }
        for (int i = 0; i < energies.length; i++) {
            if (i != best && energies[i] * DOMINANCE > energies[best]) {
                return -1;
            }
        }
        return best;
    }

    private static double[] energies(short[] frame, int length, double[] coefficients) {
        double[] out = new double[coefficients.length];
        for (int k = 0; k < coefficients.length; k++) {
            double c = coefficients[k];
            double s1 = 0;
            double s2 = 0;
            for (int i = 0; i < length; i++) {
                double s0 = frame[i] + c * s1 - s2;
                s2 = s1;
                s1 = s0;
            }
            out[k] = s1 * s1 + s2 * s2 - c * s1 * s2;
        }
        return out;
    }

    private static double[] coefficients(double[] frequencies) {
        double[] out = new double[frequencies.length];
        for (int i = 0; i < frequencies.length; i++) {
            out[i] = 2 * Math.cos(2 * Math.PI * frequencies[i] / 8000.0);
        }
        return out;
    }
}
