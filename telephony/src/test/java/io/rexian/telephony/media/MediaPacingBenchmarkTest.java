package io.rexian.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keeps the benchmark harness working: a short, small run in the normal build. */
class MediaPacingBenchmarkTest {

    @Test
    void fiftyPlaybackStreamsReachTheListener() throws Exception {
        String result = MediaPacingBenchmark.run(50, 2, "playback", 1);
        assertThat(result).contains("sessions=50", "dropped=0");
        double received = Double.parseDouble(result.replaceAll(".*sinkPackets/s=([0-9.]+).*", "$1"));
        // 50 streams × 50 packets/s; timing figures come from bench/media/run.sh on a quiet machine.
        assertThat(received).isBetween(1000.0, 2700.0);
    }
}
