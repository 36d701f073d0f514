package io.rexian.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keeps the benchmark harness working: short, small runs in the normal build. */
class MediaPacingBenchmarkTest {

    @Test
    void fiftyPlaybackStreamsReachTheListener() throws Exception {
        String result = MediaPacingBenchmark.run(50, 2, "playback", 1);
        assertThat(result).contains("streams=50", "dropped=0");
        // 50 streams × 50 packets/s; timing figures come from bench/media/run.sh on a quiet machine.
        assertThat(figure(result, "sinkPackets/s")).isBetween(1000.0, 2700.0);
    }

    @Test
    void bridgedCallsCarryAudioBothWays() throws Exception {
        String result = MediaPacingBenchmark.run(10, 2, "bridge", 1);
        assertThat(result).contains("streams=10", "calls=5", "dropped=0");
        // 10 phones × 50 packets/s each hear the other side relayed through the bridge.
        assertThat(figure(result, "phonesReceived/s")).isBetween(200.0, 540.0);
        assertThat(figure(result, "relayed/s")).isGreaterThan(200.0);
    }

    private static double figure(String result, String name) {
        return Double.parseDouble(result.replaceAll("(?s).*" + name + "=([0-9.]+).*", "$1"));
    }
}
