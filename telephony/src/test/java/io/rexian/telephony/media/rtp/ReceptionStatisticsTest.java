package io.rexian.telephony.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceptionStatisticsTest {

    final ReceptionStatistics stats = new ReceptionStatistics();

    @Test
    void keyPressPacketsCountButLeaveTheJitterAlone() {
        for (int i = 0; i < 10; i++) {
            stats.onPacket(42, i, 1000 + i * 160L, 5000 + i * 160L, true); // audio exactly on time
        }
        for (int i = 10; i < 20; i++) {
            // an RFC 4733 event repeats its start timestamp while time goes on
            stats.onPacket(42, i, 2600, 5000 + i * 160L, false);
        }
        assertThat(stats.received()).isEqualTo(20);
        assertThat(stats.cumulativeLost()).isZero();
        assertThat(stats.jitter()).isZero();
    }

    @Test
    void aRestartedSequenceIsFollowedAndAStrayOneIgnored() {
        for (int seq = 100; seq < 110; seq++) {
            stats.onPacket(42, seq, seq * 160L, seq * 160L, true);
        }
        stats.onPacket(42, 30_000, 0, 0, true); // a stray packet far ahead
        assertThat(stats.cumulativeLost()).isZero();
        assertThat(stats.extendedHighestSequence()).isEqualTo(109);
        for (int seq = 110; seq < 115; seq++) {
            stats.onPacket(42, seq, seq * 160L, seq * 160L, true);
        }
        for (int seq = 20_000; seq < 20_010; seq++) { // the phone restarted its numbering
            stats.onPacket(42, seq, seq * 160L, seq * 160L, true);
        }
        assertThat(stats.cumulativeLost()).as("a restart is no loss").isZero();
        assertThat(stats.extendedHighestSequence()).isEqualTo(20_009);
        assertThat(stats.received()).isEqualTo(9);
    }

    @Test
    void lastSenderReportBelongsToTheSourceWeHear() {
        stats.onPacket(42, 1, 0, 0, true);
        stats.onSenderReport(99, 0x1234, 1_000_000_000L);
        assertThat(stats.lastSrNtpMiddle()).as("another source's SR").isZero();
        stats.onSenderReport(42, 0x5678, 1_000_000_000L);
        assertThat(stats.lastSrNtpMiddle()).isEqualTo(0x5678);
        assertThat(stats.delaySinceLastSr(1_500_000_000L)).as("half a second in 1/65536 s").isEqualTo(32768);
        stats.onPacket(43, 500, 0, 0, true); // the phone restarted its stream
        assertThat(stats.lastSrNtpMiddle()).isZero();
        assertThat(stats.delaySinceLastSr(2_000_000_000L)).isZero();
    }

    @Test
    void aSourceThatSaidByeIsNoLongerReported() {
        stats.onPacket(42, 7, 0, 0, true);
        stats.forget();
        assertThat(stats.started()).isFalse();
        stats.onPacket(43, 100, 0, 0, true);
        assertThat(stats.ssrc()).isEqualTo(43);
        assertThat(stats.received()).isEqualTo(1);
    }
}
