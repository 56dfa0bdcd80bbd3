package app.stempel.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import app.stempel.program.Tier;

/**
 * Everything the Reports screen, {@code report summary} and the PDF show for one period, computed by
 * {@link ReportService#dashboard}. Figures a period cannot define (a share of nobody, an average of
 * nothing) are {@code null}, shown as a dash, never as 0. Money is in minor units of {@link #currency}.
 *
 * @param asOf the day the "as of" figures (active members, tiers, segments, at risk) are taken on: the
 *        period's last day, or today when the period reaches into the future
 * @param activeWindowDays a member is active on a day with a visit in the preceding this many days
 * @param visits visits per week or month of the period ({@link Period#weekly}), new and returning
 * @param cohorts the monthly cohorts of the 13 months ending with {@code asOf}'s month; a cell for a
 *        month after {@code asOf}'s is not known yet (see {@link #known})
 * @param active active members at the end of each bucket of {@link #visits}
 * @param tiers members with a visit in the program's tier window on {@code asOf}, by tier
 * @param nps the survey answers per calendar month of the period
 * @param segments every member with a visit up to {@code asOf}, by recency and frequency
 */
public record Dashboard(Period period, LocalDate asOf, Currency currency, int activeWindowDays, Tiles tiles,
        List<VisitBucket> visits, List<CohortReport.Cohort> cohorts, List<ActivePoint> active, Map<Tier, Integer> tiers,
        List<NpsPoint> nps, Map<Segment, Integer> segments) {

    /**
     * The tiles. Shares are 0 to 1.
     *
     * @param active members active on the period's last day ({@code asOf})
     * @param newMembers members whose first visit lies in the period
     * @param visits visits in the period
     * @param crr of the members active on the period's first day (a visit in the window before it), the
     *        share with a visit inside the period
     * @param rpr members with two or more visits in the period / members with at least one
     * @param visitsPerMember visits in the period / members with a visit in it
     * @param spendPerVisit amount spent / visits with an amount, in the period
     * @param clvHistorical everything spent up to {@code asOf} / members with a visit up to then
     * @param clvProjected spend per visit × visits per member and year × 1 / yearly churn, each over the
     *        year ending {@code asOf}
     * @param rewardsIssued cards that filled up in the period (stamps mode)
     * @param rewardsRedeemed rewards taken in the period: card rewards, points rewards, coupons, birthdays
     * @param liability open stamps and points valued in currency, now
     * @param nps % of answers 9–10 minus % of answers 0–6 in the period, −100 to 100
     * @param npsAnswers survey answers in the period (skipped offers not counted)
     */
    public record Tiles(int active, int newMembers, int visits, Double crr, Double rpr,
            Double visitsPerMember, Long spendPerVisit, Long clvHistorical, Long clvProjected, int rewardsIssued,
            int rewardsRedeemed, Long liability, Integer nps, int npsAnswers) {
        /** 1 − crr. */
        public Double churn() {
            return crr == null ? null : 1 - crr;
        }
    }

    /** Visits from {@code start} to {@code end} (both included) by members whose first visit is in the bucket, and by others. */
    public record VisitBucket(LocalDate start, LocalDate end, int newVisits, int returningVisits) {
        public int total() {
            return newVisits + returningVisits;
        }
    }

    public record ActivePoint(LocalDate day, int active) {
    }

    /** One month's survey answers and its NPS ({@code null} without answers). */
    public record NpsPoint(YearMonth month, int answers, int promoters, int detractors) {
        public Integer nps() {
            return answers == 0 ? null : Math.round(100f * (promoters - detractors) / answers);
        }
    }

    /**
     * Recency and frequency segments on {@code asOf}; every member with a visit falls in exactly one, tried
     * in this order: AT_RISK (see {@link AtRisk}), LOST (no visit for more than 180 days), CHAMPIONS (a
     * visit in the last 30 days and 12 or more in the last 365), REGULARS (3 or more visits), OCCASIONAL
     * (the rest: one or two visits).
     */
    public enum Segment {
        CHAMPIONS, REGULARS, OCCASIONAL, AT_RISK, LOST
    }

    /** Whether month {@code k} of {@code cohort} lies on or before {@code asOf}'s month, so its cell is known. */
    public boolean known(CohortReport.Cohort cohort, int k) {
        return !cohort.month().plusMonths(k).isAfter(YearMonth.from(asOf));
    }

    /** How many cohorts the retention curves show. */
    public static final int CURVES = 6;

    /** The cohorts the retention curves show: the last {@value #CURVES}. */
    public List<CohortReport.Cohort> curveCohorts() {
        return cohorts().subList(Math.max(0, cohorts().size() - CURVES), cohorts().size());
    }
}
