package io.rexian.telephony.call;

import io.rexian.telephony.CallDetailRecord.Disposition;
import io.rexian.telephony.EngineSettings;
import io.rexian.telephony.sip.SipTransport;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.ServerTransaction;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 4028 session timers on the call executor: the interval agreed on INVITE, re-INVITE and
 * UPDATE, our refreshes, and clearing a call whose session expired or could not be refreshed.
 */
final class SessionRefresh {

    /** Same category as before SipCalls was split, so log configuration and filters keep working. */
    private static final Logger log = LoggerFactory.getLogger(SipCalls.class);

    private final SipMessages messages;
    private final CallEnding ending;
    private final EngineSettings settings;
    private final ScheduledExecutorService timers;

    SessionRefresh(SipMessages messages, CallEnding ending, EngineSettings settings,
                   ScheduledExecutorService timers) {
        this.messages = messages;
        this.ending = ending;
        this.settings = settings;
        this.timers = timers;
    }

    private SipTransport sip() {
        return messages.sip();
    }

    /** (Re)starts the leg's session timer after a 2xx that carried it: our refresh, or the peer's deadline. */
    void armSession(Call call, Leg leg) {
        if (leg.sessionTask != null) {
            leg.sessionTask.cancel(false);
            leg.sessionTask = null;
        }
        SessionTimer timer = leg.session;
        if (timer == null || call.ended) {
            return;
        }
        Runnable task = timer.weRefresh() ? () -> refreshSession(call, leg) : () -> sessionLost(call, "session-expired");
        long delay = (timer.weRefresh() ? timer.refreshAfter() : timer.expiresAfter()).toMillis();
        leg.sessionTask = timers.schedule(() -> call.executor.execute(task), delay, TimeUnit.MILLISECONDS);
    }

    /** We are the refresher: an UPDATE without body keeps the session (and the peer's timer) alive. */
    private void refreshSession(Call call, Leg leg) {
        if (call.ended || leg.isEnded() || leg.dialog == null) {
            return;
        }
        try {
            Request update = leg.dialog.createRequest(Request.UPDATE);
            update.addHeader(sip().headers().createHeader("Session-Expires", leg.session.headerValue()));
            update.addHeader(sip().headers().createSupportedHeader("timer"));
            update.addHeader(messages.contact());
            leg.dialog.sendRequest(sip().provider().getNewClientTransaction(update));
        } catch (Exception e) {
            log.info("cannot refresh session of {}", leg.id, e);
            sessionLost(call, "session-refresh-failed");
        }
    }

    void onRefreshAnswered(Call call, Response response) {
        String sipCallId = ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId();
        Leg leg = call.bySipCallId(sipCallId);
        int status = response.getStatusCode();
        if (leg == null || leg.session == null || status < 200) {
            return;
        }
        if (status < 300) {
            armSession(call, leg);
        } else if (status == Response.REQUEST_TIMEOUT || status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST) {
            // RFC 4028 section 10: the session is gone on the far side.
            sessionLost(call, "session-refresh-failed");
        } else {
            // Any other refusal (e.g. 491, 405) still proves the peer alive: try again at the next half interval.
            armSession(call, leg);
        }
    }

    /** The session expired or could not be refreshed: BYE to everyone, as RFC 4028 section 10 asks. */
    void sessionLost(Call call, String cause) {
        if (call.ended) {
            return;
        }
        log.info("clearing call {}: {}", call.id, cause);
        ending.hangupLegs(call);
        ending.end(call, Disposition.ANSWERED, cause);
    }

    /** A peer's session refresh by UPDATE: answered with the interval agreed, timer restarted. */
    void onUpdate(Call call, Leg leg, Request request, ServerTransaction tx) {
        if (leg == null || leg.isEnded()) {
            messages.respond(tx, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        if (!renegotiateSession(call, leg, request, tx)) {
            return;
        }
        try {
            Response ok = sip().messages().createResponse(Response.OK, request);
            ok.addHeader(messages.contact());
            addSessionTimer(ok, leg.session);
            tx.sendResponse(ok);
            armSession(call, leg);
        } catch (Exception e) {
            log.debug("cannot answer UPDATE", e);
        }
    }

    /** Takes a refresh request's Session-Expires; false when it was refused with 422. */
    boolean renegotiateSession(Call call, Leg leg, Request request, ServerTransaction tx) {
        if (leg.session == null && request.getHeader("Session-Expires") == null) {
            return true;
        }
        try {
            SessionTimer asked = SessionTimer.negotiate(request, settings.sessionExpires(), settings.minSessionExpires())
                    .orElse(null);
            leg.session = asked != null ? asked : leg.session;
            return true;
        } catch (SessionTimer.TooSmall e) {
            respondIntervalTooBrief(tx, request);
            return false;
        }
    }

    void addSessionTimer(Response response, SessionTimer timer) throws java.text.ParseException {
        if (timer != null) {
            response.addHeader(sip().headers().createHeader("Session-Expires", timer.headerValue()));
            if (!timer.weRefresh()) {
                // The caller refreshes: it must know it has to (RFC 4028 section 9).
                response.addHeader(sip().headers().createRequireHeader("timer"));
            }
        }
    }

    void respondIntervalTooBrief(ServerTransaction tx, Request request) {
        try {
            Response r = sip().messages().createResponse(422, request);
            messages.tag(r);
            r.addHeader(sip().headers().createHeader("Min-SE", Long.toString(settings.minSessionExpires().toSeconds())));
            tx.sendResponse(r);
        } catch (Exception e) {
            log.debug("cannot send 422", e);
        }
    }
}
