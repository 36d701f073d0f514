package io.rexian.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import io.rexian.telephony.peers.FreePort;
import io.rexian.telephony.peers.RawSip;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The torture cases of RFC 4475, each written here as its own message (same defect, our
 * addresses): unusual but valid messages are served, invalid ones get the response the RFC asks
 * for, or none where a response cannot be addressed or is a response itself. Real media, so
 * session descriptions are really read.
 */
@Timeout(120)
class Rfc4475Tests {

    private TelephonyEngine engine;
    private RawSip peer;
    private int port;

    @BeforeEach
    void start() throws IOException {
        port = FreePort.pick();
        engine = TelephonyEngine.start(EngineSettings.defaults().withAddress("127.0.0.1", port)
                        .withTrustedServiceSources(Set.of("127.0.0.1")),
                ext -> Optional.of(ExtensionSecret.fromPassword(ext, "rexian", "x")), CallRecords.DISCARD, Clock.systemUTC());
        peer = new RawSip(port);
    }

    @AfterEach
    void stop() {
        peer.close();
        engine.close();
    }

    private String uri() {
        return "sip:*44@127.0.0.1:" + port;
    }

    private String options(String extraHeaders) {
        return peer.request("OPTIONS", uri(), extraHeaders, "");
    }

    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 5998 RTP/AVP 0\r\n";

    private String invite(String extraHeaders, String body) {
        return peer.request("INVITE", uri(), "Contact: <sip:t@127.0.0.1:" + peer.localPort() + ">\r\n" + extraHeaders, body);
    }

    private record Case(String name, String message, List<Integer> expected) { }

    private final List<Case> cases = new ArrayList<>();

    private void expect(String name, String message, Integer... statuses) {
        cases.add(new Case(name, message, List.of(statuses)));
    }

    @Test
    void validButUnusualMessagesAreServed() throws Exception {
        String via = "Via: SIP/2.0/UDP 127.0.0.1:" + peer.localPort();
        expect("compact header names", options("").replace("Via: ", "v: ").replace("From: ", "f: ").replace("To: ", "t: ")
                .replace("Call-ID: ", "i: ").replace("Content-Length: ", "l: "), 200);
        expect("header names in odd case and spaces before colon", options("").replace("Max-Forwards: ", "mAX-fORWARDS   :   ")
                .replace("CSeq: ", "cseq: "), 200);
        expect("escaped characters in the Request-URI user", options("").replace("sip:*44@", "sip:%2a%34%34@"), 200);
        expect("display name with LWS and quoted escapes", options("").replace("From: <sip:torture@127.0.0.1>",
                "From:    \"J. \\\"Torture\\\" Tester\"   <sip:torture@127.0.0.1>"), 200);
        expect("unquoted Chinese display name (UTF-8)", options("").replace("From: <", "From: 张三 <"), 200);
        expect("header folded over several lines", options("Subject: this\r\n  is folded\r\n\tover lines\r\n"), 200);
        expect("many Via values in one header and several", options("")
                .replace(via, via + ";received=127.0.0.1;rport\r\nVia: SIP/2.0/TCP 192.0.2.1;branch=z9hG4bKa, SIP/2.0/UDP 192.0.2.2:5060;branch=z9hG4bKb"), 200);
        expect("unknown header fields and parameters", options("X-Unknown: ;;;weird==\"stuff\"\r\nNewFangledHeader: newfangled value\r\n")
                .replace(";tag=", ";unknownparam;tag="), 200);
        expect("semicolon parameters in the URI user part", options("").replace("From: <sip:torture@", "From: <sip:torture;fake=1@"), 200);
        expect("long values (8 KB header)", options("X-Long: " + "a".repeat(8000) + "\r\n"), 200);
        expect("unknown URI schemes in header fields", options("").replace("From: <sip:torture@127.0.0.1>",
                "From: <nobodyKnowsThisScheme:totally-opaque>"), 200);
        expect("Max-Forwards zero at its destination", options("").replace("Max-Forwards: 70", "Max-Forwards: 0"), 200);
        expect("RFC 2543 request without branch cookie", options("").replaceFirst(";branch=z9hG4bK[0-9a-f]+", ";branch=oldstyle1"), 200);
        expect("two requests in one datagram: the first is served", options("") + options(""), 200);
        expect("body after Content-Length is ignored", options("").replace("Content-Length: 0\r\n\r\n",
                "Content-Length: 0\r\n\r\nextra octets"), 200);
        expect("multipart body with SDP", invite("Content-Type: multipart/mixed;boundary=7a9cbec02ceef655\r\n",
                "--7a9cbec02ceef655\r\nContent-Type: application/sdp\r\n\r\n" + SDP + "\r\n--7a9cbec02ceef655--\r\n"), 200);
        verify();
    }

