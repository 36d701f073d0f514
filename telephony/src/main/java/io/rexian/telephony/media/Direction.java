package io.rexian.telephony.media;

/**
 * SDP media direction (RFC 3264 section 5.1), always seen from the side that wrote the SDP.
 * Hold is a re-offer with {@link #SENDONLY} (music on hold keeps flowing) or {@link #INACTIVE}.
 */
public enum Direction {
    SENDRECV(true, true),
    SENDONLY(true, false),
    RECVONLY(false, true),
    INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    Direction(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }

    /** The direction an answerer mirrors for this offered direction (sendonly becomes recvonly). */
    public Direction reverse() {
        return of(receives, sends);
    }

    /** The direction allowed by both: what this side wants, limited by {@code other}. */
    public Direction and(Direction other) {
        return of(sends && other.sends, receives && other.receives);
    }

    public String attribute() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Direction of(boolean sends, boolean receives) {
        if (sends) {
            return receives ? SENDRECV : SENDONLY;
        }
        return receives ? RECVONLY : INACTIVE;
    }
}
