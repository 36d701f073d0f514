package io.rexian.telephony.bench;

import com.sun.management.OperatingSystemMXBean;
import io.rexian.telephony.CallRecords;
import io.rexian.telephony.EngineSettings;
import io.rexian.telephony.ExtensionSecret;
import io.rexian.telephony.TelephonyEngine;
import io.rexian.telephony.media.MediaEngine;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine alone for bench/telephony/run.sh: SIP on 127.0.0.1:PORT, test services open to
 * 127.0.0.1, any extension with password "bench". Prints a status line every 5 s and stops
 * after the given number of seconds. Not a test; run by hand.
 */
public final class TelephonyBenchServer {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        AtomicLong records = new AtomicLong();
        CallRecords counting = cdr -> records.incrementAndGet();
        try (TelephonyEngine engine = TelephonyEngine.start(EngineSettings.defaults().withAddress("127.0.0.1", port)
                        .withRtpPorts(20000, 39999).withTrustedServiceSources(Set.of("127.0.0.1"))
                        .withAuthBlocking(1_000_000, Duration.ofSeconds(1), Duration.ofSeconds(1))
                        .withTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(5)),
                ext -> Optional.of(ExtensionSecret.fromPassword(ext, "rexian", "bench")), counting, Clock.systemUTC())) {
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long start = System.nanoTime();
            long lastCpu = os.getProcessCpuTime();
            long lastWall = start;
            MediaEngine.PacingStatistics last = engine.pacingStatistics();
            System.out.println("ready on 127.0.0.1:" + port);
            while (System.nanoTime() - start < seconds * 1_000_000_000L) {
                Thread.sleep(5000);
                long now = System.nanoTime();
                long cpu = os.getProcessCpuTime();
                MediaEngine.PacingStatistics p = engine.pacingStatistics();
                long packets = p.packets() - last.packets();
                long onTime = p.onTime() - last.onTime();
                Runtime rt = Runtime.getRuntime();
                long intervals = p.intervals() - last.intervals();
                long regular = p.intervalsOnTime() - last.intervalsOnTime();
                System.out.printf("t=%ds calls=%d records=%d rtpPackets=%d onTime=%.3f%% regular20ms=%.3f%% dropped=%d maxLateMs=%.1f "
                                + "cpu=%.0f%% (of one core) heapUsedMB=%d rssMB=%d%n",
                        (now - start) / 1_000_000_000L, engine.activeCalls(), records.get(), packets,
                        packets == 0 ? 100.0 : 100.0 * onTime / packets,
                        intervals == 0 ? 100.0 : 100.0 * regular / intervals, p.dropped() - last.dropped(),
                        p.maxLatenessMs(), 100.0 * (cpu - lastCpu) / (now - lastWall),
                        (rt.totalMemory() - rt.freeMemory()) >> 20, rss() >> 20);
                last = p;
                lastCpu = cpu;
                lastWall = now;
            }
        }
    }

    private static long rss() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (java.io.IOException ignored) {
            // not Linux
        }
        return 0;
    }
}
