package io.rexian.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.rexian.telephony.media.audio.AudioSource;
import org.junit.jupiter.api.Test;

class ToneTest {

    @Test
    void ringbackIs450HzOneSecondOnFourOff() {
        short[] tenSeconds = render(Tone.RINGBACK.source(), 500);
        assertThat(TestAudio.amplitudeAt(tenSeconds, 0, 8000, 450, 8000)).isGreaterThan(5500);
        assertThat(rms(tenSeconds, 8000, 40000)).as("silent from 1 s to 5 s").isZero();
        assertThat(TestAudio.amplitudeAt(tenSeconds, 40000, 8000, 450, 8000)).as("on again at 5 s").isGreaterThan(5500);
    }

    @Test
    void busyIs450HzAt350MsCadence() {
        short[] samples = render(Tone.BUSY.source(), 100);
        assertThat(rms(samples, 0, 2800)).isGreaterThan(3000);
        assertThat(rms(samples, 2800, 5600)).isZero();
        assertThat(rms(samples, 5600, 8400)).isGreaterThan(3000);
        assertThat(TestAudio.amplitudeAt(samples, 0, 2800, 450, 8000)).isGreaterThan(5500);
    }

    @Test
    void beepEndsByItself() {
        AudioSource beep = Tone.BEEP.source();
        short[] frame = new short[160];
        int frames = 0;
        while (beep.read(frame)) {
            frames++;
        }
        assertThat(frames).isEqualTo(10);
        assertThat(TestAudio.amplitudeAt(Prompt.tone(Tone.BEEP, 200).samplesCopy(), 0, 1600, 1000, 8000)).isGreaterThan(5500);
    }

    static short[] render(AudioSource source, int frames) {
        short[] out = new short[frames * 160];
        short[] frame = new short[160];
        for (int f = 0; f < frames && source.read(frame); f++) {
            System.arraycopy(frame, 0, out, f * 160, 160);
        }
        return out;
    }

    static double rms(short[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / (to - from));
    }
}
