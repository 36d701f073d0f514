package io.rexian.telephony.media.wav;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavWriterTest {

    @Test
    void writerAbandonedWithoutCloseLeavesAPlayableFileUpToTheLastHeaderUpdate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("crash.wav");
        short[] second = TestWavFiles.sine(440, 8000, 1000, 8000);
        WavWriter writer = new WavWriter(file, 8000, 1);
        writer.write(second, second.length);
        writer.updateHeader();
        writer.write(second, 1000); // buffered, never flushed: lost in the "crash"
        // no close(): the process died here

        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getInt(4)).as("RIFF size").isEqualTo(36 + 16000);
        assertThat(header.getInt(40)).as("data size").isEqualTo(16000);
        assertThat(WavReader.read8kMono(file)).containsExactly(second);
    }

    @Test
    void closedFileRoundTripsStereo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.wav");
        short[] left = TestWavFiles.sine(300, 8000, 100, 5000);
        short[] right = TestWavFiles.sine(900, 8000, 100, 5000);
        try (WavWriter writer = new WavWriter(file, 8000, 2)) {
            short[] both = TestWavFiles.interleave(left, right);
            writer.write(both, both.length);
        }
        WavReader.WavAudio audio = WavReader.read(file);
        assertThat(audio.channels()).isEqualTo(2);
        assertThat(audio.channel(0)).containsExactly(left);
        assertThat(audio.channel(1)).containsExactly(right);
    }
}
