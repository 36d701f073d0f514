package io.rexian.telephony.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InbandDtmfDetectorTest {

    static final double[] ROWS = {697, 770, 852, 941};
    static final double[] COLUMNS = {1209, 1336, 1477, 1633};
    static final String KEYS = "123A456B789C*0#D";

    final StringBuilder digits = new StringBuilder();
    final InbandDtmfDetector detector = new InbandDtmfDetector((d, duration) -> digits.append(d));
    long sample;

    @Test
    void everyKeyIsRecognisedOnceThroughMuLaw() {
        for (char key : KEYS.toCharArray()) {
            play(key, 100, 7000, true);
            silence(60);
        }
        assertThat(digits.toString()).isEqualTo(KEYS);
    }

    @Test
    void sameKeyTwiceNeedsAGapAndALongPressCountsOnce() {
        play('5', 400, 7000, false);
        silence(40);
        play('5', 80, 7000, false);
        assertThat(digits.toString()).isEqualTo("55");
    }

    @Test
    void singleTonesSpeechLikeChordsAndQuietKeysAreIgnored() {
        frames(i -> 8000 * Math.sin(2 * Math.PI * 1000 * i / 8000.0), 500);             // 1 kHz beep
        frames(i -> 6000 * Math.sin(2 * Math.PI * 440 * i / 8000.0), 500);              // one row-ish tone only
        frames(i -> 4000 * (Math.sin(2 * Math.PI * 697 * i / 8000.0) + Math.sin(2 * Math.PI * 770 * i / 8000.0)
                + Math.sin(2 * Math.PI * 1209 * i / 8000.0)), 300);                   // two rows at once
        play('9', 100, 30, false);                                                      // far too quiet
        assertThat(digits.toString()).isEmpty();
    }

    private void play(char key, int millis, double amplitude, boolean throughUlaw) {
        int index = KEYS.indexOf(key);
        double row = ROWS[index / 4];
        double column = COLUMNS[index % 4];
        frames(i -> {
            double v = amplitude * (Math.sin(2 * Math.PI * row * i / 8000.0) + Math.sin(2 * Math.PI * column * i / 8000.0));
            if (throughUlaw) {
                v = io.rexian.telephony.media.codec.G711.ulawToLinear(io.rexian.telephony.media.codec.G711.linearToUlaw((int) v));
            }
            return v;
        }, millis);
    }

    private void silence(int millis) {
        frames(i -> 0, millis);
    }

    private void frames(java.util.function.LongToDoubleFunction signal, int millis) {
        for (int f = 0; f < millis / 20; f++) {
            short[] frame = new short[160];
            for (int i = 0; i < 160; i++) {
                frame[i] = (short) Math.round(signal.applyAsDouble(sample++));
            }
            detector.onFrame(frame, 160);
        }
    }
}
