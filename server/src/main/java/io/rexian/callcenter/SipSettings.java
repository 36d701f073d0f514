package io.rexian.callcenter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code rexian.sip.*}: where the telephony engine listens and how it guards itself.
 *
 * @param enabled           start the SIP/RTP engine with the server
 * @param bindAddress       SIP and RTP address; blank: 0.0.0.0, or 127.0.0.1 in demo mode
 * @param port              SIP port for UDP and TCP
 * @param mediaAddress      address announced in SIP and SDP; blank: the bind address (127.0.0.1 for 0.0.0.0)
 * @param rtpPortMin        lowest RTP port
 * @param rtpPortMax        highest RTP port
 * @param realm             digest realm; stored HA1 hashes depend on it, so changing it needs new passwords
 * @param digestAlgorithms  challenges offered (MD5, SHA-256), most preferred first
 * @param authFailureLimit  failed logins from one address before it is blocked
 * @param authFailureWindow period the failures are counted in
 * @param authBlock         how long a blocked address stays blocked
 * @param noAnswerTimeout   ringing time before an unanswered call is given up
 * @param rtpTimeout        silence after which an answered call is cleared as dead
 * @param sessionExpires    RFC 4028 session interval proposed to phones that support timers but ask for none
 * @param minSessionExpires our Min-SE: shorter session intervals are refused with 422 (RFC minimum 90 s)
 * @param trunks            carrier trunks (none by default)
 */
@ConfigurationProperties("rexian.sip")
public record SipSettings(
        @DefaultValue("true") boolean enabled,
        String bindAddress,
        @DefaultValue("5060") int port,
        String mediaAddress,
        @DefaultValue("20000") int rtpPortMin,
        @DefaultValue("29999") int rtpPortMax,
        @DefaultValue("rexian") String realm,
        @DefaultValue("MD5") List<String> digestAlgorithms,
        @DefaultValue("5") int authFailureLimit,
        @DefaultValue("1m") Duration authFailureWindow,
        @DefaultValue("10m") Duration authBlock,
        @DefaultValue("30s") Duration noAnswerTimeout,
        @DefaultValue("30s") Duration rtpTimeout,
        @DefaultValue("30m") Duration sessionExpires,
        @DefaultValue("90s") Duration minSessionExpires,
        List<TrunkSettings> trunks) {

    public SipSettings {
        trunks = trunks == null ? List.of() : List.copyOf(trunks);
    }

    /**
     * A carrier trunk ({@code rexian.sip.trunks[0].*}).
     *
     * @param name           shown in logs and call records
     * @param host           the carrier's SIP address; INVITEs from it are trusted as this trunk
     * @param port           the carrier's SIP port, 0 for any source port (5060 when calling out)
     * @param dids           called number (DID) → extension or service number it rings
     * @param outboundPrefix authenticated extensions dialling this prefix go out here, prefix removed
     * @param username       account at the carrier, for its digest challenges and registration
     * @param password       password at the carrier
     * @param register       register {@code username} at the carrier
     */
    public record TrunkSettings(String name, String host, @DefaultValue("0") int port, Map<String, String> dids,
                                String outboundPrefix, String username, String password,
                                @DefaultValue("false") boolean register) {

        public TrunkSettings {
            dids = dids == null ? Map.of() : Map.copyOf(dids);
        }
    }

    /** The address to bind: configured, else loopback in demo mode and every interface otherwise. */
    public String effectiveBindAddress(boolean demo) {
        if (bindAddress != null && !bindAddress.isBlank()) {
            return bindAddress;
        }
        return demo ? "127.0.0.1" : "0.0.0.0";
    }
}
