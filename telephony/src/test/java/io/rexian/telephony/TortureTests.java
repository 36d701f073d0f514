package io.rexian.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rexian.telephony.peers.FakeMedia;
import io.rexian.telephony.peers.FreePort;
import io.rexian.telephony.peers.Sipp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Malformed and unexpected SIP (cases in the spirit of RFC 4475, then thousands of random
 * mutations of valid messages over UDP and TCP): each gets the response RFC 3261 asks for, or
 * none where it says to drop; afterwards the engine still answers and carries a call.
 */
@Timeout(180)
class TortureTests {

    private TelephonyEngine engine;
    private int port;
    private DatagramSocket udp;

    @BeforeEach
    void start() throws IOException {
        port = FreePort.pick();
        engine = TelephonyEngine.start(EngineSettings.defaults().withAddress("127.0.0.1", port)
                        .withTrustedServiceSources(Set.of("127.0.0.1")),
                ext -> Optional.of(ExtensionSecret.fromPassword(ext, "rexian", "x")), CallRecords.DISCARD,
                new FakeMedia(), Clock.systemUTC());
        udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        udp.setSoTimeout(3000);
    }

    @AfterEach
    void stop() {
        udp.close();
        engine.close();
    }

    private String request(String method, String uri, String extraHeaders, String body) {
        String branch = "z9hG4bK" + UUID.randomUUID().toString().replace("-", "");
        return method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + udp.getLocalPort() + ";branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:torture@127.0.0.1>;tag=" + UUID.randomUUID().toString().substring(0, 8) + "\r\n"
                + "To: <" + uri + ">\r\n"
                + "Call-ID: " + UUID.randomUUID() + "\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + extraHeaders
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private String uri() {
        return "sip:*44@127.0.0.1:" + port;
    }

    /** Sends over UDP and returns the status of the first final response to it, or 0 when none came within 3 s. */
    private int sendUdp(String message) throws IOException {
        int idAt = message.indexOf("Call-ID: ");
        String callId = idAt < 0 ? null : message.substring(idAt, message.indexOf("\r\n", idAt));
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        udp.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
        byte[] buffer = new byte[8192];
        while (true) {
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(in);
            } catch (SocketTimeoutException e) {
                return 0;
            }
            String text = new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8);
            if (text.startsWith("SIP/2.0 ") && (callId == null || text.contains(callId))) {
                int status = Integer.parseInt(text.substring(8, 11));
                if (status != 100) {
                    return status;
                }
            }
        }
    }

    private void drainUdp() throws IOException {
        udp.setSoTimeout(50);
        try {
            byte[] buffer = new byte[8192];
            while (true) {
                udp.receive(new DatagramPacket(buffer, buffer.length));
            }
        } catch (SocketTimeoutException done) {
            udp.setSoTimeout(3000);
        }
    }

    @Test
    void classicTortureCasesGetTheRightAnswers() throws Exception {
        assertThat(sendUdp(request("OPTIONS", uri(), "", ""))).as("plain OPTIONS").isEqualTo(200);
        assertThat(sendUdp(request("NEWMETHOD", uri(), "", ""))).as("unknown method").isEqualTo(501);
        assertThat(sendUdp(request("SUBSCRIBE", uri(), "Event: presence\r\nContact: <sip:t@127.0.0.1:5999>\r\n", ""))).as("known, not offered").isEqualTo(405);
        assertThat(sendUdp(request("INVITE", uri(), "", ""))).as("INVITE without Contact").isEqualTo(400);
        assertThat(sendUdp(request("OPTIONS", uri(), "Require: nothingweknow\r\n", ""))).as("unknown Require").isEqualTo(420);
        assertThat(sendUdp(request("BYE", uri(), "", "").replace("To: <" + uri() + ">", "To: <" + uri() + ">;tag=nope")))
                .as("BYE outside any dialog").isEqualTo(481);
        assertThat(sendUdp(request("OPTIONS", "sip:%2a44@127.0.0.1:" + port, "", ""))).as("escaped user part").isEqualTo(200);
        assertThat(sendUdp(request("OPTIONS", uri(), "Subject: \t  folded\r\n  over lines\r\n", ""))).as("folded header").isEqualTo(200);
        assertThat(sendUdp(request("OPTIONS", uri(), "", "").replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE")))
                .as("CSeq method differs from request method").isIn(0, 400);
        assertThat(sendUdp(request("OPTIONS", uri(), "", "").replace("Call-ID: ", "X-Gone: ")))
                .as("no Call-ID").isIn(0, 400);
        assertThat(sendUdp(request("OPTIONS", uri(), "", "abc").replace("Content-Length: 3", "Content-Length: 9000")))
                .as("Content-Length beyond the datagram").isIn(0, 400);
        assertThat(sendUdp(request("INVITE", uri(), "", "").replace("SIP/2.0\r\n", "SIP/7.0\r\n")))
                .as("unknown SIP version").isIn(0, 400, 505);
        assertThat(sendUdp("\u0000\u0001garbage\r\n\r\n")).as("garbage").isZero();
        assertThat(sendUdp(request("INVITE", uri(), "Content-Type: application/sdp\r\n", "v=0\r\nthis is no sdp")))
                .as("INVITE with broken SDP").isIn(400, 488);
        drainUdp();
        assertThat(sendUdp(request("OPTIONS", uri(), "", ""))).as("still alive").isEqualTo(200);
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
        udp.setSoTimeout(1);
        for (int i = 0; i < 3000; i++) {
            byte[] bytes = mutate(seeds[random.nextInt(seeds.length)], random);
            udp.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
            if (i % 50 == 0) {
                drainUdp();
                udp.setSoTimeout(1);
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
        drainUdp();
        assertThat(sendUdp(request("OPTIONS", uri(), "", ""))).as("UDP still answers").isEqualTo(200);
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
