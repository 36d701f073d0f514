package io.rexian.telephony.peers;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A UDP peer that sends hand-written SIP text, byte for byte, and reads what comes back: for
 * malformed and unusual messages no SIP library would produce.
 */
public final class RawSip implements AutoCloseable {

    private final DatagramSocket socket;
    private final int enginePort;

    public RawSip(int enginePort) throws IOException {
        this.enginePort = enginePort;
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        socket.setSoTimeout(3000);
    }

    /** The socket itself, for tests that send in bulk and read answers in batches. */
    public DatagramSocket socket() {
        return socket;
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    /** A well-formed request from this peer, with fresh branch, tag and Call-ID. */
    public String request(String method, String uri, String extraHeaders, String body) {
        String branch = "z9hG4bK" + UUID.randomUUID().toString().replace("-", "");
        return method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + localPort() + ";branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:torture@127.0.0.1>;tag=" + UUID.randomUUID().toString().substring(0, 8) + "\r\n"
                + "To: <" + uri + ">\r\n"
                + "Call-ID: " + UUID.randomUUID() + "\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + extraHeaders
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** Sends and returns the first final response to it (matched by Call-ID when there is one), or null after 3 s. */
    public String exchange(String message) throws IOException {
        send(message.getBytes(StandardCharsets.UTF_8));
        int idAt = message.indexOf("\r\nCall-ID: ");
        String callId = idAt < 0 ? null : message.substring(idAt + 2, message.indexOf("\r\n", idAt + 2));
        byte[] buffer = new byte[65536];
        while (true) {
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(in);
            } catch (SocketTimeoutException e) {
                return null;
            }
            String text = new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8);
            if (text.startsWith("SIP/2.0 ") && !text.startsWith("SIP/2.0 100 ") && (callId == null || text.contains(callId))) {
                return text;
            }
        }
    }

    /** The status code of {@link #exchange}, 0 when nothing came. */
    public int status(String message) throws IOException {
        String response = exchange(message);
        return response == null ? 0 : Integer.parseInt(response.substring(8, 11));
    }

    public void send(byte[] bytes) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), enginePort));
    }

    /** Reads and throws away whatever arrives until 50 ms pass in silence. */
    public void drain() throws IOException {
        socket.setSoTimeout(50);
        try {
            byte[] buffer = new byte[65536];
            while (true) {
                socket.receive(new DatagramPacket(buffer, buffer.length));
            }
        } catch (SocketTimeoutException done) {
            socket.setSoTimeout(3000);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
