package io.rexian.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    final BusinessCalendar office = new BusinessCalendar(SHANGHAI, LocalTime.of(8, 30), LocalTime.of(17, 30), WEEKDAYS,
            Set.of(LocalDate.of(2026, 5, 1)), Set.of(LocalDate.of(2026, 5, 9)), List.of());

    @Test
    void fridayAfternoonDeadlineSkipsTheWeekendAndAHoliday() {
        // Thu 30 April 17:00 + 2h: 30 min on Thursday, Friday 1 May is a holiday, weekend off, Monday 4 May 10:00
        assertThat(office.plus(at("2026-04-30T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-05-04T10:00"));
        assertThat(office.between(at("2026-04-30T17:00"), at("2026-05-04T10:00"))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void workedSaturdayCountsAndNightsDoNot() {
        // Saturday 9 May is a make-up working day (调休)
        assertThat(office.plus(at("2026-05-08T17:00"), Duration.ofHours(1))).isEqualTo(at("2026-05-09T09:00"));
        assertThat(office.plus(at("2026-05-07T03:00"), Duration.ofMinutes(30))).isEqualTo(at("2026-05-07T09:00"));
    }

    @Test
    void heatingSeasonRunsRoundTheClockEvenOnHolidays() {
        BusinessCalendar heating = new BusinessCalendar(SHANGHAI, LocalTime.of(8, 30), LocalTime.of(17, 30), WEEKDAYS,
                Set.of(LocalDate.of(2026, 1, 1)), Set.of(), List.of(BusinessCalendar.Season.parse("11-15..03-15")));
        assertThat(heating.plus(at("2025-12-31T23:00"), Duration.ofHours(2))).isEqualTo(at("2026-01-01T01:00"));
        // outside the season office hours apply again
        assertThat(heating.plus(at("2026-03-15T23:00"), Duration.ofHours(2))).isEqualTo(at("2026-03-16T09:30"));
    }
}
