package app.stempel.data;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.SplittableRandom;

/**
 * The rhythm of a small café over the demo period: how busy each day is (busier Fridays and
 * Saturdays, a quiet Sunday, a busy December, a quiet summer, closed on a few holidays) and when in
 * the day people come (opening hours 7–19, Sundays 9–16, peaks at breakfast and lunch). Days are
 * epoch days; times are seconds of the shop's local day.
 */
final class ShopCalendar {

    private static final double[] WEEKDAY = {0.9, 0.9, 1.0, 1.05, 1.3, 1.4, 0.6};
    private static final double[] MONTH = {0.85, 0.9, 1.0, 1.0, 1.0, 0.85, 0.7, 0.75, 1.0, 1.05, 1.1, 1.35};
    private static final int WEEKDAY_OPEN = 7;
    private static final int[] WEEKDAY_HOURS = {5, 9, 8, 6, 6, 9, 9, 6, 6, 8, 7, 4};
    private static final int SUNDAY_OPEN = 9;
    private static final int[] SUNDAY_HOURS = {6, 8, 9, 9, 8, 6, 4};

    private final long firstDay;
    private final long today;
    private final int nowSecond;
    private final double[] factor;
    private final double maxFactor;

    ShopCalendar(LocalDate first, LocalDate today, LocalTime now) {
        this.firstDay = first.toEpochDay();
        this.today = today.toEpochDay();
        this.nowSecond = now.toSecondOfDay();
        this.factor = new double[(int) (this.today - firstDay + 1)];
        double max = 0;
        for (int i = 0; i < factor.length; i++) {
            LocalDate d = first.plusDays(i);
            factor[i] = closed(d) ? 0 : WEEKDAY[d.getDayOfWeek().ordinal()] * MONTH[d.getMonthValue() - 1];
            max = Math.max(max, factor[i]);
        }
        this.maxFactor = max;
    }

    private static boolean closed(LocalDate d) {
        int m = d.getMonthValue();
        int day = d.getDayOfMonth();
        return (m == 12 && (day == 25 || day == 26)) || (m == 1 && day == 1);
    }

    long firstDay() {
        return firstDay;
    }

    long today() {
        return today;
    }

    /** How busy {@code day} is relative to an ordinary day; 0 when closed. */
    double factor(long day) {
        return factor[(int) (day - firstDay)];
    }

    double maxFactor() {
        return maxFactor;
    }

    boolean isOpen(long day) {
        return day >= firstDay && day <= today && factor(day) > 0;
    }

    /** Whether a moment lies in the past of the shop's clock. */
    boolean notAfterNow(long day, int second) {
        return day < today || (day == today && second <= nowSecond);
    }

    /**
     * A second of the day when a customer comes in: the member's preferred hour most of the time when
     * they have one and the shop is open then, otherwise drawn from the day's traffic curve.
     */
    int visitSecond(long day, int preferredHour, SplittableRandom r) {
        boolean sunday = LocalDate.ofEpochDay(day).getDayOfWeek() == DayOfWeek.SUNDAY;
        int open = sunday ? SUNDAY_OPEN : WEEKDAY_OPEN;
        int[] weights = sunday ? SUNDAY_HOURS : WEEKDAY_HOURS;
        int hour;
        if (preferredHour >= open && preferredHour < open + weights.length && r.nextInt(10) < 7) {
            hour = preferredHour;
        } else {
            hour = open + pick(weights, r);
        }
        return hour * 3600 + r.nextInt(3600);
    }

    /** An hour a regular might keep coming at. */
    int preferredHour(SplittableRandom r) {
        return WEEKDAY_OPEN + pick(WEEKDAY_HOURS, r);
    }

    private static int pick(int[] weights, SplittableRandom r) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
