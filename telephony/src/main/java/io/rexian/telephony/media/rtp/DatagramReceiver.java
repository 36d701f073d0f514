package io.rexian.telephony.media.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one inbound thread for all media sessions: a selector over every RTP and RTCP channel.
 * It only copies datagrams out and hands them to the session's sink (a lock-free queue the
 * pacing thread drains), so no session state is touched here.
 */
public final class DatagramReceiver implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatagramReceiver.class);
    private static final int MAX_DATAGRAM = 1500;

    private final Selector selector;
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    public DatagramReceiver(String threadName) throws IOException {
        this.selector = Selector.open();
        this.thread = Thread.ofPlatform().name(threadName).daemon().start(this::run);
    }

    /** Starts delivering datagrams from {@code channel} to {@code sink}; callable from any thread. */
    public void register(DatagramChannel channel, boolean rtcpPort, Consumer<InboundDatagram> sink) {
        // Channels must be registered on the selector's own thread to avoid blocking on select().
        pending.add(() -> {
            try {
                channel.register(selector, SelectionKey.OP_READ, new Target(sink, rtcpPort));
            } catch (IOException e) {
                log.warn("cannot watch media channel {}", channel, e);
            }
        });
        selector.wakeup();
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        while (running) {
            try {
                selector.select(1000);
                Runnable task;
                while ((task = pending.poll()) != null) {
                    task.run();
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (key.isValid() && key.isReadable()) {
                        drain((DatagramChannel) key.channel(), (Target) key.attachment(), buffer);
                    }
                }
            } catch (ClosedSelectorException e) {
                return;
            } catch (IOException | RuntimeException e) {
                log.warn("media receiver loop error (continuing)", e);
            }
        }
    }

    private static void drain(DatagramChannel channel, Target target, ByteBuffer buffer) {
        // One datagram per readiness event: a media socket rarely holds more than one, and
        // reading until empty would cost a second, failing system call for almost every packet.
        // Selection is level-triggered, so anything left is reported by the next select.
        buffer.clear();
        InetSocketAddress source;
        try {
            source = (InetSocketAddress) channel.receive(buffer);
        } catch (IOException e) {
            return; // ICMP port unreachable surfaces here on some systems; the next read works
        }
        if (source == null) {
            return;
        }
        buffer.flip();
        byte[] data = new byte[buffer.remaining()];
        buffer.get(data);
        target.sink.accept(new InboundDatagram(data, data.length, source, target.rtcpPort, System.nanoTime()));
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        selector.close();
    }

    private record Target(Consumer<InboundDatagram> sink, boolean rtcpPort) {
    }
}
