package io.rexian.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.rexian.telephony.media.rtp.PcapReader;
import io.rexian.telephony.media.rtp.RtpPacket;
import io.rexian.telephony.media.wav.WavReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sipp's A-law speech recording (30 ms packets), replayed as sipp would, is recorded intact. */
class SippAudioReplayTest {

    @Test
    void g711aRecordingArrivesSampleExactThroughThirtyMillisecondPackets(@TempDir Path dir) throws Exception {
        Path pcap = Path.of("/usr/share/sip-tester/g711a.pcap");
        Assumptions.assumeTrue(Files.exists(pcap), "sip-tester is not installed");
        List<byte[]> datagrams = PcapReader.udpPayloads(pcap);
        ByteBuffer speech = ByteBuffer.allocate(datagrams.size() * 240);
        for (byte[] d : datagrams) {
            RtpPacket p = RtpPacket.parse(d, d.length);
            speech.put(p.data(), p.payloadOffset(), p.payloadLength());
        }
        short[] expected = new short[speech.position()];
        Codec.PCMA.decode(speech.array(), 0, expected.length, expected);

        try (MediaEngine engine = MediaEngine.manual(MediaSettings.defaults().withPorts(38000, 38099));
             DatagramChannel sipp = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            MediaSession session = engine.createSession(null);
            String offer = "v=0\r\no=sipp 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio "
                    + ((InetSocketAddress) sipp.getLocalAddress()).getPort() + " RTP/AVP 8\r\na=ptime:30\r\n";
            assertThat(session.answer(Sdp.parse(offer)).toString()).contains("m=audio " + session.localPort() + " RTP/AVP 8");
            Path file = dir.resolve("sipp.wav");
            session.startRecording(file, RecordingLayout.STEREO);
            engine.tick();
            int next = 0;
            for (int tick = 0; next < datagrams.size() || tick % 3 != 0; tick++) {
                if (tick % 3 != 2 && next < datagrams.size()) { // 2 × 30 ms per 3 × 20 ms
                    sipp.send(ByteBuffer.wrap(datagrams.get(next++)), session.localAddress());
                    Await.until(Duration.ofSeconds(2), () -> session.queuedDatagrams() > 0, "packet arrival");
                }
                engine.tick();
            }
            for (int i = 0; i < 10; i++) {
                engine.tick();
            }
            session.stopRecording();
            engine.tick();
            Await.until(Duration.ofSeconds(5), () -> RecorderTest.headerDataSize(file) >= expected.length * 4, "recording");
            Thread.sleep(100);

            short[] heard = WavReader.read(file).channel(0);
            assertThat(TestAudio.indexOf(heard, expected)).as("all %d ms of sipp's speech, sample-exact", expected.length / 8)
                    .isGreaterThanOrEqualTo(0);
        }
    }
}