    @Test
    void invalidMessagesGetTheRightErrors() throws Exception {
        expect("extraneous separators in Via", options("").replaceFirst(";branch=", ";;,;branch="), 400);
        expect("Content-Length larger than the message", options("").replace("Content-Length: 0", "Content-Length: 999"), 400);
        expect("negative Content-Length", options("").replace("Content-Length: 0", "Content-Length: -999"), 400);
        expect("CSeq number beyond 2^32", options("").replace("CSeq: 1 ", "CSeq: 36893488147419103232 "), 400);
        expect("Max-Forwards beyond 255", options("").replace("Max-Forwards: 70", "Max-Forwards: 300"), 400);
        expect("unterminated quoted display name", options("").replace("From: <", "From: \"Bob <"), 400);
        expect("Request-URI in angle brackets", options("").replace("OPTIONS " + uri(), "OPTIONS <" + uri() + ">"), 400);
        expect("space inside the Request-URI", options("").replace("OPTIONS sip:*44@", "OPTIONS sip:*44@ "), 400);
        expect("several spaces between request-line elements", options("").replace("OPTIONS " + uri() + " SIP/2.0",
                "OPTIONS  " + uri() + "      SIP/2.0"), 400);
        expect("escaped headers in the Request-URI", options("").replace("OPTIONS " + uri(), "OPTIONS " + uri()
                + "?Route=%3Csip:example.com%3E"), 400);
        expect("addr-spec with spaces", options("").replace("To: <" + uri() + ">", "To: sip:*44@127.0.0. 1"), 400);
        expect("display name with non-token characters unquoted", options("").replace("From: <", "From: Bob@Home <"), 400);
        expect("unknown SIP version", options("").replace(" SIP/2.0\r\n", " SIP/7.0\r\n"), 505);
        expect("CSeq method differs from the request method", options("").replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE"), 400);
        expect("unknown method with mismatching CSeq", options("").replace("OPTIONS " + uri(), "NEWMETHOD " + uri()), 400, 501);
        expect("no Call-ID", options("").replaceFirst("Call-ID: [^\r]+\r\n", ""), 400);
        expect("no From", options("").replaceFirst("From: [^\r]+\r\n", ""), 400);
        expect("no To", options("").replaceFirst("To: [^\r]+\r\n", ""), 400);
        expect("no CSeq", options("").replaceFirst("CSeq: [^\r]+\r\n", ""), 400);
        expect("two Content-Length values", options("Content-Length: 4\r\n"), 400);
        expect("two Call-ID values", options("Call-ID: second-call-id@127.0.0.1\r\n"), 400);
        expect("two From values", options("From: <sip:other@127.0.0.1>;tag=2\r\n"), 400);
        expect("two To values", options("To: <sip:other@127.0.0.1>\r\n"), 400);
        expect("two CSeq values", options("CSeq: 2 OPTIONS\r\n"), 400);
        expect("two Max-Forwards values", options("Max-Forwards: 69\r\n"), 400);
        expect("unknown Request-URI scheme", options("").replace("OPTIONS " + uri(), "OPTIONS nobodyKnowsThisScheme:totally-opaque"), 416);
        expect("known but atypical Request-URI scheme", options("").replace("OPTIONS " + uri(), "OPTIONS soap.beep://127.0.0.1:3002"), 416);
        expect("unknown extension in Require", options("Require: nothingweknow\r\n"), 420);
        expect("unknown extension in Proxy-Require only (we are no proxy)", options("Proxy-Require: nothingweknow\r\n"), 200);
        expect("INVITE with a body type we do not understand", invite("Content-Type: application/unknownformat\r\n", "data"), 415);
        expect("INVITE asking for responses in a type we cannot give", invite("Accept: text/nobodyknowsthis\r\nContent-Type: application/sdp\r\n", SDP), 406);
        expect("INVITE without Contact", peer.request("INVITE", uri(), "", ""), 400);
        expect("INVITE with broken SDP", invite("Content-Type: application/sdp\r\n", "v=0\r\nthis is no sdp"), 400, 488);
        expect("INVITE with SDP offering nothing we speak", invite("Content-Type: application/sdp\r\n", SDP.replace("RTP/AVP 0", "RTP/AVP 98")
                + "a=rtpmap:98 opus/48000/2\r\n"), 488);
        expect("method nobody defined", peer.request("NEWMETHOD", uri(), "", ""), 501);
        expect("method we know but do not offer", peer.request("SUBSCRIBE", uri(), "Event: presence\r\nContact: <sip:t@127.0.0.1:5999>\r\n", ""), 405);
        expect("BYE outside any dialog", peer.request("BYE", uri(), "", "").replace("To: <" + uri() + ">", "To: <" + uri() + ">;tag=nope"), 481);
        expect("CANCEL of nothing", peer.request("CANCEL", uri(), "", ""), 481);
        expect("Via transport we do not listen on", options("").replace("Via: SIP/2.0/UDP", "Via: SIP/2.0/SCTP"), 400);
        expect("body in a coding we do not know", invite("Content-Type: application/sdp\r\nContent-Encoding: gzip\r\n", SDP), 415);
        verify();
    }

    @Test
    void messagesThatMustBeDroppedGetNoAnswer() throws Exception {
        expect("a response with an overlarge status code", "SIP/2.0 4294967301 better not break the receiver\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bKdrop1\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\n"
                + "To: <sip:b@127.0.0.1>;tag=2\r\nCall-ID: bigcode@127.0.0.1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n", 0);
        expect("a stray response", "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bKnotours\r\n"
                + "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:b@127.0.0.1>;tag=2\r\nCall-ID: stray@127.0.0.1\r\nCSeq: 1 INVITE\r\n"
                + "Content-Length: 0\r\n\r\n", 0);
        expect("a request without Via cannot be answered", options("").replaceFirst("Via: [^\r]+\r\n", ""), 0);
        expect("binary garbage", "\u0000\u0001\u0002garbage\r\n\r\n", 0);
        verify();
        assertThat(peer.status(options(""))).as("still serving").isEqualTo(200);
    }

    private void verify() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            String response = peer.exchange(c.message());
            int status = response == null ? 0 : Integer.parseInt(response.substring(8, 11));
            if (!c.expected().contains(status)) {
                wrong.add(c.name() + ": expected " + c.expected() + " got " + status
                        + (response == null ? "" : " (" + response.lines().findFirst().orElse("") + ")"));
            }
            peer.drain();
        }
        assertThat(wrong).as("cases answered wrongly").isEmpty();
    }
}
