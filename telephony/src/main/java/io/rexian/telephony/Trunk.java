package io.rexian.telephony;

import java.util.Map;

/**
 * A carrier connection. Inbound: INVITEs whose source is {@code host} (and {@code port}, when not
 * 0) are trusted as this trunk and routed by the called number through {@code dids} (DID to
 * extension). Outbound: authenticated extensions dialling a number that starts with
 * {@code outboundPrefix} go out here with the prefix removed, answering the carrier's digest
 * challenge with {@code username}/{@code password} when given. With {@code register} the
 * engine registers {@code username} at the carrier.
 */
public record Trunk(String name, String host, int port, Map<String, String> dids, String outboundPrefix,
                    String username, String password, boolean register) {

    public Trunk {
        dids = Map.copyOf(dids);
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("trunk " + name + " needs a host");
        }
    }

    /** True when a request from this address comes from the trunk. */
    public boolean isSource(String sourceHost, int sourcePort) {
        return host.equals(sourceHost) && (port == 0 || port == sourcePort);
    }

    /** The number to send to the carrier, or null when this trunk does not carry {@code dialled}. */
    public String outboundNumber(String dialled) {
        if (outboundPrefix == null || !dialled.startsWith(outboundPrefix) || dialled.length() == outboundPrefix.length()) {
            return null;
        }
        return dialled.substring(outboundPrefix.length());
    }

    public int portOrDefault() {
        return port == 0 ? 5060 : port;
    }
}
