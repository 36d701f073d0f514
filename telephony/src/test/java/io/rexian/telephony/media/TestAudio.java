package io.rexian.telephony.media;

/** Signals for tests: tones and a spectral probe to say what a recording contains. */
final class TestAudio {

    private TestAudio() {
    }

    static short[] sine(double frequency, int millis, double amplitude) {
        short[] out = new short[millis * 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequency * i / 8000.0));
        }
        return out;
    }

    /** Amplitude of {@code frequency} in the signal (Goertzel), comparable to a sine's peak amplitude. */
    static double amplitudeAt(short[] signal, int from, int length, double frequency, int rate) {
        double coefficient = 2 * Math.cos(2 * Math.PI * frequency / rate);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < from + length && i < signal.length; i++) {
            double s0 = signal[i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        return 2 * Math.sqrt(Math.max(0, power)) / length;
    }

    /** Position where {@code needle} appears exactly in {@code haystack}, or -1. */
    static int indexOf(short[] haystack, short[] needle) {
        outer:
        for (int start = 0; start + needle.length <= haystack.length; start++) {
            for (int i = 0; i < needle.length; i++) {
                if (haystack[start + i] != needle[i]) {
                    continue outer;
                }
            }
            return start;
        }
        return -1;
    }

    static short[] ulawRoundTrip(short[] samples) {
        byte[] encoded = new byte[samples.length];
        Codec.PCMU.encode(samples, samples.length, encoded);
        short[] decoded = new short[samples.length];
        Codec.PCMU.decode(encoded, 0, encoded.length, decoded);
        return decoded;
    }
}
