package io.rexian.telephony.call;

import io.rexian.telephony.EngineSettings;
import io.rexian.telephony.ExtensionCredentials;
import io.rexian.telephony.ExtensionFeatures;
import io.rexian.telephony.Trunk;
import io.rexian.telephony.registrar.Registrations;
import java.util.Collection;
import java.util.Set;

/**
 * What a number given to the call-control API reaches: a registered (or forwarded) extension, an
 * application number, a test service, or an outside number through a trunk. The application is
 * trusted, so unlike a SIP caller it may reach the trunks without authentication.
 */
final class Destinations {

    enum Kind { EXTENSION, APPLICATION, SERVICE, TRUNK }

    /**
     * A resolved number: {@code number} is what to dial (for a trunk: without its prefix); or, when
     * {@code kind} is null, unreachable for the command failure {@code reason}.
     */
    record Destination(Kind kind, String number, Trunk trunk, String reason) {

        static Destination of(Kind kind, String number) {
            return new Destination(kind, number, null, null);
        }

        static Destination unreachable(String reason) {
            return new Destination(null, null, null, reason);
        }

        boolean reachable() {
            return kind != null;
        }
    }

    private final EngineSettings settings;
    private final Registrations registrations;
    private final ExtensionFeatures features;
    private final ExtensionCredentials credentials;
    private final Set<String> applicationNumbers;
    private final Collection<Trunk> trunks;

    Destinations(EngineSettings settings, Registrations registrations, ExtensionFeatures features,
                 ExtensionCredentials credentials, Set<String> applicationNumbers, Collection<Trunk> trunks) {
        this.settings = settings;
        this.registrations = registrations;
        this.features = features;
        this.credentials = credentials;
        this.applicationNumbers = applicationNumbers;
        this.trunks = trunks;
    }

    /**
     * Resolves {@code number}. Reasons: {@code not-registered} (a known extension with no phone online),
     * {@code no-trunk} (no extension, and no trunk is configured for outside numbers),
     * {@code unknown-target} (no extension, and no trunk carries the number).
     */
    Destination resolve(String number) {
        if (number == null || number.isBlank()) {
            return Destination.unreachable("unknown-target");
        }
        if (applicationNumbers.contains(number)) {
            return Destination.of(Kind.APPLICATION, number);
        }
        if (number.equals(settings.echoNumber()) || number.equals(settings.playbackNumber())) {
            return Destination.of(Kind.SERVICE, number);
        }
        if (registrations.isRegistered(number) || features.forward(number, ExtensionFeatures.Forward.ALWAYS).isPresent()) {
            return Destination.of(Kind.EXTENSION, number);
        }
        if (credentials.find(number).isPresent()) {
            return Destination.unreachable("not-registered");
        }
        for (Trunk trunk : trunks) {
            String outside = trunk.outboundNumber(number);
            if (outside != null) {
                return new Destination(Kind.TRUNK, outside, trunk, null);
            }
        }
        return Destination.unreachable(trunks.isEmpty() ? "no-trunk" : "unknown-target");
    }
}
