package io.rexian.telephony.media.rtp;

import java.net.InetSocketAddress;

/** A datagram as the receiver thread read it, handed to the pacing thread untouched. */
public record InboundDatagram(byte[] data, int length, InetSocketAddress source, boolean rtcpPort, long receivedNanos) {
}
