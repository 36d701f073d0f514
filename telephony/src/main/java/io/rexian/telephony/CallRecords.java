package io.rexian.telephony;

/**
 * SPI: receives a record of every finished call, on a virtual thread (may block on a
 * database). Exceptions are logged and otherwise ignored: a lost record never breaks a call.
 */
@FunctionalInterface
public interface CallRecords {

    void save(CallDetailRecord call);

    CallRecords DISCARD = call -> { };
}
