package io.rexian.telephony.sip;

import java.util.Map;
import java.util.Optional;

/**
 * Why a request is refused before the stack and the calls see it: the status and reason phrase
 * of the stateless answer, and headers it must carry (e.g. Accept with a 415).
 */
record Defect(int status, String reason, Map<String, String> headers) {

    Defect(int status, String reason) {
        this(status, reason, Map.of());
    }

    static Optional<Defect> bad(String reason) {
        return Optional.of(new Defect(400, reason));
    }
}
