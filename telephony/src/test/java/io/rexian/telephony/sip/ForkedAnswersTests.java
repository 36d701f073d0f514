package io.rexian.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.rexian.telephony.MutableClock;
import java.time.Duration;
import javax.sip.SipFactory;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

/**
 * Which answers the valve lets through, and that it forgets each INVITE after 64×T1. The ACK and
 * BYE a second fork gets are checked against sipp in {@code SignallingWithSippTests}.
 */
class ForkedAnswersTests {

    private final MutableClock clock = new MutableClock();
    private final ForkedAnswers forks = new ForkedAnswers(null, clock);

    @Test
    void firstAnswerAndItsRetransmissionsPassOtherForksDoNot() throws Exception {
        assertThat(forks.processResponse(answer("branch-1", "ForkA", "INVITE", 200), null)).isTrue();
        assertThat(forks.processResponse(answer("branch-1", "ForkA", "INVITE", 200), null)).isTrue();
        assertThat(forks.processResponse(answer("branch-1", "ForkB", "INVITE", 200), null)).isFalse();
        assertThat(forks.processResponse(answer("branch-1", "ForkB", "INVITE", 200), null)).isFalse();
    }

    @Test
    void ringingFailuresAndOtherMethodsAlwaysPass() throws Exception {
        assertThat(forks.processResponse(answer("branch-1", "ForkA", "INVITE", 200), null)).isTrue();
        assertThat(forks.processResponse(answer("branch-1", "ForkB", "INVITE", 180), null)).isTrue();
        assertThat(forks.processResponse(answer("branch-1", "ForkB", "INVITE", 486), null)).isTrue();
        assertThat(forks.processResponse(answer("branch-2", "ForkB", "BYE", 200), null)).isTrue();
        assertThat(forks.remembered()).isEqualTo(1);
    }

    @Test
    void eachInviteIsForgottenAfterThirtyTwoSeconds() throws Exception {
        for (int i = 0; i < 1000; i++) {
            forks.processResponse(answer("old-" + i, "ForkA", "INVITE", 200), null);
        }
        assertThat(forks.remembered()).isEqualTo(1000);
        clock.advance(Duration.ofSeconds(33));
        forks.processResponse(answer("new", "ForkA", "INVITE", 200), null);
        assertThat(forks.remembered()).isEqualTo(1);
        // Forgotten: a very late second fork is now left to the stack (which drops it; the fork ends itself).
        assertThat(forks.processResponse(answer("old-1", "ForkB", "INVITE", 200), null)).isTrue();
    }

    private static Response answer(String branch, String toTag, String method, int status) throws Exception {
        String text = "SIP/2.0 " + status + " Whatever\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK" + branch + "\r\n"
                + "From: <sip:8001@127.0.0.1>;tag=ours\r\n"
                + "To: <sip:8002@127.0.0.1>;tag=" + toTag + "\r\n"
                + "Call-ID: call-" + branch + "@127.0.0.1\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Contact: <sip:8002@127.0.0.1:5070>\r\n"
                + "Content-Length: 0\r\n\r\n";
        return SipFactory.getInstance().createMessageFactory().createResponse(text);
    }
}
