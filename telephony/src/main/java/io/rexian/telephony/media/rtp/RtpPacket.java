package io.rexian.telephony.media.rtp;

/**
 * One parsed RTP packet (RFC 3550 section 5.1). The payload is a view into the datagram's
 * bytes ({@link #payloadOffset()}, {@link #payloadLength()}), so parsing copies nothing.
 */
public record RtpPacket(boolean marker, int payloadType, int sequence, long timestamp, long ssrc,
                        byte[] data, int payloadOffset, int payloadLength) {

    public static final int HEADER_LENGTH = 12;

    /** Parses a datagram, or returns null when it is not RTP version 2 or is truncated. */
    public static RtpPacket parse(byte[] data, int length) {
        if (length < HEADER_LENGTH || (data[0] & 0xC0) != 0x80) {
            return null;
        }
        int csrcCount = data[0] & 0x0F;
        int offset = HEADER_LENGTH + 4 * csrcCount;
        if ((data[0] & 0x10) != 0) {
            if (length < offset + 4) {
                return null;
            }
            int extensionWords = ((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF);
            offset += 4 + 4 * extensionWords;
        }
        int end = length;
        if ((data[0] & 0x20) != 0) {
            end -= data[length - 1] & 0xFF;
        }
        if (offset > end) {
            return null;
        }
        boolean marker = (data[1] & 0x80) != 0;
        int payloadType = data[1] & 0x7F;
        int sequence = ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
        long timestamp = readUnsignedInt(data, 4);
        long ssrc = readUnsignedInt(data, 8);
        return new RtpPacket(marker, payloadType, sequence, timestamp, ssrc, data, offset, end - offset);
    }

    /** True when the second byte says RTCP (PT 200-204 with the marker bit): rtcp-mux demultiplexing (RFC 5761). */
    public static boolean looksLikeRtcp(byte[] data, int length) {
        if (length < 2) {
            return false;
        }
        int type = data[1] & 0xFF;
        return type >= 192 && type <= 223;
    }

    /** Writes a 12-byte header followed by the payload into {@code out}; returns the length. */
    public static int write(byte[] out, boolean marker, int payloadType, int sequence, long timestamp, long ssrc,
                            byte[] payload, int payloadOffset, int payloadLength) {
        out[0] = (byte) 0x80;
        out[1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
        out[2] = (byte) (sequence >> 8);
        out[3] = (byte) sequence;
        writeInt(out, 4, timestamp);
        writeInt(out, 8, ssrc);
        System.arraycopy(payload, payloadOffset, out, HEADER_LENGTH, payloadLength);
        return HEADER_LENGTH + payloadLength;
    }

    public byte[] payloadCopy() {
        byte[] copy = new byte[payloadLength];
        System.arraycopy(data, payloadOffset, copy, 0, payloadLength);
        return copy;
    }

    static long readUnsignedInt(byte[] data, int offset) {
        return ((long) (data[offset] & 0xFF) << 24) | ((data[offset + 1] & 0xFF) << 16)
                | ((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF);
    }

    static void writeInt(byte[] out, int offset, long value) {
        out[offset] = (byte) (value >> 24);
        out[offset + 1] = (byte) (value >> 16);
        out[offset + 2] = (byte) (value >> 8);
        out[offset + 3] = (byte) value;
    }
}
