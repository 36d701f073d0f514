package io.rexian.telephony.media;

import java.util.Arrays;

import io.rexian.telephony.media.codec.G711;

/**
 * The audio codecs the engine speaks: G.711 µ-law and A-law at 8 kHz with their static RTP
 * payload types. One 20 ms frame is 160 samples and 160 payload bytes for both.
 */
public enum Codec {
    PCMU(0, (byte) 0xFF),
    PCMA(8, (byte) 0xD5);

    /** Samples per 20 ms frame at 8 kHz; also the RTP timestamp step per packet. */
    public static final int FRAME_SAMPLES = 160;

    private final int payloadType;
    private final byte[] silence = new byte[FRAME_SAMPLES];

    Codec(int payloadType, byte silenceByte) {
        this.payloadType = payloadType;
        Arrays.fill(silence, silenceByte);
    }

    /** The static RTP payload type (RFC 3551): 0 for PCMU, 8 for PCMA. */
    public int payloadType() {
        return payloadType;
    }

    /** The codec with this static payload type, or null when the engine does not speak it. */
    public static Codec forPayloadType(int payloadType) {
        for (Codec codec : values()) {
            if (codec.payloadType == payloadType) {
                return codec;
            }
        }
        return null;
    }

    /** One 20 ms frame of silence in this codec, shared: callers must not modify it. */
    byte[] silenceFrame() {
        return silence;
    }

    /** Encodes {@code length} linear samples into {@code out} (one byte per sample). */
    public void encode(short[] pcm, int length, byte[] out) {
        if (this == PCMU) {
            for (int i = 0; i < length; i++) {
                out[i] = G711.linearToUlaw(pcm[i]);
            }
        } else {
            for (int i = 0; i < length; i++) {
                out[i] = G711.linearToAlaw(pcm[i]);
            }
        }
    }

    /** Decodes {@code length} payload bytes from {@code offset} into linear samples. */
    public void decode(byte[] payload, int offset, int length, short[] out) {
        if (this == PCMU) {
            for (int i = 0; i < length; i++) {
                out[i] = G711.ulawToLinear(payload[offset + i]);
            }
        } else {
            for (int i = 0; i < length; i++) {
                out[i] = G711.alawToLinear(payload[offset + i]);
            }
        }
    }

    /** Converts a payload of this codec to {@code target} without going through a caller buffer. */
    public byte[] transcode(byte[] payload, Codec target) {
        if (target == this) {
            return payload.clone();
        }
        byte[] out = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            out[i] = this == PCMU ? G711.ulawToAlaw(payload[i]) : G711.alawToUlaw(payload[i]);
        }
        return out;
    }
}
