package io.rexian.notify;

import java.util.List;

/**
 * A message for one user. The text is a message-bundle key plus arguments so that each
 * channel renders it in the recipient's language.
 *
 * @param recipientUserId identity user id
 * @param messageKey      bundle key, e.g. {@code workorder.notify.transferred}
 * @param args            plain-text arguments of the message, never null
 * @param link            path inside Rexian to open, or null
 */
public record Notification(long recipientUserId, String messageKey, List<String> args, String link) {

    public Notification {
        args = List.copyOf(args);
    }
}
