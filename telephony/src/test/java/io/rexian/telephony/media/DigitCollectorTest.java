package io.rexian.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.rexian.telephony.media.MediaEvent.CollectionEnd;
import io.rexian.telephony.media.MediaEvent.DigitsCollected;
import org.junit.jupiter.api.Test;

/** Timeouts are driven by ticking logical time, never by sleeping. */
class DigitCollectorTest {

    final DigitCollection spec = new DigitCollection(4, Duration.ofSeconds(5), Duration.ofSeconds(3), "#", true);

    @Test
    void endsAtMaxDigits() {
        DigitCollector collector = new DigitCollector(spec);
        assertThat(collector.onDigit('1')).isNull();
        assertThat(collector.onDigit('2')).isNull();
        assertThat(collector.onDigit('3')).isNull();
        assertThat(collector.onDigit('4')).isEqualTo(new DigitsCollected("1234", CollectionEnd.MAX_DIGITS));
    }

    @Test
    void terminatorEndsWithoutBeingPartOfTheInput() {
        DigitCollector collector = new DigitCollector(spec);
        collector.onDigit('7');
        assertThat(collector.onDigit('#')).isEqualTo(new DigitsCollected("7", CollectionEnd.TERMINATOR));
    }

    @Test
    void firstDigitTimeoutCountsFromTheStart() {
        DigitCollector collector = new DigitCollector(spec);
        assertThat(tick(collector, 4980)).isNull();
        assertThat(collector.advance(20)).isEqualTo(new DigitsCollected("", CollectionEnd.FIRST_DIGIT_TIMEOUT));
    }

    @Test
    void interDigitTimeoutRestartsWithEveryDigit() {
        DigitCollector collector = new DigitCollector(spec);
        tick(collector, 4000);
        collector.onDigit('5');
        assertThat(tick(collector, 2980)).as("3 s not yet over").isNull();
        collector.onDigit('6');
        assertThat(tick(collector, 2980)).isNull();
        assertThat(collector.advance(20)).isEqualTo(new DigitsCollected("56", CollectionEnd.INTER_DIGIT_TIMEOUT));
    }

    @Test
    void sessionTimesOutOnEngineTicksWhilePromptKeepsPlaying() throws Exception {
        EventLog events = new EventLog();
        try (MediaEngine engine = MediaEngine.manual(MediaSettings.defaults().withPorts(33000, 33099))) {
            MediaSession session = engine.createSession(events);
            session.play(Prompt.tone(Tone.DIAL, 10_000));
            session.collectDigits(new DigitCollection(3, Duration.ofMillis(400), Duration.ofMillis(200), "#", true));
            for (int i = 0; i < 19; i++) {
                engine.tick();
            }
            Thread.sleep(100);
            assertThat(events.of(MediaEvent.DigitsCollected.class)).isEmpty();
            engine.tick(); // 20 ticks = 400 ms
            Await.until(Duration.ofSeconds(2), () -> !events.of(MediaEvent.DigitsCollected.class).isEmpty(), "timeout event");
            assertThat(events.of(MediaEvent.DigitsCollected.class))
                    .containsExactly(new DigitsCollected("", CollectionEnd.FIRST_DIGIT_TIMEOUT));
            assertThat(events.of(MediaEvent.PlaybackFinished.class)).as("no digit, prompt still playing").isEmpty();
        }
    }

    @Test
    void keyPressStopsThePromptAndCompletesTheCollection() throws Exception {
        EventLog callerEvents = new EventLog();
        EventLog ivrEvents = new EventLog();
        try (MediaEngine engine = MediaEngine.manual(MediaSettings.defaults().withPorts(33100, 33199))) {
            MediaSession caller = engine.createSession(callerEvents);
            MediaSession ivr = engine.createSession(ivrEvents);
            ivr.answer(Sdp.parse(caller.offer().toString()));
            caller.setRemote(ivr.localAddress(), Codec.PCMU);
            ivr.play(Prompt.tone(Tone.DIAL, 10_000));
            ivr.collectDigits(new DigitCollection(2, Duration.ofSeconds(5), Duration.ofSeconds(3), "#", true));
            caller.sendDigits("42");
            for (int i = 0; i < 40; i++) {
                engine.tick();
                Thread.sleep(3); // let loopback UDP arrive before the next tick; time itself is ticked
            }
            Await.until(Duration.ofSeconds(2), () -> !ivrEvents.of(MediaEvent.DigitsCollected.class).isEmpty(), "collection");
            assertThat(ivrEvents.of(MediaEvent.DigitsCollected.class)).containsExactly(new DigitsCollected("42", CollectionEnd.MAX_DIGITS));
            assertThat(ivrEvents.of(MediaEvent.PlaybackFinished.class)).containsExactly(new MediaEvent.PlaybackFinished(false));
        }
    }

    private static DigitsCollected tick(DigitCollector collector, int millis) {
        DigitsCollected result = null;
        for (int t = 0; t < millis && result == null; t += 20) {
            result = collector.advance(20);
        }
        return result;
    }
}
