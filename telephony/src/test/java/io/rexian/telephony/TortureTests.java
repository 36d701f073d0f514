package io.rexian.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rexian.telephony.peers.FakeMedia;
import io.rexian.telephony.peers.FreePort;
import io.rexian.telephony.peers.RawSip;
import io.rexian.telephony.peers.Sipp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Thousands of random mutations of valid messages over UDP and TCP; afterwards the engine still
 * answers and carries a call. (The classic cases with their exact answers: {@link Rfc4475Tests};
 * every anomaly in every field: {@link AnomalySuiteTests}.)
 */
@Timeout(180)
class TortureTests {

    private TelephonyEngine engine;
    private int port;
    private RawSip peer;

    @BeforeEach
    void start() throws IOException {
        port = FreePort.pick();
        engine = TelephonyEngine.start(EngineSettings.defaults().withAddress("127.0.0.1", port)
                        .withTrustedServiceSources(Set.of("127.0.0.1")),
                ext -> Optional.of(ExtensionSecret.fromPassword(ext, "rexian", "x")), CallRecords.DISCARD,
                new FakeMedia(), Clock.systemUTC());
        peer = new RawSip(port);
    }

    @AfterEach
    void stop() {
        peer.close();
        engine.close();
    }

    private String request(String method, String uri, String extraHeaders, String body) {
        return peer.request(method, uri, extraHeaders, body);
    }

    private String uri() {
        return "sip:*44@127.0.0.1:" + port;
    }

    @Test
    void randomMutationsOverUdpAndTcpNeverStopTheEngine() throws Exception {
        Random random = new Random(4475);
        String[] seeds = {
                request("OPTIONS", uri(), "", ""),
                request("REGISTER", "sip:127.0.0.1:" + port, "Contact: <sip:8001@127.0.0.1:5999>\r\nExpires: 60\r\n", ""),
                request("INVITE", uri(), "Contact: <sip:t@127.0.0.1:5999>\r\nContent-Type: application/sdp\r\n",
                        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 5998 RTP/AVP 0\r\n"),
                request("BYE", uri(), "", ""),
                "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:1;branch=z9hG4bKx\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>;tag=2\r\n"
                        + "Call-ID: r@x\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n"};
        for (int i = 0; i < 3000; i++) {
            peer.send(mutate(seeds[random.nextInt(seeds.length)], random));
            if (i % 50 == 0) {
                peer.drain();
            }
        }
        for (int i = 0; i < 200; i++) {
            try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), port)) {
                tcp.setSoTimeout(200);
                OutputStream out = tcp.getOutputStream();
                out.write(mutate(seeds[random.nextInt(seeds.length)].replace("SIP/2.0/UDP", "SIP/2.0/TCP"), random));
                out.flush();
                InputStream in = tcp.getInputStream();
                try {
                    in.read(new byte[4096]);
                } catch (SocketTimeoutException ignored) {
                    // no answer is a fine answer to garbage
                }
            }
        }
        peer.drain();
        assertThat(peer.status(request("OPTIONS", uri(), "", ""))).as("UDP still answers").isEqualTo(200);
        try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), port)) {
            tcp.setSoTimeout(3000);
            tcp.getOutputStream().write(request("OPTIONS", uri(), "", "").replace("SIP/2.0/UDP", "SIP/2.0/TCP")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] buffer = new byte[4096];
            int n = tcp.getInputStream().read(buffer);
            assertThat(new String(buffer, 0, Math.max(n, 0), StandardCharsets.UTF_8)).as("TCP still answers")
                    .startsWith("SIP/2.0 200");
        }
        if (Sipp.installed()) {
            Sipp.Stats call = Sipp.run("call-service.xml", "127.0.0.1:" + port, Duration.ofSeconds(20),
                    "-s", "*44", "-m", "3", "-d", "200");
            assertThat(call.successful()).as(call.log()).isEqualTo(3);
        }
    }

    /** One random change: flip bytes, cut, duplicate or drop a line, insert junk, or break the length. */
    static byte[] mutate(String message, Random random) {
        StringBuilder m = new StringBuilder(message);
        int changes = 1 + random.nextInt(4);
        for (int c = 0; c < changes && !m.isEmpty(); c++) {
            int at = random.nextInt(m.length());
            switch (random.nextInt(8)) {
                case 0 -> m.setCharAt(at, (char) random.nextInt(256));
                case 1 -> m.setLength(at);
                case 2 -> m.insert(at, "\r\n");
                case 3 -> m.insert(at, ";;==<<>>\"\\%00");
                case 4 -> {
                    int lineStart = m.lastIndexOf("\r\n", at);
                    int lineEnd = m.indexOf("\r\n", at);
                    if (lineStart >= 0 && lineEnd > lineStart) {
                        String line = m.substring(lineStart, lineEnd);
                        if (random.nextBoolean()) {
                            m.insert(lineEnd, line);
                        } else {
                            m.delete(lineStart, lineEnd);
                        }
                    }
                }
                case 5 -> m.insert(at, "9".repeat(1 + random.nextInt(30)));
                case 6 -> m.replace(0, Math.min(m.length(), 3 + random.nextInt(5)), "INVITE");
                default -> {
                    int cl = m.indexOf("Content-Length: ");
                    if (cl >= 0) {
                        m.insert(cl + 16, random.nextInt(100000));
                    }
                }
            }
        }
        return m.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
