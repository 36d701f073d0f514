package io.rexian.telephony.media.rtp;

/** RTP sequence number arithmetic modulo 2^16 (RFC 3550 appendix A.1). */
public final class SequenceNumbers {

    private SequenceNumbers() {
    }

    /** Signed distance from {@code from} to {@code to}, in [-32768, 32767]; positive means later. */
    public static int distance(int from, int to) {
        return (short) (to - from);
    }
}
