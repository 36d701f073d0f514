package io.rexian.telephony;

import static io.rexian.telephony.SignallingWithSippTests.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rexian.telephony.media.wav.WavReader;
import io.rexian.telephony.peers.Baresip;
import io.rexian.telephony.peers.FreePort;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A real softphone (baresip) registers, calls the playback test, presses keys and hears the prompt. */
@Timeout(90)
class SoftphoneTests {

    private final List<CallEvent> events = new CopyOnWriteArrayList<>();
    private TelephonyEngine engine;
    private int port;

    @BeforeEach
    void start() {
        assumeTrue(Baresip.installed(), "baresip is not installed");
        port = FreePort.pick();
        engine = TelephonyEngine.start(EngineSettings.defaults().withAddress("127.0.0.1", port),
                ext -> ext.equals("8001") ? Optional.of(ExtensionSecret.fromPassword(ext, "rexian", "secret-8001"))
                        : Optional.empty(), CallRecords.DISCARD, Clock.systemUTC());
        engine.calls().addListener(events::add);
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void echoTestSendsTheSoftphonesOwnAudioBack() throws Exception {
        Path chime = Files.createTempFile("chime", ".wav");
        try (InputStream in = getClass().getResourceAsStream("/io/rexian/telephony/prompts/test-prompt.wav")) {
            Files.copy(in, chime, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try (Baresip phone = Baresip.register("8001", "secret-8001", port, chime)) {
            waitFor(() -> engine.isRegistered("8001"));
            phone.command("dial", "sip:*43@127.0.0.1:" + port);
            phone.await("CALL_ESTABLISHED", Duration.ofSeconds(10));
            Thread.sleep(4000);
            phone.command("hangup", "");
            phone.await("CALL_CLOSED", Duration.ofSeconds(10));
            List<Path> heard = phone.receivedAudio();
            assertThat(heard).as(phone.log()).isNotEmpty();
            assertThat(ToneEnergy.strongest(WavReader.read8kMono(heard.get(0)), 523, 659, 784, 1000, 300))
                    .as("the chime the phone sent came back").contains(523, 659, 784);
        }
    }

    @Test
    void registeredSoftphoneHearsThePlaybackPromptAndSendsDigits() throws Exception {
        Path silence = Files.createTempFile("silence", ".wav");
        try (InputStream in = getClass().getResourceAsStream("/silence-8k.wav")) {
            Files.copy(in, silence, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try (Baresip phone = Baresip.register("8001", "secret-8001", port, silence)) {
            waitFor(() -> engine.isRegistered("8001"));
            phone.command("dial", "sip:*44@127.0.0.1:" + port);
            phone.await("CALL_ESTABLISHED", Duration.ofSeconds(10));
            Thread.sleep(1500);
            phone.command("sndcode", "42");
            Thread.sleep(3000);
            phone.command("hangup", "");
            phone.await("CALL_CLOSED", Duration.ofSeconds(10));
            waitFor(() -> events.stream().anyMatch(e -> e instanceof CallEvent.Ended));
            assertThat(events.stream().filter(e -> e instanceof CallEvent.Dtmf).map(e -> ((CallEvent.Dtmf) e).digit()))
                    .containsExactly('4', '2');
            List<Path> heard = phone.receivedAudio();
            assertThat(heard).as(phone.log()).isNotEmpty();
            short[] samples = WavReader.read8kMono(heard.get(0));
            // The prompt is a chime of 523, 659 and 784 Hz: each must stand out in what the phone heard.
            assertThat(ToneEnergy.strongest(samples, 523, 659, 784, 1000, 300)).as("strong tones")
                    .contains(523, 659, 784);
        }
    }
}
