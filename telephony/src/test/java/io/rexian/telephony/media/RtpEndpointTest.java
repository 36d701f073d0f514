package io.rexian.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.rexian.telephony.media.rtp.RtpPacket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One session against a hand-driven "phone" socket: what goes on the wire, tick by tick. */
class RtpEndpointTest {

    MediaEngine engine;
    EventLog events = new EventLog();
    DatagramChannel phoneRtp;
    DatagramChannel phoneRtcp;
    int phonePort;

    @BeforeEach
    void open() throws Exception {
        engine = MediaEngine.manual(MediaSettings.defaults().withPorts(35000, 35099).withRtpTimeout(Duration.ofSeconds(1))
                .withRtcpInterval(Duration.ofSeconds(1)));
        phoneRtp = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        phonePort = ((InetSocketAddress) phoneRtp.getLocalAddress()).getPort();
        phoneRtcp = DatagramChannel.open();
        phoneRtp.configureBlocking(false);
    }

    @AfterEach
    void close() throws Exception {
        engine.close();
        phoneRtp.close();
        phoneRtcp.close();
    }

    @Test
    void silenceFromTheRemoteRaisesOneRtpTimeout() throws Exception {
        MediaSession session = engine.createSession(events);
        session.answer(Sdp.parse(offer("127.0.0.1", phonePort, "sendrecv", false)));
        ticks(50); // 0 … 980 ms
        Thread.sleep(100);
        assertThat(events.of(MediaEvent.RtpTimeout.class)).isEmpty();
        ticks(1);
        Await.until(Duration.ofSeconds(2), () -> !events.of(MediaEvent.RtpTimeout.class).isEmpty(), "timeout");
        ticks(100);
        Thread.sleep(100);
        assertThat(events.of(MediaEvent.RtpTimeout.class)).hasSize(1);
    }

    @Test
    void mediaLatchesToWhereThePhoneReallySendsFrom() throws Exception {
        MediaSession session = engine.createSession(events);
        // The phone is behind NAT: its SDP names a private address/port that is unreachable.
        session.answer(Sdp.parse(offer("127.0.0.1", 9, "sendrecv", false)));
        ticks(2);
        assertThat(receive(phoneRtp)).isEmpty();
        byte[] packet = new byte[172];
        RtpPacket.write(packet, false, 0, 1, 160, 42, new byte[160], 0, 160);
        phoneRtp.send(ByteBuffer.wrap(packet), session.localAddress());
        Thread.sleep(50);
        ticks(5);
        assertThat(session.remoteAddress().getPort()).isEqualTo(phonePort);
        List<RtpPacket> got = receive(phoneRtp);
        assertThat(got).hasSizeGreaterThanOrEqualTo(4);
        assertThat(got).allSatisfy(p -> assertThat(p.payloadType()).isZero());
        // sequence numbers and timestamps advance by one packet / 160 samples
        assertThat(got.get(1).sequence()).isEqualTo((got.get(0).sequence() + 1) & 0xFFFF);
        assertThat(got.get(1).timestamp() - got.get(0).timestamp()).isEqualTo(160);
    }

    @Test
    void afterLatchingPacketsFromOtherAddressesAreIgnored() throws Exception {
        MediaSession session = engine.createSession(events);
        session.answer(Sdp.parse(offer("127.0.0.1", phonePort, "sendrecv", false)));
        ticks(1);
        byte[] packet = new byte[172];
        RtpPacket.write(packet, false, 0, 1, 160, 42, new byte[160], 0, 160);
        phoneRtp.send(ByteBuffer.wrap(packet), session.localAddress());
        Thread.sleep(30);
        ticks(1);
        try (DatagramChannel intruder = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            byte[] digit = new byte[16];
            RtpPacket.write(digit, true, 101, 9, 320, 7, new byte[] {5, (byte) 0x8A, 0, (byte) 160}, 0, 4);
            intruder.send(ByteBuffer.wrap(digit), session.localAddress());
            Thread.sleep(30);
            ticks(20);
        }
        Thread.sleep(50);
        assertThat(session.packetsReceived()).isEqualTo(1);
        assertThat(events.digits()).as("an injected key press must not reach the IVR").isEmpty();
    }

