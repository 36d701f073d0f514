package io.rexian.telephony;

import static io.rexian.telephony.SignallingWithSippTests.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rexian.telephony.peers.FakeMedia;
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

/** RFC 4028 session timers against sipp, with Min-SE lowered to 2 s so sessions expire within the test. */
@Timeout(90)
class SessionTimersWithSippTests {

    private final List<CallDetailRecord> records = new CopyOnWriteArrayList<>();
    private TelephonyEngine engine;
    private String target;

    @BeforeEach
    void start() {
        assumeTrue(Sipp.installed(), "sipp (apt package sip-tester) is not installed");
        int port = FreePort.pick();
        EngineSettings settings = EngineSettings.defaults().withAddress("127.0.0.1", port)
                .withTrustedServiceSources(Set.of("127.0.0.1"))
                .withSessionTimer(Duration.ofMinutes(30), Duration.ofSeconds(2));
        engine = TelephonyEngine.start(settings, ext -> Optional.empty(), records::add, new FakeMedia(), Clock.systemUTC());
        target = "127.0.0.1:" + port;
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void callerThatStopsRefreshingIsHungUpWhenTheSessionExpires() throws Exception {
        long started = System.nanoTime();
        Sipp.Stats stats = Sipp.run("session-timer-silent.xml", target, Duration.ofSeconds(20), "-s", "*44", "-m", "1");
        assertThat(stats.failed()).as(stats.log()).isZero();
        assertThat(stats.successful()).as("BYE from the engine").isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        waitFor(() -> records.size() == 1);
        assertThat(records.get(0).cause()).isEqualTo("session-expired");
        // 3 s interval less a third: cleared after about 2 s.
        assertThat(records.get(0).talkDuration()).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(4));
    }

    @Test
    void engineRefreshesWhenItIsTheRefresher() throws Exception {
        Sipp.Stats stats = Sipp.run("session-timer-refreshed.xml", target, Duration.ofSeconds(20), "-s", "*44", "-m", "1");
        assertThat(stats.failed()).as(stats.log()).isZero();
        assertThat(stats.successful()).as("two UPDATEs, then the caller's BYE").isEqualTo(1);
        assertThat(stats.retransmissions()).isZero();
        waitFor(() -> records.size() == 1);
        assertThat(records.get(0).cause()).isEqualTo("caller-hangup");
    }

    @Test
    void intervalBelowMinSeIsRefusedWith422() throws Exception {
        Sipp.Stats stats = Sipp.run("session-timer-too-brief.xml", target, Duration.ofSeconds(20), "-s", "*44", "-m", "1");
        assertThat(stats.failed()).as(stats.log()).isZero();
        assertThat(stats.successful()).isEqualTo(1);
        assertThat(engine.activeCalls()).isZero();
    }
}
