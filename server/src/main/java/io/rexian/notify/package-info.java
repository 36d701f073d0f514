/**
 * Outgoing notifications. Other modules send a {@link io.rexian.notify.Notification} through
 * {@link io.rexian.notify.Notifications}; every {@link io.rexian.notify.Notifier} bean (the
 * built-in in-app inbox today; SMS, e-mail and WeChat later) delivers it on its channel.
 */
package io.rexian.notify;
