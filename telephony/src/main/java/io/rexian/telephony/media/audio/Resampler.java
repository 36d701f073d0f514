package io.rexian.telephony.media.audio;

/**
 * Band-limited sample-rate conversion of mono 16-bit audio by windowed-sinc interpolation:
 * every output sample is a Blackman-windowed sinc sum over the input around its position,
 * with the cutoff at 0.45 × the lower rate, so downsampling (e.g. 44.1 kHz prompts to
 * 8 kHz) removes what would alias instead of folding it into the telephone band.
 * Runs once per prompt load, not per packet, so clarity beats speed here.
 */
public final class Resampler {

    /** Zero crossings of the sinc on each side: 16 gives > 60 dB stop band with Blackman. */
    private static final int HALF_WIDTH = 16;

    private Resampler() {
    }

    public static short[] resample(short[] input, int fromRate, int toRate) {
        if (fromRate == toRate || input.length == 0) {
            return input.clone();
        }
        double ratio = (double) toRate / fromRate;
        // Cutoff relative to the input rate, a little below Nyquist of the lower rate.
        double fc = Math.min(fromRate, toRate) * 0.45 / fromRate; // cycles per input sample
        double halfSpan = HALF_WIDTH / (2 * fc); // input samples covered on each side
        int outLength = (int) Math.floor(input.length * ratio);
        short[] out = new short[outLength];
        for (int n = 0; n < outLength; n++) {
            double center = n / ratio;
            int first = (int) Math.ceil(center - halfSpan);
            int last = (int) Math.floor(center + halfSpan);
            double sum = 0;
            for (int k = Math.max(0, first); k <= Math.min(input.length - 1, last); k++) {
                double x = k - center;
                sum += input[k] * kernel(x, fc, halfSpan);
            }
            out[n] = (short) Math.max(-32768, Math.min(32767, Math.round(sum)));
        }
        return out;
    }

    private static double kernel(double x, double fc, double halfSpan) {
        double sinc = x == 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * x) / (Math.PI * x);
        double w = (x + halfSpan) / (2 * halfSpan); // 0..1 across the window
        double blackman = 0.42 - 0.5 * Math.cos(2 * Math.PI * w) + 0.08 * Math.cos(4 * Math.PI * w);
        return sinc * blackman;
    }
}
