package io.rexian.callcenter;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * sipp as a phone for the server's tests: runs one scenario (from the test resources or sipp's
 * built-ins) from 127.0.0.1 and answers its exit code, 0 when every message came as scripted.
 */
public final class SippPeer {

    private SippPeer() {
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/sipp"));
    }

    /** Runs the scenario in resource {@code scenario} (e.g. "/sipp-register.xml") against {@code target}. */
    public static int runScenario(String scenario, String target, String... args) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("sipp");
        Path file = dir.resolve("scenario.xml");
        try (InputStream in = SippPeer.class.getResourceAsStream(scenario)) {
            Files.copy(in, file);
        }
        List<String> all = new ArrayList<>(List.of("-sf", file.toString(), target));
        all.addAll(List.of(args));
        return run(dir, all.toArray(String[]::new));
    }

    /** Runs sipp with these arguments in {@code dir}; its output goes to {@code dir/sipp.log}. */
    public static int run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("sipp", "-i", "127.0.0.1", "-p", String.valueOf(freePort()),
                "-nostdin", "-timeout", "20s", "-timeout_error"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("sipp.log").toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /** A port free for both UDP and TCP on 127.0.0.1, away from 5060 and the RTP ranges tests use. */
    public static int freePort() {
        InetAddress lo = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(10000, 15000);
            try (DatagramSocket udp = new DatagramSocket(port, lo); ServerSocket tcp = new ServerSocket(port, 1, lo)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port");
    }
}
