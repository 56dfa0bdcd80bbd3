package app.stempel.reports;

import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The days a report covers, {@code from} to {@code to}, both included, in the shop's time zone. The
 * presets end today: this month from its first day, the last 3 or 12 months from the first day of the
 * month two or eleven months back; a calendar year ends on 31 December or today, whichever comes first.
 */
public record Period(LocalDate from, LocalDate to) {

    /** The choices of the period selector. */
    public enum Choice {
        THIS_MONTH, LAST_3_MONTHS, LAST_12_MONTHS, YEAR, CUSTOM
    }

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
    }

    public static Period thisMonth(LocalDate today) {
        return new Period(today.withDayOfMonth(1), today);
    }

    public static Period lastMonths(int months, LocalDate today) {
        return new Period(today.withDayOfMonth(1).minusMonths(months - 1L), today);
    }

    public static Period year(Year year, LocalDate today) {
        LocalDate end = year.atMonth(12).atEndOfMonth();
        return new Period(year.atDay(1), end.isAfter(today) && !year.atDay(1).isAfter(today) ? today : end);
    }

    /** The preset {@code choice} as of {@code today}; CUSTOM and YEAR need their own arguments. */
    public static Period of(Choice choice, LocalDate today) {
        switch (choice) {
            case THIS_MONTH:
                return thisMonth(today);
            case LAST_3_MONTHS:
                return lastMonths(3, today);
            case LAST_12_MONTHS:
                return lastMonths(12, today);
            case YEAR:
                return year(Year.from(today), today);
            default:
                throw new IllegalArgumentException("a custom period needs its days");
        }
    }

    /** Number of days in the period. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Whether the charts count per week (periods up to about three months) rather than per month. */
    public boolean weekly() {
        return days() <= 93;
    }
}
