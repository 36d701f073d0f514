package io.rexian.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import io.rexian.telephony.peers.FakeMedia;
import io.rexian.telephony.peers.FreePort;
import io.rexian.telephony.peers.RawSip;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A systematic suite in the manner of the public SIP test suites that send thousands of broken
 * INVITEs (PROTOS c07-sip): every field of an INVITE, in turn, gets every anomaly of a catalogue
 * (overflows, format strings, integer extremes, delimiters and control characters in, before and
 * after the value, non-ASCII, empties). The engine must never answer such an unauthenticated
 * INVITE with success, must keep answering OPTIONS throughout, and must hold no call afterwards.
 */
@Timeout(240)
class AnomalySuiteTests {

    private TelephonyEngine engine;
    private RawSip peer;
    private int port;

    @BeforeEach
    void start() throws IOException {
        port = FreePort.pick();
        engine = TelephonyEngine.start(EngineSettings.defaults().withAddress("127.0.0.1", port)
                        .withTrustedServiceSources(Set.of("127.0.0.1")),
                ext -> ext.equals("8001") ? Optional.of(ExtensionSecret.fromPassword(ext, "rexian", "x")) : Optional.empty(),
                CallRecords.DISCARD, new FakeMedia(), Clock.systemUTC());
        peer = new RawSip(port);
    }

    @AfterEach
    void stop() {
        peer.close();
        engine.close();
    }

