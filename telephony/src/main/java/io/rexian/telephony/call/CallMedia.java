package io.rexian.telephony.call;

/**
 * Adapter between signalling and the media package: the calls need only this much from
 * RTP/SDP. Kept small so signalling can be tested with a fake and media can evolve freely.
 */
public interface CallMedia extends AutoCloseable {

    /** A fresh media endpoint (RTP port pair) for one leg. */
    MediaChannel open(String legId);

    @Override
    default void close() {
    }
}