    @Test
    void thirtyMillisecondPacketsFromThePhoneAreHeardWithoutGaps(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        MediaSession session = engine.createSession(events);
        session.answer(Sdp.parse(offer("127.0.0.1", phonePort, "sendrecv", false)));
        java.nio.file.Path file = dir.resolve("ptime30.wav");
        session.startRecording(file, RecordingLayout.STEREO);
        ticks(1);
        short[] voice = TestAudio.sine(600, 1200, 7000); // 1.2 s = 40 packets of 30 ms
        byte[] payload = new byte[240];
        byte[] packet = new byte[12 + 240];
        short[] chunk = new short[240];
        int sent = 0;
        for (int tick = 0; tick < 75; tick++) {
            // 2 packets of 30 ms per 3 ticks of 20 ms, as a ptime:30 phone sends them
            if (tick % 3 != 2 && sent < 40) {
                System.arraycopy(voice, sent * 240, chunk, 0, 240);
                Codec.PCMU.encode(chunk, 240, payload);
                RtpPacket.write(packet, false, 0, sent, sent * 240L, 77, payload, 0, 240);
                phoneRtp.send(ByteBuffer.wrap(packet), session.localAddress());
                sent++;
                Await.until(Duration.ofSeconds(2), () -> session.queuedDatagrams() > 0, "packet arrival");
            }
            ticks(1);
        }
        session.stopRecording();
        ticks(1);
        Await.until(Duration.ofSeconds(5), () -> RecorderTest.headerDataSize(file) > 70 * 640, "recording");
        Thread.sleep(100);
        short[] heard = io.rexian.telephony.media.wav.WavReader.read(file).channel(0);
        assertThat(TestAudio.indexOf(heard, TestAudio.ulawRoundTrip(voice))).as("the whole 1.2 s arrive contiguous").isGreaterThanOrEqualTo(0);
    }

    @Test
    void rtcpReportsGoToPortPlusOneOrShareThePortWithRtcpMux() throws Exception {
        phoneRtcp.bind(new InetSocketAddress("127.0.0.1", phonePort + 1));
        phoneRtcp.configureBlocking(false);
        MediaSession plain = engine.createSession(events);
        plain.answer(Sdp.parse(offer("127.0.0.1", phonePort, "sendrecv", false)));
        ticks(2);
        Thread.sleep(50);
        ByteBuffer buf = ByteBuffer.allocate(1500);
        assertThat(phoneRtcp.receive(buf)).as("a sender report on RTP port + 1").isNotNull();
        assertThat(buf.get(1) & 0xFF).isEqualTo(200);
        plain.close();
        ticks(1);

        try (DatagramChannel muxPhone = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            muxPhone.configureBlocking(false);
            MediaSession mux = engine.createSession(events);
            Sdp answer = mux.answer(Sdp.parse(offer("127.0.0.1", ((InetSocketAddress) muxPhone.getLocalAddress()).getPort(), "sendrecv", true)));
            assertThat(answer.toString()).contains("a=rtcp-mux");
            ticks(60); // past the 1 s interval
            Thread.sleep(50);
            boolean sawRtcp = false;
            buf.clear();
            while (muxPhone.receive(buf) != null) {
                sawRtcp |= RtpPacket.looksLikeRtcp(buf.array(), buf.position());
                buf.clear();
            }
            assertThat(sawRtcp).as("RTCP on the RTP port").isTrue();
        }
    }

    @Test
    void remoteHoldStopsOurMediaAndOurTimeoutWhenInactive() throws Exception {
        MediaSession session = engine.createSession(events);
        session.answer(Sdp.parse(offer("127.0.0.1", phonePort, "sendrecv", false)));
        ticks(3);
        Thread.sleep(30);
        assertThat(receive(phoneRtp)).isNotEmpty();
        Sdp answer = session.answer(Sdp.parse(offer("127.0.0.1", phonePort, "inactive", false)));
        assertThat(answer.direction()).isEqualTo(Direction.INACTIVE);
        ticks(1);
        Thread.sleep(30);
        receive(phoneRtp);
        ticks(100); // 2 s, beyond the 1 s RTP timeout
        Thread.sleep(50);
        assertThat(receive(phoneRtp).stream().filter(p -> p.payloadType() < 72 || p.payloadType() > 76)).isEmpty();
        assertThat(events.of(MediaEvent.RtpTimeout.class)).as("no timeout while the remote holds").isEmpty();
        Sdp resumed = session.answer(Sdp.parse(offer("127.0.0.1", phonePort, "sendrecv", false)));
        assertThat(resumed.version()).isGreaterThan(answer.version());
    }

    private void ticks(int n) {
        for (int i = 0; i < n; i++) {
            engine.tick();
        }
    }

    private static List<RtpPacket> receive(DatagramChannel channel) throws Exception {
        List<RtpPacket> packets = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.allocate(1500);
        while (channel.receive(buf) != null) {
            byte[] data = new byte[buf.position()];
            System.arraycopy(buf.array(), 0, data, 0, data.length);
            if (!RtpPacket.looksLikeRtcp(data, data.length)) {
                packets.add(RtpPacket.parse(data, data.length));
            }
            buf.clear();
        }
        return packets;
    }

    static String offer(String address, int port, String direction, boolean rtcpMux) {
        return "v=0\r\no=phone 1 1 IN IP4 " + address + "\r\ns=-\r\nc=IN IP4 " + address + "\r\nt=0 0\r\n"
                + "m=audio " + port + " RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\na=" + direction + "\r\n"
                + (rtcpMux ? "a=rtcp-mux\r\n" : "");
    }
}
