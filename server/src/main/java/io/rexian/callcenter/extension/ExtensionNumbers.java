package io.rexian.callcenter.extension;

import io.rexian.callcenter.SipSettings;
import io.rexian.platform.DomainException;
import io.rexian.telephony.EngineSettings;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Which numbers may become an extension: 3 to 10 digits that the engine does not already
 * answer itself. A phone dialling a service number or a park slot reaches that feature and
 * never the extension, so such an extension could not be called; nor may a number start with
 * a trunk's outbound prefix.
 */
@Component
class ExtensionNumbers {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{3,10}");

    /**
     * The engine's park slots. {@code CallControl.park} documents 701..720 but the engine exposes
     * no constant or setting for them, so the range is repeated here.
     */
    static final int FIRST_PARK_SLOT = 701;
    static final int LAST_PARK_SLOT = 720;

    private final Set<String> serviceNumbers;
    private final List<SipSettings.TrunkSettings> trunks;

    ExtensionNumbers(SipSettings sip) {
        // The server runs the engine with its default service numbers (see TelephonyConfig).
        EngineSettings engine = EngineSettings.defaults();
        this.serviceNumbers = Set.of(engine.echoNumber(), engine.playbackNumber());
        this.trunks = sip.trunks();
    }

    /** @throws DomainException INVALID naming the field when the number cannot be an extension */
    String check(String raw) {
        String number = raw == null ? "" : raw.strip();
        if (!DIGITS.matcher(number).matches()) {
            throw DomainException.invalid("callcenter.extension.error.numberFormat");
        }
        if (serviceNumbers.contains(number)) {
            throw DomainException.invalid("callcenter.extension.error.serviceNumber", number);
        }
        int value = number.length() == 3 ? Integer.parseInt(number) : -1;
        if (value >= FIRST_PARK_SLOT && value <= LAST_PARK_SLOT) {
            throw DomainException.invalid("callcenter.extension.error.parkSlot", number,
                    FIRST_PARK_SLOT + "–" + LAST_PARK_SLOT);
        }
        // The engine rings a registered extension before trying trunks, but an offline one whose
        // number starts with an outbound prefix would be dialled at the carrier instead.
        for (SipSettings.TrunkSettings trunk : trunks) {
            String prefix = trunk.outboundPrefix();
            if (prefix != null && !prefix.isBlank() && number.startsWith(prefix)) {
                throw DomainException.invalid("callcenter.extension.error.outboundPrefix", number, prefix,
                        trunk.name() == null ? trunk.host() : trunk.name());
            }
        }
        return number;
    }
}
