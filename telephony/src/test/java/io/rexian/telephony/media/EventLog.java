package io.rexian.telephony.media;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that keeps every event, for assertions. */
final class EventLog implements MediaListener {

    final List<MediaEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(MediaSession session, MediaEvent event) {
        events.add(event);
    }

    String digits() {
        StringBuilder sb = new StringBuilder();
        for (MediaEvent e : events) {
            if (e instanceof MediaEvent.DigitReceived d) {
                sb.append(d.digit());
            }
        }
        return sb.toString();
    }

    <T extends MediaEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
