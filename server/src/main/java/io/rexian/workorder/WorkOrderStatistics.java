package io.rexian.workorder;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.identity.TeamView;
import io.rexian.identity.Teams;
import io.rexian.platform.DomainException;
import io.rexian.platform.PlatformSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts and durations over the same filters and scoping as the search: by type, category,
 * team, state, day, month or a custom field; on-time rate and average times per group; and
 * callback satisfaction. Exportable to Excel.
 */
@Component
public class WorkOrderStatistics {

    private final JdbcClient jdbc;
    private final WorkOrderSearch search;
    private final PlatformSettings platform;
    private final Teams teams;

    WorkOrderStatistics(JdbcClient jdbc, WorkOrderSearch search, PlatformSettings platform, Teams teams) {
        this.jdbc = jdbc;
        this.search = search;
        this.platform = platform;
        this.teams = teams;
    }

    /**
     * One group. Times are averages in minutes (null when nothing to average); onTimeRate is
     * the share of work orders whose deadlines were all met, in percent.
     */
    public record Line(String group, long count, long closed, long overdue, Double onTimeRate,
                       Double avgMinutesToAccept, Double avgMinutesToOnSite, Double avgMinutesToClose,
                       long satisfied, long callbacks) {
    }

    /** @param groupBy TYPE, CATEGORY, TEAM, STATE, DAY, MONTH or cf.&lt;key&gt; for a custom field */
    public List<Line> byGroup(WorkOrderQuery filter, String groupBy, CurrentUser user) {
        user.require(Permission.WORKORDER_STATS);
        List<Object> params = new ArrayList<>();
        String group = groupExpression(groupBy, params, platform.timeZone().getId());
        String where = search.where(filter, user, params);
        return jdbc.sql("select " + group + """
                         as grp, count(*),
                          count(*) filter (where w.closed_at is not null),
                          count(*) filter (where w.overdue),
                          100.0 * count(*) filter (where w.closed_at is not null and not w.overdue)
                                / nullif(count(*) filter (where w.closed_at is not null), 0),
                          avg(extract(epoch from w.accepted_at - w.received_at) / 60),
                          avg(extract(epoch from w.on_site_at - w.received_at) / 60),
                          avg(extract(epoch from w.closed_at - w.received_at) / 60),
                          count(*) filter (where w.callback_result in ('SATISFIED', 'BASICALLY_SATISFIED')),
                          count(*) filter (where w.callback_result is not null and w.callback_result <> 'UNREACHABLE')
                        from work_order w
                        left join wo_category c on c.id = w.category_id
                        where\s""" + where + " group by 1 order by 2 desc limit 500")
                .params(params)
                .query((rs, i) -> new Line(label(groupBy, rs.getString(1)), rs.getLong(2),
                        rs.getLong(3), rs.getLong(4), (Double) nullable(rs.getObject(5)),
                        (Double) nullable(rs.getObject(6)), (Double) nullable(rs.getObject(7)),
                        (Double) nullable(rs.getObject(8)), rs.getLong(9), rs.getLong(10)))
                .list();
    }

    /** Team groups show the team's name; empty groups show a dash. */
    private String label(String groupBy, String group) {
        if (group == null) {
            return "-";
        }
        if ("TEAM".equals(groupBy)) {
            return teams.find(Long.parseLong(group)).map(TeamView::name).orElse("#" + group);
        }
        return group;
    }

    /** The lines as an .xlsx workbook; headers in the caller's language. */
    public byte[] toExcel(List<Line> lines, List<String> headers) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("statistics");
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                head.createCell(i).setCellValue(headers.get(i));
            }
            int r = 1;
            for (Line l : lines) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(l.group());
                row.createCell(1).setCellValue(l.count());
                row.createCell(2).setCellValue(l.closed());
                row.createCell(3).setCellValue(l.overdue());
                number(row, 4, l.onTimeRate());
                number(row, 5, l.avgMinutesToAccept());
                number(row, 6, l.avgMinutesToOnSite());
                number(row, 7, l.avgMinutesToClose());
                row.createCell(8).setCellValue(l.satisfied());
                row.createCell(9).setCellValue(l.callbacks());
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(Row row, int col, Double value) {
        if (value != null) {
            row.createCell(col).setCellValue(Math.round(value * 10) / 10.0);
        }
    }

    private static Object nullable(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    private static String groupExpression(String groupBy, List<Object> params, String zone) {
        String g = groupBy == null ? "TYPE" : groupBy;
        if (g.startsWith("cf.")) {
            String key = g.substring(3);
            if (!key.matches("[a-zA-Z][a-zA-Z0-9_]{0,39}")) {
                throw DomainException.invalid("workorder.custom.badKey", key);
            }
            params.add(key);
            return "w.custom_fields ->> ?";
        }
        return switch (g) {
            case "TYPE" -> "w.type_code";
            case "CATEGORY" -> "c.name";
            case "TEAM" -> "w.team_id::text";
            case "STATE" -> "w.state";
            case "DAY", "MONTH" -> {
                params.add(zone);
                yield "to_char(w.received_at at time zone ?, '" + (g.equals("DAY") ? "YYYY-MM-DD" : "YYYY-MM") + "')";
            }
            default -> throw DomainException.invalid("workorder.stats.badGroup", g);
        };
    }
}
