package io.rexian.telephony.media.mix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class FrameMixerTest {

    @Test
    void sumsAndClipsInsteadOfWrapping() {
        short[] a = {1000, 30000, -30000, 5};
        short[] b = {-400, 30000, -30000, 5};
        short[] c = {0, 1, -1, 5};
        short[] out = new short[4];
        FrameMixer.mix(List.of(a, b, c), 4, out);
        assertThat(out).containsExactly((short) 600, (short) 32767, (short) -32768, (short) 15);
    }
}
