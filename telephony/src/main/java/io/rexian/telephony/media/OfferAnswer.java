package io.rexian.telephony.media;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 3264 offer/answer for one audio stream: what we offer, how we answer an offer, and
 * what an answer to our offer means. Pure functions of the descriptions; no session state.
 */
final class OfferAnswer {

    private OfferAnswer() {
    }

    /** Our offer: PCMU, PCMA and telephone-event 101, ptime 20. */
    static Sdp offer(String address, int port, long sessionId, long version, Direction direction) {
        List<Integer> types = List.of(Codec.PCMU.payloadType(), Codec.PCMA.payloadType(), Sdp.DEFAULT_TELEPHONE_EVENT);
        Map<Integer, String> maps = new LinkedHashMap<>();
        maps.put(0, "PCMU/8000");
        maps.put(8, "PCMA/8000");
        maps.put(Sdp.DEFAULT_TELEPHONE_EVENT, "telephone-event/8000");
        return new Sdp(address, sessionId, version, address, port, types, maps, direction, 20, false, 0, List.of(), 0);
    }

    /**
     * Our answer to {@code offer}: the offerer's first codec we speak, its telephone-event type,
     * the mirrored direction limited by {@code wanted}, rtcp-mux when offered. An offer whose
     * audio port is 0 gets a rejected (port 0) stream.
     *
     * @throws SdpException (notAcceptable) when the offer lists no codec we speak
     */
    static Answer answer(Sdp offer, String address, int port, long sessionId, long version, Direction wanted) {
        if (offer.port() == 0) {
            Sdp rejected = new Sdp(address, sessionId, version, address, 0, offer.payloadTypes().subList(0, Math.min(1, offer.payloadTypes().size())),
                    Map.of(), Direction.INACTIVE, 0, false, 0, offer.otherMedia(), offer.audioIndex());
            return new Answer(rejected, new Negotiated(null, null, Codec.PCMU, -1, -1, Direction.INACTIVE, false));
        }
        List<Codec> codecs = offer.codecs();
        if (codecs.isEmpty()) {
            throw new SdpException("no common codec: offered payload types " + offer.payloadTypes()
                    + ", this server speaks PCMU (0) and PCMA (8)", true);
        }
        Codec codec = codecs.get(0);
        int event = offer.telephoneEventPayloadType();
        Direction direction = offer.effectiveDirection().reverse().and(wanted);
        List<Integer> types = new ArrayList<>();
        Map<Integer, String> maps = new LinkedHashMap<>();
        types.add(codec.payloadType());
        maps.put(codec.payloadType(), codec.name() + "/8000");
        if (event >= 0) {
            types.add(event);
            maps.put(event, "telephone-event/8000");
        }
        Sdp answer = new Sdp(address, sessionId, version, address, port, types, maps, direction, 20,
                offer.rtcpMux(), 0, offer.otherMedia(), offer.audioIndex());
        return new Answer(answer, negotiated(offer, codec, event, event, direction));
    }

    /** What the remote's answer to our offer (sent with direction {@code offered}) means. */
    static Negotiated accept(Sdp answer, Direction offered) {
        if (answer.port() == 0) {
            return new Negotiated(null, null, Codec.PCMU, -1, -1, Direction.INACTIVE, false);
        }
        List<Codec> codecs = answer.codecs();
        if (codecs.isEmpty()) {
            throw new SdpException("the answer selects no codec we offered: payload types " + answer.payloadTypes(), true);
        }
        Direction direction = answer.effectiveDirection().reverse().and(offered);
        int event = answer.telephoneEventPayloadType();
        // We send events with the answer's number but receive them with the one we offered.
        return negotiated(answer, codecs.get(0), event, event < 0 ? -1 : Sdp.DEFAULT_TELEPHONE_EVENT, direction);
    }

    private static Negotiated negotiated(Sdp remote, Codec codec, int sendEvent, int receiveEvent, Direction direction) {
        InetSocketAddress rtp = new InetSocketAddress(remote.connectionAddress(), remote.port());
        int rtcpPort = remote.rtcpPort() > 0 ? remote.rtcpPort() : remote.port() + 1;
        InetSocketAddress rtcp = remote.rtcpMux() ? rtp : new InetSocketAddress(remote.connectionAddress(), rtcpPort);
        return new Negotiated(rtp, rtcp, codec, sendEvent, receiveEvent, direction, remote.rtcpMux());
    }

    /** Our answer and what it means for the session. */
    record Answer(Sdp sdp, Negotiated negotiated) {
    }
}
