package io.rexian.callcenter.extension;

import io.rexian.telephony.TelephonyEngine;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    /** The phones registered for the extension now; empty when none or when the engine is off. */
    List<PhoneRegistration> phones(String number) {
        TelephonyEngine e = engine.getIfAvailable();
        return e == null ? List.of() : e.registrations(number).stream()
                .map(b -> new PhoneRegistration(b.contact(), b.sourceHost() + ":" + b.sourcePort() + " " + b.transport(),
                        b.userAgent(), b.expiresAt()))
                .toList();
    }

    /**
     * Drops the extension's live registrations once the surrounding transaction commits (a change
     * that is rolled back must not cut phones off): after a disable or new password, calls stop
     * reaching the phone at once instead of when its registration would have expired.
     */
    void dropRegistrationsAfterCommit(String number) {
        afterCommit(e -> e.unregister(number));
    }

    /** After a delete: its registrations and the engine's in-memory call features go too. */
    void forgetExtensionAfterCommit(String number) {
        afterCommit(e -> {
            e.unregister(number);
            e.features().forget(number);
        });
    }

    private void afterCommit(java.util.function.Consumer<TelephonyEngine> action) {
        TelephonyEngine e = engine.getIfAvailable();
        if (e == null) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.accept(e);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.accept(e);
            }
        });
    }

    Boolean registeredAtTrunk(String trunkName) {
        TelephonyEngine e = engine.getIfAvailable();
        return e == null ? null : e.isRegisteredAt(trunkName);
    }
}
