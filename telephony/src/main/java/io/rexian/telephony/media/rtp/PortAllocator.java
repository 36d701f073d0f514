package io.rexian.telephony.media.rtp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.BitSet;

/**
 * Hands out RTP/RTCP port pairs (even RTP port, RTCP on the next odd port) from a range, round
 * robin so a port just released is not reused at once (late packets of the old call would
 * land in the new one). Ports taken by other programs are skipped. Thread-safe.
 */
public final class PortAllocator {

    private final InetAddress address;
    private final int first;
    private final int pairs;
    private final BitSet inUse;
    private int cursor;

    /** @param minPort first port (rounded up to even), @param maxPort last port (inclusive) */
    public PortAllocator(InetAddress address, int minPort, int maxPort) {
        this.address = address;
        this.first = (minPort + 1) & ~1;
        this.pairs = (maxPort - first + 1) / 2;
        if (pairs < 1) {
            throw new IllegalArgumentException("port range " + minPort + "-" + maxPort + " holds no even/odd pair");
        }
        this.inUse = new BitSet(pairs);
    }

    /** Binds a non-blocking channel pair; throws when every pair in the range is busy. */
    public synchronized ChannelPair allocate() throws IOException {
        for (int attempt = 0; attempt < pairs; attempt++) {
            int index = cursor;
            cursor = (cursor + 1) % pairs;
            if (inUse.get(index)) {
                continue;
            }
            int port = first + 2 * index;
            DatagramChannel rtp = tryBind(port);
            if (rtp == null) {
                continue;
            }
            DatagramChannel rtcp = tryBind(port + 1);
            if (rtcp == null) {
                rtp.close();
                continue;
            }
            inUse.set(index);
            return new ChannelPair(port, rtp, rtcp);
        }
        throw new IOException("no free RTP port pair in " + first + "-" + (first + 2 * pairs - 1));
    }

    /** Returns the pair's ports to the pool and closes its channels. */
    public synchronized void release(ChannelPair pair) {
        close(pair.rtp());
        close(pair.rtcp());
        inUse.clear((pair.port() - first) / 2);
    }

    public synchronized int inUse() {
        return inUse.cardinality();
    }

    private DatagramChannel tryBind(int port) {
        DatagramChannel channel = null;
        try {
            channel = DatagramChannel.open();
            channel.bind(new InetSocketAddress(address, port));
            channel.configureBlocking(false);
            return channel;
        } catch (IOException e) {
            close(channel);
            return null;
        }
    }

    private static void close(DatagramChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing a datagram channel cannot lose data; nothing to do.
            }
        }
    }

    /** The bound RTP channel (even port) and RTCP channel (port + 1) of one media session. */
    public record ChannelPair(int port, DatagramChannel rtp, DatagramChannel rtcp) {
    }
}
