package io.rexian.telephony.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.rexian.telephony.media.rtp.PcapReader;
import io.rexian.telephony.media.rtp.RtpPacket;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TelephoneEventReceiverTest {

    static final Path SIPP_MEDIA = Path.of("/usr/share/sip-tester");

    final StringBuilder digits = new StringBuilder();
    final TelephoneEventReceiver receiver = new TelephoneEventReceiver((digit, duration) -> digits.append(digit));
    long now;

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "star", "pound"})
    void sippRecordingsDecodeToExactlyTheirDigit(String name) throws Exception {
        List<byte[]> packets = sippRecording(name);
        feed(packets);
        String expected = switch (name) {
            case "star" -> "*";
            case "pound" -> "#";
            default -> name;
        };
        assertThat(digits.toString()).isEqualTo(expected);
    }

    @Test
    void sameRecordingReplayedTwiceIsTwoPresses() throws Exception {
        // sipp replays byte for byte: same timestamp and sequence numbers both times.
        List<byte[]> five = sippRecording("5");
        feed(five);
        feed(five);
        feed(sippRecording("pound"));
        assertThat(digits.toString()).isEqualTo("55#");
    }

    @Test
    void repeatedEndPacketsCountOnceAndLostEndsStillReport() {
        send(true, 1000, 3, false, 160);
        send(false, 1000, 3, false, 320);
        send(false, 1000, 3, true, 480);
        send(false, 1000, 3, true, 480);
        send(false, 1000, 3, true, 480);
        assertThat(digits.toString()).isEqualTo("3");

        // A press whose end packets are all lost: reported when the next press starts...
        send(true, 2000, 7, false, 160);
        send(true, 3000, 8, false, 160);
        assertThat(digits.toString()).isEqualTo("37");
        // ...or when the stream stays silent.
        receiver.onTick(now + TelephoneEventReceiver.LOST_END_TIMEOUT_MILLIS);
        assertThat(digits.toString()).isEqualTo("378");
    }

    @Test
    void sameDigitAgainWithoutMarkerIsRecognisedByRestartedDuration() {
        send(true, 500, 1, false, 160);
        send(false, 500, 1, true, 800);
        send(false, 500, 1, false, 160); // marker lost, same timestamp, duration restarted
        send(false, 500, 1, true, 800);
        assertThat(digits.toString()).isEqualTo("11");
    }

    private void send(boolean marker, long timestamp, int event, boolean end, int duration) {
        byte[] payload = {(byte) event, (byte) (end ? 0x8A : 0x0A), (byte) (duration >> 8), (byte) duration};
        receiver.onPacket(marker, timestamp, payload, 0, 4, now += 20);
    }

    private void feed(List<byte[]> datagrams) {
        for (byte[] datagram : datagrams) {
            RtpPacket rtp = RtpPacket.parse(datagram, datagram.length);
            assertThat(rtp).isNotNull();
            assertThat(rtp.payloadType()).isEqualTo(101);
            receiver.onPacket(rtp.marker(), rtp.timestamp(), rtp.data(), rtp.payloadOffset(), rtp.payloadLength(), now += 20);
            receiver.onTick(now);
        }
    }

    static List<byte[]> sippRecording(String name) throws Exception {
        Path file = SIPP_MEDIA.resolve("dtmf_2833_" + name + ".pcap");
        Assumptions.assumeTrue(Files.exists(file), "sip-tester is not installed (apt-get install -y sip-tester)");
        return PcapReader.udpPayloads(file);
    }
}
