package io.rexian.identity;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Keeps what identity logs while the test context starts (the first-start banner). */
final class StartupLog {

    private static final ListAppender<ILoggingEvent> APPENDER = new ListAppender<>();

    private StartupLog() {
    }

    static synchronized void attach() {
        if (!APPENDER.isStarted()) {
            APPENDER.start();
            ((Logger) LoggerFactory.getLogger("io.rexian.identity")).addAppender(APPENDER);
        }
    }

    static List<String> messages() {
        return APPENDER.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
