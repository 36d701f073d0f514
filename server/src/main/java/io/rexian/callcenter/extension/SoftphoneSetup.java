package io.rexian.callcenter.extension;

import io.rexian.callcenter.SipSettings;
import io.rexian.platform.PlatformSettings;
import org.springframework.stereotype.Component;

/** What a person types into a softphone to register an extension, derived from {@code rexian.sip.*}. */
@Component
class SoftphoneSetup {

    /**
     * @param server    address phones send REGISTER to
     * @param port      SIP port (UDP and TCP)
     * @param realm     digest realm (some phones call it domain or auth realm)
     * @param transport transports the engine listens on
     */
    record Details(String server, int port, String realm, String transport, boolean engineEnabled) {
    }

    private final SipSettings sip;
    private final PlatformSettings platform;

    SoftphoneSetup(SipSettings sip, PlatformSettings platform) {
        this.sip = sip;
        this.platform = platform;
    }

    /**
     * @param requestHost the host name the browser used; phones reach the server the same way
     *                    when it listens on every interface and announces no address of its own
     */
    Details details(String requestHost) {
        String announced = sip.mediaAddress();
        if (announced == null || announced.isBlank()) {
            announced = sip.effectiveBindAddress(platform.demo());
        }
        if (announced.equals("0.0.0.0") || announced.equals("::")) {
            announced = requestHost;
        }
        return new Details(announced, sip.port(), sip.realm(), "UDP / TCP", sip.enabled());
    }
}
