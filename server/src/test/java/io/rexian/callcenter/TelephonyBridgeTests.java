package io.rexian.callcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rexian.telephony.TelephonyEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server in demo mode runs the engine: sipp calls *44 from 127.0.0.1 without
 * authentication, a demo extension registers with its password, and the call record lands in
 * the database. SIP runs on a free port, never 5060.
 */
@SpringBootTest(properties = {"rexian.demo=true", "rexian.sip.enabled=true", "rexian.customer.demo-customers=10"})
class TelephonyBridgeTests {

    static final int SIP_PORT = SippPeer.freePort();

    @DynamicPropertySource
    static void sip(DynamicPropertyRegistry registry) {
        registry.add("rexian.sip.port", () -> SIP_PORT);
        registry.add("rexian.sip.rtp-port-min", () -> 41000);
        registry.add("rexian.sip.rtp-port-max", () -> 41999);
    }

    @Autowired
    TelephonyEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Test
    void demoServerAnswersPlaybackTestAndRegistersDemoExtensions() throws Exception {
        assumeTrue(SippPeer.installed(), "sipp (apt package sip-tester) is not installed");
        Path dir = Files.createTempDirectory("sipp");
        String target = "127.0.0.1:" + SIP_PORT;

        int call = SippPeer.run(dir, "-sn", "uac", "-s", "*44", target, "-m", "1", "-d", "500");
        assertThat(call).as("sipp -sn uac -s *44 exit code").isZero();
        waitForRecord();
        assertThat(jdbc.sql("select disposition from callcenter_call_record where callee = '*44'")
                .query(String.class).single()).isEqualTo("ANSWERED");

        int register = SippPeer.runScenario("/sipp-register.xml", target, "-s", "8001", "-au", "8001",
                "-ap", "rexian-demo", "-m", "1");
        assertThat(register).isZero();
        assertThat(engine.isRegistered("8001")).isTrue();
        assertThat(jdbc.sql("select count(*) from callcenter_extension").query(Long.class).single()).isEqualTo(10);
    }

    @Autowired
    io.rexian.telephony.ExtensionFeatures.Store featureStore;

    @Test
    void extensionFeaturesAreStoredAndSurviveARestart() {
        var features = engine.features();
        features.setDoNotDisturb("8002", true);
        features.setForward("8003", io.rexian.telephony.ExtensionFeatures.Forward.BUSY, "8004");
        features.setForward("8003", io.rexian.telephony.ExtensionFeatures.Forward.NO_ANSWER, "8005");
        features.setPickupGroup("8003", "billing");
        features.setCallWaiting("8004", false);
        assertThat(jdbc.sql("select count(*) from callcenter_extension_feature").query(Long.class).single()).isEqualTo(3);

        // What a restarted engine sees: fresh features loaded from the table.
        var restarted = new io.rexian.telephony.ExtensionFeatures();
        restarted.attach(featureStore);
        assertThat(restarted.doNotDisturb("8002")).isTrue();
        assertThat(restarted.forward("8003", io.rexian.telephony.ExtensionFeatures.Forward.BUSY)).contains("8004");
        assertThat(restarted.forward("8003", io.rexian.telephony.ExtensionFeatures.Forward.NO_ANSWER)).contains("8005");
        assertThat(restarted.forward("8003", io.rexian.telephony.ExtensionFeatures.Forward.ALWAYS)).isEmpty();
        assertThat(restarted.pickupGroup("8003")).contains("billing");
        assertThat(restarted.callWaiting("8004")).isFalse();
        assertThat(restarted.callWaiting("8003")).isTrue();

        // Clearing is stored too.
        restarted.setDoNotDisturb("8002", false);
        restarted.setForward("8003", io.rexian.telephony.ExtensionFeatures.Forward.BUSY, null);
        var again = new io.rexian.telephony.ExtensionFeatures();
        again.attach(featureStore);
        assertThat(again.doNotDisturb("8002")).isFalse();
        assertThat(again.forward("8003", io.rexian.telephony.ExtensionFeatures.Forward.BUSY)).isEmpty();
        assertThat(again.pickupGroup("8003")).contains("billing");
    }

    private void waitForRecord() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (jdbc.sql("select count(*) from callcenter_call_record").query(Long.class).single() > 0) {
                return;
            }
            Thread.sleep(100);
        }
    }
}