    /** The fields of the INVITE, each with its well-formed value; the message is built around them. */
    private Map<String, String> fields(int n) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("method", "INVITE");
        f.put("uri-user", "8001");
        f.put("uri-host", "127.0.0.1");
        f.put("uri-port", Integer.toString(port));
        f.put("version", "SIP/2.0");
        f.put("via-transport", "SIP/2.0/UDP");
        f.put("via-host", "127.0.0.1");
        f.put("via-port", Integer.toString(peer.localPort()));
        f.put("via-branch", "z9hG4bKsuite" + n);
        f.put("from-display", "\"Suite\"");
        f.put("from-uri", "sip:suite@127.0.0.1");
        f.put("from-tag", "t" + n);
        f.put("to-uri", "sip:8001@127.0.0.1");
        f.put("call-id", "suite-" + n + "@127.0.0.1");
        f.put("cseq-number", "1");
        f.put("cseq-method", "INVITE");
        f.put("max-forwards", "70");
        f.put("contact", "<sip:suite@127.0.0.1:" + peer.localPort() + ">");
        f.put("expires", "120");
        f.put("user-agent", "suite/1.0");
        f.put("content-type", "application/sdp");
        f.put("sdp-version", "0");
        f.put("sdp-origin", "- 1 1 IN IP4 127.0.0.1");
        f.put("sdp-connection", "IN IP4 127.0.0.1");
        f.put("sdp-media", "audio 5998 RTP/AVP 0 101");
        f.put("sdp-rtpmap", "0 PCMU/8000");
        f.put("sdp-attribute", "sendrecv");
        return f;
    }

    private static String invite(Map<String, String> f) {
        String sdp = "v=" + f.get("sdp-version") + "\r\no=" + f.get("sdp-origin") + "\r\ns=-\r\nc=" + f.get("sdp-connection")
                + "\r\nt=0 0\r\nm=" + f.get("sdp-media") + "\r\na=rtpmap:" + f.get("sdp-rtpmap") + "\r\na=" + f.get("sdp-attribute")
                + "\r\n";
        return f.get("method") + " sip:" + f.get("uri-user") + "@" + f.get("uri-host") + ":" + f.get("uri-port") + " "
                + f.get("version") + "\r\n"
                + "Via: " + f.get("via-transport") + " " + f.get("via-host") + ":" + f.get("via-port") + ";branch=" + f.get("via-branch") + "\r\n"
                + "From: " + f.get("from-display") + " <" + f.get("from-uri") + ">;tag=" + f.get("from-tag") + "\r\n"
                + "To: <" + f.get("to-uri") + ">\r\n"
                + "Call-ID: " + f.get("call-id") + "\r\n"
                + "CSeq: " + f.get("cseq-number") + " " + f.get("cseq-method") + "\r\n"
                + "Max-Forwards: " + f.get("max-forwards") + "\r\n"
                + "Contact: " + f.get("contact") + "\r\n"
                + "Expires: " + f.get("expires") + "\r\n"
                + "User-Agent: " + f.get("user-agent") + "\r\n"
                + "Content-Type: " + f.get("content-type") + "\r\n"
                + "Content-Length: " + sdp.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + sdp;
    }

    /** The catalogue: each turns a field's good value into a broken one. */
    static Map<String, UnaryOperator<String>> anomalies() {
        Map<String, UnaryOperator<String>> a = new LinkedHashMap<>();
        for (int length : new int[] {128, 1024, 8192, 30000}) {
            a.put("overflow-" + length, v -> v + "A".repeat(length));
        }
        a.put("replaced-by-256", v -> "A".repeat(256));
        a.put("replaced-by-4096", v -> "9".repeat(4096));
        a.put("format-string", v -> "%s%s%s%n%n%x%d%p".repeat(8));
        a.put("empty", v -> "");
        for (String n : new String[] {"0", "-1", "2147483648", "4294967296", "18446744073709551616", "-2147483649", "9".repeat(40), "1e9", "0x10"}) {
            a.put("integer " + n, v -> n);
        }
        String[] characters = {"\u0000", "\u00ff", "\r", "\n", "\r\n", "\r\n\r\n", "\t", " ", "\"", "<", ">", "@", ":", ";",
                ",", "=", "?", "%", "%00", "\\", "/", "[", "]", "&", "#", "'", "热线"};
        for (String c : characters) {
            String name = c.chars().mapToObj(x -> String.format("%02x", x)).reduce("", String::concat);
            a.put("char " + name + " replaces", v -> c);
            a.put("char " + name + " inside", v -> v.substring(0, v.length() / 2) + c + v.substring(v.length() / 2));
            a.put("char " + name + " after", v -> v + c);
        }
        a.put("semicolons", v -> v + ";".repeat(1000));
        a.put("commas", v -> v + ",".repeat(500));
        a.put("ipv6-reference", v -> "[::1]");
        a.put("broken-ipv6", v -> "[:::::]");
        return a;
    }

    @Test
    void everyAnomalyInEveryFieldIsRefusedAndTheEngineKeepsServing() throws Exception {
        Map<String, UnaryOperator<String>> catalogue = anomalies();
        List<String> cases = new ArrayList<>();
        int n = 0;
        for (String field : fields(0).keySet()) {
            for (UnaryOperator<String> anomaly : catalogue.values()) {
                Map<String, String> f = fields(++n);
                f.put(field, anomaly.apply(f.get(field)));
                cases.add(invite(f));
            }
        }
        assertThat(cases).hasSizeGreaterThan(2700);

        Map<String, Integer> answers = new TreeMap<>();
        List<String> successes = new ArrayList<>();
        DatagramSocket socket = peerSocket();
        long started = System.nanoTime();
        for (int i = 0; i < cases.size(); i++) {
            byte[] bytes = cases.get(i).getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 65000) {
                socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
            }
            if (i % 25 == 24) {
                collect(socket, answers, successes);
            }
            if (i % 500 == 499) {
                assertThat(peer.status(peer.request("OPTIONS", "sip:*44@127.0.0.1:" + port, "", "")))
                        .as("OPTIONS answered after case %d", i + 1).isEqualTo(200);
            }
        }
        collect(socket, answers, successes);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("anomaly suite: %d INVITEs in %.1f s (%.0f/s), answers by status %s%n",
                cases.size(), seconds, cases.size() / seconds, answers);

        assertThat(successes).as("an unauthenticated broken INVITE was answered with success").isEmpty();
        assertThat(peer.status(peer.request("OPTIONS", "sip:*44@127.0.0.1:" + port, "", ""))).isEqualTo(200);
        long deadline = System.currentTimeMillis() + 10_000;
        while (engine.activeCalls() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(engine.activeCalls()).as("calls left behind").isZero();
    }

    @Test
    void everyAnomalyOverTcpLeavesTheEngineServing() throws Exception {
        Map<String, UnaryOperator<String>> catalogue = anomalies();
        int n = 0;
        int sent = 0;
        for (String field : fields(0).keySet()) {
            int k = 0;
            for (UnaryOperator<String> anomaly : catalogue.values()) {
                if (k++ % 8 != 0) {
                    continue; // every 8th anomaly per field: a few hundred connections
                }
                Map<String, String> f = fields(++n);
                f.put("via-transport", "SIP/2.0/TCP");
                f.put(field, anomaly.apply(f.get(field)));
                try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    tcp.setSoTimeout(100);
                    OutputStream out = tcp.getOutputStream();
                    out.write(invite(f).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    InputStream in = tcp.getInputStream();
                    try {
                        in.read(new byte[8192]);
                    } catch (SocketTimeoutException | java.net.SocketException ignored) {
                        // no answer, or the engine closed the connection: both fine for garbage
                    }
                }
                sent++;
            }
        }
        assertThat(sent).isGreaterThan(250);
        try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), port)) {
            tcp.setSoTimeout(3000);
            tcp.getOutputStream().write(peer.request("OPTIONS", "sip:*44@127.0.0.1:" + port, "", "")
                    .replace("SIP/2.0/UDP", "SIP/2.0/TCP").getBytes(StandardCharsets.UTF_8));
            byte[] buffer = new byte[4096];
            int read = tcp.getInputStream().read(buffer);
            assertThat(new String(buffer, 0, Math.max(read, 0), StandardCharsets.UTF_8)).startsWith("SIP/2.0 200");
        }
    }

    /** The suite's INVITEs name the peer's port in Via, so answers come back to the peer's socket. */
    private DatagramSocket peerSocket() throws IOException {
        return peer.socket();
    }

    private static void collect(DatagramSocket socket, Map<String, Integer> answers, List<String> successes) throws IOException {
        socket.setSoTimeout(30);
        byte[] buffer = new byte[65536];
        try {
            while (true) {
                DatagramPacket in = new DatagramPacket(buffer, buffer.length);
                socket.receive(in);
                String text = new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8);
                String status = text.length() >= 11 ? text.substring(8, 11) : "?";
                answers.merge(status, 1, Integer::sum);
                if (status.startsWith("2") && text.contains("INVITE\r\n")) {
                    successes.add(text.lines().limit(8).reduce("", (x, y) -> x + y + " | "));
                }
            }
        } catch (SocketTimeoutException quiet) {
            socket.setSoTimeout(3000);
        }
    }
}
