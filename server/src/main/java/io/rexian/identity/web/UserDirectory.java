package io.rexian.identity.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The searchable, paged user list of the administration pages. */
@Component
class UserDirectory {

    static final int PAGE_SIZE = 20;

    record Row(long id, String username, String displayName, String mobile, String teamName, String sipExtension,
               String roles, boolean enabled, boolean locked, boolean mustChangePassword) {
    }

    record Page(List<Row> rows, int page, int pages, long total) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    UserDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private boolean locked(Timestamp lockedUntil) {
        return lockedUntil != null && lockedUntil.toInstant().isAfter(clock.instant());
    }

    Page search(String query, int page) {
        String q = query == null ? "" : query.trim();
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String where = " where (:q = '' or u.username ilike :like or u.display_name ilike :like"
                + " or coalesce(u.mobile, '') ilike :like or coalesce(u.sip_extension, '') = :q)";
        long total = jdbc.sql("select count(*) from identity_user u" + where)
                .param("q", q).param("like", like).query(Long.class).single();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        List<Row> rows = jdbc.sql("""
                select u.id, u.username, u.display_name, u.mobile, t.name team, u.sip_extension,
                       coalesce((select string_agg(r.name, '、' order by r.id) from identity_user_role ur
                                 join identity_role r on r.id = ur.role_id where ur.user_id = u.id), '') roles,
                       u.enabled, u.locked_until, u.must_change_password
                from identity_user u left join org_unit t on t.id = u.team_id""" + where
                        + " order by u.username limit :limit offset :offset")
                .param("q", q).param("like", like).param("limit", PAGE_SIZE).param("offset", (current - 1) * PAGE_SIZE)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8),
                        locked(rs.getTimestamp(9)), rs.getBoolean(10)))
                .list();
        return new Page(rows, current, pages, total);
    }
}
