package io.rexian.telephony.media;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import io.rexian.telephony.media.wav.WavReader;

/**
 * A prompt ready to play: 8 kHz mono 16-bit samples, converted once when loaded. Immutable and
 * shareable between any number of sessions; load through {@link Prompts} to cache files.
 */
public final class Prompt {

    private final String name;
    private final short[] samples;

    private Prompt(String name, short[] samples) {
        this.name = name;
        this.samples = samples;
    }

    /** Wraps 8 kHz mono samples (copied). */
    public static Prompt of(String name, short[] samples8k) {
        return new Prompt(name, samples8k.clone());
    }

    /** Loads a WAV of any common format (PCM 8/16-bit, µ-law, A-law, any rate, mono/stereo). */
    public static Prompt load(Path wav) throws IOException {
        return new Prompt(wav.getFileName().toString(), WavReader.read8kMono(wav));
    }

    /** Converts WAV bytes (e.g. a resource shipped in a jar) like {@link #load(Path)}. */
    public static Prompt fromWav(String name, byte[] wav) throws IOException {
        return new Prompt(name, WavReader.read8kMono(wav, name));
    }

    /** Renders {@code millis} of a tone as a prompt, e.g. a beep inside a prompt sequence. */
    public static Prompt tone(Tone tone, int millis) {
        short[] samples = new short[millis * 8];
        short[] frame = new short[Codec.FRAME_SAMPLES];
        var source = tone.source();
        for (int pos = 0; pos < samples.length && source.read(frame); pos += frame.length) {
            System.arraycopy(frame, 0, samples, pos, Math.min(frame.length, samples.length - pos));
        }
        return new Prompt(tone.name().toLowerCase(java.util.Locale.ROOT), samples);
    }

    public String name() {
        return name;
    }

    /** The samples; callers must not modify the array. */
    short[] samples() {
        return samples;
    }

    /** A copy of the samples, for tests and tools. */
    public short[] samplesCopy() {
        return samples.clone();
    }

    public Duration duration() {
        return Duration.ofMillis(samples.length / 8L);
    }

    @Override
    public String toString() {
        return "Prompt[" + name + ", " + duration().toMillis() + " ms]";
    }
}
