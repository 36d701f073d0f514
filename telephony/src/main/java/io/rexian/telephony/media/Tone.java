package io.rexian.telephony.media;

import io.rexian.telephony.media.audio.AudioSource;
import io.rexian.telephony.media.audio.ToneSource;

/**
 * Call progress tones with the Chinese (GB 3380 / YD/T 1258) cadences a caller here expects,
 * plus a short beep (e.g. before voicemail recording). Play with {@link MediaSession#playTone(Tone)}.
 */
public enum Tone {
    /** 450 Hz continuous. */
    DIAL(450, 0, 1000, 0, 0),
    /** 450 Hz, 1 s on, 4 s off, repeating. */
    RINGBACK(450, 0, 1000, 4000, 0),
    /** 450 Hz, 0.35 s on, 0.35 s off, repeating. */
    BUSY(450, 0, 350, 350, 0),
    /** 1 kHz for 200 ms, then playback finishes. */
    BEEP(1000, 0, 200, 0, 200);

    private final double frequency;
    private final double secondFrequency;
    private final int onMillis;
    private final int offMillis;
    private final int totalMillis;

    Tone(double frequency, double secondFrequency, int onMillis, int offMillis, int totalMillis) {
        this.frequency = frequency;
        this.secondFrequency = secondFrequency;
        this.onMillis = onMillis;
        this.offMillis = offMillis;
        this.totalMillis = totalMillis;
    }

    /** A fresh generator for this tone; repeating tones never finish on their own. */
    public AudioSource source() {
        double[] frequencies = secondFrequency > 0 ? new double[] {frequency, secondFrequency} : new double[] {frequency};
        return new ToneSource(frequencies, 6000, onMillis, offMillis, totalMillis);
    }

    public int onMillis() {
        return onMillis;
    }

    public int offMillis() {
        return offMillis;
    }
}
