package io.rexian.telephony.media;

import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ThreadLocalRandom;

import io.rexian.telephony.media.rtp.ReceptionStatistics;
import io.rexian.telephony.media.rtp.RtcpReports;
import io.rexian.telephony.media.rtp.RtpPacket;

/**
 * The sending half of one session's RTP stream: SSRC, sequence numbers, the 8 kHz media clock,
 * counters and the RTCP reports that carry them. Random initial values as RFC 3550 asks, so a
 * restarted call cannot be mistaken for the old one. Owned by the pacing thread.
 */
final class OutboundStream {

    private final MediaEngine engine;
    private final DatagramChannel rtp;
    private final DatagramChannel rtcp;
    private final long ssrc = ThreadLocalRandom.current().nextLong(0x100000000L);
    private final byte[] packet = new byte[RtpPacket.HEADER_LENGTH + 1024];
    private final byte[] reportBuffer = new byte[256];
    private int sequence = ThreadLocalRandom.current().nextInt(0x10000);
    private long timestamp = ThreadLocalRandom.current().nextLong(0x100000000L);
    private volatile long packetsSent;
    private long octetsSent;
    private boolean sentSinceReport;
    private boolean sentBeforeLastReport;
    private boolean reportSent;
    /** No packet went out last tick (or ever): the next audio packet begins a talkspurt. */
    private boolean talkspurtStart = true;
    private long lastSendNanos;
    // Punctuality of this stream against its own schedule; written by the pacing thread.
    private volatile long packetsTimed;
    private volatile long packetsOnTime;

    OutboundStream(MediaEngine engine, DatagramChannel rtp, DatagramChannel rtcp) {
        this.engine = engine;
        this.rtp = rtp;
        this.rtcp = rtcp;
    }

    /** The media clock of the current tick's frame. */
    long timestamp() {
        return timestamp;
    }

    /** Packets sent so far; readable from any thread. */
    long packetsSent() {
        return packetsSent;
    }

    /** This stream's {timed packets, of those within ±5 ms of its own schedule}; readable from any thread. */
    long[] punctuality() {
        return new long[] {packetsTimed, packetsOnTime};
    }

    /** Pacing thread: forget punctuality gathered so far. */
    void resetPunctuality() {
        packetsTimed = 0;
        packetsOnTime = 0;
    }

    /**
     * Sends this tick's audio packet. The marker bit starts a talkspurt (RFC 3551 section 4.1):
     * on the stream's first packet, on the first after a pause (hold, rejected stream), and
     * wherever {@code sourceMarker} says the relayed sender started one.
     */
    void sendAudio(boolean sourceMarker, int payloadType, byte[] payload, int length, InetSocketAddress to,
                   long scheduledNanos) {
        send(sourceMarker || talkspurtStart, payloadType, timestamp, payload, length, to, scheduledNanos);
    }

    /** Sends one packet; telephone-events carry their own marker and event timestamp (RFC 4733). */
    void send(boolean marker, int payloadType, long packetTimestamp, byte[] payload, int length,
              InetSocketAddress to, long scheduledNanos) {
        talkspurtStart = false;
        int size = RtpPacket.write(packet, marker, payloadType, sequence, packetTimestamp, ssrc, payload, 0, length);
        sequence = (sequence + 1) & 0xFFFF;
        long sentNanos = engine.send(rtp, packet, size, to, scheduledNanos, lastSendNanos);
        lastSendNanos = sentNanos < 0 ? 0 : sentNanos;
        if (sentNanos >= 0 && scheduledNanos != -1) {
            packetsTimed++;
            if (Math.abs(sentNanos - scheduledNanos) <= MediaEngine.ON_TIME_NANOS) {
                packetsOnTime++;
            }
        }
        if (sentNanos >= 0) {
            packetsSent++;
            octetsSent += length;
            sentSinceReport = true;
        }
    }

    /** Ends the tick: the clock moves one frame whether or not a packet went out (hold, mute). */
    void endTick(boolean sent) {
        timestamp = (timestamp + Codec.FRAME_SAMPLES) & 0xFFFFFFFFL;
        if (!sent) {
            lastSendNanos = 0; // a pause in sending is no jitter
            talkspurtStart = true;
        }
    }

    /** The engine skipped slots after a stall: the clock keeps real time, the gap is no jitter. */
    void skip(long ticks) {
        timestamp = (timestamp + ticks * Codec.FRAME_SAMPLES) & 0xFFFFFFFFL;
        lastSendNanos = 0;
    }

    /** Sends an SR (if we sent media in the last two intervals) or RR, on the RTP port when multiplexed. */
    void report(ReceptionStatistics reception, InetSocketAddress to, boolean rtcpMux, String cname) {
        sendReport(reception, to, rtcpMux, cname, false);
    }

    /**
     * Says goodbye (RFC 3550 section 6.6): the last report with a BYE appended. Only when this
     * stream sent something, RTP or RTCP: one that never did must not send BYE (section 6.3.7).
     */
    void bye(ReceptionStatistics reception, InetSocketAddress to, boolean rtcpMux, String cname) {
        if (packetsSent > 0 || reportSent) {
            sendReport(reception, to, rtcpMux, cname, true);
        }
    }

    private void sendReport(ReceptionStatistics reception, InetSocketAddress to, boolean rtcpMux, String cname,
                            boolean bye) {
        if (to == null) {
            return;
        }
        byte[] report = reportBuffer;
        // A sender is who sent RTP since the report before last (RFC 3550 6.3, we_sent).
        boolean sender = sentSinceReport || sentBeforeLastReport;
        // The clock already moved to the next tick's frame; the frame sent last is what "now" sounds like.
        long clock = (timestamp - Codec.FRAME_SAMPLES) & 0xFFFFFFFFL;
        int length = RtcpReports.write(report, ssrc, sender, System.currentTimeMillis(), clock,
                packetsSent, octetsSent, reception, System.nanoTime(), cname);
        if (bye) {
            length = RtcpReports.appendBye(report, length, ssrc);
        }
        sentBeforeLastReport = sentSinceReport;
        sentSinceReport = false;
        reportSent = true;
        engine.send(rtcpMux ? rtp : rtcp, report, length, to, -1, 0);
    }
}
