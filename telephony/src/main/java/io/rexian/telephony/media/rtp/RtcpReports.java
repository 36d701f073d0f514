package io.rexian.telephony.media.rtp;

/**
 * Builds the minimal compound RTCP packets the engine sends every few seconds (RFC 3550
 * section 6.4): a sender report when we sent media since the last one, a receiver report
 * otherwise, each followed by an SDES CNAME as a compound packet must carry it (section 6.1);
 * a BYE is appended to the last one when the session ends (section 6.6). Also reads what the
 * engine needs from the remote's compound packets: its SR time and whether it said BYE.
 */
public final class RtcpReports {

    private static final long NTP_EPOCH_OFFSET_SECONDS = 2_208_988_800L;
    private static final int SR = 200;
    private static final int BYE = 203;

    private RtcpReports() {
    }

    /**
     * Writes the compound packet into {@code out} and returns its length.
     *
     * @param sender      true for SR (we sent media), false for RR
     * @param wallMillis  wall-clock time for the NTP timestamp
     * @param rtpTimestamp the RTP timestamp matching {@code wallMillis}
     * @param stats       the inbound stream, reported when it has started
     */
    public static int write(byte[] out, long ssrc, boolean sender, long wallMillis, long rtpTimestamp,
                            long packetsSent, long octetsSent, ReceptionStatistics stats, long nowNanos, String cname) {
        int blocks = stats.started() ? 1 : 0;
        int pos = 0;
        out[pos] = (byte) (0x80 | blocks);
        out[pos + 1] = (byte) (sender ? SR : 201);
        int lengthPos = pos + 2;
        RtpPacket.writeInt(out, pos + 4, ssrc);
        pos += 8;
        if (sender) {
            long seconds = wallMillis / 1000 + NTP_EPOCH_OFFSET_SECONDS;
            long fraction = ((wallMillis % 1000) << 32) / 1000;
            RtpPacket.writeInt(out, pos, seconds);
            RtpPacket.writeInt(out, pos + 4, fraction);
            RtpPacket.writeInt(out, pos + 8, rtpTimestamp);
            RtpPacket.writeInt(out, pos + 12, packetsSent);
            RtpPacket.writeInt(out, pos + 16, octetsSent);
            pos += 20;
        }
        if (blocks == 1) {
            RtpPacket.writeInt(out, pos, stats.ssrc());
            long lost = Math.min(0x7FFFFF, stats.cumulativeLost());
            RtpPacket.writeInt(out, pos + 4, ((long) stats.takeFractionLost() << 24) | lost);
            RtpPacket.writeInt(out, pos + 8, stats.extendedHighestSequence());
            RtpPacket.writeInt(out, pos + 12, stats.jitter());
            RtpPacket.writeInt(out, pos + 16, stats.lastSrNtpMiddle());
            RtpPacket.writeInt(out, pos + 20, stats.delaySinceLastSr(nowNanos));
            pos += 24;
        }
        writeLength(out, lengthPos, pos);
        int sdesStart = pos;
        out[pos] = (byte) 0x81;
        out[pos + 1] = (byte) 202;
        RtpPacket.writeInt(out, pos + 4, ssrc);
        pos += 8;
        byte[] name = cname.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out[pos++] = 1; // CNAME
        out[pos++] = (byte) name.length;
        System.arraycopy(name, 0, out, pos, name.length);
        pos += name.length;
        out[pos++] = 0; // end of items, then pad the chunk to 32 bits
        while ((pos - sdesStart) % 4 != 0) {
            out[pos++] = 0;
        }
        writeLength(out, sdesStart + 2, pos - sdesStart);
        return pos;
    }

    /**
     * Appends a BYE for {@code ssrc} (no reason) to the compound packet of {@code length} bytes
     * in {@code out}; returns the new length. BYE must come last in the compound (section 6.1).
     */
    public static int appendBye(byte[] out, int length, long ssrc) {
        out[length] = (byte) 0x81; // one source
        out[length + 1] = (byte) BYE;
        writeLength(out, length + 2, 8);
        RtpPacket.writeInt(out, length + 4, ssrc);
        return length + 8;
    }

    /** The middle 32 bits of an incoming SR's NTP timestamp, or -1 when the packet is no SR. */
    public static long senderReportNtpMiddle(byte[] data, int length) {
        if (length < 28 || (data[1] & 0xFF) != SR) {
            return -1;
        }
        return ((RtpPacket.readUnsignedInt(data, 8) & 0xFFFF) << 16) | (RtpPacket.readUnsignedInt(data, 12) >>> 16);
    }

    /** The sender SSRC of the first packet of a compound (at least 8 bytes: the caller checked it is an SR). */
    public static long senderSsrc(byte[] data) {
        return RtpPacket.readUnsignedInt(data, 4);
    }

    /** True when a BYE in the compound packet lists {@code ssrc}: that source left the session. */
    public static boolean saysBye(byte[] data, int length, long ssrc) {
        int pos = 0;
        while (pos + 4 <= length && (data[pos] & 0xC0) == 0x80) {
            int end = pos + 4 * (((data[pos + 2] & 0xFF) << 8 | (data[pos + 3] & 0xFF)) + 1);
            if ((data[pos + 1] & 0xFF) == BYE) {
                int sources = data[pos] & 0x1F;
                for (int i = 0; i < sources && pos + 8 + 4 * i <= Math.min(end, length); i++) {
                    if (RtpPacket.readUnsignedInt(data, pos + 4 + 4 * i) == ssrc) {
                        return true;
                    }
                }
            }
            pos = end;
        }
        return false;
    }

    private static void writeLength(byte[] out, int lengthPos, int packetBytes) {
        // RTCP length: 32-bit words minus one.
        int words = packetBytes / 4 - 1;
        out[lengthPos] = (byte) (words >> 8);
        out[lengthPos + 1] = (byte) words;
    }
}
