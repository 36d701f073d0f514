package io.rexian.telephony;

import static io.rexian.telephony.SignallingWithSippTests.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rexian.telephony.peers.FreePort;
import io.rexian.telephony.peers.Sipp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The test services with real RTP media, driven by sipp. */
@Timeout(120)
class ServicesWithSippTests {

    private final List<CallEvent> events = new CopyOnWriteArrayList<>();
    private TelephonyEngine engine;
    private String target;

    @BeforeEach
    void start() {
        assumeTrue(Sipp.installed(), "sipp (apt package sip-tester) is not installed");
        int port = FreePort.pick();
        engine = TelephonyEngine.start(EngineSettings.defaults().withAddress("127.0.0.1", port)
                        .withTrustedServiceSources(Set.of("127.0.0.1")),
                ext -> Optional.empty(), CallRecords.DISCARD, Clock.systemUTC());
        engine.calls().addListener(events::add);
        target = "127.0.0.1:" + port;
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void playbackServiceCarriesManyCallsWithMedia() throws Exception {
        Sipp.Stats stats = Sipp.run("call-service.xml", target, Duration.ofSeconds(40),
                "-s", "*44", "-m", "30", "-r", "15", "-l", "30", "-d", "1000");
        assertThat(stats.failed()).as(stats.log()).isZero();
        assertThat(stats.successful()).isEqualTo(30);
        assertThat(stats.retransmissions()).as(stats.log()).isZero();
        waitFor(() -> events.stream().filter(e -> e instanceof CallEvent.Ended).count() == 30);
        waitFor(() -> engine.activeCalls() == 0);
    }

    @Test
    void digitsFromSippsRecordingsReachTheCallEvents() throws Exception {
        Sipp.Stats stats = Sipp.run("call-service-dtmf.xml", target, Duration.ofSeconds(30), "-s", "*43", "-m", "1");
        assertThat(stats.failed()).as(stats.log()).isZero();
        waitFor(() -> events.stream().anyMatch(e -> e instanceof CallEvent.Ended));
        assertThat(events.stream().filter(e -> e instanceof CallEvent.Dtmf).map(e -> ((CallEvent.Dtmf) e).digit()))
                .containsExactly('1', '5', '#');
    }

    @Test
    void keysSentAsSipInfoReachTheCallEventsLikeRtpOnes() throws Exception {
        Sipp.Stats stats = Sipp.run("call-service-info-dtmf.xml", target, Duration.ofSeconds(30), "-s", "*43", "-m", "1");
        assertThat(stats.failed()).as(stats.log()).isZero();
        assertThat(stats.successful()).isEqualTo(1);
        waitFor(() -> events.stream().anyMatch(e -> e instanceof CallEvent.Ended));
        assertThat(events.stream().filter(e -> e instanceof CallEvent.Dtmf).map(e -> ((CallEvent.Dtmf) e).digit()))
                .containsExactly('7', '9', '#');
    }

    @Test
    void recordingThroughTheApiCapturesWhatTheCallerHears() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("rec").resolve("call.wav");
        engine.calls().addListener(e -> {
            if (e instanceof CallEvent.Answered answered) {
                engine.calls().record(answered.legId(), file, false);
            }
        });
        Sipp.Stats stats = Sipp.run("call-service.xml", target, Duration.ofSeconds(30), "-s", "*44", "-m", "1", "-d", "2500");
        assertThat(stats.successful()).as(stats.log()).isEqualTo(1);
        waitFor(() -> events.stream().anyMatch(e -> e instanceof CallEvent.Ended));
        assertThat(events).anyMatch(e -> e instanceof CallEvent.RecordingChanged r && r.started());
        waitFor(() -> java.nio.file.Files.exists(file));
        Thread.sleep(500);
        short[] samples = io.rexian.telephony.media.wav.WavReader.read8kMono(file);
        assertThat(ToneEnergy.strongest(samples, 523, 659, 784, 1000, 300)).contains(523, 659, 784);
    }

    @Test
    void silentCallIsClearedAfterTheRtpTimeout() throws Exception {
        engine.close();
        int port = FreePort.pick();
        List<CallDetailRecord> records = new CopyOnWriteArrayList<>();
        engine = TelephonyEngine.start(EngineSettings.defaults().withAddress("127.0.0.1", port)
                        .withTrustedServiceSources(Set.of("127.0.0.1")).withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(2)),
                ext -> Optional.empty(), records::add, Clock.systemUTC());
        // sipp sends no RTP: the engine must hang up by itself (BYE), long before sipp's 8 s pause ends.
        Sipp.Stats stats = Sipp.run("call-service.xml", "127.0.0.1:" + port, Duration.ofSeconds(20), "-s", "*43", "-m", "1", "-d", "8000");
        assertThat(stats.successful()).isZero();
        waitFor(() -> records.size() == 1);
        assertThat(records.get(0).cause()).isEqualTo("rtp-timeout");
        assertThat(records.get(0).talkDuration()).isLessThan(Duration.ofSeconds(7));
    }

    @Test
    void holdIsAnsweredRecvonlyAndResumed() throws Exception {
        Sipp.Stats stats = Sipp.run("call-hold.xml", target, Duration.ofSeconds(30), "-s", "*44", "-m", "1");
        assertThat(stats.failed()).as(stats.log()).isZero();
        assertThat(stats.successful()).isEqualTo(1);
        waitFor(() -> events.stream().anyMatch(e -> e instanceof CallEvent.Ended));
        assertThat(events.stream().filter(e -> e instanceof CallEvent.Held).map(e -> ((CallEvent.Held) e).held()))
                .containsExactly(true, false);
    }
}
