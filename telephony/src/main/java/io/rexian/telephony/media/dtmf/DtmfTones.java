package io.rexian.telephony.media.dtmf;

import java.util.Locale;

/**
 * Renders digits as in-band DTMF tone pairs (ITU-T Q.23): for remotes that did not negotiate
 * telephone-event, keys must travel as audio. 100 ms tone, 60 ms pause, each of the pair at
 * about -7 dBm0 so the sum stays well below clipping through G.711.
 */
public final class DtmfTones {

    private static final double[] ROWS = {697, 770, 852, 941};
    private static final double[] COLUMNS = {1209, 1336, 1477, 1633};
    private static final String KEYS = "123A456B789C*0#D";
    private static final int TONE_SAMPLES = 800;
    private static final int PAUSE_SAMPLES = 480;
    private static final double AMPLITUDE = 7000;

    private DtmfTones() {
    }

    /** 8 kHz samples for the digits; characters that are no DTMF key are skipped. */
    public static short[] render(CharSequence digits) {
        String keys = digits.toString().toUpperCase(Locale.ROOT);
        int count = 0;
        for (char c : keys.toCharArray()) {
            count += KEYS.indexOf(c) >= 0 ? 1 : 0;
        }
        short[] out = new short[count * (TONE_SAMPLES + PAUSE_SAMPLES)];
        int pos = 0;
        for (char c : keys.toCharArray()) {
            int index = KEYS.indexOf(c);
            if (index < 0) {
                continue;
            }
            double row = 2 * Math.PI * ROWS[index / 4] / 8000;
            double column = 2 * Math.PI * COLUMNS[index % 4] / 8000;
            for (int i = 0; i < TONE_SAMPLES; i++) {
                out[pos + i] = (short) Math.round(AMPLITUDE * (Math.sin(row * i) + Math.sin(column * i)));
            }
            pos += TONE_SAMPLES + PAUSE_SAMPLES;
        }
        return out;
    }
}
