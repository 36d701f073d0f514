package io.rexian.telephony.media.codec;

/**
 * ITU-T G.711 µ-law and A-law companding, table driven: encoding is one array lookup per
 * sample (64 KiB per law) because the pacing thread encodes thousands of frames per tick.
 * Thread-safe: the tables are immutable after class initialisation.
 */
public final class G711 {

    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];
    private static final byte[] LINEAR_TO_ULAW = new byte[65536];
    private static final byte[] LINEAR_TO_ALAW = new byte[65536];
    private static final byte[] ULAW_TO_ALAW = new byte[256];
    private static final byte[] ALAW_TO_ULAW = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            ULAW_TO_LINEAR[i] = (short) decodeUlaw(i);
            ALAW_TO_LINEAR[i] = (short) decodeAlaw(i);
        }
        for (int s = -32768; s <= 32767; s++) {
            LINEAR_TO_ULAW[s & 0xFFFF] = (byte) encodeUlaw(s);
            LINEAR_TO_ALAW[s & 0xFFFF] = (byte) encodeAlaw(s);
        }
        // Transcoding through linear keeps the result identical to decode-then-encode.
        for (int i = 0; i < 256; i++) {
            ULAW_TO_ALAW[i] = LINEAR_TO_ALAW[ULAW_TO_LINEAR[i] & 0xFFFF];
            ALAW_TO_ULAW[i] = LINEAR_TO_ULAW[ALAW_TO_LINEAR[i] & 0xFFFF];
        }
    }

    private G711() {
    }

    public static byte linearToUlaw(int sample) {
        return LINEAR_TO_ULAW[clip(sample) & 0xFFFF];
    }

    public static short ulawToLinear(byte code) {
        return ULAW_TO_LINEAR[code & 0xFF];
    }

    public static byte linearToAlaw(int sample) {
        return LINEAR_TO_ALAW[clip(sample) & 0xFFFF];
    }

    public static short alawToLinear(byte code) {
        return ALAW_TO_LINEAR[code & 0xFF];
    }

    public static byte ulawToAlaw(byte code) {
        return ULAW_TO_ALAW[code & 0xFF];
    }

    public static byte alawToUlaw(byte code) {
        return ALAW_TO_ULAW[code & 0xFF];
    }

    private static int clip(int sample) {
        return Math.max(-32768, Math.min(32767, sample));
    }

    // Reference algorithms (ITU-T G.191 style), used only to fill the tables.

    private static int encodeUlaw(int pcm) {
        final int bias = 0x84;
        final int clip = 32635;
        int sign = (pcm >> 8) & 0x80;
        if (sign != 0) {
            pcm = -pcm;
        }
        if (pcm > clip) {
            pcm = clip;
        }
        pcm += bias;
        int exponent = 7;
        for (int mask = 0x4000; (pcm & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (pcm >> (exponent + 3)) & 0x0F;
        return ~(sign | (exponent << 4) | mantissa) & 0xFF;
    }

    private static int decodeUlaw(int code) {
        code = ~code & 0xFF;
        int sign = code & 0x80;
        int exponent = (code >> 4) & 0x07;
        int mantissa = code & 0x0F;
        int magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84;
        return sign != 0 ? -magnitude : magnitude;
    }

    private static int encodeAlaw(int pcm) {
        int sign = pcm >= 0 ? 0x80 : 0x00;
        int magnitude = pcm >= 0 ? pcm : -pcm - 1;
        if (magnitude > 32767) {
            magnitude = 32767;
        }
        int code;
        if (magnitude < 256) {
            code = magnitude >> 4;
        } else {
            int exponent = 1;
            for (int m = magnitude >> 8; m > 1; m >>= 1) {
                exponent++;
            }
            code = (exponent << 4) | ((magnitude >> (exponent + 3)) & 0x0F);
        }
        return (sign | code) ^ 0x55;
    }

    private static int decodeAlaw(int code) {
        code ^= 0x55;
        int sign = code & 0x80;
        int exponent = (code >> 4) & 0x07;
        int mantissa = code & 0x0F;
        int magnitude = exponent == 0
                ? (mantissa << 4) + 8
                : ((mantissa << 4) + 0x108) << (exponent - 1);
        return sign != 0 ? magnitude : -magnitude;
    }
}
