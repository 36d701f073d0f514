package io.rexian.telephony;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How the engine listens and guards itself; {@link #defaults()} suits a first run. UDP and
 * TCP share {@code port}.
 *
 * @param mediaAddress address for RTP and for Via/Contact/SDP; null: {@code bindAddress},
 *        or 127.0.0.1 when that is the wildcard
 * @param trustedServiceSources source IP addresses whose calls may reach the test
 *        services (echo, playback) without authentication, e.g. 127.0.0.1 in demo mode
 * @param authFailureLimit failed digest attempts from one address within {@code authFailureWindow}
 *        before it is blocked for {@code authBlockDuration}
 * @param rtpTimeout answered calls whose remote sends no RTP for this long are cleared
 * @param sessionExpires session interval (RFC 4028) proposed to callers that support timers but asked
 *        for none; null: only the caller's own request starts a session timer
 * @param minSessionExpires our Min-SE: shorter requests get 422 (RFC minimum 90 s; tests use less)
 * @param digestAlgorithms challenges offered, in order of preference. Default MD5 only: some
 *        clients (baresip 1.0, sipp) fail outright when any challenge names SHA-256;
 *        add "SHA-256" (RFC 8760) where every phone supports it
 */
public record EngineSettings(String bindAddress, int port, String mediaAddress, int rtpPortMin, int rtpPortMax,
                             String realm, Set<String> trustedServiceSources, String echoNumber, String playbackNumber,
                             int authFailureLimit, Duration authFailureWindow, Duration authBlockDuration,
                             Duration minRegistration, Duration maxRegistration,
                             Duration noAnswerTimeout, Duration rtpTimeout, List<String> digestAlgorithms,
                             Duration sessionExpires, Duration minSessionExpires) {

    public EngineSettings {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("SIP port must be 1..65535, was " + port);
        }
        trustedServiceSources = Set.copyOf(trustedServiceSources);
        digestAlgorithms = List.copyOf(digestAlgorithms);
        if (digestAlgorithms.isEmpty() || !Set.of("MD5", "SHA-256").containsAll(digestAlgorithms)) {
            throw new IllegalArgumentException("digest algorithms must be MD5 and/or SHA-256, were " + digestAlgorithms);
        }
        if (minSessionExpires == null || minSessionExpires.toSeconds() < 1) {
            minSessionExpires = Duration.ofSeconds(90);
        }
        if (mediaAddress == null || mediaAddress.isBlank()) {
            mediaAddress = bindAddress.equals("0.0.0.0") ? "127.0.0.1" : bindAddress;
        }
    }

    /** Settings without a session-timer choice: 30 min proposed, Min-SE 90 s. */
    public EngineSettings(String bindAddress, int port, String mediaAddress, int rtpPortMin, int rtpPortMax,
                          String realm, Set<String> trustedServiceSources, String echoNumber, String playbackNumber,
                          int authFailureLimit, Duration authFailureWindow, Duration authBlockDuration,
                          Duration minRegistration, Duration maxRegistration,
                          Duration noAnswerTimeout, Duration rtpTimeout, List<String> digestAlgorithms) {
        this(bindAddress, port, mediaAddress, rtpPortMin, rtpPortMax, realm, trustedServiceSources, echoNumber,
                playbackNumber, authFailureLimit, authFailureWindow, authBlockDuration, minRegistration, maxRegistration,
                noAnswerTimeout, rtpTimeout, digestAlgorithms, Duration.ofMinutes(30), Duration.ofSeconds(90));
    }

    /** Session timers (RFC 4028): the interval we propose and our Min-SE. */
    public EngineSettings withSessionTimer(Duration expires, Duration minimum) {
        return new EngineSettings(bindAddress, port, mediaAddress, rtpPortMin, rtpPortMax, realm, trustedServiceSources,
                echoNumber, playbackNumber, authFailureLimit, authFailureWindow, authBlockDuration,
                minRegistration, maxRegistration, noAnswerTimeout, rtpTimeout, digestAlgorithms, expires, minimum);
    }

    public static EngineSettings defaults() {
        return new EngineSettings("0.0.0.0", 5060, null, 20000, 29999, "rexian", Set.of(), "*43", "*44",
                5, Duration.ofMinutes(1), Duration.ofMinutes(10),
                Duration.ofSeconds(60), Duration.ofHours(1),
                Duration.ofSeconds(30), Duration.ofSeconds(30), List.of("MD5"));
    }

    /** SIP (and media) on {@code address:port}. */
    public EngineSettings withAddress(String address, int newPort) {
        return new EngineSettings(address, newPort, address, rtpPortMin, rtpPortMax, realm, trustedServiceSources,
                echoNumber, playbackNumber, authFailureLimit, authFailureWindow, authBlockDuration,
                minRegistration, maxRegistration, noAnswerTimeout, rtpTimeout, digestAlgorithms, sessionExpires, minSessionExpires);
    }

    public EngineSettings withRtpPorts(int min, int max) {
        return new EngineSettings(bindAddress, port, mediaAddress, min, max, realm, trustedServiceSources,
                echoNumber, playbackNumber, authFailureLimit, authFailureWindow, authBlockDuration,
                minRegistration, maxRegistration, noAnswerTimeout, rtpTimeout, digestAlgorithms, sessionExpires, minSessionExpires);
    }

    public EngineSettings withTrustedServiceSources(Set<String> sources) {
        return new EngineSettings(bindAddress, port, mediaAddress, rtpPortMin, rtpPortMax, realm, sources,
                echoNumber, playbackNumber, authFailureLimit, authFailureWindow, authBlockDuration,
                minRegistration, maxRegistration, noAnswerTimeout, rtpTimeout, digestAlgorithms, sessionExpires, minSessionExpires);
    }

    public EngineSettings withAuthBlocking(int limit, Duration window, Duration block) {
        return new EngineSettings(bindAddress, port, mediaAddress, rtpPortMin, rtpPortMax, realm, trustedServiceSources,
                echoNumber, playbackNumber, limit, window, block,
                minRegistration, maxRegistration, noAnswerTimeout, rtpTimeout, digestAlgorithms, sessionExpires, minSessionExpires);
    }

    public EngineSettings withTimeouts(Duration noAnswer, Duration rtp) {
        return new EngineSettings(bindAddress, port, mediaAddress, rtpPortMin, rtpPortMax, realm, trustedServiceSources,
                echoNumber, playbackNumber, authFailureLimit, authFailureWindow, authBlockDuration,
                minRegistration, maxRegistration, noAnswer, rtp, digestAlgorithms, sessionExpires, minSessionExpires);
    }

    public EngineSettings withDigestAlgorithms(List<String> algorithms) {
        return new EngineSettings(bindAddress, port, mediaAddress, rtpPortMin, rtpPortMax, realm, trustedServiceSources,
                echoNumber, playbackNumber, authFailureLimit, authFailureWindow, authBlockDuration,
                minRegistration, maxRegistration, noAnswerTimeout, rtpTimeout, algorithms, sessionExpires, minSessionExpires);
    }
}
