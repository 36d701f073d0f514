package io.rexian.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import io.rexian.telephony.media.wav.WavReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two sessions of one real engine talk RTP to each other over 127.0.0.1. */
class MediaSessionLoopbackTest {

    MediaEngine engine;
    EventLog aEvents = new EventLog();
    EventLog bEvents = new EventLog();
    MediaSession a;
    MediaSession b;

    @BeforeEach
    void connect() throws Exception {
        engine = MediaEngine.start(MediaSettings.defaults().withPorts(31000, 31999));
        a = engine.createSession(aEvents);
        b = engine.createSession(bEvents);
        Sdp offer = a.offer();
        Sdp answer = b.answer(Sdp.parse(offer.toString()));
        a.acceptAnswer(Sdp.parse(answer.toString()));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void promptPlayedOnOneLegIsRecordedSampleExactOnTheOther(@TempDir Path dir) throws Exception {
        // Ticked by hand so a busy machine cannot stall the pacer and cut the comparison.
        try (MediaEngine manual = MediaEngine.manual(MediaSettings.defaults().withPorts(37000, 37099))) {
            EventLog playerEvents = new EventLog();
            MediaSession player = manual.createSession(playerEvents);
            MediaSession listener = manual.createSession(MediaListener.NONE);
            player.acceptAnswer(Sdp.parse(listener.answer(Sdp.parse(player.offer().toString())).toString()));
            short[] melody = concat(TestAudio.sine(440, 400, 8000), TestAudio.sine(1000, 400, 8000));
            Path file = dir.resolve("listener.wav");
            listener.startRecording(file, RecordingLayout.STEREO);
            player.play(Prompt.of("melody", melody));
            for (int tick = 0; tick < 60; tick++) {
                manual.tick();
                int tickNo = tick;
                Await.until(Duration.ofSeconds(2), () -> tickNo == 0 || listener.queuedDatagrams() > 0, "packet arrival");
            }
            listener.stopRecording();
            manual.tick();
            Await.until(Duration.ofSeconds(5), () -> RecorderTest.headerDataSize(file) >= 55 * 160 * 4, "recording");
            Thread.sleep(100);

            Await.until(Duration.ofSeconds(2), () -> !playerEvents.of(MediaEvent.PlaybackFinished.class).isEmpty(), "playback end");
            assertThat(playerEvents.of(MediaEvent.PlaybackFinished.class)).containsExactly(new MediaEvent.PlaybackFinished(true));
            short[] left = WavReader.read(file).channel(0); // what the listener's party said = what the player played
            assertThat(TestAudio.indexOf(left, TestAudio.ulawRoundTrip(melody)))
                    .as("the whole prompt arrives sample-exact after µ-law").isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void digitsArriveOncePerPressInOrder() {
        a.sendDigits("1123#");
        Await.until(Duration.ofSeconds(5), () -> bEvents.digits().length() >= 5, "five digits");
        assertThat(bEvents.digits()).isEqualTo("1123#");
        assertThat(bEvents.of(MediaEvent.DigitReceived.class)).allSatisfy(d ->
                assertThat(d.duration()).isEqualTo(Duration.ofMillis(100)));
    }

    @Test
    void echoReturnsWhatThePartySaysWithoutTranscoding(@TempDir Path dir) throws Exception {
        b.echo();
        Path file = dir.resolve("a.wav");
        a.startRecording(file, RecordingLayout.STEREO);
        a.play(Prompt.of("tone", TestAudio.sine(700, 600, 8000)));
        Await.until(Duration.ofSeconds(5), () -> !aEvents.of(MediaEvent.PlaybackFinished.class).isEmpty(), "playback end");
        Thread.sleep(300);
        a.stopRecording();
        Thread.sleep(300);

        short[] heardByA = WavReader.read(file).channel(0);
        assertThat(TestAudio.amplitudeAt(heardByA, 0, heardByA.length, 700, 8000)).as("the echo carries the tone").isGreaterThan(1000);
        assertThat(b.packetsRelayed()).as("echo relays payloads untouched").isGreaterThan(20);
    }

    @Test
    void keysPlayedAsTonesAreDetectedWhenTheRemoteHasNoTelephoneEvents() throws Exception {
        EventLog ivrEvents = new EventLog();
        MediaSession phone = phoneWithoutTelephoneEvents(ivrEvents, "0");
        short[] seven = new short[800]; // 100 ms of 852 + 1209 Hz
        for (int i = 0; i < seven.length; i++) {
            seven[i] = (short) (6000 * (Math.sin(2 * Math.PI * 852 * i / 8000.0) + Math.sin(2 * Math.PI * 1209 * i / 8000.0)));
        }
        phone.play(Prompt.of("7", seven), Prompt.of("gap", new short[800]), Prompt.of("7", seven));
        Await.until(Duration.ofSeconds(5), () -> ivrEvents.digits().length() >= 2, "two in-band digits");
        assertThat(ivrEvents.digits()).isEqualTo("77");
    }

    @Test
    void digitsSentToARemoteWithoutTelephoneEventsTravelAsTones() throws Exception {
        EventLog ivrEvents = new EventLog();
        MediaSession phone = phoneWithoutTelephoneEvents(ivrEvents, "8");
        phone.sendDigits("90#");
        Await.until(Duration.ofSeconds(5), () -> ivrEvents.digits().length() >= 3, "three in-band digits");
        assertThat(ivrEvents.digits()).isEqualTo("90#");
    }

    /** A phone offering only {@code payloadType} (no telephone-event), answered by an IVR session reporting to {@code ivrEvents}. */
    private MediaSession phoneWithoutTelephoneEvents(EventLog ivrEvents, String payloadType) throws Exception {
        MediaSession ivr = engine.createSession(ivrEvents);
        MediaSession phone = engine.createSession(MediaListener.NONE);
        String offerWithoutEvents = phone.offer().toString().replace("RTP/AVP 0 8 101", "RTP/AVP " + payloadType);
        phone.acceptAnswer(Sdp.parse(ivr.answer(Sdp.parse(offerWithoutEvents)).toString()));
        return phone;
    }

    static short[] concat(short[] x, short[] y) {
        short[] out = new short[x.length + y.length];
        System.arraycopy(x, 0, out, 0, x.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }
}
