package io.rexian.telephony.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.rexian.telephony.media.Codec;
import org.junit.jupiter.api.Test;

class G711Test {

    @Test
    void muLawMatchesG711ReferenceValues() {
        assertThat(G711.linearToUlaw(0)).isEqualTo((byte) 0xFF);
        assertThat(G711.linearToUlaw(-1)).isEqualTo((byte) 0x7F);
        assertThat(G711.linearToUlaw(32767)).isEqualTo((byte) 0x80);
        assertThat(G711.linearToUlaw(-32768)).isEqualTo((byte) 0x00);
        assertThat(G711.ulawToLinear((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(G711.ulawToLinear((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(G711.ulawToLinear((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.ulawToLinear((byte) 0xF0)).isEqualTo((short) 120);
        assertThat(G711.linearToUlaw(1000)).isEqualTo((byte) 0xCE);
    }

    @Test
    void aLawMatchesG711ReferenceValues() {
        assertThat(G711.linearToAlaw(0)).isEqualTo((byte) 0xD5);
        assertThat(G711.linearToAlaw(-1)).isEqualTo((byte) 0x55);
        assertThat(G711.linearToAlaw(32767)).isEqualTo((byte) 0xAA);
        assertThat(G711.linearToAlaw(-32768)).isEqualTo((byte) 0x2A);
        assertThat(G711.alawToLinear((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(G711.alawToLinear((byte) 0x55)).isEqualTo((short) -8);
        assertThat(G711.alawToLinear((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(G711.alawToLinear((byte) 0x2A)).isEqualTo((short) -32256);
        assertThat(G711.linearToAlaw(1000)).isEqualTo((byte) 0xFA);
    }

    @Test
    void everyCodeSurvivesDecodeThenEncode() {
        for (int code = 0; code < 256; code++) {
            byte b = (byte) code;
            assertThat(G711.linearToAlaw(G711.alawToLinear(b))).isEqualTo(b);
            short linear = G711.ulawToLinear(b);
            // 0x7F and 0xFF both mean zero in µ-law; zero encodes to 0xFF.
            assertThat(G711.ulawToLinear(G711.linearToUlaw(linear))).isEqualTo(linear);
        }
    }

    @Test
    void quantisationErrorStaysWithinTheSegmentStep() {
        for (int s = -32768; s <= 32767; s += 7) {
            int ulawError = Math.abs(G711.ulawToLinear(G711.linearToUlaw(s)) - Math.max(-32124, Math.min(32124, s)));
            int alawError = Math.abs(G711.alawToLinear(G711.linearToAlaw(s)) - Math.max(-32256, Math.min(32256, s)));
            int magnitude = Math.abs(s);
            assertThat(ulawError).isLessThanOrEqualTo(Math.max(8, magnitude / 16));
            assertThat(alawError).isLessThanOrEqualTo(Math.max(16, magnitude / 16));
        }
    }

    @Test
    void transcodingEqualsDecodeThenEncode() {
        byte[] ulaw = new byte[256];
        for (int i = 0; i < 256; i++) {
            ulaw[i] = (byte) i;
        }
        byte[] alaw = Codec.PCMU.transcode(ulaw, Codec.PCMA);
        for (int i = 0; i < 256; i++) {
            assertThat(alaw[i]).isEqualTo(G711.linearToAlaw(G711.ulawToLinear(ulaw[i])));
        }
        byte[] back = Codec.PCMA.transcode(alaw, Codec.PCMU);
        for (int i = 0; i < 256; i++) {
            int original = G711.ulawToLinear(ulaw[i]);
            int twice = G711.ulawToLinear(back[i]);
            assertThat(Math.abs(original - twice)).isLessThanOrEqualTo(Math.max(16, Math.abs(original) / 10));
        }
    }
}
