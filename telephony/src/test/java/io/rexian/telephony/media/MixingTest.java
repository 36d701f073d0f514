package io.rexian.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.rexian.telephony.media.wav.WavReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bridges, conferences and supervisor modes, judged by what each party hears. Every party is a
 * "phone" session talking RTP over loopback to its call leg; each phone speaks its own tone and
 * records what it hears, so a test asks e.g. "does the caller hear the supervisor's tone?".
 */
class MixingTest {

    static final double CALLER_HZ = 400;
    static final double AGENT_HZ = 1000;
    static final double SUPERVISOR_HZ = 2500;

    @TempDir
    Path dir;
    MediaEngine engine;
    final List<Phone> phones = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        engine = MediaEngine.manual(MediaSettings.defaults().withPorts(34000, 34999));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void bridgedPartiesHearEachOtherThroughAnUntouchedRelay() throws Exception {
        Phone caller = phone("caller", CALLER_HZ, "0 8 101");
        Phone agent = phone("agent", AGENT_HZ, "0 8 101");
        engine.bridge(caller.leg, agent.leg);
        run();
        assertThat(caller.hears(AGENT_HZ)).isTrue();
        assertThat(caller.hears(CALLER_HZ)).as("no echo of oneself").isFalse();
        assertThat(agent.hears(CALLER_HZ)).isTrue();
        assertThat(agent.leg.packetsRelayed()).as("same codec: payload relayed").isGreaterThan(80);
    }

    @Test
    void callRecordingHasTheCallerLeftAndTheAgentRightOrBothMixed() throws Exception {
        Phone caller = phone("caller", CALLER_HZ, "0 8 101");
        Phone agent = phone("agent", AGENT_HZ, "8 101");
        engine.bridge(caller.leg, agent.leg);
        Path stereo = dir.resolve("call-stereo.wav");
        Path mixed = dir.resolve("call-mixed.wav");
        caller.leg.startRecording(stereo, RecordingLayout.STEREO);
        agent.leg.startRecording(mixed, RecordingLayout.MIXED_MONO);
        run();
        caller.leg.stopRecording();
        agent.leg.stopRecording();
        engine.tick();
        Await.until(Duration.ofSeconds(5), () -> RecorderTest.headerDataSize(mixed) > 50 * 160 * 2, "mixed recording");
        Thread.sleep(100);

        WavReader.WavAudio call = WavReader.read(stereo);
        short[] left = call.channel(0);
        short[] right = call.channel(1);
        int half = left.length / 2;
        assertThat(TestAudio.amplitudeAt(left, half, half, CALLER_HZ, 8000)).as("caller on the left").isGreaterThan(1000);
        assertThat(TestAudio.amplitudeAt(left, half, half, AGENT_HZ, 8000)).isLessThan(200);
        assertThat(TestAudio.amplitudeAt(right, half, half, AGENT_HZ, 8000)).as("agent on the right").isGreaterThan(1000);
        assertThat(TestAudio.amplitudeAt(right, half, half, CALLER_HZ, 8000)).isLessThan(200);
        short[] mono = WavReader.read8kMono(mixed);
        int monoHalf = mono.length / 2;
        assertThat(TestAudio.amplitudeAt(mono, monoHalf, monoHalf, CALLER_HZ, 8000)).isGreaterThan(1000);
        assertThat(TestAudio.amplitudeAt(mono, monoHalf, monoHalf, AGENT_HZ, 8000)).isGreaterThan(1000);
    }

    @Test
    void differentCodecsAreTranscoded() throws Exception {
        Phone caller = phone("caller", CALLER_HZ, "8 101"); // A-law only
        Phone agent = phone("agent", AGENT_HZ, "0 101");    // µ-law only
        assertThat(caller.leg.codec()).isEqualTo(Codec.PCMA);
        engine.bridge(caller.leg, agent.leg);
        run();
        assertThat(caller.hears(AGENT_HZ)).isTrue();
        assertThat(agent.hears(CALLER_HZ)).isTrue();
        assertThat(agent.leg.packetsRelayed() + caller.leg.packetsRelayed()).isZero();
    }

