package io.rexian.telephony.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtcpReportsTest {

    final byte[] packet = new byte[256];

    @Test
    void goodbyeIsTheLastPacketOfTheCompoundAndNamesOurSource() {
        int report = RtcpReports.write(packet, 0xCAFEL, false, 0, 0, 0, 0, new ReceptionStatistics(), 0, "rexian-m1");
        int length = RtcpReports.appendBye(packet, report, 0xCAFEL);
        assertThat(length).isEqualTo(report + 8);
        assertThat(packet[report] & 0xFF).as("V=2, one source").isEqualTo(0x81);
        assertThat(packet[report + 1] & 0xFF).isEqualTo(203);
        assertThat(packet[report + 3]).as("length: one word after the header").isEqualTo((byte) 1);
        assertThat(RtcpReports.saysBye(packet, length, 0xCAFEL)).isTrue();
        assertThat(RtcpReports.saysBye(packet, length, 0xBEEFL)).as("another source's stream goes on").isFalse();
        assertThat(RtcpReports.saysBye(packet, report, 0xCAFEL)).as("a report alone is no goodbye").isFalse();
    }

    @Test
    void truncatedOrForeignDatagramsAreNoGoodbye() {
        int length = RtcpReports.appendBye(packet, 0, 7);
        assertThat(RtcpReports.saysBye(packet, length - 1, 7)).isFalse();
        packet[0] = 0x41; // not version 2
        assertThat(RtcpReports.saysBye(packet, length, 7)).isFalse();
    }
}
