package io.rexian.telephony.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import io.rexian.telephony.media.wav.TestWavFiles;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    @Test
    void twoMinutesOfCdAudioConvertInUnderTenSeconds() {
        short[] music = TestWavFiles.sine(1000, 44100, 120_000, 10000);
        long start = System.nanoTime();
        short[] phone = Resampler.resample(music, 44100, 8000);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(phone.length).isBetween(959_990, 960_000);
        assertThat(TestWavFiles.amplitudeAt(phone, 1000, 8000)).isBetween(9500.0, 10500.0);
        assertThat(seconds).as("conversion time on a shared 2-core machine").isLessThan(10);
    }

    @Test
    void upsamplingKeepsTheTone() {
        short[] low = TestWavFiles.sine(300, 6000, 500, 8000);
        short[] up = Resampler.resample(low, 6000, 8000);
        assertThat(up).hasSize(4000);
        assertThat(TestWavFiles.amplitudeAt(up, 300, 8000)).isBetween(7600.0, 8400.0);
    }
}
