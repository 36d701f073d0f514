package io.rexian.notify;

/**
 * SPI of one delivery channel (in-app, SMS, e-mail, WeChat). Called inside the sender's
 * transaction: a channel that talks to the outside world should queue and send after commit.
 */
public interface Notifier {

    void send(Notification notification);
}
