package io.rexian.telephony.media;

import java.net.InetSocketAddress;

/**
 * The outcome of one offer/answer exchange, applied to a session on the pacing thread.
 *
 * @param remoteRtp          where to send RTP (null: the stream was rejected, send nothing)
 * @param remoteRtcp         where to send RTCP when not multiplexed
 * @param codec              codec to send
 * @param telephoneEventType payload type for RFC 4733 events we send, -1 when the remote has none
 * @param receiveEventType   payload type of the events we expect: the one we offered (RFC 3264
 *                           section 6.1 lets an answer number it differently), -1 when none
 * @param direction          our direction: whether we send and whether we expect to receive
 * @param rtcpMux            RTCP shares the RTP port
 */
record Negotiated(InetSocketAddress remoteRtp, InetSocketAddress remoteRtcp, Codec codec,
                  int telephoneEventType, int receiveEventType, Direction direction, boolean rtcpMux) {
}
