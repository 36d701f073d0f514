package io.rexian.callcenter.extension;

import io.rexian.telephony.TelephonyEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the running engine knows right now. Null answers mean "unknown": the engine is off
 * ({@code rexian.sip.enabled=false}), so pages show a dash rather than a wrong "not registered".
 */
@Component
class EngineStatus {

    private final ObjectProvider<TelephonyEngine> engine;

    EngineStatus(ObjectProvider<TelephonyEngine> engine) {
        this.engine = engine;
    }

    boolean running() {
        return engine.getIfAvailable() != null;
    }

    Boolean extensionRegistered(String number) {
        TelephonyEngine e = engine.getIfAvailable();
        return e == null ? null : e.isRegistered(number);
    }

    Boolean registeredAtTrunk(String trunkName) {
        TelephonyEngine e = engine.getIfAvailable();
        return e == null ? null : e.isRegisteredAt(trunkName);
    }
}
