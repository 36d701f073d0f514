package io.rexian.telephony;

import static io.rexian.telephony.SignallingWithSippTests.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rexian.telephony.call.CallMedia;
import io.rexian.telephony.media.DigitCollection;
import io.rexian.telephony.peers.FakeMedia;
import io.rexian.telephony.peers.FreePort;
import io.rexian.telephony.peers.Sipp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call-control API as a call-center application uses it: commands answer what really happened,
 * legs of two calls are bridged and separated, callers are transferred to a queue (application number)
 * or out through a carrier trunk, and the application dials out on its own. Phones and the carrier are sipp.
 */
@Timeout(120)
class CallControlWithSippTests {

    private static final String QUEUE = "5000";
    private static final String CUSTOMER = "013800000000";

    private final List<CallEvent> events = new CopyOnWriteArrayList<>();
    private final List<CallDetailRecord> records = new CopyOnWriteArrayList<>();
    private final FakeMedia media = new FakeMedia();
    private TelephonyEngine engine;
    private CallControl calls;
    private String target;
    private int carrierPort;

    @BeforeEach
    void start() {
        assumeTrue(Sipp.installed(), "sipp (apt package sip-tester) is not installed");
        startEngine(media);
    }

    private void startEngine(CallMedia with) {
        int port = FreePort.pick();
        carrierPort = FreePort.pick();
        EngineSettings settings = EngineSettings.defaults().withAddress("127.0.0.1", port)
                .withTrustedServiceSources(Set.of("127.0.0.1"));
        ExtensionCredentials credentials = ext -> ext.startsWith("80")
                ? Optional.of(ExtensionSecret.fromPassword(ext, "rexian", "pw-" + ext)) : Optional.empty();
        engine = with == null ? TelephonyEngine.start(settings, credentials, records::add, Clock.systemUTC())
                : TelephonyEngine.start(settings, credentials, records::add, with, Clock.systemUTC());
        calls = engine.calls();
        calls.addListener(events::add);
        calls.addApplicationNumber(QUEUE);
        target = "127.0.0.1:" + port;
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void commandsInTheWrongStateAnswerWrongState() throws Exception {
        Sipp.Running caller = Sipp.start("call-service-wait-bye.xml", target, Duration.ofSeconds(30), "-s", QUEUE, "-m", "1");
        CallEvent.Ringing ringing = await(CallEvent.Ringing.class, e -> true);
        String callId = ringing.callId();
        String leg = ringing.legId();
        assertThat(calls.play(leg, null, false).reason()).as("not answered yet").isEqualTo("wrong-state");
        assertThat(calls.collectDigits(leg, List.of(), DigitCollection.upTo(1)).reason()).isEqualTo("wrong-state");
        assertThat(calls.answer(callId).ok()).isTrue();
        assertThat(calls.answer(callId).reason()).as("answered already").isEqualTo("wrong-state");
        assertThat(calls.reject(callId, "busy").reason()).isEqualTo("wrong-state");
        assertThat(calls.hold(leg, true).reason()).as("nobody to hold").isEqualTo("wrong-state");
        assertThat(calls.unbridge(leg).reason()).as("not bridged").isEqualTo("wrong-state");
        assertThat(calls.transfer(leg, QUEUE).reason()).as("no peer to release").isEqualTo("wrong-state");
        assertThat(calls.record(leg, null, false).reason()).as("not recording").isEqualTo("wrong-state");
        assertThat(calls.bridge(leg, leg).reason()).isEqualTo("wrong-state");
        assertThat(calls.play(leg, null, true).ok()).isTrue();
        assertThat(media.playing).containsEntry(leg, "test");
        assertThat(calls.hangup(callId).ok()).isTrue();
        assertThat(caller.await().successful()).as("caller got BYE").isEqualTo(1);
        assertThat(calls.play(leg, null, false).reason()).as("ended").isEqualTo("wrong-state");
        assertThat(calls.hangup(callId).reason()).isEqualTo("no-such-call");
        assertThat(calls.transfer(leg, "8009").reason()).as("known extension, no phone").isEqualTo("not-registered");
        assertThat(calls.dial(CUSTOMER, null).reason()).as("no trunk configured").isEqualTo("no-trunk");
        engine.addTrunk(trunk());
        assertThat(calls.dial("99", null).reason()).as("no trunk carries it").isEqualTo("unknown-target");
        assertThat(calls.bridge("nope", leg).reason()).isEqualTo("no-such-leg");
        assertThat(calls.unbridge("nope").reason()).isEqualTo("no-such-leg");
    }

    @Test
    void legsOfTwoCallsAreBridgedSeparatedAndRecordedAsOneCall() throws Exception {
        Sipp.Running agentPhone = phone("8002", "callee-answer.xml");
        Sipp.Running caller = Sipp.start("call-service-wait-bye.xml", target, Duration.ofSeconds(30), "-s", QUEUE, "-m", "1");
        CallEvent.Ringing ringing = await(CallEvent.Ringing.class, e -> true);
        String callerLeg = ringing.legId();
        assertThat(calls.answer(ringing.callId()).ok()).isTrue();
        CallResult agentCall = calls.dial("8002", QUEUE);
        assertThat(agentCall.ok()).isTrue();
        String agentLeg = await(CallEvent.Answered.class, e -> e.callId().equals(agentCall.id())).legId();

        CallResult bridged = calls.bridge(callerLeg, agentLeg);
        assertThat(bridged.ok()).as(bridged.reason()).isTrue();
        assertThat(bridged.id()).as("the agent's leg joined the caller's call").isEqualTo(ringing.callId());
        assertThat(media.bridges).containsEntry(callerLeg, agentLeg);
        await(CallEvent.Ended.class, e -> e.callId().equals(agentCall.id()) && e.cause().equals("merged"));

        assertThat(calls.unbridge(agentLeg).ok()).isTrue();
        await(CallEvent.Unbridged.class, e -> e.callId().equals(ringing.callId()));
        assertThat(media.bridges).isEmpty();
        assertThat(media.playing).containsEntry(callerLeg, "hold").containsEntry(agentLeg, "hold");
        assertThat(calls.unbridge(agentLeg).reason()).isEqualTo("wrong-state");
        assertThat(calls.bridge(agentLeg, callerLeg).ok()).isTrue();
        assertThat(media.bridges).containsEntry(agentLeg, callerLeg);
        assertThat(media.playing).doesNotContainKeys(callerLeg, agentLeg);
        assertThat(calls.hold(agentLeg, true).ok()).isTrue();
        assertThat(media.playing).containsEntry(callerLeg, "hold");
        await(CallEvent.Held.class, e -> e.legId().equals(callerLeg) && e.held());
        assertThat(calls.hold(agentLeg, true).reason()).isEqualTo("wrong-state");
        assertThat(calls.hold(agentLeg, false).ok()).isTrue();
        assertThat(media.bridges).containsEntry(agentLeg, callerLeg);
        Thread.sleep(300);

        assertThat(calls.hangup(ringing.callId()).ok()).isTrue();
        Sipp.Stats callerStats = caller.await();
        Sipp.Stats agentStats = agentPhone.await();
        assertThat(callerStats.successful()).as(callerStats.log()).isEqualTo(1);
        assertThat(agentStats.successful()).as(agentStats.log()).isEqualTo(1);
        assertThat(callerStats.retransmissions() + agentStats.retransmissions()).isZero();
        waitFor(() -> records.size() == 1);
        Thread.sleep(300);
        assertThat(records).as("one record for the caller's call, none for the merged one").hasSize(1);
        CallDetailRecord cdr = records.get(0);
        assertThat(cdr.callId()).isEqualTo(ringing.callId());
        assertThat(cdr.legs()).extracting(CallDetailRecord.LegRecord::party).containsExactly("sipp", "8002");
        assertThat(cdr.legs()).allSatisfy(l -> assertThat(l.answeredAt()).isNotNull());
        assertThat(cdr.talkDuration()).isPositive();
        CallEvent.Ended ended = await(CallEvent.Ended.class, e -> e.callId().equals(ringing.callId()));
        assertThat(ended.cause()).isEqualTo("hangup");
        assertThat(ended.talk()).isPositive().isLessThanOrEqualTo(ended.total());
    }

    @Test
    void hangingUpTheAgentsLegLeavesTheCallerWithMusic() throws Exception {
        Sipp.Running agentPhone = phone("8002", "callee-answer.xml");
        Sipp.Running caller = Sipp.start("call-service-wait-bye.xml", target, Duration.ofSeconds(30), "-s", QUEUE, "-m", "1");
        CallEvent.Ringing ringing = await(CallEvent.Ringing.class, e -> true);
        CallResult agentCall = calls.dial("8002", QUEUE);
        String agentLeg = await(CallEvent.Answered.class, e -> e.callId().equals(agentCall.id())).legId();
        assertThat(calls.bridge(ringing.legId(), agentLeg).reason()).as("caller not answered yet").isEqualTo("wrong-state");
        assertThat(calls.answer(ringing.callId()).ok()).isTrue();
        assertThat(calls.bridge(ringing.legId(), agentLeg).ok()).isTrue();

        assertThat(calls.hangupLeg(agentLeg).ok()).isTrue();
        assertThat(agentPhone.await().successful()).as("agent got BYE").isEqualTo(1);
        await(CallEvent.Unbridged.class, e -> e.legA().equals(agentLeg) && e.legB().equals(ringing.legId()));
        assertThat(media.playing).containsEntry(ringing.legId(), "hold");
        assertThat(engine.activeCalls()).as("the caller's call goes on").isEqualTo(1);
        assertThat(calls.hangupLeg(agentLeg).reason()).isEqualTo("wrong-state");

        assertThat(calls.hangupLeg(ringing.legId()).ok()).isTrue();
        assertThat(caller.await().successful()).isEqualTo(1);
        await(CallEvent.Ended.class, e -> e.callId().equals(ringing.callId()));
    }

    @Test
    void theAgentsAnsweredEventCanBridgeItToTheCaller() throws Exception {
        Sipp.Running agentPhone = phone("8002", "callee-answer.xml");
        Sipp.Running caller = Sipp.start("call-service-wait-bye.xml", target, Duration.ofSeconds(30), "-s", QUEUE, "-m", "1");
        CallEvent.Ringing ringing = await(CallEvent.Ringing.class, e -> true);
        assertThat(calls.answer(ringing.callId()).ok()).isTrue();
        List<CallResult> results = new CopyOnWriteArrayList<>();
        CallResult agentCall = calls.dial("8002", QUEUE);
        calls.addListener(e -> {
            if (e instanceof CallEvent.Answered a && a.callId().equals(agentCall.id())) {
                results.add(calls.bridge(ringing.legId(), a.legId()));
            }
        });
        waitFor(() -> !results.isEmpty());
        assertThat(results.get(0).ok()).as(results.get(0).reason()).isTrue();
        CallEvent.Bridged bridged = await(CallEvent.Bridged.class, e -> true);
        assertThat(bridged.callId()).isEqualTo(ringing.callId());
        assertThat(media.bridges).containsEntry(ringing.legId(), bridged.legB());
        assertThat(calls.hangup(agentCall.id()).reason()).as("merged into the caller's call").isEqualTo("no-such-call");
        assertThat(calls.hangup(ringing.callId()).ok()).isTrue();
        assertThat(caller.await().successful()).isEqualTo(1);
        assertThat(agentPhone.await().successful()).isEqualTo(1);
    }

    @Test
    void blindTransferToAQueueRingsAtTheApplication() throws Exception {
        Sipp.Running agentPhone = phone("8002", "callee-answer.xml");
        Sipp.Running customer = Sipp.start("call-auth-wait-bye.xml", target, Duration.ofSeconds(30),
                "-s", "8002", "-au", "8001", "-ap", "pw-8001", "-key", "caller", "8001", "-m", "1");
        CallEvent.Bridged bridged = await(CallEvent.Bridged.class, e -> true);
        String customerLeg = bridged.legA();

        assertThat(calls.transfer(customerLeg, QUEUE).ok()).isTrue();
        assertThat(agentPhone.await().successful()).as("agent released").isEqualTo(1);
        await(CallEvent.Transferred.class, e -> e.legId().equals(customerLeg) && e.target().equals(QUEUE));
        await(CallEvent.Created.class, e -> e.legId().equals(customerLeg) && QUEUE.equals(e.callee()));
        await(CallEvent.Ringing.class, e -> e.legId().equals(customerLeg));
        assertThat(media.playing).containsEntry(customerLeg, "ringback");

        assertThat(calls.answer(bridged.callId()).ok()).isTrue();
        await(CallEvent.Answered.class, e -> e.legId().equals(customerLeg));
        assertThat(media.playing).doesNotContainKey(customerLeg);
        assertThat(calls.hangup(bridged.callId()).ok()).isTrue();
        assertThat(customer.await().successful()).as("customer stayed until the application hung up").isEqualTo(1);
    }

    @Test
    void blindTransferToAnOutsideNumberGoesThroughTheTrunk() throws Exception {
        engine.addTrunk(trunk());
        Sipp.Running carrier = Sipp.startOn(carrierPort, "carrier-answer-with-auth.xml", target, Duration.ofSeconds(30), "-m", "1");
        Sipp.Running agentPhone = phone("8002", "callee-answer.xml");
        Sipp.Running customer = Sipp.start("call-auth-wait-bye.xml", target, Duration.ofSeconds(30),
                "-s", "8002", "-au", "8001", "-ap", "pw-8001", "-key", "caller", "8001", "-m", "1");
        CallEvent.Bridged first = await(CallEvent.Bridged.class, e -> true);

        assertThat(calls.transfer(first.legA(), CUSTOMER).ok()).isTrue();
        assertThat(agentPhone.await().successful()).as("agent released").isEqualTo(1);
        CallEvent.Bridged second = await(CallEvent.Bridged.class, e -> !e.legB().equals(first.legB()));
        assertThat(second.legA()).isEqualTo(first.legA());
        assertThat(media.bridges).containsEntry(first.legA(), second.legB());
        assertThat(events).anyMatch(e -> e instanceof CallEvent.Transferred t && t.target().equals(CUSTOMER));

        calls.hangup(first.callId());
        assertThat(customer.await().successful()).isEqualTo(1);
        Sipp.Stats carrierStats = carrier.await();
        assertThat(carrierStats.successful()).as("carrier answered, got BYE: " + carrierStats.log()).isEqualTo(1);
        waitFor(() -> records.size() == 1);
        assertThat(records.get(0).legs()).extracting(CallDetailRecord.LegRecord::party)
                .containsExactly("8001", "8002", "13800000000");
    }

    @Test
    void clickToDialRingsTheAgentThenTheCustomerThroughTheTrunk() throws Exception {
        engine.addTrunk(trunk());
        Sipp.Running carrier = Sipp.startOn(carrierPort, "carrier-answer-with-auth.xml", target, Duration.ofSeconds(30), "-m", "1");
        Sipp.Running agentPhone = phone("8002", "callee-answer.xml");

        CallResult call = calls.originate("8002", CUSTOMER);
        assertThat(call.ok()).as(call.reason()).isTrue();
        CallEvent.Bridged bridged = await(CallEvent.Bridged.class, e -> e.callId().equals(call.id()));
        assertThat(media.bridges).containsEntry(bridged.legA(), bridged.legB());
        List<String> order = events.stream().filter(e -> e instanceof CallEvent.Answered)
                .map(e -> ((CallEvent.Answered) e).legId()).toList();
        assertThat(order).as("agent answered first, then the customer").containsExactly(bridged.legA(), bridged.legB());

        assertThat(calls.hangup(call.id()).ok()).isTrue();
        assertThat(agentPhone.await().successful()).isEqualTo(1);
        assertThat(carrier.await().successful()).isEqualTo(1);
        waitFor(() -> records.size() == 1);
        assertThat(records.get(0).direction()).isEqualTo(CallDetailRecord.Direction.OUTBOUND);
        assertThat(records.get(0).legs()).extracting(CallDetailRecord.LegRecord::party).containsExactly("8002", "13800000000");
    }

    @Test
    void attendedTransferToAConsultedOutsideNumber() throws Exception {
        engine.addTrunk(trunk());
        Sipp.Running carrier = Sipp.startOn(carrierPort, "carrier-answer-with-auth.xml", target, Duration.ofSeconds(30), "-m", "1");
        Sipp.Running agent = phone("8002", "callee-answer.xml");
        Sipp.Running agentSecondLine = phone("8005", "callee-answer.xml");
        Sipp.Running customer = Sipp.start("call-auth-wait-bye.xml", target, Duration.ofSeconds(30),
                "-s", "8002", "-au", "8001", "-ap", "pw-8001", "-key", "caller", "8001", "-m", "1");
        CallEvent.Bridged first = await(CallEvent.Bridged.class, e -> true);
        assertThat(calls.hold(first.legB(), true).ok()).isTrue();
        CallResult consult = calls.originate("8005", CUSTOMER);
        CallEvent.Bridged consulting = await(CallEvent.Bridged.class, e -> e.callId().equals(consult.id()));

        assertThat(calls.attendedTransfer(first.legA(), consulting.legB()).ok()).isTrue();
        assertThat(agent.await().successful()).as("agent released").isEqualTo(1);
        assertThat(agentSecondLine.await().successful()).as("consult line released").isEqualTo(1);
        assertThat(media.bridges).containsEntry(first.legA(), consulting.legB());
        calls.hangup(consult.id());
        assertThat(customer.await().successful()).isEqualTo(1);
        assertThat(carrier.await().successful()).isEqualTo(1);
    }

    @Test
    void applicationDialsOutPlaysRecordsAndCollectsTheCustomersDigit(@TempDir Path dir) throws Exception {
        engine.close();
        startEngine(null);
        engine.addTrunk(new Trunk("carrier", "127.0.0.1", carrierPort, Map.of(), "0", null, null, false));
        Sipp.Running carrier = Sipp.startOn(carrierPort, "carrier-answer-dtmf.xml", target, Duration.ofSeconds(30), "-m", "1");

        CallResult call = calls.dial(CUSTOMER, "96199");
        assertThat(call.ok()).as(call.reason()).isTrue();
        String leg = await(CallEvent.Answered.class, e -> e.callId().equals(call.id())).legId();
        Path file = dir.resolve("notice.wav");
        assertThat(calls.record(leg, file, false).ok()).isTrue();
        assertThat(calls.record(leg, file, false).reason()).as("recording already").isEqualTo("wrong-state");
        assertThat(calls.collectDigits(leg, java.util.Collections.singletonList(null),
                new DigitCollection(1, Duration.ofSeconds(8), Duration.ofSeconds(2), "#", true)).ok()).isTrue();
        CallEvent.DigitsCollected pressed = await(CallEvent.DigitsCollected.class, e -> true);
        assertThat(pressed.digits()).isEqualTo("1");
        assertThat(events).anyMatch(e -> e instanceof CallEvent.Ringing r && r.legId().equals(leg))
                .anyMatch(e -> e instanceof CallEvent.Dtmf d && d.legId().equals(leg) && d.digit() == '1');
        assertThat(calls.record(leg, null, false).ok()).isTrue();
        assertThat(calls.hangup(call.id()).ok()).isTrue();

        Sipp.Stats carrierStats = carrier.await();
        assertThat(carrierStats.successful()).as(carrierStats.log()).isEqualTo(1);
        assertThat(carrierStats.failed()).isZero();
        assertThat(events).anyMatch(e -> e instanceof CallEvent.RecordingChanged r && r.started() && r.legId().equals(leg))
                .anyMatch(e -> e instanceof CallEvent.RecordingChanged r && !r.started() && r.file().equals(file.toString()));
        assertThat(Files.size(file)).as("the call was recorded").isGreaterThan(8_000);
        CallEvent.Ended ended = await(CallEvent.Ended.class, e -> e.callId().equals(call.id()));
        assertThat(ended.cause()).isEqualTo("hangup");
        assertThat(ended.talk()).isGreaterThan(Duration.ofSeconds(1));
    }

    @Test
    void unauthenticatedCallerCannotReachTheTrunk() throws Exception {
        engine.addTrunk(trunk());
        Sipp.Running carrier = Sipp.startOn(carrierPort, "carrier-answer-with-auth.xml", target, Duration.ofSeconds(5), "-m", "1");
        Sipp.Stats stranger = Sipp.run("call-service.xml", target, Duration.ofSeconds(10), "-s", CUSTOMER, "-m", "1");
        assertThat(stranger.successful()).isZero();
        assertThat(stranger.log()).contains("407");
        assertThat(carrier.await().created()).as("the carrier never saw an INVITE").isZero();
    }

    private Trunk trunk() {
        return new Trunk("carrier", "127.0.0.1", carrierPort, Map.of(), "0", "rexian-trunk", "trunk-secret", false);
    }

    /** Waits for the first event of {@code type} matching {@code which}. */
    private <T extends CallEvent> T await(Class<T> type, Predicate<T> which) throws InterruptedException {
        waitFor(() -> events.stream().anyMatch(e -> type.isInstance(e) && which.test(type.cast(e))));
        return events.stream().filter(type::isInstance).map(type::cast).filter(which).findFirst().orElseThrow();
    }

    private Sipp.Running phone(String extension, String scenario) throws Exception {
        return Sipp.phone(target, extension, scenario);
    }
}
