package io.rexian.telephony.media;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One session description (RFC 4566) reduced to what an audio call needs: the audio stream's
 * connection address, port, payload types, direction, ptime and rtcp-mux. Other media lines
 * are kept only so an answer can reject them in place (port 0), as RFC 3264 requires.
 * Immutable; {@link #parse(String)} is lenient about unknown lines, {@link #toString()} renders.
 *
 * @param originAddress     address in the o= line
 * @param sessionId         o= session id
 * @param version           o= version; a new local description increments it
 * @param connectionAddress where to send RTP (media-level c= wins over session-level)
 * @param port              audio RTP port; 0 means the audio stream is rejected or disabled
 * @param payloadTypes      audio payload types in preference order
 * @param rtpMaps           payload type to encoding name, e.g. 101 → "telephone-event/8000"
 * @param direction         direction of the audio stream from the writer's point of view
 * @param ptime             packet time in ms (0 when absent)
 * @param rtcpMux           a=rtcp-mux present
 * @param rtcpPort          port from a=rtcp:, or 0 when absent (then port + 1)
 * @param otherMedia        non-audio m= lines (without "m="), with their position before audio
 * @param audioIndex        position of the audio m= line among all m= lines
 */
public record Sdp(String originAddress, long sessionId, long version, String connectionAddress,
                  int port, List<Integer> payloadTypes, Map<Integer, String> rtpMaps,
                  Direction direction, int ptime, boolean rtcpMux, int rtcpPort,
                  List<String> otherMedia, int audioIndex) {

    /** Payload type the engine offers for telephone-event (RFC 4733). */
    public static final int DEFAULT_TELEPHONE_EVENT = 101;

    public Sdp {
        payloadTypes = List.copyOf(payloadTypes);
        rtpMaps = Map.copyOf(rtpMaps);
        otherMedia = List.copyOf(otherMedia);
    }

    /** Parses SDP text; throws {@link SdpException} naming the bad line when it has no audio. */
    public static Sdp parse(String text) {
        if (text == null || text.isBlank()) {
            throw new SdpException("empty SDP", false);
        }
        String originAddress = "";
        long sessionId = 0;
        long version = 0;
        String sessionConnection = null;
        String audioConnection = null;
        int port = -1;
        List<Integer> payloadTypes = new ArrayList<>();
        Map<Integer, String> rtpMaps = new LinkedHashMap<>();
        Direction sessionDirection = Direction.SENDRECV;
        Direction audioDirection = null;
        int ptime = 0;
        boolean rtcpMux = false;
        int rtcpPort = 0;
        List<String> otherMedia = new ArrayList<>();
        int audioIndex = -1;
        int mediaCount = 0;
        boolean inAudio = false;
        boolean inMedia = false;
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.length() < 2 || line.charAt(1) != '=') {
                continue;
            }
            String value = line.substring(2);
            try {
                switch (line.charAt(0)) {
                    case 'o' -> {
                        String[] f = value.split(" ");
                        sessionId = parseLongLenient(f[1]);
                        version = parseLongLenient(f[2]);
                        originAddress = f[5];
                    }
                    case 'c' -> {
                        String address = value.split(" ")[2];
                        int slash = address.indexOf('/');
                        address = slash > 0 ? address.substring(0, slash) : address;
                        if (!inMedia) {
                            sessionConnection = address;
                        } else if (inAudio) {
                            audioConnection = address;
                        }
                    }
                    case 'm' -> {
                        inMedia = true;
                        String[] f = value.split(" ");
                        if (f[0].equals("audio") && audioIndex < 0) {
                            inAudio = true;
                            audioIndex = mediaCount;
                            port = Integer.parseInt(f[1].split("/")[0]);
                            for (int i = 3; i < f.length; i++) {
                                payloadTypes.add(Integer.parseInt(f[i]));
                            }
                        } else {
                            inAudio = false;
                            otherMedia.add(value);
                        }
                        mediaCount++;
                    }
                    case 'a' -> {
                        if (inMedia && !inAudio) {
                            continue;
                        }
                        Direction direction = parseDirection(value);
                        if (direction != null) {
                            if (inAudio) {
                                audioDirection = direction;
                            } else {
                                sessionDirection = direction;
                            }
                        } else if (value.startsWith("rtpmap:")) {
                            int space = value.indexOf(' ');
                            rtpMaps.put(Integer.parseInt(value.substring(7, space)), value.substring(space + 1).strip());
                        } else if (value.startsWith("ptime:")) {
                            ptime = Integer.parseInt(value.substring(6).strip());
                        } else if (value.equals("rtcp-mux")) {
                            rtcpMux = true;
                        } else if (value.startsWith("rtcp:")) {
                            rtcpPort = Integer.parseInt(value.substring(5).strip().split(" ")[0]);
                        }
                    }
                    default -> {
                        // v=, s=, t= and the rest carry nothing the media path needs.
                    }
                }
            } catch (RuntimeException e) {
                throw new SdpException("bad SDP line: " + line, false);
            }
        }
        if (audioIndex < 0) {
            throw new SdpException("SDP has no audio stream (m=audio line)", true);
        }
        String connection = audioConnection != null ? audioConnection : sessionConnection;
        if (connection == null) {
            throw new SdpException("SDP has no connection address (c= line)", false);
        }
        if (!isIpLiteral(connection)) {
            // RFC 4566 allows a host name here; resolving it would block a call thread on DNS for
            // whatever name a caller writes, and phones and carriers send addresses.
            throw new SdpException("connection address is not an IP address: " + connection, true);
        }
        if (port < 0 || port > 65535) {
            throw new SdpException("bad media port: " + port, false);
        }
        Direction direction = audioDirection != null ? audioDirection : sessionDirection;
        return new Sdp(originAddress, sessionId, version, connection, port, payloadTypes, rtpMaps,
                direction, ptime, rtcpMux, rtcpPort, otherMedia, audioIndex);
    }

    /** The telephone-event payload type this description announces, or -1. */
    public int telephoneEventPayloadType() {
        // Only payload types on the m= line count; an rtpmap alone offers nothing.
        for (int pt : payloadTypes) {
            String map = rtpMaps.get(pt);
            if (map != null && map.toLowerCase(Locale.ROOT).startsWith("telephone-event/8000")) {
                return pt;
            }
        }
        return -1;
    }

    /** The codecs this description lists that the engine speaks, in its preference order. */
    public List<Codec> codecs() {
        List<Codec> codecs = new ArrayList<>();
        for (int pt : payloadTypes) {
            Codec codec = codecOf(pt);
            if (codec != null && !codecs.contains(codec)) {
                codecs.add(codec);
            }
        }
        return codecs;
    }

    private static final java.util.regex.Pattern IPV4 =
            java.util.regex.Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final java.util.regex.Pattern IPV6 = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** A dotted IPv4 or a textual IPv6 address, never a name (so no DNS lookup follows). */
    static boolean isIpLiteral(String address) {
        return IPV4.matcher(address).matches() || (IPV6.matcher(address).matches() && address.length() <= 45);
    }

    /** True for the pre-RFC 3264 hold form c=0.0.0.0: the writer wants no media sent to it. */
    public boolean isNullConnection() {
        return connectionAddress.equals("0.0.0.0");
    }

    /** The direction to honour: a c=0.0.0.0 hold means the writer will not receive. */
    public Direction effectiveDirection() {
        return isNullConnection() ? direction.and(Direction.SENDONLY) : direction;
    }

    private Codec codecOf(int pt) {
        String map = rtpMaps.get(pt);
        if (map != null) {
            String name = map.toUpperCase(Locale.ROOT);
            if (name.startsWith("PCMU/8000")) {
                return Codec.PCMU;
            }
            if (name.startsWith("PCMA/8000")) {
                return Codec.PCMA;
            }
            return null;
        }
        return Codec.forPayloadType(pt);
    }

    private static Direction parseDirection(String attribute) {
        for (Direction d : Direction.values()) {
            if (d.attribute().equals(attribute)) {
                return d;
            }
        }
        return null;
    }

    private static long parseLongLenient(String value) {
        // Some phones put 20-digit ids in o=; only equality matters, so keep the low bits.
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return value.hashCode();
        }
    }

    /** Renders the description as SDP text with CRLF line ends. */
    @Override
    public String toString() {
        String ipVersion = connectionAddress.contains(":") ? "IP6" : "IP4";
        StringBuilder sb = new StringBuilder();
        sb.append("v=0\r\n");
        sb.append("o=rexian ").append(sessionId).append(' ').append(version).append(" IN ")
                .append(originAddress.contains(":") ? "IP6" : "IP4").append(' ').append(originAddress).append("\r\n");
        sb.append("s=rexian\r\n");
        sb.append("c=IN ").append(ipVersion).append(' ').append(connectionAddress).append("\r\n");
        sb.append("t=0 0\r\n");
        int total = otherMedia.size() + 1;
        int other = 0;
        for (int i = 0; i < total; i++) {
            if (i == audioIndex) {
                appendAudio(sb);
            } else {
                // Rejected stream: same media and transport, port 0 (RFC 3264 section 6).
                String[] f = otherMedia.get(other++).split(" ");
                sb.append("m=").append(f[0]).append(" 0 ").append(f.length > 2 ? f[2] : "RTP/AVP");
                sb.append(' ').append(f.length > 3 ? f[3] : "0").append("\r\n");
            }
        }
        return sb.toString();
    }

    private void appendAudio(StringBuilder sb) {
        sb.append("m=audio ").append(port).append(" RTP/AVP");
        for (int pt : payloadTypes) {
            sb.append(' ').append(pt);
        }
        sb.append("\r\n");
        for (int pt : payloadTypes) {
            String map = rtpMaps.get(pt);
            if (map != null) {
                sb.append("a=rtpmap:").append(pt).append(' ').append(map).append("\r\n");
                if (map.startsWith("telephone-event")) {
                    sb.append("a=fmtp:").append(pt).append(" 0-16\r\n");
                }
            }
        }
        if (ptime > 0) {
            sb.append("a=ptime:").append(ptime).append("\r\n");
        }
        if (rtcpMux) {
            sb.append("a=rtcp-mux\r\n");
        }
        sb.append("a=").append(direction.attribute()).append("\r\n");
    }
}
