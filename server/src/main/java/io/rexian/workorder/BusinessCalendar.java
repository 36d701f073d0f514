package io.rexian.workorder;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Which hours count towards a deadline: working hours on working days, nothing on holidays,
 * and round the clock inside seasons such as the heating season (a heating failure on a
 * public holiday still counts). Immutable and thread-safe.
 *
 * @param zone          the utility's time zone
 * @param workStart     start of the working day
 * @param workEnd       end of the working day (after workStart)
 * @param workDays      ordinary working days of the week
 * @param holidays      days without business time (outside round-the-clock seasons)
 * @param extraWorkdays weekend days that are worked (调休)
 * @param roundTheClock seasons counted 24 hours a day, every day
 */
public record BusinessCalendar(ZoneId zone, LocalTime workStart, LocalTime workEnd, Set<DayOfWeek> workDays,
                               Set<LocalDate> holidays, Set<LocalDate> extraWorkdays, List<Season> roundTheClock) {

    private static final int MAX_DAYS = 3660;

    public BusinessCalendar {
        workDays = Set.copyOf(workDays);
        holidays = Set.copyOf(holidays);
        extraWorkdays = Set.copyOf(extraWorkdays);
        roundTheClock = List.copyOf(roundTheClock);
        if (!workEnd.isAfter(workStart)) {
            throw new IllegalArgumentException("working day must end after it starts");
        }
    }

    /** A yearly recurring range of days, possibly spanning New Year (e.g. 11-15 to 03-15), both ends included. */
    public record Season(MonthDay first, MonthDay last) {

        public boolean contains(LocalDate day) {
            MonthDay md = MonthDay.from(day);
            if (!first.isAfter(last)) {
                return !md.isBefore(first) && !md.isAfter(last);
            }
            return !md.isBefore(first) || !md.isAfter(last);
        }

        /** Parses "11-15..03-15". */
        public static Season parse(String text) {
            String[] ends = text.trim().split("\\.\\.");
            return new Season(MonthDay.parse("--" + ends[0].trim()), MonthDay.parse("--" + ends[1].trim()));
        }
    }

    /** The instant when {@code businessTime} of business time has passed after {@code from}. */
    public Instant plus(Instant from, Duration businessTime) {
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("negative business time");
        }
        Duration remaining = businessTime;
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            Instant[] open = openHours(day);
            if (open == null || !open[1].isAfter(from)) {
                continue;
            }
            Instant start = open[0].isAfter(from) ? open[0] : from;
            Duration available = Duration.between(start, open[1]);
            if (remaining.compareTo(available) <= 0) {
                return start.plus(remaining);
            }
            remaining = remaining.minus(available);
        }
        throw new IllegalStateException("calendar has no business time within " + MAX_DAYS + " days");
    }

    /** Business time between two instants; zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            Instant[] open = openHours(day);
            if (open == null) {
                continue;
            }
            Instant start = open[0].isAfter(from) ? open[0] : from;
            Instant end = open[1].isBefore(to) ? open[1] : to;
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    /** [start, end) of the business hours of a day, or null when the day has none. */
    private Instant[] openHours(LocalDate day) {
        if (roundTheClock.stream().anyMatch(s -> s.contains(day))) {
            return new Instant[] {day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant()};
        }
        boolean working = extraWorkdays.contains(day)
                || (workDays.contains(day.getDayOfWeek()) && !holidays.contains(day));
        if (!working) {
            return null;
        }
        return new Instant[] {day.atTime(workStart).atZone(zone).toInstant(), day.atTime(workEnd).atZone(zone).toInstant()};
    }
}
