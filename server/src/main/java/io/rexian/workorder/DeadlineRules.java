package io.rexian.workorder;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import io.rexian.platform.PlatformSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Deadline rules by type, priority and phase, counted on the default business calendar. */
@Component
class DeadlineRules implements DeadlineSchedule {

    private final JdbcClient jdbc;
    private final PlatformSettings platform;

    DeadlineRules(JdbcClient jdbc, PlatformSettings platform) {
        this.jdbc = jdbc;
        this.platform = platform;
    }

    @Override
    public Optional<Due> due(String typeCode, String priority, DeadlinePhase phase, Instant start) {
        return jdbc.sql("select minutes, remind_before from wo_deadline_rule where type_code = ? and priority = ? and phase = ?")
                .params(typeCode, priority, phase.name())
                .query((rs, i) -> {
                    BusinessCalendar calendar = calendar();
                    Duration limit = Duration.ofMinutes(rs.getInt(1));
                    Instant due = calendar.plus(start, limit);
                    int before = rs.getInt(2);
                    Instant remind = before > 0 && before < rs.getInt(1)
                            ? calendar.plus(start, limit.minusMinutes(before)) : null;
                    return new Due(due, remind);
                })
                .optional();
    }

    @Override
    public Instant shift(Instant due, Instant pausedAt, Instant resumedAt) {
        BusinessCalendar calendar = calendar();
        return calendar.plus(resumedAt, calendar.between(pausedAt, due));
    }

    /** The default calendar; a plain office-hours calendar when none is configured. */
    BusinessCalendar calendar() {
        return jdbc.sql("select id, work_start, work_end, work_days, round_the_clock from wo_calendar order by is_default desc, id limit 1")
                .query((rs, i) -> {
                    long id = rs.getLong(1);
                    Set<java.time.LocalDate> holidays = new HashSet<>();
                    Set<java.time.LocalDate> extra = new HashSet<>();
                    jdbc.sql("select day, holiday from wo_calendar_day where calendar_id = ?").param(id)
                            .query((r, j) -> (r.getBoolean(2) ? holidays : extra).add(r.getDate(1).toLocalDate()))
                            .list();
                    Set<DayOfWeek> days = Arrays.stream(rs.getString(4).split(",")).map(String::trim)
                            .filter(s -> !s.isEmpty()).map(s -> DayOfWeek.of(Integer.parseInt(s)))
                            .collect(Collectors.toSet());
                    List<BusinessCalendar.Season> seasons = Arrays.stream(rs.getString(5).split(","))
                            .map(String::trim).filter(s -> !s.isEmpty()).map(BusinessCalendar.Season::parse).toList();
                    return new BusinessCalendar(platform.timeZone(), rs.getObject(2, LocalTime.class),
                            rs.getObject(3, LocalTime.class), days, holidays, extra, seasons);
                })
                .optional()
                .orElseGet(() -> new BusinessCalendar(platform.timeZone(), LocalTime.of(8, 30), LocalTime.of(17, 30),
                        Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                                DayOfWeek.FRIDAY), Set.of(), Set.of(), List.of()));
    }
}
