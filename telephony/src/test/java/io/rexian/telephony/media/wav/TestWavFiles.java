package io.rexian.telephony.media.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes WAV files of the formats the reader must accept, byte by byte as other tools write them. */
public final class TestWavFiles {

    private TestWavFiles() {
    }

    /** @param format 1 PCM, 6 A-law, 7 µ-law; bits 8 or 16 for PCM; samples interleaved */
    public static Path write(Path file, int format, int rate, int channels, int bits, byte[] data) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + data.length + 12).order(ByteOrder.LITTLE_ENDIAN);
        int blockAlign = channels * bits / 8;
        b.putInt(0x46464952).putInt(36 + 12 + data.length).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) format).putShort((short) channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        // An unrelated chunk before the data, as many editors write (LIST/INFO), must be skipped.
        b.putInt(0x5453494c).putInt(4).putInt(0x4f464e49);
        b.putInt(0x61746164).putInt(data.length).put(data);
        Files.write(file, b.array());
        return file;
    }

    public static byte[] pcm16(short[] interleaved) {
        ByteBuffer b = ByteBuffer.allocate(interleaved.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : interleaved) {
            b.putShort(s);
        }
        return b.array();
    }

    public static byte[] pcm8(short[] samples) {
        byte[] out = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = (byte) ((samples[i] >> 8) + 128);
        }
        return out;
    }

    public static short[] sine(double frequency, int rate, int millis, double amplitude) {
        short[] out = new short[(int) ((long) rate * millis / 1000)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequency * i / rate));
        }
        return out;
    }

    public static short[] interleave(short[] left, short[] right) {
        short[] out = new short[left.length * 2];
        for (int i = 0; i < left.length; i++) {
            out[2 * i] = left[i];
            out[2 * i + 1] = right[i];
        }
        return out;
    }

    /** Goertzel amplitude of {@code frequency}, comparable to a sine's peak. */
    public static double amplitudeAt(short[] signal, double frequency, int rate) {
        int from = signal.length / 10;
        int length = signal.length - 2 * from; // skip the resampler's edges
        double coefficient = 2 * Math.cos(2 * Math.PI * frequency / rate);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < from + length; i++) {
            double s0 = signal[i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return 2 * Math.sqrt(Math.max(0, s1 * s1 + s2 * s2 - coefficient * s1 * s2)) / length;
    }
}
