package io.rexian.telephony.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Headless pacing benchmark: N sessions in one engine on 127.0.0.1, measuring how many RTP
 * packets leave within ±5 ms of their 20 ms slot. Run with bench/media/run.sh.
 *
 * <p>Modes: {@code playback} — every session plays a looping prompt to one sink socket (one-way
 * prompt playback, like *44); {@code bridge} — calls of four sessions (phone → leg ⇄ bridge ⇄ leg
 * → phone) carrying two-way audio through the engine, so every packet is also received,
 * jitter-buffered and relayed.
 *
 * <p>Arguments: sessions (default 2000), measured seconds (default 30), mode (default playback).
 */
public final class MediaPacingBenchmark {

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String mode = args.length > 2 ? args[2] : "playback";
        System.out.println(run(sessions, seconds, mode, 5));
    }

    static String run(int sessions, int seconds, String mode, int warmupSeconds) throws Exception {
        MediaSettings settings = MediaSettings.defaults().withPorts(20000, 29999).withRtpTimeout(Duration.ZERO);
        Prompt prompt = Prompt.of("bench", TestAudio.sine(440, 1000, 6000));
        try (MediaEngine engine = MediaEngine.start(settings); Sink sink = new Sink()) {
            List<MediaSession> all = new ArrayList<>();
            if (mode.equals("bridge")) {
                for (int call = 0; call < sessions / 4; call++) {
                    MediaSession phoneA = engine.createSession(null);
                    MediaSession legA = engine.createSession(null);
                    MediaSession legB = engine.createSession(null);
                    MediaSession phoneB = engine.createSession(null);
                    connect(phoneA, legA);
                    connect(phoneB, legB);
                    engine.bridge(legA, legB);
                    phoneA.play(List.of(prompt), true);
                    phoneB.play(List.of(prompt), true);
                    all.addAll(List.of(phoneA, legA, legB, phoneB));
                }
            } else {
                for (int i = 0; i < sessions; i++) {
                    MediaSession session = engine.createSession(null);
                    session.setRemote(sink.address(), Codec.PCMU);
                    session.play(List.of(prompt), true);
                    all.add(session);
                }
            }
            Thread.sleep(warmupSeconds * 1000L); // warm-up: JIT, port binding, jitter buffers filling
            engine.resetPacingStatistics();
            Thread.sleep(100);
            long sinkBefore = sink.packets.get();
            long cpuBefore = cpuNanos();
            long wallBefore = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            MediaEngine.PacingStatistics stats = engine.pacingStatistics();
            double cpu = (cpuNanos() - cpuBefore) / (double) (System.nanoTime() - wallBefore);
            double sinkRate = (sink.packets.get() - sinkBefore) / (double) seconds;
            Runtime rt = Runtime.getRuntime();
            long usedMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
            all.forEach(MediaSession::close);
            return String.format(
                    "mode=%s sessions=%d seconds=%d packets=%d onTime(±5ms)=%.3f%% regularIntervals(20±5ms)=%.3f%% maxLate=%.1fms tickWork=%.2fms skippedTicks=%d dropped=%d "
                            + "expected=%d cpu=%.2f cores heapUsed=%dMB sinkPackets/s=%.0f gc=%s",
                    mode, all.size(), seconds, stats.packets(), stats.onTimePercent(), stats.regularIntervalPercent(), stats.maxLatenessMs(), stats.meanTickWorkMs(), stats.ticksSkipped(), stats.dropped(),
                    (long) all.size() * 50 * seconds, cpu, usedMb, sinkRate, gcNames());
        }
    }

    private static void connect(MediaSession phone, MediaSession leg) {
        Sdp answer = leg.answer(Sdp.parse(phone.offer().toString()));
        phone.acceptAnswer(Sdp.parse(answer.toString()));
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static String gcNames() {
        return String.join("+", java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
    }

    /** Receives and counts the playback streams, like a phone that only listens. */
    static final class Sink implements AutoCloseable {
        final DatagramChannel channel;
        final AtomicLong packets = new AtomicLong();
        final Thread thread;

        Sink() throws IOException {
            channel = DatagramChannel.open();
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 8 << 20);
            channel.bind(new InetSocketAddress("127.0.0.1", 0));
            thread = Thread.ofPlatform().daemon().name("bench-sink").start(() -> {
                ByteBuffer buf = ByteBuffer.allocateDirect(2048);
                while (channel.isOpen()) {
                    try {
                        buf.clear();
                        channel.receive(buf);
                        packets.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        InetSocketAddress address() throws IOException {
            return (InetSocketAddress) channel.getLocalAddress();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
