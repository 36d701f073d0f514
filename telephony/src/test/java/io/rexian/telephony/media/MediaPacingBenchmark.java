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
 * prompt playback, like *44); {@code bridge} — calls of two legs bridged in the engine under
 * test, each leg talking to a phone session in a second engine (phone → leg ⇄ bridge ⇄ leg →
 * phone), so every packet is received, jitter-buffered and relayed; N streams = N/2 calls.
 *
 * <p>Arguments: streams in the engine under test (default 2000), measured seconds (default 30),
 * mode (default playback). Figures are about the engine under test, against each stream's own
 * 20 ms schedule.
 */
public final class MediaPacingBenchmark {

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String mode = args.length > 2 ? args[2] : "playback";
        System.out.print(run(sessions, seconds, mode, 5));
    }

    static String run(int sessions, int seconds, String mode, int warmupSeconds) throws Exception {
        boolean bridge = mode.equals("bridge");
        // Bridge mode: the engine under test holds the 2 legs of each call; the phones that talk
        // to them live in a second engine of the same process (like sipp on the same machine).
        MediaSettings settings = MediaSettings.defaults().withPorts(20000, bridge ? 24999 : 29999)
                .withRtpTimeout(Duration.ZERO);
        Prompt prompt = Prompt.of("bench", TestAudio.sine(440, 1000, 6000));
        String loadBefore = loadAverage();
        try (MediaEngine engine = MediaEngine.start(settings);
             MediaEngine phones = bridge ? MediaEngine.start(settings.withPorts(25000, 29999)) : null;
             Sink sink = new Sink()) {
            List<MediaSession> measured = new ArrayList<>();
            List<MediaSession> phoneSessions = new ArrayList<>();
            if (bridge) {
                for (int call = 0; call < sessions / 2; call++) {
                    MediaSession phoneA = phones.createSession(null);
                    MediaSession phoneB = phones.createSession(null);
                    MediaSession legA = engine.createSession(null);
                    MediaSession legB = engine.createSession(null);
                    connect(phoneA, legA);
                    connect(phoneB, legB);
                    engine.bridge(legA, legB);
                    phoneA.play(List.of(prompt), true);
                    phoneB.play(List.of(prompt), true);
                    measured.addAll(List.of(legA, legB));
                    phoneSessions.addAll(List.of(phoneA, phoneB));
                }
            } else {
                for (int i = 0; i < sessions; i++) {
                    MediaSession session = engine.createSession(null);
                    session.setRemote(sink.address(), Codec.PCMU);
                    session.play(List.of(prompt), true);
                    measured.add(session);
                }
            }
            Thread.sleep(warmupSeconds * 1000L); // warm-up: JIT, port binding, jitter buffers filling
            engine.resetPacingStatistics();
            if (phones != null) {
                phones.resetPacingStatistics();
            }
            Thread.sleep(100);
            String loadStart = loadAverage();
            long sinkBefore = sink.packets.get();
            long heardBefore = phoneSessions.stream().mapToLong(MediaSession::packetsReceived).sum();
            long relayedBefore = measured.stream().mapToLong(MediaSession::packetsRelayed).sum();
            long cpuBefore = cpuNanos();
            long wallBefore = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            MediaEngine.PacingStatistics stats = engine.pacingStatistics();
            double p50 = engine.latenessPercentileMs(50);
            double p99 = engine.latenessPercentileMs(99);
            double p999 = engine.latenessPercentileMs(99.9);
            double cpu = (cpuNanos() - cpuBefore) / (double) (System.nanoTime() - wallBefore);
            double sinkRate = (sink.packets.get() - sinkBefore) / (double) seconds;
            double heardRate = (phoneSessions.stream().mapToLong(MediaSession::packetsReceived).sum() - heardBefore)
                    / (double) seconds;
            double relayRate = (measured.stream().mapToLong(MediaSession::packetsRelayed).sum() - relayedBefore)
                    / (double) seconds;
            String loadEnd = loadAverage();
            double worstStream = 100;
            int streamsBelow999 = 0;
            for (MediaSession session : measured) {
                long[] p = session.punctuality();
                double percent = p[0] == 0 ? 0 : 100.0 * p[1] / p[0];
                worstStream = Math.min(worstStream, percent);
                if (percent < 99.9) {
                    streamsBelow999++;
                }
            }
            Runtime rt = Runtime.getRuntime();
            long usedMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
            StringBuilder report = new StringBuilder(String.format(
                    "mode=%s streams=%d seconds=%d packets=%d (expected %d)%n"
                            + "  onTime(±5ms of own schedule)=%.3f%% lateness p50=%.1fms p99=%.1fms p99.9=%.1fms max=%.1fms%n"
                            + "  regularGaps(20±5ms)=%.3f%% worstStreamOnTime=%.2f%% streamsBelow99.9%%=%d skippedTicks=%d dropped=%d tickWork=%.2fms%n"
                            + "  cpu=%.2f cores heapUsed=%dMB gc=%s loadavg(start, measure, end)=[%s] [%s] [%s]%n",
                    mode, measured.size(), seconds, stats.packets(), (long) measured.size() * 50 * seconds,
                    stats.onTimePercent(), p50, p99, p999, stats.maxLatenessMs(),
                    stats.regularIntervalPercent(), worstStream, streamsBelow999, stats.ticksSkipped(), stats.dropped(),
                    stats.meanTickWorkMs(), cpu, usedMb, gcNames(), loadBefore, loadStart, loadEnd));
            if (bridge) {
                MediaEngine.PacingStatistics phoneStats = phones.pacingStatistics();
                report.append(String.format(
                        "  calls=%d relayed/s=%.0f phonesReceived/s=%.0f (expected %d) phoneEngine onTime=%.3f%% skippedTicks=%d%n",
                        measured.size() / 2, relayRate, heardRate, phoneSessions.size() * 50L,
                        phoneStats.onTimePercent(), phoneStats.ticksSkipped()));
            } else {
                report.append(String.format("  sinkPackets/s=%.0f (expected %d)%n", sinkRate, measured.size() * 50L));
            }
            measured.forEach(MediaSession::close);
            phoneSessions.forEach(MediaSession::close);
            return report.toString();
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "n/a";
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
