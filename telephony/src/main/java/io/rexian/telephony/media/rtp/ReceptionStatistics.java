package io.rexian.telephony.media.rtp;

/**
 * What RTCP receiver reports need about one inbound stream (RFC 3550 appendix A.1, A.3, A.8):
 * extended highest sequence, packets expected and lost, interarrival jitter, last SR time.
 * Not thread-safe: owned by the pacing thread.
 */
public final class ReceptionStatistics {

    /** Sequence jumps beyond these are a restarted sender, not loss or reordering (RFC 3550 A.1). */
    private static final int MAX_DROPOUT = 3000;
    private static final int MAX_MISORDER = 100;

    private long ssrc;
    /** The sequence number that would confirm a jump: the one after the jump's first packet; -1 for none. */
    private int badSequence = -1;
    private boolean started;
    private long baseSequence;
    private long highestSequence;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private double jitter;
    private long lastTransit;
    private boolean haveTransit;
    private long lastSrNtpMiddle;
    private long lastSrReceivedNanos;

    /**
     * Records an RTP packet; {@code arrivalSamples} is the arrival time in 8 kHz units.
     * {@code sampled} is false for packets whose timestamp is no sampling instant (an RFC 4733
     * event keeps its start time in every packet): they count, but do not enter the jitter.
     */
    public void onPacket(long packetSsrc, int sequence, long timestamp, long arrivalSamples, boolean sampled) {
        if (!started || packetSsrc != ssrc) {
            if (started) {
                // The old source's SR says nothing about the new one: no LSR/DLSR until it sends its own.
                lastSrNtpMiddle = 0;
                lastSrReceivedNanos = 0;
            }
            ssrc = packetSsrc;
            started = true;
            restartSequence(sequence);
        } else {
            int delta = SequenceNumbers.distance((int) (highestSequence & 0xFFFF), sequence);
            if (delta > MAX_DROPOUT || delta < -MAX_MISORDER) {
                if (sequence != badSequence) {
                    // One stray packet must not count thousands lost; two in a row mean the
                    // sender restarted its numbering (a re-INVITE with the same SSRC).
                    badSequence = (sequence + 1) & 0xFFFF;
                    return;
                }
                restartSequence(sequence);
            } else {
                highestSequence = Math.max(highestSequence, highestSequence + delta);
            }
        }
        received++;
        if (!sampled) {
            return;
        }
        long transit = arrivalSamples - timestamp;
        if (haveTransit) {
            long d = Math.abs(transit - lastTransit);
            jitter += (d - jitter) / 16.0;
        }
        lastTransit = transit;
        haveTransit = true;
    }

    private void restartSequence(int sequence) {
        baseSequence = sequence;
        highestSequence = sequence;
        badSequence = -1;
        received = 0;
        expectedPrior = 0;
        receivedPrior = 0;
        haveTransit = false;
    }

    /**
     * Remembers a sender report's NTP middle 32 bits so the next RR can carry LSR/DLSR; an SR
     * from another source than the one we hear is ignored.
     */
    public void onSenderReport(long senderSsrc, long ntpMiddle, long nowNanos) {
        if (started && senderSsrc != ssrc) {
            return;
        }
        lastSrNtpMiddle = ntpMiddle;
        lastSrReceivedNanos = nowNanos;
    }

    /** The source said BYE: report on nobody until a packet starts the statistics again. */
    public void forget() {
        started = false;
    }

    public boolean started() {
        return started;
    }

    public long ssrc() {
        return ssrc;
    }

    public long received() {
        return received;
    }

    public long extendedHighestSequence() {
        return highestSequence;
    }

    public long cumulativeLost() {
        long expected = highestSequence - baseSequence + 1;
        return Math.max(0, expected - received);
    }

    /** Fraction lost since the previous call, as the 8-bit fixed point RTCP wants; resets the interval. */
    public int takeFractionLost() {
        long expected = highestSequence - baseSequence + 1;
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        if (expectedInterval <= 0 || lostInterval <= 0) {
            return 0;
        }
        return (int) Math.min(255, (lostInterval << 8) / expectedInterval);
    }

    public long jitter() {
        return (long) jitter;
    }

    public long lastSrNtpMiddle() {
        return lastSrNtpMiddle;
    }

    /** Delay since the last SR in 1/65536 s, or 0 without one. */
    public long delaySinceLastSr(long nowNanos) {
        if (lastSrReceivedNanos == 0) {
            return 0;
        }
        return (nowNanos - lastSrReceivedNanos) * 65536 / 1_000_000_000L;
    }
}
