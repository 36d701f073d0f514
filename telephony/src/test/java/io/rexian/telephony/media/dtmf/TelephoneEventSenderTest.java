package io.rexian.telephony.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TelephoneEventSenderTest {

    @Test
    void digitIsMarkedGrowsInDurationAndEndsThreeTimes() {
        TelephoneEventSender sender = new TelephoneEventSender(100, 60);
        sender.enqueue("9x#"); // x is no DTMF digit and is skipped
        List<String> packets = new ArrayList<>();
        TelephoneEventSender.Packet packet = new TelephoneEventSender.Packet();
        long audioTimestamp = 8000;
        for (int tick = 0; tick < 30; tick++, audioTimestamp += 160) {
            if (sender.next(audioTimestamp, packet)) {
                int duration = ((packet.payload[2] & 0xFF) << 8) | (packet.payload[3] & 0xFF);
                boolean end = (packet.payload[1] & 0x80) != 0;
                packets.add(tick + ":" + packet.payload[0] + (packet.marker ? "M" : "") + (end ? "E" : "") + duration + "@" + packet.timestamp);
            }
        }
        assertThat(packets).containsExactly(
                "0:9M160@8000", "1:9320@8000", "2:9480@8000", "3:9640@8000", "4:9E800@8000", "5:9E800@8000", "6:9E800@8000",
                // three ticks of audio pause, then the next digit with a new timestamp
                "10:11M160@9600", "11:11320@9600", "12:11480@9600", "13:11640@9600", "14:11E800@9600", "15:11E800@9600",
                "16:11E800@9600");
        assertThat(sender.busy()).isFalse();
    }

    @Test
    void whatTheSenderSendsTheReceiverReadsOnce() {
        StringBuilder heard = new StringBuilder();
        TelephoneEventReceiver receiver = new TelephoneEventReceiver((d, duration) -> heard.append(d).append(duration).append(' '));
        TelephoneEventSender sender = new TelephoneEventSender(100, 60);
        sender.enqueue("1*1A");
        TelephoneEventSender.Packet packet = new TelephoneEventSender.Packet();
        long ts = 0;
        for (int tick = 0; tick < 100; tick++, ts += 160) {
            if (sender.next(ts, packet)) {
                receiver.onPacket(packet.marker, packet.timestamp, packet.payload, 0, 4, tick * 20L);
            }
            receiver.onTick(tick * 20L);
        }
        assertThat(heard.toString()).isEqualTo("1800 *800 1800 A800 ");
    }
}
