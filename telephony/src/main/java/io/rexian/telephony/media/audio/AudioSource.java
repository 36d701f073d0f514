package io.rexian.telephony.media.audio;

/** Produces outgoing audio one 20 ms frame at a time on the pacing thread; must never block. */
public interface AudioSource {

    /** Fills {@code frame} (160 samples at 8 kHz); returns false, leaving it untouched, once finished. */
    boolean read(short[] frame);
}
