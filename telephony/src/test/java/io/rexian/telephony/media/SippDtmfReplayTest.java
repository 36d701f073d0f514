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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** sipp's DTMF recordings, sent over UDP as sipp would, reach the listener as exact digits. */
class SippDtmfReplayTest {

    @Test
    void replayedRecordingsDecodeExactlyIncludingTheSameDigitTwice() throws Exception {
        Path media = Path.of("/usr/share/sip-tester");
        Assumptions.assumeTrue(Files.exists(media.resolve("dtmf_2833_1.pcap")), "sip-tester is not installed");
        EventLog events = new EventLog();
        try (MediaEngine engine = MediaEngine.start(MediaSettings.defaults().withPorts(32000, 32099));
             DatagramChannel phone = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            MediaSession session = engine.createSession(events);
            session.setRemote((InetSocketAddress) phone.getLocalAddress(), Codec.PCMU);
            Thread.sleep(60);
            String sequence = "1 1 star 0 pound 9 9";
            for (String name : sequence.split(" ")) {
                List<byte[]> packets = PcapReader.udpPayloads(media.resolve("dtmf_2833_" + name + ".pcap"));
                for (byte[] packet : packets) {
                    phone.send(ByteBuffer.wrap(packet), session.localAddress());
                    Thread.sleep(20); // sipp's pace
                }
            }
            Await.until(Duration.ofSeconds(5), () -> events.digits().length() >= 7, "seven digits");
            Thread.sleep(300);
            assertThat(events.digits()).isEqualTo("11*0#99");
        }
    }
}
