package io.rexian.telephony.media.audio;

/**
 * Generates a cadenced tone: the sum of up to two sine frequencies, on for {@code onMillis},
 * off for {@code offMillis}, repeated (offMillis 0 means continuous) until {@code totalMillis}
 * (0 means forever). Phase runs on through the off periods, which does not matter audibly.
 */
public final class ToneSource implements AudioSource {

    private static final int RATE = 8000;

    private final double[] steps;
    private final double amplitude;
    private final int onSamples;
    private final int periodSamples;
    private final long totalSamples;
    private long position;

    /** @param amplitude peak of each frequency in 16-bit units (e.g. 6000 ≈ -15 dBm0) */
    public ToneSource(double[] frequencies, double amplitude, int onMillis, int offMillis, long totalMillis) {
        this.steps = new double[frequencies.length];
        for (int i = 0; i < frequencies.length; i++) {
            steps[i] = 2 * Math.PI * frequencies[i] / RATE;
        }
        this.amplitude = amplitude;
        this.onSamples = onMillis * RATE / 1000;
        this.periodSamples = (onMillis + offMillis) * RATE / 1000;
        this.totalSamples = totalMillis * RATE / 1000;
    }

    @Override
    public boolean read(short[] frame) {
        if (totalSamples > 0 && position >= totalSamples) {
            return false;
        }
        for (int i = 0; i < frame.length; i++) {
            long n = position + i;
            boolean on = periodSamples == onSamples || n % periodSamples < onSamples;
            boolean within = totalSamples == 0 || n < totalSamples;
            double value = 0;
            if (on && within) {
                for (double step : steps) {
                    value += Math.sin(step * n);
                }
            }
            frame[i] = (short) Math.round(value * amplitude);
        }
        position += frame.length;
        return true;
    }
}
