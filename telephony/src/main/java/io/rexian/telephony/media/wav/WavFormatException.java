package io.rexian.telephony.media.wav;

import java.io.IOException;

/** A WAV file the engine cannot read; the message says what is wrong with it. */
public class WavFormatException extends IOException {
    public WavFormatException(String message) {
        super(message);
    }
}
