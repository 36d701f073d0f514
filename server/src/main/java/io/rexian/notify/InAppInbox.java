package io.rexian.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The built-in channel: messages wait in the user's inbox inside Rexian until read. */
@Component
public class InAppInbox implements Notifier {

    /** Separates arguments in one column; it never occurs in typed text. */
    private static final String SEPARATOR = "\u001f";

    private final JdbcClient jdbc;
    private final Clock clock;

    InAppInbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One inbox message as stored. */
    public record Message(long id, String messageKey, List<String> args, String link, Instant createdAt, Instant readAt) {
    }

    @Override
    public void send(Notification n) {
        jdbc.sql("insert into notify_inbox (user_id, message_key, args, link, created_at) values (?, ?, ?, ?, ?)")
                .params(n.recipientUserId(), n.messageKey(), String.join(SEPARATOR, n.args()), n.link(),
                        java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    /** Newest first. */
    public List<Message> of(long userId, int limit) {
        return jdbc.sql("""
                        select id, message_key, args, link, created_at, read_at from notify_inbox
                        where user_id = ? order by created_at desc, id desc limit ?""")
                .params(userId, limit)
                .query((rs, i) -> new Message(rs.getLong("id"), rs.getString("message_key"),
                        rs.getString("args").isEmpty() ? List.of() : Arrays.asList(rs.getString("args").split(SEPARATOR, -1)),
                        rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant()))
                .list();
    }

    public int unread(long userId) {
        return jdbc.sql("select count(*) from notify_inbox where user_id = ? and read_at is null")
                .param(userId).query(Integer.class).single();
    }

    /** Marks all of a user's messages read; only his own rows are touched. */
    public void markAllRead(long userId) {
        jdbc.sql("update notify_inbox set read_at = ? where user_id = ? and read_at is null")
                .params(java.sql.Timestamp.from(clock.instant()), userId).update();
    }
}
