package io.rexian.telephony.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import javax.sip.SipFactory;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

/** The INFO bodies phones use for key presses, and the ones that carry none. */
class InfoDigitsTest {

    @Test
    void dtmfRelayInTheFormsPhonesSend() throws Exception {
        assertThat(InfoDigits.of(info("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"))).contains('5');
        assertThat(InfoDigits.of(info("application/dtmf-relay", "Signal= *\r\nDuration= 250\r\n"))).contains('*');
        assertThat(InfoDigits.of(info("application/dtmf-relay", "signal=#\r\n"))).contains('#');
        assertThat(InfoDigits.of(info("application/dtmf-relay", "Signal=10\r\n"))).contains('*');
        assertThat(InfoDigits.of(info("application/dtmf-relay", "Signal=11\r\n"))).contains('#');
        assertThat(InfoDigits.of(info("application/dtmf-relay", "Signal=d\r\n"))).contains('D');
        assertThat(InfoDigits.of(info("application/dtmf", "3"))).contains('3');
    }

    @Test
    void otherBodiesCarryNoKey() throws Exception {
        assertThat(InfoDigits.of(info("application/dtmf-relay", "Signal=99\r\n"))).isEmpty();
        assertThat(InfoDigits.of(info("application/dtmf-relay", "Duration=160\r\n"))).isEmpty();
        assertThat(InfoDigits.of(info("application/dtmf", "12"))).isEmpty();
        assertThat(InfoDigits.of(info("application/media_control+xml", "<media_control/>"))).isEmpty();
        assertThat(InfoDigits.of(info(null, ""))).isEmpty();
    }

    private static Request info(String type, String body) throws Exception {
        String text = "INFO sip:8001@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKinfo\r\n"
                + "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:8001@127.0.0.1>;tag=2\r\nCall-ID: info@127.0.0.1\r\n"
                + "CSeq: 2 INFO\r\nMax-Forwards: 70\r\n" + (type == null ? "" : "Content-Type: " + type + "\r\n")
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
        return SipFactory.getInstance().createMessageFactory().createRequest(text);
    }
}
