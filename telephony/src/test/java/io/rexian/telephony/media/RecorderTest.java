package io.rexian.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.rexian.telephony.media.wav.WavReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderTest {

    @Test
    void recordingNeverStoppedIsStillPlayableWithBothParties(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("call.wav");
        Recorder recorder = new Recorder(file, RecordingLayout.STEREO);
        short[] caller = TestAudio.sine(400, 20, 6000);
        short[] agent = TestAudio.sine(1200, 20, 6000);
        for (int i = 0; i < 75; i++) { // 1.5 s
            recorder.offer(caller, agent);
        }
        // Never stopped (the process "crashes"): the writer updates the header on its own.
        Await.until(Duration.ofSeconds(5), () -> headerDataSize(file) == 75 * 160 * 4, "header with all 75 frames");

        WavReader.WavAudio audio = WavReader.read(file);
        assertThat(audio.channels()).isEqualTo(2);
        short[] left = audio.channel(0);
        short[] right = audio.channel(1);
        assertThat(left).hasSize(75 * 160);
        assertThat(TestAudio.amplitudeAt(left, 0, left.length, 400, 8000)).isGreaterThan(5000);
        assertThat(TestAudio.amplitudeAt(left, 0, left.length, 1200, 8000)).isLessThan(100);
        assertThat(TestAudio.amplitudeAt(right, 0, right.length, 1200, 8000)).isGreaterThan(5000);
        recorder.stop();
    }

    @Test
    void mixedMonoSumsBothParties(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mono.wav");
        Recorder recorder = new Recorder(file, RecordingLayout.MIXED_MONO);
        for (int i = 0; i < 25; i++) {
            recorder.offer(TestAudio.sine(400, 20, 6000), TestAudio.sine(1200, 20, 6000));
        }
        recorder.stop();
        assertThat(recorder.awaitClosed(5000)).isTrue();
        short[] mono = WavReader.read8kMono(file);
        assertThat(TestAudio.amplitudeAt(mono, 0, mono.length, 400, 8000)).isGreaterThan(5000);
        assertThat(TestAudio.amplitudeAt(mono, 0, mono.length, 1200, 8000)).isGreaterThan(5000);
    }

    static int headerDataSize(Path file) {
        try {
            byte[] header = new byte[44];
            try (var in = Files.newInputStream(file)) {
                if (in.readNBytes(header, 0, 44) < 44) {
                    return -1;
                }
            }
            return ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt(40);
        } catch (Exception e) {
            return -1;
        }
    }
}
