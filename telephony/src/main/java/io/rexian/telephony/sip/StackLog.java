package io.rexian.telephony.sip;

import gov.nist.core.ServerLogger;
import gov.nist.core.StackLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the NIST stack's logging to SLF4J. Without it the stack looks for log4j 1.2 and
 * fails to start. Message traces go to the {@code io.rexian.telephony.sip.wire} logger at TRACE.
 */
public final class StackLog implements StackLogger, ServerLogger {

    private static final Logger log = LoggerFactory.getLogger("io.rexian.telephony.sip.stack");
    private static final Logger wire = LoggerFactory.getLogger("io.rexian.telephony.sip.wire");

    public StackLog() {
    }

    @Override public void logStackTrace() { }
    @Override public void logStackTrace(int level) { }
    @Override public int getLineCount() { return 0; }
    @Override public void logException(Throwable t) { log.debug("stack exception", t); }
    @Override public void logDebug(String message) { log.debug(message); }
    @Override public void logDebug(String message, Exception e) { log.debug(message, e); }
    @Override public void logTrace(String message) { log.trace(message); }
    @Override public void logFatalError(String message) { log.warn(shorten(message)); }
    // Peers control these texts (the stack quotes whole packets): keep them short.
    @Override public void logError(String message) { log.debug(shorten(message)); }
    @Override public void logError(String message, Exception e) { log.debug("{}: {}", shorten(message), e.toString()); }
    @Override public void logWarning(String message) { log.info(message); }
    @Override public void logInfo(String message) { log.debug(message); }
    @Override public void disableLogging() { }
    @Override public void enableLogging() { }
    @Override public void setBuildTimeStamp(String stamp) { }
    @Override public void setStackProperties(Properties properties) { }
    @Override public String getLoggerName() { return log.getName(); }

    @Override
    public boolean isLoggingEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int level) {
        // The stack builds expensive strings when this says yes: only say yes when they would be written.
        if (level <= TRACE_ERROR) {
            return true;
        }
        if (level <= TRACE_WARN) {
            return log.isInfoEnabled();
        }
        return log.isDebugEnabled();
    }

    // ServerLogger: one line per message when the wire logger is on.
    @Override public void closeLogFile() { }
    @Override public void logMessage(SIPMessage m, String from, String to, boolean sender, long time) { trace(m, from, to, sender); }
    @Override public void logMessage(SIPMessage m, String from, String to, String status, boolean sender, long time) { trace(m, from, to, sender); }
    @Override public void logMessage(SIPMessage m, String from, String to, String status, boolean sender) { trace(m, from, to, sender); }
    @Override public void logException(Exception e) { log.debug("stack exception", e); }
    @Override public void setSipStack(SipStack stack) { }

    private static String shorten(String message) {
        return message == null || message.length() <= 200 ? message : message.substring(0, 200) + "...";
    }

    private static void trace(SIPMessage message, String from, String to, boolean sender) {
        if (wire.isTraceEnabled()) {
            wire.trace("{} {} -> {}\n{}", sender ? "sent" : "received", from, to, message);
        }
    }
}
