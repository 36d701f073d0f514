package io.rexian.telephony.media.wav;

import static io.rexian.telephony.media.wav.TestWavFiles.amplitudeAt;
import static io.rexian.telephony.media.wav.TestWavFiles.sine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import io.rexian.telephony.media.codec.G711;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavReaderTest {

    @TempDir
    Path dir;

    @Test
    void pcm16At8kMonoLoadsUnchanged() throws Exception {
        short[] tone = sine(1000, 8000, 500, 10000);
        Path file = TestWavFiles.write(dir.resolve("a.wav"), 1, 8000, 1, 16, TestWavFiles.pcm16(tone));
        assertThat(WavReader.read8kMono(file)).containsExactly(tone);
    }

    @Test
    void stereo44100IsMixedDownAndResampledKeepingTheToneAndItsLength() throws Exception {
        short[] left = sine(1000, 44100, 1000, 10000);
        short[] right = sine(1000, 44100, 1000, 10000);
        Path file = TestWavFiles.write(dir.resolve("b.wav"), 1, 44100, 2, 16, TestWavFiles.pcm16(TestWavFiles.interleave(left, right)));
        short[] loaded = WavReader.read8kMono(file);
        assertThat(loaded.length).isBetween(7990, 8000);
        assertThat(amplitudeAt(loaded, 1000, 8000)).isBetween(9500.0, 10500.0);
    }

    @Test
    void frequenciesAboveTheTelephoneBandAreFilteredNotAliased() throws Exception {
        // 6 kHz at 48 kHz would fold to 2 kHz when decimated without a low-pass filter.
        short[] high = sine(6000, 48000, 1000, 10000);
        Path file = TestWavFiles.write(dir.resolve("c.wav"), 1, 48000, 1, 16, TestWavFiles.pcm16(high));
        short[] loaded = WavReader.read8kMono(file);
        assertThat(amplitudeAt(loaded, 2000, 8000)).as("no alias at 2 kHz").isLessThan(100);
        // 11.025 kHz: the 3 kHz in-band part survives.
        short[] inBand = sine(3000, 11025, 1000, 10000);
        Path file2 = TestWavFiles.write(dir.resolve("d.wav"), 1, 11025, 1, 16, TestWavFiles.pcm16(inBand));
        assertThat(amplitudeAt(WavReader.read8kMono(file2), 3000, 8000)).isGreaterThan(8000);
    }

    @Test
    void eightBitUnsignedAnd16kLoad() throws Exception {
        short[] tone = sine(500, 16000, 500, 12000);
        Path file = TestWavFiles.write(dir.resolve("e.wav"), 1, 16000, 1, 8, TestWavFiles.pcm8(tone));
        short[] loaded = WavReader.read8kMono(file);
        assertThat(loaded).hasSize(4000);
        assertThat(amplitudeAt(loaded, 500, 8000)).isBetween(11000.0, 13000.0);
    }

    @Test
    void muLawAndALawFilesDecodeWithG711() throws Exception {
        short[] tone = sine(800, 8000, 200, 9000);
        byte[] ulaw = new byte[tone.length];
        byte[] alaw = new byte[tone.length];
        for (int i = 0; i < tone.length; i++) {
            ulaw[i] = G711.linearToUlaw(tone[i]);
            alaw[i] = G711.linearToAlaw(tone[i]);
        }
        short[] fromUlaw = WavReader.read8kMono(TestWavFiles.write(dir.resolve("u.wav"), 7, 8000, 1, 8, ulaw));
        short[] fromAlaw = WavReader.read8kMono(TestWavFiles.write(dir.resolve("l.wav"), 6, 8000, 1, 8, alaw));
        for (int i = 0; i < tone.length; i++) {
            assertThat(fromUlaw[i]).isEqualTo(G711.ulawToLinear(ulaw[i]));
            assertThat(fromAlaw[i]).isEqualTo(G711.alawToLinear(alaw[i]));
        }
    }

    @Test
    void notAWavFileIsRefusedWithAReason() throws Exception {
        Path file = Files.writeString(dir.resolve("x.wav"), "hello, not audio");
        assertThatThrownBy(() -> WavReader.read8kMono(file)).isInstanceOf(WavFormatException.class).hasMessageContaining("not a RIFF/WAVE");
        Path adpcm = TestWavFiles.write(dir.resolve("y.wav"), 2, 8000, 1, 4, new byte[100]);
        assertThatThrownBy(() -> WavReader.read8kMono(adpcm)).hasMessageContaining("format 2 is not supported");
    }
}
