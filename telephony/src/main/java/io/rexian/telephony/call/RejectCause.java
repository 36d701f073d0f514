package io.rexian.telephony.call;

import io.rexian.telephony.CallDetailRecord.Disposition;
import java.util.Map;
import java.util.Optional;
import javax.sip.message.Response;

/** The causes {@code CallControl.reject} accepts and the SIP final response each one gives the caller. */
record RejectCause(String name, int status, Disposition disposition) {

    private static final Map<String, RejectCause> KNOWN = Map.of(
            "busy", new RejectCause("busy", Response.BUSY_HERE, Disposition.BUSY),
            "decline", new RejectCause("decline", Response.DECLINE, Disposition.REJECTED),
            "not-found", new RejectCause("not-found", Response.NOT_FOUND, Disposition.FAILED),
            "unavailable", new RejectCause("unavailable", Response.TEMPORARILY_UNAVAILABLE, Disposition.FAILED),
            "forbidden", new RejectCause("forbidden", Response.FORBIDDEN, Disposition.REJECTED),
            "congestion", new RejectCause("congestion", Response.SERVICE_UNAVAILABLE, Disposition.FAILED),
            "moved", new RejectCause("moved", Response.GONE, Disposition.FAILED));

    static Optional<RejectCause> of(String name) {
        return Optional.ofNullable(name == null ? null : KNOWN.get(name));
    }
}