    @Test
    void keyPressesCrossTheBridge() throws Exception {
        Phone caller = phone("caller", CALLER_HZ, "0 8 101");
        Phone agent = phone("agent", AGENT_HZ, "0 8 101");
        engine.bridge(caller.leg, agent.leg);
        caller.phone.sendDigits("7#");
        run();
        Await.until(Duration.ofSeconds(2), () -> agent.events.digits().equals("7#"), "forwarded digits");
    }

    @Test
    void listeningSupervisorHearsBothAndIsHeardByNobody() throws Exception {
        Phone caller = phone("caller", CALLER_HZ, "0 8 101");
        Phone agent = phone("agent", AGENT_HZ, "0 8 101");
        Phone supervisor = phone("supervisor", SUPERVISOR_HZ, "0 8 101");
        engine.bridge(caller.leg, agent.leg).supervise(supervisor.leg, SupervisorMode.LISTEN);
        run();
        assertThat(supervisor.hears(CALLER_HZ)).isTrue();
        assertThat(supervisor.hears(AGENT_HZ)).isTrue();
        assertThat(caller.hears(SUPERVISOR_HZ)).isFalse();
        assertThat(agent.hears(SUPERVISOR_HZ)).isFalse();
        assertThat(caller.hears(AGENT_HZ)).isTrue();
    }

    @Test
    void whisperReachesTheAgentButNotTheCaller() throws Exception {
        Phone caller = phone("caller", CALLER_HZ, "0 8 101");
        Phone agent = phone("agent", AGENT_HZ, "0 8 101");
        Phone supervisor = phone("supervisor", SUPERVISOR_HZ, "0 8 101");
        engine.bridge(caller.leg, agent.leg).supervise(supervisor.leg, SupervisorMode.WHISPER);
        run();
        assertThat(agent.hears(SUPERVISOR_HZ)).isTrue();
        assertThat(agent.hears(CALLER_HZ)).isTrue();
        assertThat(caller.hears(SUPERVISOR_HZ)).as("the caller must not hear the whisper").isFalse();
        assertThat(caller.hears(AGENT_HZ)).isTrue();
        assertThat(supervisor.hears(CALLER_HZ)).isTrue();
        assertThat(supervisor.hears(AGENT_HZ)).isTrue();
    }

    @Test
    void supervisorWhoLeavesIsNoLongerHeard() throws Exception {
        Phone caller = phone("caller", CALLER_HZ, "0 8 101");
        Phone agent = phone("agent", AGENT_HZ, "0 8 101");
        Phone supervisor = phone("supervisor", SUPERVISOR_HZ, "0 8 101");
        Bridge bridge = engine.bridge(caller.leg, agent.leg);
        bridge.supervise(supervisor.leg, SupervisorMode.BARGE);
        for (int i = 0; i < 50; i++) {
            engine.tick();
            Thread.sleep(2);
        }
        bridge.endSupervision();
        run();
        assertThat(caller.hearsBetween(SUPERVISOR_HZ, 0.1, 0.3)).isTrue();
        assertThat(caller.hearsBetween(SUPERVISOR_HZ, 0.6, 1.0)).isFalse();
        assertThat(agent.hearsBetween(SUPERVISOR_HZ, 0.6, 1.0)).isFalse();
        assertThat(caller.hearsBetween(AGENT_HZ, 0.6, 1.0)).as("the call goes on").isTrue();
    }

    @Test
    void bargeIsHeardByBoth() throws Exception {
        Phone caller = phone("caller", CALLER_HZ, "0 8 101");
        Phone agent = phone("agent", AGENT_HZ, "0 8 101");
        Phone supervisor = phone("supervisor", SUPERVISOR_HZ, "0 8 101");
        engine.bridge(caller.leg, agent.leg).supervise(supervisor.leg, SupervisorMode.BARGE);
        run();
        assertThat(caller.hears(SUPERVISOR_HZ)).isTrue();
        assertThat(agent.hears(SUPERVISOR_HZ)).isTrue();
        assertThat(supervisor.hears(CALLER_HZ)).isTrue();
        assertThat(supervisor.hears(AGENT_HZ)).isTrue();
    }

