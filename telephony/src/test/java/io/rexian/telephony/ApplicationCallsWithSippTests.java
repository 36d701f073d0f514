package io.rexian.telephony;

import static io.rexian.telephony.SignallingWithSippTests.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rexian.telephony.media.DigitCollection;
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

/** Calls to an application (IVR) number, answered, rejected or asked for digits through the call-control API; real RTP. */
@Timeout(120)
class ApplicationCallsWithSippTests {

    private static final String IVR = "5000";

    private final List<CallEvent> events = new CopyOnWriteArrayList<>();
    private final List<CallDetailRecord> records = new CopyOnWriteArrayList<>();
    private TelephonyEngine engine;
    private String target;

    @BeforeEach
    void start() {
        assumeTrue(Sipp.installed(), "sipp (apt package sip-tester) is not installed");
        int port = FreePort.pick();
        engine = TelephonyEngine.start(EngineSettings.defaults().withAddress("127.0.0.1", port)
                        .withTrustedServiceSources(Set.of("127.0.0.1")),
                ext -> Optional.empty(), records::add, Clock.systemUTC());
        engine.calls().addListener(events::add);
        engine.calls().addApplicationNumber(IVR);
        target = "127.0.0.1:" + port;
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void applicationAnswersAndCollectsTheCallersDigits() throws Exception {
        engine.calls().addListener(e -> {
            if (e instanceof CallEvent.Ringing r) {
                assertThat(engine.calls().answer(r.callId()).ok()).isTrue();
            } else if (e instanceof CallEvent.Answered a) {
                engine.calls().collectDigits(a.legId(), List.of(),
                        new DigitCollection(4, Duration.ofSeconds(10), Duration.ofSeconds(5), "#", true));
            }
        });
        // sipp presses 1, 5 and # from its RFC 2833 recordings.
        Sipp.Stats stats = Sipp.run("call-service-dtmf.xml", target, Duration.ofSeconds(30), "-s", IVR, "-m", "1");
        assertThat(stats.failed()).as(stats.log()).isZero();
        assertThat(stats.successful()).isEqualTo(1);
        waitFor(() -> events.stream().anyMatch(e -> e instanceof CallEvent.DigitsCollected));
        CallEvent.DigitsCollected collected = events.stream().filter(e -> e instanceof CallEvent.DigitsCollected)
                .map(e -> (CallEvent.DigitsCollected) e).findFirst().orElseThrow();
        assertThat(collected.digits()).isEqualTo("15");
        assertThat(collected.end()).isEqualTo("TERMINATOR");
        waitFor(() -> records.size() == 1);
        assertThat(records.get(0).disposition()).isEqualTo(CallDetailRecord.Disposition.ANSWERED);
    }

    @Test
    void collectionTimesOutWhenTheCallerPressesNothing() throws Exception {
        engine.calls().addListener(e -> {
            if (e instanceof CallEvent.Ringing r) {
                engine.calls().answer(r.callId());
            } else if (e instanceof CallEvent.Answered a) {
                engine.calls().collectDigits(a.legId(), java.util.Collections.singletonList(null),
                        new DigitCollection(4, Duration.ofMillis(800), Duration.ofSeconds(1), "#", true));
            }
        });
        Sipp.Stats stats = Sipp.run("call-service.xml", target, Duration.ofSeconds(30), "-s", IVR, "-m", "1", "-d", "2000");
        assertThat(stats.successful()).as(stats.log()).isEqualTo(1);
        waitFor(() -> events.stream().anyMatch(e -> e instanceof CallEvent.DigitsCollected));
        assertThat(events).anyMatch(e -> e instanceof CallEvent.DigitsCollected d
                && d.digits().isEmpty() && d.end().equals("FIRST_DIGIT_TIMEOUT"));
    }

    @Test
    void rejectWithBusyGivesTheCaller486() throws Exception {
        rejectOnRinging("busy");
        Sipp.Stats stats = Sipp.run("call-rejected-busy.xml", target, Duration.ofSeconds(20), "-s", IVR, "-m", "1");
        assertThat(stats.failed()).as(stats.log()).isZero();
        assertThat(stats.successful()).isEqualTo(1);
        assertThat(stats.retransmissions()).isZero();
        waitFor(() -> records.size() == 1);
        assertThat(records.get(0).disposition()).isEqualTo(CallDetailRecord.Disposition.BUSY);
        assertThat(records.get(0).cause()).isEqualTo("busy");
    }

    @Test
    void rejectWithDeclineGivesTheCaller603() throws Exception {
        rejectOnRinging("decline");
        Sipp.Stats stats = Sipp.run("call-rejected-decline.xml", target, Duration.ofSeconds(20), "-s", IVR, "-m", "1");
        assertThat(stats.failed()).as(stats.log()).isZero();
        assertThat(stats.successful()).isEqualTo(1);
        waitFor(() -> records.size() == 1);
        assertThat(records.get(0).disposition()).isEqualTo(CallDetailRecord.Disposition.REJECTED);
    }

    @Test
    void unknownCausesAndCallsAreRefused() {
        assertThat(engine.calls().reject("nope", "busy").reason()).isEqualTo("no-such-call");
        assertThat(engine.calls().answer("nope").reason()).isEqualTo("no-such-call");
        assertThat(engine.calls().conferenceRemove("nope").reason()).isEqualTo("no-such-leg");
        assertThat(engine.calls().collectDigits("nope", List.of(), DigitCollection.upTo(2)).reason()).isEqualTo("no-such-leg");
    }

    private void rejectOnRinging(String cause) {
        engine.calls().addListener(e -> {
            if (e instanceof CallEvent.Ringing r) {
                assertThat(engine.calls().reject(r.callId(), "shout").reason()).isEqualTo("unknown-cause");
                engine.calls().reject(r.callId(), cause);
            }
        });
    }
}
