package io.rexian.telephony;

/** Receives call events. Called on the call's own serial executor: return quickly. */
@FunctionalInterface
public interface CallEventListener {

    void onEvent(CallEvent event);
}