    @Test
    void conferencePartiesHearAllOthersButNotThemselves() throws Exception {
        Phone a = phone("a", CALLER_HZ, "0 8 101");
        Phone b = phone("b", AGENT_HZ, "8 101");
        Phone c = phone("c", SUPERVISOR_HZ, "0 8 101");
        Conference room = engine.conference();
        room.add(a.leg);
        room.add(b.leg);
        room.add(c.leg);
        run();
        assertThat(a.hears(AGENT_HZ) && a.hears(SUPERVISOR_HZ) && !a.hears(CALLER_HZ)).isTrue();
        assertThat(b.hears(CALLER_HZ) && b.hears(SUPERVISOR_HZ) && !b.hears(AGENT_HZ)).isTrue();
        assertThat(c.hears(CALLER_HZ) && c.hears(AGENT_HZ) && !c.hears(SUPERVISOR_HZ)).isTrue();
    }

    @Test
    void partyWhoHangsUpFallsSilentInsteadOfRepeatingItsLastFrame() throws Exception {
        Phone a = phone("a", CALLER_HZ, "0 8 101");
        Phone b = phone("b", AGENT_HZ, "0 8 101");
        Phone c = phone("c", SUPERVISOR_HZ, "0 8 101");
        Conference room = engine.conference();
        room.add(a.leg);
        room.add(b.leg);
        room.add(c.leg);
        for (int i = 0; i < 50; i++) {
            engine.tick();
            Thread.sleep(2);
        }
        b.leg.close(); // hangs up without leaving the room first
        run();
        assertThat(a.hearsBetween(AGENT_HZ, 0.1, 0.3)).as("b heard before hanging up").isTrue();
        assertThat(a.hearsBetween(AGENT_HZ, 0.6, 1.0)).as("nothing of b afterwards").isFalse();
        assertThat(a.hearsBetween(SUPERVISOR_HZ, 0.6, 1.0)).isTrue();
    }

    /** Ticks the engine through 2 s of audio, then finishes every phone's recording. */
    private void run() throws Exception {
        for (int i = 0; i < 100; i++) {
            engine.tick();
            Thread.sleep(2); // delivery time for loopback UDP; the clock itself is the tick
        }
        for (Phone p : phones) {
            p.phone.stopRecording();
        }
        engine.tick();
        for (Phone p : phones) {
            p.awaitRecording();
        }
    }

    private Phone phone(String name, double hz, String payloadTypes) throws Exception {
        Phone p = new Phone(name, hz, payloadTypes);
        phones.add(p);
        return p;
    }

    final class Phone {
        final MediaSession phone;
        final MediaSession leg;
        final EventLog events = new EventLog();
        final Path recording;

        Phone(String name, double hz, String payloadTypes) throws Exception {
            phone = engine.createSession(events);
            leg = engine.createSession(MediaListener.NONE);
            String offer = phone.offer().toString().replace("RTP/AVP 0 8 101", "RTP/AVP " + payloadTypes);
            Sdp answer = leg.answer(Sdp.parse(offer));
            phone.acceptAnswer(Sdp.parse(answer.toString()));
            engine.tick();
            phone.play(List.of(Prompt.of(name, TestAudio.sine(hz, 1000, 6000))), true);
            recording = dir.resolve(name + ".wav");
            phone.startRecording(recording, RecordingLayout.STEREO);
        }

        /** Whether the tone is clearly present in the second half of what this phone heard. */
        boolean hears(double hz) throws Exception {
            return hearsBetween(hz, 0.5, 1.0);
        }

        /** Whether the tone is clearly present between the given fractions of the recording. */
        boolean hearsBetween(double hz, double fromFraction, double toFraction) throws Exception {
            short[] heard = WavReader.read(recording).channel(0);
            int from = (int) (heard.length * fromFraction);
            int to = (int) (heard.length * toFraction);
            return TestAudio.amplitudeAt(heard, from, to - from, hz, 8000) > 1000;
        }

        void awaitRecording() throws Exception {
            Await.until(Duration.ofSeconds(5), () -> RecorderTest.headerDataSize(recording) > 100 * 160 * 4 * 3 / 4, name() + " recording");
            Thread.sleep(50);
        }

        String name() {
            return recording.getFileName().toString();
        }
    }
}
