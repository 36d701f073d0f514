package io.rexian.telephony.peers;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real softphone for tests: baresip with its own config directory, driven over the ctrl_tcp
 * port with netstring-framed JSON. Received audio is written to WAV files by the sndfile module.
 */
public final class Baresip implements AutoCloseable {

    private final Process process;
    private final Socket control;
    private final OutputStream out;
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final Path dir;

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/baresip"));
    }

    /** Starts baresip registering as {@code extension} with {@code password} at the engine on 127.0.0.1:{@code sipPort}. */
    public static Baresip register(String extension, String password, int sipPort, Path audioSource) throws Exception {
        Path dir = Files.createTempDirectory("baresip");
        int ownPort = FreePort.pick();
        int ctrlPort = FreePort.pick();
        Files.writeString(dir.resolve("config"), String.join("\n",
                "sip_listen 127.0.0.1:" + ownPort,
                "net_interface 127.0.0.1",
                "audio_source aufile," + audioSource,
                "audio_player aubridge,nil",
                "audio_alert aubridge,nil",
                "module_path /usr/lib/baresip/modules",
                "module g711.so", "module aufile.so", "module aubridge.so", "module sndfile.so",
                "module_app account.so", "module_app menu.so", "module_app ctrl_tcp.so",
                "ctrl_tcp_listen 127.0.0.1:" + ctrlPort,
                "snd_path " + dir,
                "rtp_ports 40000-49999",
                ""));
        Files.writeString(dir.resolve("accounts"), "<sip:" + extension + "@127.0.0.1:" + sipPort
                + ">;auth_pass=" + password + ";regint=60;audio_codecs=PCMU,PCMA\n");
        Files.writeString(dir.resolve("contacts"), "");
        Process p = new ProcessBuilder("baresip", "-f", dir.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("baresip.log").toFile()).start();
        Socket socket = null;
        for (int i = 0; i < 100 && socket == null; i++) {
            try {
                socket = new Socket("127.0.0.1", ctrlPort);
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        if (socket == null) {
            p.destroyForcibly();
            throw new IllegalStateException("baresip control port did not open: " + Files.readString(dir.resolve("baresip.log")));
        }
        return new Baresip(p, socket, dir);
    }

    private Baresip(Process process, Socket control, Path dir) throws IOException {
        this.process = process;
        this.control = control;
        this.out = control.getOutputStream();
        this.dir = dir;
        Thread.ofVirtual().start(this::read);
    }

    public void command(String command, String params) throws IOException {
        String json = "{\"command\":\"" + command + "\",\"params\":\"" + params + "\",\"token\":\"t\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.write(',');
        out.flush();
    }

    /** Waits for an event message containing {@code text} (e.g. "CALL_ESTABLISHED"). */
    public String await(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String m = messages.poll(100, TimeUnit.MILLISECONDS);
            if (m != null && m.contains(text)) {
                return m;
            }
        }
        throw new AssertionError("baresip did not report " + text + "; log:\n" + log());
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("baresip.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The WAV files sndfile wrote with what the phone received (decoded). */
    public List<Path> receivedAudio() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-dec.wav")).toList();
        }
    }

    private void read() {
        try (InputStream in = new BufferedInputStream(control.getInputStream())) {
            while (true) {
                int length = 0;
                int c;
                while ((c = in.read()) != ':') {
                    if (c < 0) {
                        return;
                    }
                    length = length * 10 + (c - '0');
                }
                byte[] body = in.readNBytes(length);
                in.read();
                messages.add(new String(body, StandardCharsets.UTF_8));
            }
        } catch (IOException closed) {
            // baresip quit
        }
    }

    @Override
    public void close() throws Exception {
        try {
            command("quit", "");
        } catch (IOException ignored) {
            // already gone
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        control.close();
    }
}
