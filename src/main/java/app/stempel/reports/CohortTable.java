package app.stempel.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the monthly cohorts of {@code from..to} from one person's visit days at a time (see
 * {@link CohortReport} for the definitions). Each month is counted once per person however many visits
 * it holds.
 */
final class CohortTable {

    /** Epoch day → month number (year × 12 + month − 1), for the days of 1970 to 2149. */
    private static final int[] MONTH_OF_DAY;
    static {
        int days = (int) LocalDate.of(2150, 1, 1).toEpochDay();
        MONTH_OF_DAY = new int[days];
        LocalDate d = LocalDate.ofEpochDay(0);
        for (int i = 0; i < days; i++, d = d.plusDays(1)) {
            MONTH_OF_DAY[i] = d.getYear() * 12 + d.getMonthValue() - 1;
        }
    }

    private final int from;
    private final int to;
    private final int[] sizes;
    private final int[][] retained;

    CohortTable(YearMonth from, YearMonth to) {
        this.from = index(from);
        this.to = index(to);
        int months = this.to - this.from + 1;
        this.sizes = new int[Math.max(0, months)];
        this.retained = new int[Math.max(0, months)][CohortReport.MONTHS];
    }

    static int month(int epochDay) {
        if (epochDay >= 0 && epochDay < MONTH_OF_DAY.length) {
            return MONTH_OF_DAY[epochDay];
        }
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        return d.getYear() * 12 + d.getMonthValue() - 1;
    }

    /** Adds one person, visits {@code days[0..n)} oldest first. */
    void add(long id, int[] days, int n, long spend) {
        int cohort = month(days[0]);
        if (cohort < from || cohort > to) {
            return;
        }
        int row = cohort - from;
        sizes[row]++;
        int counted = -1;
        for (int i = 0; i < n; i++) {
            int k = month(days[i]) - cohort;
            if (k >= CohortReport.MONTHS) {
                break;
            }
            if (k != counted) {
                retained[row][k]++;
                counted = k;
            }
        }
    }

    /** The cohorts with members,, oldest first. */
    List<CohortReport.Cohort> cohorts() {
        List<CohortReport.Cohort> out = new ArrayList<>();
        for (int row = 0; row < sizes.length; row++) {
            if (sizes[row] > 0) {
                int m = from + row;
                out.add(new CohortReport.Cohort(YearMonth.of(m / 12, m % 12 + 1), sizes[row], retained[row].clone()));
            }
        }
        return out;
    }

    private static int index(YearMonth m) {
        return m.getYear() * 12 + m.getMonthValue() - 1;
    }
}
