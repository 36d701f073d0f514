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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Carrier trunks with sipp playing the carrier: inbound by DID and source, outbound with digest, registration. */
@Timeout(120)
class TrunkTests {

    private final List<CallDetailRecord> records = new CopyOnWriteArrayList<>();
    private TelephonyEngine engine;
    private String target;
    private int carrierPort;

    @BeforeEach
    void start() {
        assumeTrue(Sipp.installed(), "sipp (apt package sip-tester) is not installed");
        int port = FreePort.pick();
        carrierPort = FreePort.pick();
        engine = TelephonyEngine.start(EngineSettings.defaults().withAddress("127.0.0.1", port),
                ext -> ext.startsWith("80") ? Optional.of(ExtensionSecret.fromPassword(ext, "rexian", "pw-" + ext))
                        : Optional.empty(), records::add, new FakeMedia(), Clock.systemUTC());
        target = "127.0.0.1:" + port;
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    private Trunk trunk(boolean register) {
        return new Trunk("carrier", "127.0.0.1", carrierPort, Map.of("4001", "8002"), "0",
                "rexian-trunk", "trunk-secret", register);
    }

    @Test
    void carrierCallToADidRingsItsExtension() throws Exception {
        engine.addTrunk(trunk(false));
        int phonePort = FreePort.pick();
        Sipp.Running phone = Sipp.startOn(phonePort, "callee-answer.xml", target, Duration.ofSeconds(30), "-s", "8002", "-m", "1");
        assertThat(Sipp.run("register-contact.xml", target, Duration.ofSeconds(10), "-s", "8002", "-au", "8002",
                "-ap", "pw-8002", "-key", "contact_port", Integer.toString(phonePort), "-m", "1").successful()).isEqualTo(1);
        Sipp.Stats carrier = Sipp.startOn(carrierPort, "call-service.xml", target, Duration.ofSeconds(20),
                "-s", "4001", "-m", "1", "-d", "300").await();
        assertThat(carrier.successful()).as(carrier.log()).isEqualTo(1);
        assertThat(phone.await().successful()).isEqualTo(1);
        waitFor(() -> records.size() == 1);
        assertThat(records.get(0).direction()).isEqualTo(CallDetailRecord.Direction.INBOUND);
        assertThat(records.get(0).callee()).isEqualTo("8002");
    }

    @Test
    void unknownSourceCannotReachTheDid() throws Exception {
        engine.addTrunk(trunk(false));
        Sipp.Stats stranger = Sipp.run("call-service.xml", target, Duration.ofSeconds(10), "-s", "4001", "-m", "1");
        assertThat(stranger.successful()).isZero();
        assertThat(stranger.log()).contains("407");
    }

    @Test
    void extensionCallsOutThroughTheTrunkAnsweringTheCarriersChallenge() throws Exception {
        engine.addTrunk(trunk(false));
        Sipp.Running carrier = Sipp.startOn(carrierPort, "carrier-answer-with-auth.xml", target, Duration.ofSeconds(30),
                "-m", "1");
        Sipp.Stats caller = Sipp.run("call-auth.xml", target, Duration.ofSeconds(20),
                "-s", "013800000000", "-au", "8001", "-ap", "pw-8001", "-key", "caller", "8001", "-m", "1", "-d", "300");
        assertThat(carrier.await().successful()).isEqualTo(1);
        assertThat(caller.successful()).as(caller.log()).isEqualTo(1);
        waitFor(() -> records.size() == 1);
        assertThat(records.get(0).direction()).isEqualTo(CallDetailRecord.Direction.OUTBOUND);
        assertThat(records.get(0).legs()).extracting(CallDetailRecord.LegRecord::party).contains("13800000000");
    }

    @Test
    void engineRegistersAtTheCarrier() throws Exception {
        Sipp.Running carrier = Sipp.startOn(carrierPort, "carrier-registrar.xml", target, Duration.ofSeconds(20), "-m", "1");
        engine.addTrunk(trunk(true));
        waitFor(() -> engine.isRegisteredAt("carrier"));
        assertThat(carrier.await().successful()).isEqualTo(1);
    }
}
