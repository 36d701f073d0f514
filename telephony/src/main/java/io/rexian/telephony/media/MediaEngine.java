package io.rexian.telephony.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

import io.rexian.telephony.media.rtp.DatagramReceiver;
import io.rexian.telephony.media.rtp.PortAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RTP media engine of one telephony node: allocates ports, owns the pacing thread that
 * sends every session's packet each 20 ms, and the receiver thread that reads all sockets.
 *
 * <p>Threading: one platform thread ("rtp-pacer") owns all session media state. It runs a
 * timing wheel: the 20 ms period is cut into {@link #SLOTS} slots of 2 ms, each session belongs
 * to one slot, and every 2 ms the pacer processes only that slot's sessions. So each stream
 * sends at its own phase, exactly every 20 ms, and no stream waits for the sends of all the
 * others. Commands from other threads are queued and run at the start of the next slot (within
 * 2 ms, before the session's next tick). It never blocks: sends are non-blocking (a full socket
 * buffer drops the packet), file I/O for recordings happens on virtual threads. One platform
 * thread ("rtp-receiver") selects over every socket and only queues datagrams.
 */
public final class MediaEngine implements AutoCloseable {

    static final long TICK_MILLIS = 20;
    private static final long TICK_NANOS = TICK_MILLIS * 1_000_000;
    /** Slots of the timing wheel: 10 × 2 ms, so one slot's work is a tenth of all sessions'. */
    static final int SLOTS = 10;
    private static final long SLOT_NANOS = TICK_NANOS / SLOTS;
    static final long ON_TIME_NANOS = 5_000_000;
    /** Lag up to which missed ticks are caught up (sent late); beyond it they are skipped. */
    private static final long MAX_CATCH_UP_NANOS = 60_000_000;
    private static final Logger log = LoggerFactory.getLogger(MediaEngine.class);

    private final MediaSettings settings;
    private final PortAllocator ports;
    private final DatagramReceiver receiver;
    private final Thread pacer;
    private volatile boolean running = true;
    private final PacingWheel wheel = new PacingWheel(SLOTS);
    /** Slot ticks run or skipped so far; slot tick k is slot k mod SLOTS of 20 ms tick k / SLOTS. */
    private long slotTicks;
    private final Prompts prompts = new Prompts();
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final List<MediaSession> sessions = new ArrayList<>();
    private final ByteBuffer sendBuffer = ByteBuffer.allocateDirect(2048);
    private long startNanos = System.nanoTime();
    private long ticks;
    private long nowMillis;
    private final java.util.concurrent.atomic.AtomicInteger sessionCount = new java.util.concurrent.atomic.AtomicInteger();

    // Pacing statistics: written by the pacing thread only.
    private volatile long packetsOnTime;
    private volatile long packetsTimed;
    private volatile long packetsDropped;
    private volatile long maxLatenessNanos;
    private volatile long intervalsTimed;
    private volatile long intervalsOnTime;
    private volatile long tickWorkNanos;
    private volatile long tickCount;
    private volatile long ticksSkipped;
    private final LatenessHistogram lateness = new LatenessHistogram();

    private MediaEngine(MediaSettings settings, boolean paced) throws IOException {
        this.settings = settings;
        this.ports = new PortAllocator(settings.bindAddress(), settings.minPort(), settings.maxPort());
        this.receiver = new DatagramReceiver("rtp-receiver");
        if (paced) {
            // The schedule's origin: slot tick k is due at startNanos + (k + 1) × 2 ms, so a
            // session in slot s sends its n-th packet at startNanos + (s + 1) × 2 ms + n × 20 ms.
            startNanos = System.nanoTime();
            this.pacer = Thread.ofPlatform().name("rtp-pacer").daemon().unstarted(this::pace);
            pacer.setPriority(Thread.MAX_PRIORITY);
            pacer.start();
        } else {
            this.pacer = null;
        }
    }

    /** Starts an engine with its pacing and receiver threads. */
    public static MediaEngine start(MediaSettings settings) throws IOException {
        return new MediaEngine(settings, true);
    }

    /** An engine without the pacing thread: tests advance time by calling {@link #tick()}. */
    static MediaEngine manual(MediaSettings settings) throws IOException {
        return new MediaEngine(settings, false);
    }

    public MediaSettings settings() {
        return settings;
    }

    /** The engine's prompt cache. */
    public Prompts prompts() {
        return prompts;
    }

    /**
     * A new session with its own RTP/RTCP ports, ready for {@link MediaSession#offer()} or
     * {@link MediaSession#answer(Sdp)}. Thread-safe.
     *
     * @throws IOException when the port range is exhausted
     */
    public MediaSession createSession(MediaListener listener) throws IOException {
        PortAllocator.ChannelPair pair = ports.allocate();
        MediaSession session = new MediaSession(this, pair, listener == null ? MediaListener.NONE : listener);
        receiver.register(pair.rtp(), false, session::enqueue);
        receiver.register(pair.rtcp(), true, session::enqueue);
        submit(() -> {
            sessions.add(session);
            session.pacingSlot = wheel.add(session);
        });
        sessionCount.incrementAndGet();
        return session;
    }

    /** Joins two legs so each hears the other, relaying RTP untouched when codecs match and forwarding DTMF. */
    public Bridge bridge(MediaSession caller, MediaSession agent) {
        return new Bridge(this, caller, agent);
    }

    /** An empty conference; add parties with {@link Conference#add(MediaSession)}. */
    public Conference conference() {
        return new Conference(this);
    }

    /** Sessions currently open. */
    public int activeSessions() {
        return sessionCount.get();
    }

    /** How punctually packets left: counts within ±5 ms of their stream's own 20 ms schedule, and the worst lateness. */
    public PacingStatistics pacingStatistics() {
        long count = tickCount;
        return new PacingStatistics(packetsTimed, packetsOnTime, intervalsTimed, intervalsOnTime, packetsDropped,
                ticksSkipped, maxLatenessNanos / 1_000_000.0, count == 0 ? 0 : tickWorkNanos / 1_000_000.0 / count);
    }

    /** Forgets pacing statistics gathered so far (e.g. after a benchmark's warm-up). */
    public void resetPacingStatistics() {
        submit(() -> {
            packetsTimed = 0;
            packetsOnTime = 0;
            packetsDropped = 0;
            maxLatenessNanos = 0;
            tickWorkNanos = 0;
            tickCount = 0;
            intervalsTimed = 0;
            intervalsOnTime = 0;
            ticksSkipped = 0;
            lateness.clear();
            sessions.forEach(MediaSession::resetPunctuality);
        });
    }

    /** Queues work for the pacing thread; it runs at the start of the next tick. */
    void submit(Runnable command) {
        commands.add(command);
    }

    /** One 20 ms step for all sessions at once; for tests driving a {@link #manual} engine. */
    void tick() {
        try {
            runCommands();
            long now = ticks * TICK_MILLIS;
            nowMillis = now;
            ticks++;
            step(sessions, now, -1);
        } catch (RuntimeException | Error e) {
            log.error("media tick failed", e);
        }
    }

    /**
     * The pacing thread's loop: sleep until the next slot is due, then run it. Up to 60 ms
     * behind, slots are run back to back to catch up; beyond that they are skipped.
     */
    private void pace() {
        while (running) {
            long due = startNanos + (slotTicks + 1) * SLOT_NANOS;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            try {
                if (-wait > MAX_CATCH_UP_NANOS) {
                    skipMissedSlots(-wait / SLOT_NANOS);
                } else {
                    runSlot(due);
                }
            } catch (RuntimeException | Error e) {
                // The pacer must survive anything one session does, or every call falls silent.
                log.error("media tick failed", e);
            }
        }
    }

    /** Runs the sessions of the next slot, whose packets are due at {@code dueNanos}. */
    private void runSlot(long dueNanos) {
        long k = slotTicks++;
        int slot = (int) (k % SLOTS);
        long tick = k / SLOTS;
        runCommands();
        long now = tick * TICK_MILLIS;
        nowMillis = now;
        ticks = tick + 1;
        long workStart = System.nanoTime();
        step(wheel.slot(slot), now, dueNanos);
        tickWorkNanos += System.nanoTime() - workStart;
        if (slot == SLOTS - 1) {
            tickCount++;
        }
    }

    private void runCommands() {
        Runnable command;
        while ((command = commands.poll()) != null) {
            command.run();
        }
    }

    /**
     * One 20 ms tick of {@code due}: receive, then take every party's heard frame, then produce
     * and send, so sessions mixed in the same step hear each other's frame of this tick. A
     * session whose peer sits in another slot reads the peer's latest frame: each frame exactly
     * once per tick, at most one tick later.
     */
    private void step(List<MediaSession> due, long now, long scheduledNanos) {
        for (int i = 0; i < due.size(); i++) {
            due.get(i).receive(now);
        }
        for (int i = 0; i < due.size(); i++) {
            due.get(i).pullHeard();
        }
        for (int i = 0; i < due.size(); i++) {
            due.get(i).produceAndSend(scheduledNanos);
        }
    }

    /**
     * After a stall (the machine did not run the pacer for a while) catching up would send each
     * stream a burst that phones play late or drop. Instead the missed slots become lost
     * packets: streams advance their RTP clocks and go on at their right time.
     */
    private void skipMissedSlots(long missed) {
        for (int slot = 0; slot < SLOTS; slot++) {
            long skipped = wheel.occurrences(slot, slotTicks, missed);
            if (skipped > 0) {
                for (MediaSession session : wheel.slot(slot)) {
                    session.skip(skipped);
                }
            }
        }
        slotTicks += missed;
        ticksSkipped += (missed + SLOTS / 2) / SLOTS;
    }

    /** Logical time of the current tick in ms since start; read on the pacing thread only. */
    long nowMillis() {
        return nowMillis;
    }

    /**
     * Non-blocking send from the pacing thread; false when the socket buffer was full.
     * {@code scheduledNanos} is the tick's due time (-1 for untimed packets such as RTCP);
     * {@code previousSendNanos} is when the same stream's previous packet left (0 if none).
     * Returns the send time, or -1 when the packet was dropped.
     */
    long send(DatagramChannel channel, byte[] data, int length, InetSocketAddress target, long scheduledNanos,
              long previousSendNanos) {
        sendBuffer.clear();
        sendBuffer.put(data, 0, length).flip();
        try {
            if (channel.send(sendBuffer, target) == 0) {
                packetsDropped++;
                return -1;
            }
        } catch (IOException e) {
            packetsDropped++;
            return -1;
        }
        long sentNanos = System.nanoTime();
        if (scheduledNanos != -1) {
            long late = sentNanos - scheduledNanos;
            packetsTimed++;
            lateness.record(late);
            if (Math.abs(late) <= ON_TIME_NANOS) {
                packetsOnTime++;
            }
            if (late > maxLatenessNanos) {
                maxLatenessNanos = late;
            }
            if (previousSendNanos != 0) {
                // What a receiver perceives: the gap to the stream's previous packet vs 20 ms.
                intervalsTimed++;
                if (Math.abs(sentNanos - previousSendNanos - TICK_NANOS) <= ON_TIME_NANOS) {
                    intervalsOnTime++;
                }
            }
        }
        return sentNanos;
    }

    /** Lateness in ms at {@code percentile} of packets sent since the last reset; for the benchmark. */
    double latenessPercentileMs(double percentile) {
        return lateness.percentileMs(percentile);
    }

    void remove(MediaSession session) {
        sessions.remove(session);
        wheel.remove(session, session.pacingSlot);
        sessionCount.decrementAndGet();
        // Closing sockets and taking the allocator's lock (held while another thread binds)
        // could stall the pacing thread, so the ports are returned from a virtual thread.
        Thread.ofVirtual().name("rtp-port-release").start(() -> ports.release(session.channels()));
    }

    /** Closes every session and stops both threads. */
    @Override
    public void close() {
        running = false;
        if (pacer != null) {
            LockSupport.unpark(pacer);
            try {
                pacer.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        runCommands();
        for (MediaSession session : List.copyOf(sessions)) {
            session.closeNow();
        }
        try {
            receiver.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Pacing punctuality since start or the last reset.
     *
     * @param packets       packets sent while paced by the real scheduler
     * @param onTime        of those, sent within ±5 ms of their stream's own schedule (the stream's
     *                      first slot + n × 20 ms)
     * @param intervals     gaps measured between consecutive packets of one stream
     * @param intervalsOnTime of those, within 20 ± 5 ms: the jitter a receiver sees
     * @param dropped       packets not sent (socket buffer full or send error)
     * @param ticksSkipped  20 ms ticks skipped after stalls longer than 60 ms (a packet lost per stream each)
     * @param maxLatenessMs worst lateness seen
     * @param meanTickWorkMs mean time per 20 ms spent processing all sessions (summed over the slots)
     */
    public record PacingStatistics(long packets, long onTime, long intervals, long intervalsOnTime, long dropped,
                                   long ticksSkipped, double maxLatenessMs, double meanTickWorkMs) {

        /** Percentage of packets sent within ±5 ms of their stream's schedule; 100 when none were sent. */
        public double onTimePercent() {
            return packets == 0 ? 100.0 : 100.0 * onTime / packets;
        }

        /** Percentage of packet gaps within 20 ± 5 ms; 100 when none were measured. */
        public double regularIntervalPercent() {
            return intervals == 0 ? 100.0 : 100.0 * intervalsOnTime / intervals;
        }
    }
}
