package io.rexian.telephony.media;

/** How a call is written to WAV (8 kHz, 16-bit), chosen per recording. */
public enum RecordingLayout {
    /** One channel: both parties summed (with clipping). */
    MIXED_MONO,
    /** Two channels: left = the recorded leg's party (e.g. the caller), right = what that party heard (e.g. the agent). */
    STEREO
}
