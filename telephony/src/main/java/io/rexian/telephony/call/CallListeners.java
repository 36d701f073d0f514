package io.rexian.telephony.call;

import io.rexian.telephony.CallEvent;
import io.rexian.telephony.CallEventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The application's {@link CallEventListener}s and how events reach them (after the task that caused them). */
final class CallListeners {

    /** Same category as before SipCalls was split, so log configuration and filters keep working. */
    private static final Logger log = LoggerFactory.getLogger(SipCalls.class);

    private final List<CallEventListener> listeners = new CopyOnWriteArrayList<>();

    void addListener(CallEventListener listener) {
        listeners.add(listener);
    }

    /**
     * Delivers an event to the listeners after the current call task, so they see the call in a
     * consistent state and may command it (their commands then run at once, on this executor).
     */
    void emit(CallEvent event) {
        if (!SerialExecutor.deferToEndOfTask(() -> deliver(event))) {
            deliver(event);
        }
    }

    private void deliver(CallEvent event) {
        for (CallEventListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("call event listener failed", e);
            }
        }
    }
}
