package io.rexian.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

class SdpTest {

    static final String LINPHONE_OFFER = """
            v=0
            o=alice 2890844526 2890844526 IN IP4 192.0.2.10
            s=Talk
            c=IN IP4 192.0.2.10
            t=0 0
            m=audio 7078 RTP/AVP 96 8 0 101
            a=rtpmap:96 opus/48000/2
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=rtcp-mux
            m=video 9078 RTP/AVP 97
            a=rtpmap:97 VP8/90000
            """;

    @Test
    void answerPicksTheOfferersFirstG711CodecAndRejectsVideoInPlace() throws Exception {
        OfferAnswer.Answer answer = OfferAnswer.answer(Sdp.parse(LINPHONE_OFFER), "127.0.0.1", 20000, 7, 1, Direction.SENDRECV);

        String text = answer.sdp().toString();
        assertThat(text).contains("m=audio 20000 RTP/AVP 8 101\r\n", "a=rtpmap:8 PCMA/8000", "a=rtpmap:101 telephone-event/8000",
                "a=ptime:20", "a=rtcp-mux", "a=sendrecv", "c=IN IP4 127.0.0.1");
        assertThat(text.indexOf("m=audio")).isLessThan(text.indexOf("m=video 0 RTP/AVP 97"));
        assertThat(answer.negotiated().codec()).isEqualTo(Codec.PCMA);
        assertThat(answer.negotiated().telephoneEventType()).isEqualTo(101);
        assertThat(answer.negotiated().rtcpMux()).isTrue();
        assertThat(answer.negotiated().remoteRtp()).isEqualTo(new InetSocketAddress(InetAddress.getByName("192.0.2.10"), 7078));
        // Our own rendering parses back to the same stream.
        Sdp reparsed = Sdp.parse(text);
        assertThat(reparsed.codecs()).containsExactly(Codec.PCMA);
        assertThat(reparsed.port()).isEqualTo(20000);
    }

    @Test
    void comfortNoiseOfferedIsLeftOutOfTheAnswerAndOurOffer() {
        String withCn = LINPHONE_OFFER.replace("RTP/AVP 96 8 0 101", "RTP/AVP 0 13 101").replace("a=rtcp-mux", "a=rtpmap:13 CN/8000");
        OfferAnswer.Answer answer = OfferAnswer.answer(Sdp.parse(withCn), "127.0.0.1", 20000, 7, 1, Direction.SENDRECV);
        assertThat(answer.sdp().payloadTypes()).as("we send no CN, so we do not agree to it").containsExactly(0, 101);
        assertThat(OfferAnswer.offer("127.0.0.1", 20000, 7, 1, Direction.SENDRECV).payloadTypes()).doesNotContain(13);
    }

    @Test
    void answerWithItsOwnEventNumberIsUsedForSendingWhileOursIsExpected() {
        String answer = LINPHONE_OFFER.replace("RTP/AVP 96 8 0 101", "RTP/AVP 0 96").replace("rtpmap:96 opus/48000/2", "rtpmap:96 telephone-event/8000");
        Negotiated negotiated = OfferAnswer.accept(Sdp.parse(answer), Direction.SENDRECV);
        assertThat(negotiated.telephoneEventType()).isEqualTo(96);
        assertThat(negotiated.receiveEventType()).isEqualTo(Sdp.DEFAULT_TELEPHONE_EVENT);
    }

    @Test
    void offerWithoutG711IsNotAcceptable() {
        String g729Only = LINPHONE_OFFER.replace("m=audio 7078 RTP/AVP 96 8 0 101", "m=audio 7078 RTP/AVP 18");
        assertThatThrownBy(() -> OfferAnswer.answer(Sdp.parse(g729Only), "127.0.0.1", 20000, 7, 1, Direction.SENDRECV))
                .isInstanceOfSatisfying(SdpException.class, e -> assertThat(e.notAcceptable()).isTrue())
                .hasMessageContaining("no common codec");
    }

    @Test
    void holdOffersAreMirrored() {
        String sendonly = LINPHONE_OFFER.replace("a=rtcp-mux", "a=sendonly");
        assertThat(OfferAnswer.answer(Sdp.parse(sendonly), "127.0.0.1", 20000, 7, 1, Direction.SENDRECV).sdp().direction())
                .isEqualTo(Direction.RECVONLY);
        String inactive = LINPHONE_OFFER.replace("a=rtcp-mux", "a=inactive");
        assertThat(OfferAnswer.answer(Sdp.parse(inactive), "127.0.0.1", 20000, 7, 1, Direction.SENDRECV).sdp().direction())
                .isEqualTo(Direction.INACTIVE);
        String oldStyle = LINPHONE_OFFER.replace("c=IN IP4 192.0.2.10", "c=IN IP4 0.0.0.0");
        OfferAnswer.Answer answer = OfferAnswer.answer(Sdp.parse(oldStyle), "127.0.0.1", 20000, 7, 1, Direction.SENDRECV);
        assertThat(answer.negotiated().direction().sends()).as("never send to 0.0.0.0").isFalse();
    }

    @Test
    void ourOfferListsBothLawsAndTelephoneEvents() {
        Sdp offer = OfferAnswer.offer("127.0.0.1", 20002, 5, 1, Direction.SENDONLY);
        assertThat(offer.toString()).contains("m=audio 20002 RTP/AVP 0 8 101", "a=fmtp:101 0-16", "a=sendonly");
    }

    @Test
    void answerToOurOfferSetsCodecAndReverseDirection() {
        String answer = """
                v=0
                o=- 1 1 IN IP4 192.0.2.20
                s=-
                c=IN IP4 192.0.2.20
                t=0 0
                m=audio 4000 RTP/AVP 0 101
                a=rtpmap:0 PCMU/8000
                a=rtpmap:101 telephone-event/8000
                a=recvonly
                """;
        Negotiated negotiated = OfferAnswer.accept(Sdp.parse(answer), Direction.SENDONLY);
        assertThat(negotiated.codec()).isEqualTo(Codec.PCMU);
        assertThat(negotiated.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(negotiated.remoteRtcp().getPort()).isEqualTo(4001);
    }

    @Test
    void garbageIsRejectedNamingTheLine() {
        assertThatThrownBy(() -> Sdp.parse("v=0\nc=IN IP4 1.2.3.4\nm=audio notaport RTP/AVP 0\n"))
                .isInstanceOf(SdpException.class).hasMessageContaining("m=audio notaport");
        assertThatThrownBy(() -> Sdp.parse("v=0\n")).isInstanceOf(SdpException.class).hasMessageContaining("no audio");
    }

    @Test
    void hostNamesAreRefusedUnresolvedAndPortsMustBePorts() {
        assertThatThrownBy(() -> Sdp.parse("v=0\nc=IN IP4 media.example.invalid\nm=audio 4000 RTP/AVP 0\n"))
                .isInstanceOfSatisfying(SdpException.class, e -> assertThat(e.notAcceptable()).isTrue())
                .hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> Sdp.parse("v=0\nc=IN IP4 1.2.3.4\nm=audio 70000 RTP/AVP 0\n"))
                .isInstanceOf(SdpException.class).hasMessageContaining("bad media port");
        assertThat(Sdp.parse("v=0\nc=IN IP6 2001:db8::1\nm=audio 4000 RTP/AVP 0\n").connectionAddress()).isEqualTo("2001:db8::1");
        assertThat(Sdp.parse("v=0\nc=IN IP4 0.0.0.0\nm=audio 4000 RTP/AVP 0\n").isNullConnection()).isTrue();
    }
}
