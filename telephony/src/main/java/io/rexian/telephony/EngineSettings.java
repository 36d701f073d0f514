package io.rexian.telephony;

import java.time.Duration;
import java.util.Set;

/**
 * How the engine listens and guards itself. {@code port} 0 is not allowed (UDP and TCP
 * share one port); every field has a default in {@link #defaults()}.
 *
 * @param trustedServiceSources source IP addresses whose calls may reach the test
 *        services (echo, playback) without authentication, e.g. 127.0.0.1 in demo mode
 * @param authFailureLimit failed digest attempts from one address before it is blocked
 * @param sessionExpiry calls without any sign of life (no RTP, no refresh) for this long are cleared
 */
public record EngineSettings(String bindAddress, int port, String realm,
                             Set<String> trustedServiceSources, String echoNumber, String playbackNumber,
                             int authFailureLimit, Duration authFailureWindow, Duration authBlockDuration,
                             Duration minRegistration, Duration maxRegistration,
                             Duration noAnswerTimeout, Duration sessionExpiry, String mediaAddress) {

    public EngineSettings {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("SIP port must be 1..65535, was " + port);
        }
        trustedServiceSources = Set.copyOf(trustedServiceSources);
        if (mediaAddress == null || mediaAddress.isBlank()) {
            mediaAddress = bindAddress.equals("0.0.0.0") ? "127.0.0.1" : bindAddress;
        }
    }

    public static EngineSettings defaults() {
        return new EngineSettings("0.0.0.0", 5060, "rexian", Set.of(), "*43", "*44",
                5, Duration.ofMinutes(1), Duration.ofMinutes(10),
                Duration.ofSeconds(60), Duration.ofHours(1),
                Duration.ofSeconds(30), Duration.ofMinutes(30), null);
    }

    public EngineSettings withAddress(String address, int newPort) {
        return new EngineSettings(address, newPort, realm, trustedServiceSources, echoNumber, playbackNumber,
                authFailureLimit, authFailureWindow, authBlockDuration, minRegistration, maxRegistration,
                noAnswerTimeout, sessionExpiry, address);
    }

    public EngineSettings withTrustedServiceSources(Set<String> sources) {
        return new EngineSettings(bindAddress, port, realm, sources, echoNumber, playbackNumber,
                authFailureLimit, authFailureWindow, authBlockDuration, minRegistration, maxRegistration,
                noAnswerTimeout, sessionExpiry, mediaAddress);
    }

    public EngineSettings withAuthBlocking(int limit, Duration window, Duration block) {
        return new EngineSettings(bindAddress, port, realm, trustedServiceSources, echoNumber, playbackNumber,
                limit, window, block, minRegistration, maxRegistration,
                noAnswerTimeout, sessionExpiry, mediaAddress);
    }

    public EngineSettings withNoAnswerTimeout(Duration timeout) {
        return new EngineSettings(bindAddress, port, realm, trustedServiceSources, echoNumber, playbackNumber,
                authFailureLimit, authFailureWindow, authBlockDuration, minRegistration, maxRegistration,
                timeout, sessionExpiry, mediaAddress);
    }
}
