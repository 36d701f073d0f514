package io.rexian.notify;

import java.util.List;
import org.springframework.stereotype.Component;

/** Sends a notification on every configured channel. Thread-safe. */
@Component
public class Notifications {

    private final List<Notifier> channels;

    Notifications(List<Notifier> channels) {
        this.channels = List.copyOf(channels);
    }

    public void send(Notification notification) {
        channels.forEach(channel -> channel.send(notification));
    }
}
