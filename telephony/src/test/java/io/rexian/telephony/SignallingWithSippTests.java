package io.rexian.telephony;

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

/** Registrar and call signalling against sipp (media faked: these tests look at SIP only). */
@Timeout(120)
class SignallingWithSippTests {

    private final FakeMedia media = new FakeMedia();
    private final List<CallDetailRecord> records = new CopyOnWriteArrayList<>();
    private TelephonyEngine engine;
    private String target;

    @BeforeEach
    void start() {
        assumeTrue(Sipp.installed(), "sipp (apt package sip-tester) is not installed");
        int port = FreePort.pick();
        EngineSettings settings = EngineSettings.defaults().withAddress("127.0.0.1", port)
                .withTrustedServiceSources(Set.of("127.0.0.1"))
                .withAuthBlocking(4, Duration.ofMinutes(1), Duration.ofSeconds(3))
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(30));
        ExtensionCredentials credentials = ext -> ext.startsWith("80")
                ? Optional.of(ExtensionSecret.fromPassword(ext, "rexian", "pw-" + ext)) : Optional.empty();
        engine = TelephonyEngine.start(settings, credentials, records::add, media, Clock.systemUTC());
        target = "127.0.0.1:" + port;
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void extensionRegistersWithDigest() throws Exception {
        Sipp.Stats stats = Sipp.run("register-auth.xml", target, Duration.ofSeconds(20),
                "-s", "8001", "-au", "8001", "-ap", "pw-8001", "-m", "1");
        assertThat(stats.failed()).as(stats.log()).isZero();
        assertThat(stats.successful()).isEqualTo(1);
        assertThat(engine.isRegistered("8001")).isTrue();
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() throws Exception {
        Sipp.Stats wrongPassword = Sipp.run("register-wrong.xml", target, Duration.ofSeconds(20),
                "-s", "8001", "-au", "8001", "-ap", "nope", "-m", "1");
        Sipp.Stats unknownUser = Sipp.run("register-wrong.xml", target, Duration.ofSeconds(20),
                "-s", "9999", "-au", "9999", "-ap", "pw-9999", "-m", "1");
        assertThat(wrongPassword.successful()).as(wrongPassword.log()).isEqualTo(1);
        assertThat(unknownUser.successful()).as(unknownUser.log()).isEqualTo(1);
        assertThat(engine.isRegistered("8001")).isFalse();
    }

    @Test
    void playbackServiceAnswersAndHangsUpWithoutRetransmissions() throws Exception {
        Sipp.Stats stats = Sipp.run("call-service.xml", target, Duration.ofSeconds(30),
                "-s", "*44", "-m", "20", "-r", "10", "-d", "200");
        assertThat(stats.failed()).as(stats.log()).isZero();
        assertThat(stats.successful()).isEqualTo(20);
        assertThat(stats.retransmissions()).isZero();
        waitFor(() -> records.size() == 20);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.disposition()).isEqualTo(CallDetailRecord.Disposition.ANSWERED);
            assertThat(r.callee()).isEqualTo("*44");
        });
        waitFor(() -> media.open.get() == 0);
    }

    @Test
    void extensionCallsExtensionThroughTheB2bua() throws Exception {
        Sipp.Running callee = phone("8002", "callee-answer.xml");
        Sipp.Stats caller = Sipp.run("call-auth.xml", target, Duration.ofSeconds(20),
                "-s", "8002", "-au", "8001", "-ap", "pw-8001", "-key", "caller", "8001", "-m", "1", "-d", "500");
        Sipp.Stats answered = callee.await();
        assertThat(answered.successful()).as(answered.log()).isEqualTo(1);
        assertThat(caller.failed()).as(caller.log()).isZero();
        assertThat(caller.successful()).isEqualTo(1);
        assertThat(answered.successful()).as(answered.log()).isEqualTo(1);
        waitFor(() -> records.size() == 1);
        CallDetailRecord cdr = records.get(0);
        assertThat(cdr.caller()).isEqualTo("8001");
        assertThat(cdr.callee()).isEqualTo("8002");
        assertThat(cdr.disposition()).isEqualTo(CallDetailRecord.Disposition.ANSWERED);
        assertThat(cdr.legs()).hasSize(2);
    }

    // Known gap: this passes only when both forks' 200s reach the engine before it ACKs the first.
    // When the second fork answers after that ACK (a late fork, the common real case), jain-sip hands
    // its 200 to the first fork's dialog and the engine does not ACK/BYE that fork; the test then
    // fails whenever sipp's two sends are split by the engine's ACK. See the closing note of issue 4.
    // Two forks answering before our ACK take the same path as these (the valve decides by arrival), but sipp
    // cannot play that race reliably: it aborts when our ACK arrives between its two sends.
    @Test
    void lateForkedAnswerAfterOurAckIsAcknowledgedAndHungUp() throws Exception {
        assertForkedAnswersHandled("callee-forked-late.xml");
    }

    @Test
    void lateForkedAnswerWithoutRingingIsAcknowledgedAndHungUp() throws Exception {
        assertForkedAnswersHandled("callee-forked-late-no-ringing.xml");
    }

    private void assertForkedAnswersHandled(String scenario) throws Exception {
        Sipp.Running forks = phone("8002", scenario);
        Sipp.Stats caller = Sipp.run("call-auth.xml", target, Duration.ofSeconds(20),
                "-s", "8002", "-au", "8001", "-ap", "pw-8001", "-key", "caller", "8001", "-m", "1", "-d", "1000");
        assertThat(caller.failed()).as(caller.log()).isZero();
        assertThat(caller.successful()).isEqualTo(1);
        Sipp.Stats forked = forks.await();
        assertThat(forked.failed()).as("both 200s ACKed, ForkB hung up first, ForkA with the call: " + forked.log()).isZero();
        assertThat(forked.successful()).isEqualTo(1);
        waitFor(() -> records.size() == 1);
        assertThat(records.get(0).disposition()).isEqualTo(CallDetailRecord.Disposition.ANSWERED);
    }

    @Test
    void busyCalleeGivesTheCallerBusy() throws Exception {
        Sipp.Running callee = phone("8003", "callee-busy.xml");
        Sipp.Stats caller = Sipp.run("call-auth-busy.xml", target, Duration.ofSeconds(20),
                "-s", "8003", "-au", "8001", "-ap", "pw-8001", "-key", "caller", "8001", "-m", "1");
        assertThat(callee.await().successful()).isEqualTo(1);
        assertThat(caller.successful()).as(caller.log()).isEqualTo(1);
        waitFor(() -> records.size() == 1);
        assertThat(records.get(0).disposition()).isEqualTo(CallDetailRecord.Disposition.BUSY);
    }

    @Test
    void unansweredCallIsCancelledAfterTheTimeout() throws Exception {
        Sipp.Running callee = phone("8004", "callee-noanswer.xml");
        Sipp.Stats caller = Sipp.run("call-auth-noanswer.xml", target, Duration.ofSeconds(20),
                "-s", "8004", "-au", "8001", "-ap", "pw-8001", "-key", "caller", "8001", "-m", "1");
        Sipp.Stats rang = callee.await();
        assertThat(caller.successful()).as(caller.log()).isEqualTo(1);
        assertThat(rang.successful()).as(rang.log()).isEqualTo(1);
        waitFor(() -> records.size() == 1);
        assertThat(records.get(0).disposition()).isEqualTo(CallDetailRecord.Disposition.NO_ANSWER);
    }

    @Test
    void doNotDisturbGivesBusy() throws Exception {
        Sipp.Stats registered = Sipp.run("register-contact.xml", target, Duration.ofSeconds(10),
                "-s", "8005", "-au", "8005", "-ap", "pw-8005", "-key", "contact_port", Integer.toString(FreePort.pick()),
                "-m", "1");
        assertThat(registered.successful()).isEqualTo(1);
        engine.features().setDoNotDisturb("8005", true);
        Sipp.Stats caller = Sipp.run("call-auth-busy.xml", target, Duration.ofSeconds(20),
                "-s", "8005", "-au", "8001", "-ap", "pw-8001", "-key", "caller", "8001", "-m", "1");
        assertThat(caller.successful()).as(caller.log()).isEqualTo(1);
        waitFor(() -> records.size() == 1);
        assertThat(records.get(0).disposition()).isEqualTo(CallDetailRecord.Disposition.BUSY);
        assertThat(records.get(0).cause()).isEqualTo("do-not-disturb");
    }

    @Test
    void unconditionalForwardRingsTheOtherExtension() throws Exception {
        engine.features().setForward("8006", ExtensionFeatures.Forward.ALWAYS, "8002");
        Sipp.Running callee = phone("8002", "callee-answer.xml");
        Sipp.Stats caller = Sipp.run("call-auth.xml", target, Duration.ofSeconds(20),
                "-s", "8006", "-au", "8001", "-ap", "pw-8001", "-key", "caller", "8001", "-m", "1", "-d", "300");
        assertThat(callee.await().successful()).isEqualTo(1);
        assertThat(caller.successful()).as(caller.log()).isEqualTo(1);
        waitFor(() -> records.size() == 1);
        assertThat(records.get(0).legs()).extracting(CallDetailRecord.LegRecord::party).contains("8002");
    }

    @Test
    void busyForwardTakesOverWhenThePhoneIsBusy() throws Exception {
        engine.features().setForward("8003", ExtensionFeatures.Forward.BUSY, "8002");
        Sipp.Running busyPhone = phone("8003", "callee-busy.xml");
        Sipp.Running otherPhone = phone("8002", "callee-answer.xml");
        Sipp.Stats caller = Sipp.run("call-auth.xml", target, Duration.ofSeconds(20),
                "-s", "8003", "-au", "8001", "-ap", "pw-8001", "-key", "caller", "8001", "-m", "1", "-d", "300");
        assertThat(busyPhone.await().successful()).isEqualTo(1);
        assertThat(otherPhone.await().successful()).isEqualTo(1);
        assertThat(caller.successful()).as(caller.log()).isEqualTo(1);
    }

    @Test
    void repeatedFailuresBlockTheAddressEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 4; i++) {
            Sipp.run("register-wrong.xml", target, Duration.ofSeconds(10), "-s", "8007", "-au", "8007", "-ap", "guess" + i, "-m", "1");
        }
        Sipp.Stats right = Sipp.run("register-auth.xml", target, Duration.ofSeconds(10),
                "-s", "8007", "-au", "8007", "-ap", "pw-8007", "-m", "1");
        assertThat(right.successful()).as("blocked address must not register").isZero();
        assertThat(engine.isRegistered("8007")).isFalse();
        Thread.sleep(3500);
        Sipp.Stats later = Sipp.run("register-auth.xml", target, Duration.ofSeconds(10),
                "-s", "8007", "-au", "8007", "-ap", "pw-8007", "-m", "1");
        assertThat(later.successful()).as("block over after 3 s").isEqualTo(1);
    }

    @Test
    void clickToDialRingsTheAgentFirstAndTheApiHangsUp() throws Exception {
        List<CallEvent> events = new CopyOnWriteArrayList<>();
        engine.calls().addListener(events::add);
        Sipp.Running agent = phone("8002", "callee-answer.xml");
        CallResult result = engine.calls().originate("8002", "*44");
        assertThat(result.ok()).isTrue();
        waitFor(() -> events.stream().anyMatch(e -> e instanceof CallEvent.Answered));
        assertThat(engine.calls().hangup(result.id()).ok()).isTrue();
        assertThat(agent.await().successful()).as("agent phone got BYE").isEqualTo(1);
        waitFor(() -> records.size() == 1);
        assertThat(records.get(0).direction()).isEqualTo(CallDetailRecord.Direction.OUTBOUND);
        assertThat(events).first().isInstanceOf(CallEvent.Created.class);
        assertThat(events).last().isInstanceOf(CallEvent.Ended.class);
        assertThat(engine.calls().originate("8099", "*44").reason()).isEqualTo("not-registered");
    }

    @Test
    void blindTransferThroughTheApiMovesTheCallerToAnotherPhone() throws Exception {
        List<CallEvent> events = new CopyOnWriteArrayList<>();
        engine.calls().addListener(events::add);
        Sipp.Running first = phone("8002", "callee-answer.xml");
        Sipp.Running second = phone("8003", "callee-answer.xml");
        Sipp.Running caller = Sipp.start("call-auth.xml", target, Duration.ofSeconds(30),
                "-s", "8002", "-au", "8001", "-ap", "pw-8001", "-key", "caller", "8001", "-m", "1", "-d", "4000");
        waitFor(() -> events.stream().anyMatch(e -> e instanceof CallEvent.Bridged));
        String callerLeg = events.stream().filter(e -> e instanceof CallEvent.Created).map(e -> ((CallEvent.Created) e).legId())
                .findFirst().orElseThrow();
        assertThat(engine.calls().transfer(callerLeg, "8003").ok()).isTrue();
        assertThat(first.await().successful()).as("first phone released").isEqualTo(1);
        assertThat(caller.await().successful()).isEqualTo(1);
        assertThat(second.await().successful()).as("second phone answered and got BYE").isEqualTo(1);
        assertThat(events).anyMatch(e -> e instanceof CallEvent.Transferred t && "8003".equals(t.target()));
    }

    @Test
    void transferKeyOnThePhoneMovesItsPeerToTheReferTarget() throws Exception {
        List<CallEvent> events = new CopyOnWriteArrayList<>();
        engine.calls().addListener(events::add);
        Sipp.Running callee = phone("8002", "callee-answer.xml");
        Sipp.Running target3 = phone("8003", "callee-answer.xml");
        Sipp.Stats transferrer = Sipp.run("call-auth-refer.xml", target, Duration.ofSeconds(20),
                "-s", "8002", "-au", "8001", "-ap", "pw-8001", "-key", "caller", "8001", "-key", "transfer_to", "8003", "-m", "1");
        assertThat(transferrer.successful()).as(transferrer.log()).isEqualTo(1);
        waitFor(() -> events.stream().filter(e -> e instanceof CallEvent.Bridged).count() == 2);
        assertThat(engine.calls().hangup(events.get(0).callId()).ok()).isTrue();
        assertThat(callee.await().successful()).isEqualTo(1);
        assertThat(target3.await().successful()).as("transfer target answered, then got BYE").isEqualTo(1);
        assertThat(events).anyMatch(e -> e instanceof CallEvent.Transferred t && "8003".equals(t.target()));
    }

    @Test
    void directedPickupAnswersAnotherPhonesRingingCall() throws Exception {
        pickUpRingingCallTo8002With("**8002");
    }

    @Test
    void groupPickupWithStarEight() throws Exception {
        engine.features().setPickupGroup("8002", "service-desk");
        engine.features().setPickupGroup("8003", "service-desk");
        pickUpRingingCallTo8002With("*8");
    }

    /** 8001 calls 8002, which rings; 8003 dials {@code code} and talks to 8001 instead. */
    private void pickUpRingingCallTo8002With(String code) throws Exception {
        List<CallEvent> events = new CopyOnWriteArrayList<>();
        engine.calls().addListener(events::add);
        Sipp.Running ringingPhone = phone("8002", "callee-noanswer.xml");
        Sipp.Running caller = Sipp.start("call-auth.xml", target, Duration.ofSeconds(30),
                "-s", "8002", "-au", "8001", "-ap", "pw-8001", "-key", "caller", "8001", "-m", "1", "-d", "1500");
        waitFor(() -> events.stream().anyMatch(e -> e instanceof CallEvent.Ringing));
        Sipp.Stats picker = Sipp.run("call-auth-wait-bye.xml", target, Duration.ofSeconds(20),
                "-s", code, "-au", "8003", "-ap", "pw-8003", "-key", "caller", "8003", "-m", "1");
        assertThat(picker.successful()).as(picker.log()).isEqualTo(1);
        assertThat(caller.await().successful()).as("caller talked to the picker").isEqualTo(1);
        assertThat(ringingPhone.await().successful()).as("ringing phone was cancelled").isEqualTo(1);
    }

    @Test
    void parkedCallIsRetrievedByDiallingItsSlot() throws Exception {
        List<CallEvent> events = new CopyOnWriteArrayList<>();
        engine.calls().addListener(events::add);
        Sipp.Running agent = phone("8002", "callee-answer.xml");
        Sipp.Running customer = Sipp.start("call-auth-wait-bye.xml", target, Duration.ofSeconds(30),
                "-s", "8002", "-au", "8001", "-ap", "pw-8001", "-key", "caller", "8001", "-m", "1");
        waitFor(() -> events.stream().anyMatch(e -> e instanceof CallEvent.Bridged));
        String customerLeg = events.stream().filter(e -> e instanceof CallEvent.Created)
                .map(e -> ((CallEvent.Created) e).legId()).findFirst().orElseThrow();
        CallResult parkedAt = engine.calls().park(customerLeg);
        assertThat(parkedAt.id()).isEqualTo("701");
        assertThat(agent.await().successful()).as("agent released by park").isEqualTo(1);
        Sipp.Stats retriever = Sipp.run("call-auth.xml", target, Duration.ofSeconds(20),
                "-s", "701", "-au", "8003", "-ap", "pw-8003", "-key", "caller", "8003", "-m", "1", "-d", "500");
        assertThat(retriever.successful()).as(retriever.log()).isEqualTo(1);
        assertThat(customer.await().successful()).as("customer talked to the retriever, then got BYE").isEqualTo(1);
    }

    @Test
    void supervisorAndConferenceGuestJoinABridgedCall() throws Exception {
        List<CallEvent> events = new CopyOnWriteArrayList<>();
        engine.calls().addListener(events::add);
        Sipp.Running agent = phone("8002", "callee-answer.xml");
        Sipp.Running supervisor = phone("8003", "callee-answer.xml");
        Sipp.Running guest = phone("8004", "callee-answer.xml");
        Sipp.Running customer = Sipp.start("call-auth-wait-bye.xml", target, Duration.ofSeconds(30),
                "-s", "8002", "-au", "8001", "-ap", "pw-8001", "-key", "caller", "8001", "-m", "1");
        waitFor(() -> events.stream().anyMatch(e -> e instanceof CallEvent.Bridged));
        String callId = events.get(0).callId();
        assertThat(engine.calls().supervise(callId, "8003", "WHISPER").ok()).isTrue();
        waitFor(() -> events.stream().filter(e -> e instanceof CallEvent.Bridged).count() == 2);
        assertThat(engine.calls().conference(callId, "8004").ok()).isTrue();
        waitFor(() -> events.stream().filter(e -> e instanceof CallEvent.Bridged).count() == 3);
        assertThat(engine.calls().supervise(callId, "8003", "SHOUT").reason()).isEqualTo("unknown-mode");
        engine.calls().hangup(callId);
        assertThat(customer.await().successful()).isEqualTo(1);
        assertThat(agent.await().successful()).isEqualTo(1);
        assertThat(supervisor.await().successful()).isEqualTo(1);
        assertThat(guest.await().successful()).isEqualTo(1);
        waitFor(() -> records.size() == 1);
        assertThat(records.get(0).legs()).hasSize(4);
    }

    @Test
    void conferenceRemoveReleasesOnePartyAndKeepsTheOthersConnected() throws Exception {
        List<CallEvent> events = new CopyOnWriteArrayList<>();
        engine.calls().addListener(events::add);
        Sipp.Running agent = phone("8002", "callee-answer.xml");
        Sipp.Running guest = phone("8004", "callee-answer.xml");
        Sipp.Running expert = phone("8003", "callee-answer.xml");
        Sipp.Running customer = Sipp.start("call-auth-wait-bye.xml", target, Duration.ofSeconds(30),
                "-s", "8002", "-au", "8001", "-ap", "pw-8001", "-key", "caller", "8001", "-m", "1");
        waitFor(() -> events.stream().anyMatch(e -> e instanceof CallEvent.Bridged));
        String callId = events.get(0).callId();
        engine.calls().conference(callId, "8004");
        waitFor(() -> events.stream().filter(e -> e instanceof CallEvent.Bridged).count() == 2);
        engine.calls().conference(callId, "8003");
        waitFor(() -> events.stream().filter(e -> e instanceof CallEvent.Bridged).count() == 3);
        String guestLeg = events.stream().filter(e -> e instanceof CallEvent.Created c && "8004".equals(c.callee()))
                .map(e -> ((CallEvent.Created) e).legId()).findFirst().orElseThrow();
        assertThat(engine.calls().conferenceRemove(guestLeg).ok()).isTrue();
        Sipp.Stats released = guest.await();
        assertThat(released.successful()).as("guest got BYE: " + released.log()).isEqualTo(1);
        Thread.sleep(500);
        assertThat(engine.activeCalls()).as("the others still talk").isEqualTo(1);
        assertThat(events).noneMatch(e -> e instanceof CallEvent.Ended);
        assertThat(customer.process().isAlive()).isTrue();
        engine.calls().hangup(callId);
        assertThat(customer.await().successful()).isEqualTo(1);
        assertThat(agent.await().successful()).isEqualTo(1);
        assertThat(expert.await().successful()).isEqualTo(1);
        waitFor(() -> records.size() == 1);
        assertThat(records.get(0).legs()).hasSize(4);
    }

    @Test
    void attendedTransferJoinsTheCustomerWithTheConsultedParty() throws Exception {
        List<CallEvent> events = new CopyOnWriteArrayList<>();
        engine.calls().addListener(events::add);
        Sipp.Running agent = phone("8002", "callee-answer.xml");
        Sipp.Running agentSecondLine = phone("8005", "callee-answer.xml");
        Sipp.Running expert = phone("8003", "callee-answer.xml");
        Sipp.Running customer = Sipp.start("call-auth-wait-bye.xml", target, Duration.ofSeconds(30),
                "-s", "8002", "-au", "8001", "-ap", "pw-8001", "-key", "caller", "8001", "-m", "1");
        waitFor(() -> events.stream().anyMatch(e -> e instanceof CallEvent.Bridged));
        String customerLeg = events.stream().filter(e -> e instanceof CallEvent.Created)
                .map(e -> ((CallEvent.Created) e).legId()).findFirst().orElseThrow();
        CallResult consult = engine.calls().originate("8005", "8003");
        waitFor(() -> events.stream().filter(e -> e instanceof CallEvent.Bridged).count() == 2);
        String expertLeg = events.stream().filter(e -> e instanceof CallEvent.Created c && c.callId().equals(consult.id())
                && "8003".equals(c.callee())).map(e -> ((CallEvent.Created) e).legId()).findFirst().orElseThrow();
        assertThat(engine.calls().attendedTransfer(customerLeg, expertLeg).ok()).isTrue();
        assertThat(agent.await().successful()).as("agent released").isEqualTo(1);
        assertThat(agentSecondLine.await().successful()).as("agent's consult line released").isEqualTo(1);
        waitFor(() -> events.stream().filter(e -> e instanceof CallEvent.Bridged).count() == 3);
        engine.calls().hangup(consult.id());
        assertThat(customer.await().successful()).isEqualTo(1);
        assertThat(expert.await().successful()).isEqualTo(1);
    }

    private Sipp.Running phone(String extension, String scenario) throws Exception {
        return Sipp.phone(target, extension, scenario);
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("condition within 10 s").isTrue();
    }
}
