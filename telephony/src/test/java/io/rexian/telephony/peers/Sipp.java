package io.rexian.telephony.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs sipp with a scenario from the test resources and reads its statistics CSV: sipp's exit
 * code says little (it stays 0 when the server collapses), the counters say what happened.
 */
public final class Sipp {

    public record Stats(long successful, long failed, long retransmissions, long created, String log) {
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/sipp"));
    }

    /** A sipp running in the background. */
    public record Running(Process process, Path dir, Duration timeout) {

        public Stats await() throws IOException, InterruptedException {
            if (!process.waitFor(timeout.toSeconds() + 10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return read(dir);
        }
    }

    /** Runs a scenario file against {@code target} (host:port); {@code extra} are further sipp arguments. */
    public static Stats run(String scenario, String target, Duration timeout, String... extra)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Stats stats = start(scenario, target, timeout, extra).await();
            // Another test run (or a sipp just started) may take the media ports between our check and sipp's bind.
            boolean portTaken = stats.created() <= 0 && stats.log().contains("Unable to bind");
            if (!portTaken || attempt == 3) {
                return stats;
            }
        }
    }

    public static Running start(String scenario, String target, Duration timeout, String... extra)
            throws IOException {
        return startOn(FreePort.pick(), scenario, target, timeout, extra);
    }

    /** Starts sipp listening for SIP on the given local port (to play a registered phone). */
    public static Running startOn(int localPort, String scenario, String target, Duration timeout, String... extra)
            throws IOException {
        Path dir = Files.createTempDirectory("sipp");
        Path scenarioFile = dir.resolve(scenario);
        try (var in = Sipp.class.getResourceAsStream("/sipp/" + scenario)) {
            if (in == null) {
                throw new IllegalArgumentException("no scenario " + scenario);
            }
            Files.copy(in, scenarioFile);
        }
        Path pcap = dir.resolve("pcap");
        if (Files.isDirectory(Path.of("/usr/share/sip-tester"))) {
            Files.createSymbolicLink(pcap, Path.of("/usr/share/sip-tester"));
        }
        Path stats = dir.resolve("stats.csv");
        List<String> cmd = new ArrayList<>(List.of("sipp", target, "-sf", scenarioFile.toString(),
                "-i", "127.0.0.1", "-p", Integer.toString(localPort), "-mp", Integer.toString(FreePort.pickMediaBlock()),
                "-nostdin", "-trace_stat", "-stf", stats.toString(), "-fd", "1",
                "-timeout", timeout.toSeconds() + "s", "-timeout_error", "-trace_err",
                "-error_file", dir.resolve("errors.log").toString()));
        cmd.addAll(Arrays.asList(extra));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.log").toFile()).start();
        return new Running(p, dir, timeout);
    }

    /**
     * Starts a sipp playing {@code extension}'s phone with {@code scenario} and registers it at the
     * engine at {@code target} (password "pw-" + extension); throws when the registration failed.
     */
    public static Running phone(String target, String extension, String scenario) throws IOException, InterruptedException {
        int port = FreePort.pick();
        Running phone = startOn(port, scenario, target, Duration.ofSeconds(30), "-s", extension, "-m", "1");
        Stats registered = run("register-contact.xml", target, Duration.ofSeconds(10), "-s", extension,
                "-au", extension, "-ap", "pw-" + extension, "-key", "contact_port", Integer.toString(port), "-m", "1");
        if (registered.successful() != 1) {
            phone.process().destroyForcibly();
            throw new IllegalStateException("phone " + extension + " did not register: " + registered.log());
        }
        return phone;
    }

    private static Stats read(Path dir) throws IOException {
        Path stats = dir.resolve("stats.csv");
        String log = Files.exists(dir.resolve("errors.log")) ? Files.readString(dir.resolve("errors.log")) : "";
        log += Files.readString(dir.resolve("out.log"));
        if (!Files.exists(stats)) {
            throw new IllegalStateException("sipp wrote no statistics: " + log);
        }
        List<String> lines = Files.readAllLines(stats);
        String[] header = lines.get(0).split(";");
        String[] last = lines.get(lines.size() - 1).split(";");
        Map<String, String> values = new TreeMap<>();
        for (int i = 0; i < Math.min(header.length, last.length); i++) {
            values.put(header[i], last[i]);
        }
        return new Stats(num(values, "SuccessfulCall(C)"), num(values, "FailedCall(C)"),
                num(values, "Retransmissions(C)"), num(values, "TotalCallCreated"), log);
    }

    private static long num(Map<String, String> values, String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? -1 : Long.parseLong(v.trim());
    }

    private Sipp() {
    }
}
