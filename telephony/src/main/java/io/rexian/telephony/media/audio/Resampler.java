package io.rexian.telephony.media.audio;

/**
 * Band-limited sample-rate conversion of mono 16-bit audio by windowed-sinc interpolation:
 * every output sample is a Blackman-windowed sinc sum over the input around its position,
 * with the cutoff at 0.45 × the lower rate, so downsampling (e.g. 44.1 kHz prompts to
 * 8 kHz) removes what would alias instead of folding it into the telephone band.
 * The kernel is tabulated once per conversion (linear interpolation between table points),
 * so a ten-minute music-on-hold file converts in seconds, not minutes.
 */
public final class Resampler {

    /** Zero crossings of the sinc on each side: 16 gives > 60 dB stop band with Blackman. */
    private static final int HALF_WIDTH = 16;
    /** Kernel table points per input sample. */
    private static final int TABLE_STEPS = 256;

    private Resampler() {
    }

    public static short[] resample(short[] input, int fromRate, int toRate) {
        if (fromRate == toRate || input.length == 0) {
            return input.clone();
        }
        double ratio = (double) toRate / fromRate;
        double fc = Math.min(fromRate, toRate) * 0.45 / fromRate; // cutoff in cycles per input sample
        double halfSpan = HALF_WIDTH / (2 * fc);                   // input samples on each side
        double[] table = kernelTable(fc, halfSpan);
        int outLength = (int) Math.floor(input.length * ratio);
        short[] out = new short[outLength];
        for (int n = 0; n < outLength; n++) {
            double center = n / ratio;
            int first = Math.max(0, (int) Math.ceil(center - halfSpan));
            int last = Math.min(input.length - 1, (int) Math.floor(center + halfSpan));
            double sum = 0;
            for (int k = first; k <= last; k++) {
                double position = (k - center + halfSpan) * TABLE_STEPS;
                int index = (int) position;
                double fraction = position - index;
                double weight = index + 1 < table.length
                        ? table[index] + fraction * (table[index + 1] - table[index])
                        : table[table.length - 1];
                sum += input[k] * weight;
            }
            out[n] = (short) Math.max(-32768, Math.min(32767, Math.round(sum)));
        }
        return out;
    }

    private static double[] kernelTable(double fc, double halfSpan) {
        int size = (int) Math.ceil(2 * halfSpan * TABLE_STEPS) + 2;
        double[] table = new double[size];
        for (int i = 0; i < size; i++) {
            double x = (double) i / TABLE_STEPS - halfSpan;
            table[i] = Math.abs(x) > halfSpan ? 0 : kernel(x, fc, halfSpan);
        }
        return table;
    }

    private static double kernel(double x, double fc, double halfSpan) {
        double sinc = x == 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * x) / (Math.PI * x);
        double w = (x + halfSpan) / (2 * halfSpan); // 0..1 across the window
        double blackman = 0.42 - 0.5 * Math.cos(2 * Math.PI * w) + 0.08 * Math.cos(4 * Math.PI * w);
        return sinc * blackman;
    }
}
