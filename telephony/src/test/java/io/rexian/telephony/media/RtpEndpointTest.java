package io.rexian.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.rexian.telephony.media.rtp.RtpPacket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One session against a hand-driven "phone" socket: what goes on the wire, tick by tick. */
class RtpEndpointTest {

    MediaEngine engine;
    EventLog events = new EventLog();
    DatagramChannel phoneRtp;
    DatagramChannel phoneRtcp;
    int phonePort;
    long phoneSsrc = 42;
    @TempDir
    Path dir;
    Path recording;

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
    void thirtyMillisecondPacketsFromThePhoneAreHeardWithoutGaps() throws Exception {
        MediaSession session = answeredAndRecording("ptime30.wav");
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
        short[] heard = partyHeard(session, 70);
        assertThat(TestAudio.indexOf(heard, TestAudio.ulawRoundTrip(voice))).as("the whole 1.2 s arrive contiguous").isGreaterThanOrEqualTo(0);
    }

    @Test
    void rtcpReportsGoToPortPlusOneOrShareThePortWithRtcpMux() throws Exception {
        MediaSession plain = answeredWithRtcpOnPortPlusOne("sendrecv");
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

    @Test
    void reportsAreCompoundWithCnameAndClosingSaysByeOnce() throws Exception {
        MediaSession session = answeredWithRtcpOnPortPlusOne("sendrecv");
        ticks(3);
        Thread.sleep(50);
        RtpPacket first = receive(phoneRtp).get(0);
        long ourSsrc = first.ssrc();
        List<byte[]> reports = datagrams(phoneRtcp);
        assertThat(reports).hasSize(1);
        assertThat(readInt(reports.get(0), 16)).as("the SR's media clock is that of the packet just sent")
                .isEqualTo(first.timestamp());
        assertThat(rtcpTypes(reports.get(0))).as("SR first, then SDES (RFC 3550 6.1)").containsExactly(200, 202);
        int sdes = 4 * ((reports.get(0)[3] & 0xFF) + 1);
        assertThat(reports.get(0)[sdes + 8]).as("the SDES item is a CNAME").isEqualTo((byte) 1);

        session.close();
        ticks(2);
        engine.close();
        Thread.sleep(50);
        List<byte[]> last = datagrams(phoneRtcp);
        assertThat(last).as("one goodbye").hasSize(1);
        assertThat(rtcpTypes(last.get(0))).containsExactly(200, 202, 203);
        byte[] bye = last.get(0);
        int byeAt = bye.length - 8;
        assertThat(bye[byeAt] & 0x1F).isEqualTo(1);
        assertThat(readInt(bye, byeAt + 4)).as("BYE names our SSRC").isEqualTo(ourSsrc);
    }

    @Test
    void aSessionThatOnlyListensReportsWithAReceiverReport() throws Exception {
        answeredWithRtcpOnPortPlusOne("sendonly"); // the phone plays to us, e.g. its music on hold
        ticks(2);
        Thread.sleep(50);
        assertThat(receive(phoneRtp)).isEmpty();
        List<byte[]> reports = datagrams(phoneRtcp);
        assertThat(reports).isNotEmpty();
        assertThat(rtcpTypes(reports.get(0))).as("RR first, then SDES").containsExactly(201, 202);
    }

    @Test
    void withRtcpMuxTheByeGoesToTheRtpPort() throws Exception {
        MediaSession session = engine.createSession(events);
        session.answer(Sdp.parse(offer("127.0.0.1", phonePort, "sendrecv", true)));
        ticks(2);
        session.close();
        ticks(1);
        Thread.sleep(50);
        List<Integer> types = new ArrayList<>();
        for (byte[] datagram : datagrams(phoneRtp)) {
            if (RtpPacket.looksLikeRtcp(datagram, datagram.length)) {
                types.addAll(rtcpTypes(datagram));
            }
        }
        assertThat(types).containsExactly(200, 202, 200, 202, 203);
    }

    @Test
    void remoteByeEndsReportsOnItsSourceButNotTheCall() throws Exception {
        MediaSession session = answeredWithRtcpOnPortPlusOne("sendrecv");
        for (int seq = 0; seq < 5; seq++) {
            phoneSends(session, false, 0, seq, seq * 160L, new byte[160]);
            ticks(1);
        }
        byte[] goodbye = new byte[16];
        goodbye[0] = (byte) 0x80; // empty RR from SSRC 42, then BYE for 42
        goodbye[1] = (byte) 201;
        goodbye[3] = 1;
        goodbye[7] = 42;
        goodbye[8 + 0] = (byte) 0x81;
        goodbye[8 + 1] = (byte) 203;
        goodbye[8 + 3] = 1;
        goodbye[8 + 7] = 42;
        InetSocketAddress ourRtcp = new InetSocketAddress("127.0.0.1", session.localPort() + 1);
        rtcpArrives(session, phoneRtcp, ByteBuffer.wrap(goodbye, 0, 8), ourRtcp); // the phone's RR: RTCP latches
        try (DatagramChannel intruder = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            rtcpArrives(session, intruder, ByteBuffer.wrap(goodbye), ourRtcp);
        }
        assertThat(session.remoteSaidBye()).as("only the party may say it left").isFalse();
        rtcpArrives(session, phoneRtcp, ByteBuffer.wrap(goodbye), ourRtcp);
        assertThat(session.remoteSaidBye()).isTrue();
        datagrams(phoneRtcp);
        ticks(76); // the next report, 0.5–1.5 s later
        Thread.sleep(50);
        List<byte[]> reports = datagrams(phoneRtcp);
        assertThat(reports).isNotEmpty();
        assertThat(reports.get(0)[0] & 0x1F).as("no report block about a source that left").isZero();
        assertThat(session.isClosed()).isFalse();
        assertThat(receive(phoneRtp)).as("we go on sending until SIP ends the call").isNotEmpty();
        phoneSends(session, false, 0, 5, 55 * 160L, new byte[160]);
        ticks(1);
        assertThat(session.remoteSaidBye()).as("media resumed").isFalse();
    }

    @Test
    void markerStartsTheStreamEachTalkspurtAfterHoldAndEachKeyPress() throws Exception {
        MediaSession session = engine.createSession(events);
        session.answer(Sdp.parse(offer("127.0.0.1", phonePort, "sendrecv", false)));
        ticks(3);
        session.sendDigits("5");
        ticks(10);
        Thread.sleep(50);
        List<RtpPacket> talk = receive(phoneRtp);
        assertThat(talk).extracting(RtpPacket::marker).startsWith(true, false, false);
        List<RtpPacket> events = talk.stream().filter(p -> p.payloadType() == 101).toList();
        assertThat(events).hasSizeGreaterThanOrEqualTo(5);
        assertThat(events).extracting(RtpPacket::marker).as("only the event's first packet (RFC 4733 2.5.1.3)")
                .containsExactly(true, false, false, false, false, false, false);
        assertThat(talk.subList(3, talk.size())).filteredOn(p -> p.payloadType() == 0).extracting(RtpPacket::marker)
                .containsOnly(false);

        session.answer(Sdp.parse(offer("127.0.0.1", phonePort, "inactive", false)));
        ticks(5);
        session.answer(Sdp.parse(offer("127.0.0.1", phonePort, "sendrecv", false)));
        ticks(3);
        Thread.sleep(50);
        List<RtpPacket> resumed = receive(phoneRtp);
        RtpPacket lastBeforeHold = talk.get(talk.size() - 1);
        assertThat(resumed).extracting(RtpPacket::marker).startsWith(true, false);
        assertThat(resumed.get(0).sequence()).as("sequence numbers go on").isEqualTo((lastBeforeHold.sequence() + 1) & 0xFFFF);
        assertThat(resumed.get(0).timestamp() - lastBeforeHold.timestamp()).as("the clock ran through the hold")
                .isEqualTo(6 * 160);
    }

    @Test
    void eventsUseTheAnswersPayloadTypeOutAndOursIn() throws Exception {
        MediaSession session = engine.createSession(events);
        session.offer();
        session.acceptAnswer(Sdp.parse(offer("127.0.0.1", phonePort, "sendrecv", false).replace("0 101", "0 96")
                .replace("rtpmap:101", "rtpmap:96")));
        session.sendDigits("3");
        ticks(3);
        Thread.sleep(50);
        assertThat(receive(phoneRtp)).extracting(RtpPacket::payloadType).contains(96).doesNotContain(101);
        for (int i = 0; i < 3; i++) {
            byte[] eventPayload = {7, (byte) (i == 2 ? 0x8A : 0x0A), 0, (byte) (160 * (i + 1))};
            phoneSends(session, i == 0, 101, i, 0, eventPayload);
            ticks(1);
        }
        Await.until(Duration.ofSeconds(2), () -> events.digits().equals("7"), "the key press on our offered type");
    }

    @Test
    void comfortNoiseBetweenSpeechIsHeardAsSilenceAsLongAsThePause() throws Exception {
        MediaSession session = answeredAndRecording("cn.wav");
        short[] first = TestAudio.sine(600, 400, 7000);
        short[] second = TestAudio.sine(1000, 400, 7000);
        phoneSpeaks(session, first, 0, 0);
        int seq = 20;
        // A 1.5 s pause (beyond the 1 s RTP timeout): CN at its start and every 200 ms (RFC 3389).
        for (int i = 20; i < 95; i++) {
            if ((i - 20) % 10 == 0) {
                phoneSends(session, false, 13, seq++, i * 160L, new byte[] {60});
            }
            ticks(1);
        }
        phoneSpeaks(session, second, seq, 95 * 160L);
        ticks(5);
        short[] heard = partyHeard(session, 120);
        int speech = TestAudio.indexOf(heard, TestAudio.ulawRoundTrip(first));
        int resumed = TestAudio.indexOf(heard, TestAudio.ulawRoundTrip(second));
        assertThat(speech).isGreaterThanOrEqualTo(0);
        assertThat(resumed - speech).as("speech resumes after exactly the sender's 1.5 s pause").isEqualTo(95 * 160);
        for (int i = speech + first.length; i < resumed; i++) {
            assertThat(heard[i]).as("silence in the pause, sample %d", i).isZero();
        }
        assertThat(events.of(MediaEvent.RtpTimeout.class)).as("comfort noise is media").isEmpty();
    }

    @Test
    void lateStragglersOfAReplacedSourceDoNotInterruptTheNewOne() throws Exception {
        MediaSession session = answeredAndRecording("ssrc.wav");
        short[] before = TestAudio.sine(600, 200, 7000);
        short[] after = TestAudio.sine(1000, 600, 7000);
        phoneSpeaks(session, before, 0, 0);
        for (int i = 0; i < 30; i++) { // a re-INVITE: new SSRC, new sequence numbers and clock
            if (i == 4) {
                phoneSsrc = 42;
                phoneSends(session, false, 0, 10, 1600, ulaw(before, 9)); // reordered in the network
            }
            phoneSsrc = 43;
            phoneSends(session, i == 0, 0, 5000 + i, 90_000 + i * 160L, ulaw(after, i));
            ticks(1);
        }
        ticks(5);
        short[] heard = partyHeard(session, 45);
        assertThat(TestAudio.indexOf(heard, TestAudio.ulawRoundTrip(after))).as("the new source plays whole")
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void relayKeepsTheSendersMarkerBit() throws Exception {
        try (DatagramChannel agentPhone = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            Bridge call = bridgedCall(agentPhone);
            for (int i = 0; i < 20; i++) {
                byte[] payload = new byte[160];
                Arrays.fill(payload, (byte) (i + 1)); // names the packet
                phoneSends(call.caller(), i == 0 || i == 10, 0, i, i * 160L, payload);
                ticks(1);
            }
            ticks(3);
            Thread.sleep(50);
            List<RtpPacket> relayed = receive(agentPhone).stream().filter(p -> p.data()[p.payloadOffset()] != (byte) 0xFF).toList();
            assertThat(relayed).hasSize(20);
            assertThat(relayed).filteredOn(RtpPacket::marker).extracting(p -> (int) p.data()[p.payloadOffset()])
                    .as("the caller's talkspurt starts, packets 1 and 11").containsExactly(1, 11);
            assertThat(call.agent().packetsRelayed()).isEqualTo(20);
        }
    }

    @Test
    void thirtyMillisecondCallerIsHeardWholeByATwentyMillisecondAgentThroughABridge() throws Exception {
        try (DatagramChannel agentPhone = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            Bridge call = bridgedCall(agentPhone);
            short[] voice = TestAudio.sine(600, 1200, 7000); // 40 packets of 30 ms
            List<RtpPacket> heard = new ArrayList<>();
            int sent = 0;
            for (int tick = 0; tick < 70; tick++) {
                if (tick % 3 != 2 && sent < 40) {
                    short[] chunk = Arrays.copyOfRange(voice, sent * 240, sent * 240 + 240);
                    byte[] payload = new byte[240];
                    Codec.PCMU.encode(chunk, 240, payload);
                    phoneSends(call.caller(), sent == 0, 0, sent, sent * 240L, payload);
                    sent++;
                }
                ticks(1);
                heard.addAll(receive(agentPhone));
            }
            Thread.sleep(50);
            heard.addAll(receive(agentPhone));
            assertThat(heard).allSatisfy(p -> assertThat(p.payloadLength()).isEqualTo(160));
            for (int i = 1; i < heard.size(); i++) {
                assertThat(heard.get(i).sequence()).isEqualTo((heard.get(i - 1).sequence() + 1) & 0xFFFF);
                assertThat(heard.get(i).timestamp() - heard.get(i - 1).timestamp()).isEqualTo(160);
            }
            short[] audio = new short[heard.size() * 160];
            for (int i = 0; i < heard.size(); i++) {
                RtpPacket p = heard.get(i);
                short[] frame = new short[160];
                Codec.PCMU.decode(p.data(), p.payloadOffset(), 160, frame);
                System.arraycopy(frame, 0, audio, i * 160, 160);
            }
            assertThat(TestAudio.indexOf(audio, TestAudio.ulawRoundTrip(voice)))
                    .as("the agent hears the whole 1.2 s, contiguous, in 20 ms packets").isGreaterThanOrEqualTo(0);
            assertThat(call.agent().packetsRelayed()).as("re-framed audio is re-encoded, not relayed").isZero();
        }
    }

    private void ticks(int n) {
        for (int i = 0; i < n; i++) {
            engine.tick();
        }
    }

    static List<RtpPacket> receive(DatagramChannel channel) throws Exception {
        List<RtpPacket> packets = new ArrayList<>();
        for (byte[] data : datagrams(channel)) {
            if (!RtpPacket.looksLikeRtcp(data, data.length)) {
                packets.add(RtpPacket.parse(data, data.length));
            }
        }
        return packets;
    }

    /** Sends an RTCP datagram from {@code from} and runs the tick that reads it. */
    private void rtcpArrives(MediaSession session, DatagramChannel from, ByteBuffer datagram, InetSocketAddress to)
            throws Exception {
        from.send(datagram, to);
        Await.until(Duration.ofSeconds(2), () -> session.queuedDatagrams() > 0, "RTCP arrival");
        ticks(1);
    }

    /** A session answering the phone, recording what the phone says to {@code fileName} in {@link #dir}. */
    private MediaSession answeredAndRecording(String fileName) throws Exception {
        MediaSession session = engine.createSession(events);
        session.answer(Sdp.parse(offer("127.0.0.1", phonePort, "sendrecv", false)));
        recording = dir.resolve(fileName);
        session.startRecording(recording, RecordingLayout.STEREO);
        return session;
    }

    /** Ends the recording and returns what the party said, once at least {@code frames} 20 ms frames are in it. */
    private short[] partyHeard(MediaSession session, int frames) throws Exception {
        Path file = recording;
        session.stopRecording();
        ticks(1);
        Await.until(Duration.ofSeconds(5), () -> RecorderTest.headerDataSize(file) >= frames * 640, "recording");
        Thread.sleep(100);
        return io.rexian.telephony.media.wav.WavReader.read(file).channel(0);
    }

    /** The phone sends one RTP packet to the session; returns once it is queued for the next tick. */
    private void phoneSends(MediaSession session, boolean marker, int payloadType, int sequence, long timestamp,
                            byte[] payload) throws Exception {
        byte[] packet = new byte[RtpPacket.HEADER_LENGTH + payload.length];
        RtpPacket.write(packet, marker, payloadType, sequence, timestamp, phoneSsrc, payload, 0, payload.length);
        int queued = session.queuedDatagrams();
        phoneRtp.send(ByteBuffer.wrap(packet), session.localAddress());
        Await.until(Duration.ofSeconds(2), () -> session.queuedDatagrams() > queued, "packet arrival");
    }

    /** The phone says {@code voice} as one talkspurt in µ-law: marker first, a 20 ms packet per tick. */
    private void phoneSpeaks(MediaSession session, short[] voice, int sequence, long timestamp) throws Exception {
        for (int i = 0; i < voice.length / 160; i++) {
            phoneSends(session, i == 0, 0, sequence + i, timestamp + i * 160L, ulaw(voice, i));
            ticks(1);
        }
    }

    /** The {@code index}-th 20 ms frame of {@code voice} in µ-law. */
    static byte[] ulaw(short[] voice, int index) {
        short[] frame = new short[160];
        System.arraycopy(voice, index * 160, frame, 0, 160);
        byte[] payload = new byte[160];
        Codec.PCMU.encode(frame, 160, payload);
        return payload;
    }

    static List<byte[]> datagrams(DatagramChannel channel) throws Exception {
        List<byte[]> datagrams = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.allocate(1500);
        while (channel.receive(buf) != null) {
            byte[] data = new byte[buf.position()];
            System.arraycopy(buf.array(), 0, data, 0, data.length);
            datagrams.add(data);
            buf.clear();
        }
        return datagrams;
    }

    /** The packet types in an RTCP compound packet, in order; fails on a length that does not add up. */
    static List<Integer> rtcpTypes(byte[] compound) {
        List<Integer> types = new ArrayList<>();
        int pos = 0;
        while (pos < compound.length) {
            assertThat(compound[pos] & 0xC0).as("RTCP version 2").isEqualTo(0x80);
            types.add(compound[pos + 1] & 0xFF);
            pos += 4 * (((compound[pos + 2] & 0xFF) << 8 | (compound[pos + 3] & 0xFF)) + 1);
        }
        assertThat(pos).as("lengths add up to the datagram").isEqualTo(compound.length);
        return types;
    }

    /** A session answering the phone's offer with {@code direction}; the phone's RTCP socket listens on its RTP port + 1. */
    private MediaSession answeredWithRtcpOnPortPlusOne(String direction) throws Exception {
        phoneRtcp.bind(new InetSocketAddress("127.0.0.1", phonePort + 1));
        phoneRtcp.configureBlocking(false);
        MediaSession session = engine.createSession(events);
        session.answer(Sdp.parse(offer("127.0.0.1", phonePort, direction, false)));
        return session;
    }

    /** The phone's leg bridged to an agent leg whose phone is {@code agentPhone}; both µ-law. */
    private Bridge bridgedCall(DatagramChannel agentPhone) throws Exception {
        agentPhone.configureBlocking(false);
        MediaSession caller = engine.createSession(events);
        MediaSession agent = engine.createSession(MediaListener.NONE);
        caller.answer(Sdp.parse(offer("127.0.0.1", phonePort, "sendrecv", false)));
        agent.answer(Sdp.parse(offer("127.0.0.1", port(agentPhone), "sendrecv", false)));
        return engine.bridge(caller, agent);
    }

    static int port(DatagramChannel channel) throws Exception {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    static long readInt(byte[] data, int offset) {
        return ((long) (data[offset] & 0xFF) << 24) | ((data[offset + 1] & 0xFF) << 16)
                | ((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF);
    }

    static String offer(String address, int port, String direction, boolean rtcpMux) {
        return "v=0\r\no=phone 1 1 IN IP4 " + address + "\r\ns=-\r\nc=IN IP4 " + address + "\r\nt=0 0\r\n"
                + "m=audio " + port + " RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\na=" + direction + "\r\n"
                + (rtcpMux ? "a=rtcp-mux\r\n" : "");
    }
}
