package app.stempel.reports;

import java.time.YearMonth;

/**
 * The monthly cohort table, as analysts publish it for retail data: a member's cohort is the calendar
 * month of their first visit; the cohort's retention at month k is the number of its members with at
 * least one visit in calendar month cohort + k (k = 0 is everyone). A visit is a stamping or imported
 * purchase that nothing undid or voided; a member merged into another counts as that other person
 * (following {@code member.merged_into}); erased members keep their anonymous visits. Months are those
 * of the shop's time zone. {@link ReportService#cohorts} computes it from the report summaries.
 */
public final class CohortReport {

    /** Months after the cohort month that the table shows (0 to 12). */
    public static final int MONTHS = 13;

    /** One cohort: its month, its size and, for k = 0..12, how many of its members visited in month k. */
    public record Cohort(YearMonth month, int size, int[] retained) {
        /** The share of the cohort that visited in month {@code k}, 0 to 1. */
        public double share(int k) {
            return size == 0 ? 0 : (double) retained[k] / size;
        }
    }

    private CohortReport() {
    }
}
