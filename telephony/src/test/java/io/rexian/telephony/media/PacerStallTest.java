package io.rexian.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;

import io.rexian.telephony.media.rtp.RtpPacket;
import org.junit.jupiter.api.Test;

/** What a phone receives when the pacing thread was not scheduled for a while. */
class PacerStallTest {

    @Test
    void aLongStallBecomesLostPacketsNotABurst() throws Exception {
        try (MediaEngine engine = MediaEngine.start(MediaSettings.defaults().withPorts(36000, 36099));
             DatagramChannel phone = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            MediaSession session = engine.createSession(null);
            session.setRemote((InetSocketAddress) phone.getLocalAddress(), Codec.PCMU);
            Thread.sleep(300);
            engine.submit(() -> {
                try {
                    Thread.sleep(300); // the machine did not run the pacer for 300 ms
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Thread.sleep(700);
            session.close();
            Thread.sleep(50);

            List<long[]> arrivals = new ArrayList<>(); // {sequence, rtp timestamp}
            phone.configureBlocking(false);
            ByteBuffer buf = ByteBuffer.allocate(1500);
            while (phone.receive(buf) != null) {
                RtpPacket p = RtpPacket.parse(buf.array(), buf.position());
                if (p != null && !RtpPacket.looksLikeRtcp(buf.array(), buf.position())) {
                    arrivals.add(new long[] {p.sequence(), p.timestamp()});
                }
                buf.clear();
            }
            long biggestTimestampJump = 0;
            for (int i = 1; i < arrivals.size(); i++) {
                assertThat(arrivals.get(i)[0]).as("sequence numbers stay contiguous").isEqualTo((arrivals.get(i - 1)[0] + 1) & 0xFFFF);
                biggestTimestampJump = Math.max(biggestTimestampJump, arrivals.get(i)[1] - arrivals.get(i - 1)[1]);
            }
            // The stream's clock jumped over the stall (≥ 200 ms = 1600 samples) instead of
            // 15 packets being fired at once with consecutive timestamps.
            assertThat(biggestTimestampJump).isGreaterThanOrEqualTo(1600);
            assertThat(engine.pacingStatistics().ticksSkipped()).isGreaterThanOrEqualTo(10);
            assertThat(arrivals.size()).as("about 1 s minus the skipped 300 ms").isBetween(10, 45);
        }
    }
}
