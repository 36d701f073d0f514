package io.rexian.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import javax.sip.SipFactory;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

/** Finding the session description in plain and multipart bodies (RFC 5621). */
class SipBodiesTests {

    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 5998 RTP/AVP 0\r\n";

    @Test
    void plainSdpAndUntypedBodiesAreTheDescription() throws Exception {
        assertThat(SipBodies.sdpOf(invite("Content-Type: application/sdp\r\n", SDP))).contains(SDP);
        assertThat(SipBodies.sdpOf(invite("", SDP))).contains(SDP);
        assertThat(SipBodies.sdpOf(invite("", ""))).isEmpty();
    }

    @Test
    void theSdpPartOfAMultipartBodyIsFoundWhereverItIs() throws Exception {
        String body = "--b1\r\nContent-Type: application/isup;version=itu-t92+\r\n\r\nISUP-BYTES\r\n"
                + "--b1\r\nContent-Disposition: session\r\nContent-Type: application/SDP\r\n\r\n" + SDP + "\r\n--b1--\r\n";
        assertThat(SipBodies.sdpOf(invite("Content-Type: multipart/mixed;boundary=\"b1\"\r\n", body))).contains(SDP);
    }

    @Test
    void otherTypesAndMultipartsWithoutSdpHaveNone() throws Exception {
        assertThat(SipBodies.sdpOf(invite("Content-Type: text/plain\r\n", "hello"))).isEmpty();
        assertThat(SipBodies.sdpOf(invite("Content-Type: multipart/mixed;boundary=b1\r\n",
                "--b1\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b1--\r\n"))).isEmpty();
    }

    private static Request invite(String contentType, String body) throws Exception {
        String text = "INVITE sip:8001@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKbodies\r\n"
                + "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:8001@127.0.0.1>\r\nCall-ID: bodies@127.0.0.1\r\n"
                + "CSeq: 1 INVITE\r\nMax-Forwards: 70\r\n" + contentType
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
        return SipFactory.getInstance().createMessageFactory().createRequest(text);
    }
}
