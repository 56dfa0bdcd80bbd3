package app.stempel.reports;

import static app.stempel.store.schema.Tables.BALANCE;
import static app.stempel.store.schema.Tables.MEMBER;
import static app.stempel.store.schema.Tables.REPORT_DAY;
import static app.stempel.store.schema.Tables.REPORT_STATE;
import static app.stempel.store.schema.Tables.SURVEY_ANSWER;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.owner.OwnerGate;
import app.stempel.program.Program;
import app.stempel.program.ProgramRules;
import app.stempel.program.ProgramService;
import app.stempel.program.Tier;
import app.stempel.settings.SettingsService;
import app.stempel.store.Database;
import app.stempel.core.MemberStatus;

/**
 * The owner's reports: the dashboard of a period, the at-risk list and the cohort table, computed from the
 * report summaries ({@link ReportSummary}, brought up to date first) rather than from the ledger. Each
 * figure is defined where it is declared ({@link Dashboard}, {@link AtRisk}); all are owner-only.
 */
public final class ReportService {

    /** Days without a visit after which a member stops being active, unless the shop set its own. */
    public static final int DEFAULT_ACTIVE_DAYS = 90;
    /** Segment and at-risk thresholds, in days. */
    static final int LOST_DAYS = 180;
    static final int AT_RISK_MIN_DAYS = 30;
    static final int CHAMPION_RECENT_DAYS = 30;
    static final int CHAMPION_YEAR_VISITS = 12;

    private final Database db;
    private final Clock clock;
    private final OwnerGate owner;
    private final ReportSummary summary;
    private final ProgramService programs;
    private final SettingsService settings;

    /**
     * @param programs and {@code settings}: the shop's, read for the tiers, the currency and the active window
     * @param summary the shop's report summaries, kept up to date by every report
     */
    public ReportService(Database db, Clock clock, OwnerGate owner, ProgramService programs, SettingsService settings,
            ReportSummary summary) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
        this.owner = Objects.requireNonNull(owner);
        this.programs = Objects.requireNonNull(programs);
        this.settings = Objects.requireNonNull(settings);
        this.summary = Objects.requireNonNull(summary);
    }

    /** Today in the shop's time zone. */
    @Role(Who.TILL)
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Role(Who.TILL)
    public ZoneId zone() {
        return clock.getZone();
    }

    /** Days of the "active member" window: the shop's setting, or {@value #DEFAULT_ACTIVE_DAYS}. */
    @Role(Who.TILL)
    public int activeDays() {
        return settings.get(SettingsService.REPORTS_ACTIVE_DAYS).map(Integer::parseInt)
                .orElse(DEFAULT_ACTIVE_DAYS);
    }

    /**
     * Brings the summaries up to date with the ledger (every report does this first); the first time on a
     * big shop it reads the whole ledger once, which takes a while: {@code progress} hears how far it got.
     *
     * @return the number of ledger entries read
     */
    @Role(Who.OWNER)
    public long refresh(ReportSummary.Progress progress) {
        owner.require();
        return summary.refresh(progress);
    }

    /**
     * The same as {@link #refresh} without asking for the owner: it only folds ledger entries into the
     * summaries and shows nothing. The app runs it in the background when the shop opens, so that reports
     * after a long break do not start by reading months of the ledger.
     */
    @Role(Who.TILL)
    public long catchUp() {
        return summary.refresh(ReportSummary.Progress.NONE);
    }

    /** Brings the summaries up to date and computes the dashboard of {@code period}. */
    @Role(Who.OWNER)
    public Dashboard dashboard(Period period, ReportSummary.Progress progress) {
        owner.require();
        summary.refresh(progress);
        return dashboard(period, this::forEachPerson);
    }

    /** Where the members' visits come from: the summaries, or the benchmark's arrays ({@link VisitArrays}). */
    public interface Persons {
        void forEach(PersonVisits visitor);
    }

    /**
     * The dashboard of {@code period} over the visits of {@code persons}, with the day totals, survey answers
     * and liability from the database.
     */
    @Role(Who.OWNER)
    public Dashboard dashboard(Period period, Persons persons) {
        return scan(period, persons).dashboard();
    }

    /** A period's dashboard and, from the same pass over the persons, its at-risk list (see {@link AtRisk}). */
    public record Report(Dashboard dashboard, List<AtRisk> atRisk) {
    }

    /**
     * Brings the summaries up to date and computes the dashboard of {@code period} and the at-risk list on
     * its last day in one pass: what the Reports screen and the PDF show.
     */
    @Role(Who.OWNER)
    public Report report(Period period, ReportSummary.Progress progress) {
        owner.require();
        summary.refresh(progress);
        Scanned scanned = scan(period, this::forEachPerson);
        return new Report(scanned.dashboard(), named(scanned.atRisk(), scanned.dashboard().asOf()));
    }

    private record Scanned(Dashboard dashboard, List<Candidate> atRisk) {
    }

    private Scanned scan(Period period, Persons persons) {
        owner.require();
        LocalDate today = today();
        LocalDate asOf = period.to().isAfter(today) ? today : period.to();
        Optional<Program> program = programs.current();
        ProgramRules.Tiers tierRules = program.map(p -> p.rules().tiers()).orElse(ProgramRules.Tiers.DEFAULT);
        DashboardScan scan = new DashboardScan(period, asOf, activeDays(), tierRules);
        persons.forEach(scan::add);
        Totals inPeriod = totals(period.from(), period.to());
        Totals year = totals(asOf.minusDays(364), asOf);
        Totals upToAsOf = totals(LocalDate.of(1900, 1, 1), asOf);
        List<Dashboard.NpsPoint> nps = nps(period);
        int npsAnswers = nps.stream().mapToInt(Dashboard.NpsPoint::answers).sum();
        Integer npsValue = new Dashboard.NpsPoint(null, npsAnswers, nps.stream().mapToInt(Dashboard.NpsPoint::promoters).sum(),
                nps.stream().mapToInt(Dashboard.NpsPoint::detractors).sum()).nps();
        Long liability = program.map(p -> liability(p.rules())).orElse(null);

        Double crr = share(scan.retained, scan.activeAtStart);
        Double yearChurn = share(scan.yearActiveAtStart - scan.yearRetained, scan.yearActiveAtStart);
        Long spendPerVisit = ratio(inPeriod.spend, inPeriod.paidVisits);
        Long yearSpendPerVisit = ratio(year.spend, year.paidVisits);
        Double yearVisitsPerMember = share(scan.yearVisits, scan.yearMembers);
        Long projected = yearSpendPerVisit == null || yearVisitsPerMember == null || yearChurn == null || yearChurn == 0
                ? null : Math.round(yearSpendPerVisit * yearVisitsPerMember / yearChurn);
        Dashboard.Tiles tiles = new Dashboard.Tiles(scan.activeAtEnd, scan.newMembers, scan.visits, crr,
                share(scan.repeat, scan.withVisit), share(scan.visits, scan.withVisit),
                spendPerVisit, ratio(upToAsOf.spend, scan.membersUpToAsOf), projected, inPeriod.issued,
                inPeriod.redeemed, liability, npsValue, npsAnswers);
        Currency currency = program.map(p -> p.rules().currency())
                .orElseGet(() -> settings.currency().orElse(Currency.getInstance("EUR")));
        return new Scanned(new Dashboard(period, asOf, currency, scan.window, tiles, scan.buckets(), scan.cohorts(),
                scan.activeSeries(), scan.tiers, nps, scan.segments), scan.atRisk);
    }

    /**
     * The at-risk list on {@code asOf} (see {@link AtRisk}), most valuable first; contact details only where
     * the member consented.
     */
    @Role(Who.OWNER)
    public List<AtRisk> atRisk(LocalDate asOf) {
        owner.require();
        summary.refresh(ReportSummary.Progress.NONE);
        int day = (int) asOf.toEpochDay();
        List<Candidate> found = new ArrayList<>();
        forEachPerson((id, days, n, spend) -> Candidate.of(id, days, upperBound(days, n, day), day, spend)
                .ifPresent(found::add));
        return named(found, asOf);
    }

    /** A member at risk as the pass over the persons finds them, before their name is looked up. */
    private record Candidate(long memberId, int visits, double usualDays, int lastDay, long value) {
        /** The member with visits {@code days[0..n)}, if at risk on {@code day}. */
        static Optional<Candidate> of(long id, int[] days, int n, int day, long spend) {
            return n > 0 && ReportService.atRisk(days, n, day)
                    ? Optional.of(new Candidate(id, n, usual(days, n), days[n - 1], spend)) : Optional.empty();
        }
    }

    /** The candidates, most valuable first, with names and (where consented) contacts. */
    private List<AtRisk> named(List<Candidate> found, LocalDate asOf) {
        List<Candidate> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingLong(Candidate::value).reversed().thenComparingLong(Candidate::memberId));
        int day = (int) asOf.toEpochDay();
        List<AtRisk> out = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i += 1_000) {
            List<Candidate> chunk = sorted.subList(i, Math.min(sorted.size(), i + 1_000));
            var members = db.dsl().select(MEMBER.ID, MEMBER.DISPLAY_NAME, MEMBER.PHONE, MEMBER.EMAIL,
                            MEMBER.MARKETING_CONSENT, MEMBER.STATUS).from(MEMBER)
                    .where(MEMBER.ID.in(chunk.stream().map(Candidate::memberId).toList()))
                    .fetchMap(MEMBER.ID);
            for (Candidate c : chunk) {
                var m = members.get(c.memberId());
                boolean erased = MemberStatus.ERASED == m.get(MEMBER.STATUS);
                boolean contact = !erased && Boolean.TRUE.equals(m.get(MEMBER.MARKETING_CONSENT));
                out.add(new AtRisk(c.memberId(), erased ? null : m.get(MEMBER.DISPLAY_NAME),
                        contact ? m.get(MEMBER.PHONE) : null, contact ? m.get(MEMBER.EMAIL) : null, c.visits(),
                        c.usualDays(), day - c.lastDay(), LocalDate.ofEpochDay(c.lastDay()), c.value()));
            }
        }
        return out;
    }

    /**
     * One person's share of the dashboard of a period: what each figure counted them as. Summing these rows
     * gives the tiles (active = activeAtEnd, new members = newInPeriod, RPR = rows with 2+ visits in the
     * period / rows with 1+, CRR = rows active at the start with a visit in the period / rows active at the
     * start).
     */
    public record MemberFigures(long memberId, LocalDate firstVisit, LocalDate lastVisit, int visits,
            int visitsInPeriod, boolean newInPeriod, boolean activeAtStart, boolean activeAtEnd, Dashboard.Segment segment,
            long spend) {
    }

    /**
     * Every person with a visit up to the period's end, with what the dashboard of {@code period} counted
     * them as, member by member (nothing is held in memory): the member-level data behind the figures.
     */
    @Role(Who.OWNER)
    public void memberFigures(Period period, Consumer<MemberFigures> out) {
        owner.require();
        summary.refresh(ReportSummary.Progress.NONE);
        LocalDate today = today();
        int asOf = (int) (period.to().isAfter(today) ? today : period.to()).toEpochDay();
        int from = (int) period.from().toEpochDay();
        int to = (int) period.to().toEpochDay();
        int window = activeDays();
        forEachPerson((id, days, n, spend) -> {
            int upTo = upperBound(days, n, asOf);
            if (upTo == 0) {
                return;
            }
            out.accept(new MemberFigures(id, LocalDate.ofEpochDay(days[0]), LocalDate.ofEpochDay(days[upTo - 1]), upTo,
                    count(days, n, from, to), days[0] >= from && days[0] <= to,
                    count(days, n, from - window, from - 1) > 0, count(days, n, asOf - window + 1, asOf) > 0,
                    segment(days, upTo, asOf), spend));
        });
    }

    /** The monthly cohort table (see {@link CohortReport}) for the cohorts of {@code from..to}. */
    @Role(Who.OWNER)
    public List<CohortReport.Cohort> cohorts(YearMonth from, YearMonth to) {
        owner.require();
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the last month is before the first");
        }
        summary.refresh(ReportSummary.Progress.NONE);
        CohortTable table = new CohortTable(from, to);
        forEachPerson(table::add);
        return table.cohorts();
    }

    /**
     * The day of the shop's latest visit as the summaries know it (call after a report brought them up to
     * date): a cohort's months after this one's are not known yet.
     */
    @Role(Who.OWNER)
    public Optional<LocalDate> lastVisitDay() {
        owner.require();
        Integer day = db.dsl().select(max(REPORT_DAY.DAY_NUMBER)).from(REPORT_DAY)
                .where(REPORT_DAY.VISITS.gt(0)).fetchOne(0, Integer.class);
        return Optional.ofNullable(day).map(LocalDate::ofEpochDay);
    }

    // --- the members' visits, as stored in the summary

    /** One person's visit days, {@code days[0..n)} oldest first; the array is reused for the next person. */
    public interface PersonVisits {
        void accept(long memberId, int[] days, int n, long spend);
    }

    /**
     * Every person's summary row, decoded. Plain JDBC: this loop is the dashboard's main cost, and jOOQ's
     * record per row took four times as long as the read itself.
     */
    private void forEachPerson(PersonVisits visitor) {
        db.dsl().connection(c -> {
            int[] buffer = new int[256];
            int[] count = new int[1];
            try (PreparedStatement ps = c.prepareStatement("SELECT member_id, spend_minor, visit_days FROM report_person")) {
                ps.setFetchSize(5_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        buffer = VisitDays.decode(rs.getBytes(3), buffer, count);
                        visitor.accept(rs.getLong(1), buffer, count[0], rs.getLong(2));
                    }
                }
            }
        });
    }

    /** The shop's day totals over {@code from..to}. */
    private record Totals(long visits, long paidVisits, long spend, int issued, int redeemed) {
    }

    private Totals totals(LocalDate from, LocalDate to) {
        var r = db.dsl().select(sum(REPORT_DAY.VISITS), sum(REPORT_DAY.PAID_VISITS),
                        sum(REPORT_DAY.SPEND_MINOR), sum(REPORT_DAY.REWARDS_ISSUED),
                        sum(REPORT_DAY.REWARDS_REDEEMED))
                .from(REPORT_DAY)
                .where(REPORT_DAY.DAY_NUMBER.between((int) from.toEpochDay(), (int) to.toEpochDay()))
                .fetchOne();
        return new Totals(asLong(r.value1()), asLong(r.value2()), asLong(r.value3()), (int) asLong(r.value4()),
                (int) asLong(r.value5()));
    }

    /**
     * Open stamps and points of active members valued in money: {@link ProgramService#liability}'s value,
     * from the summaries' running totals less the balances of members who are not active (an index range),
     * instead of a pass over every balance.
     */
    private long liability(ProgramRules rules) {
        var open = db.dsl().select(REPORT_STATE.OPEN_STAMPS, REPORT_STATE.OPEN_POINTS).from(REPORT_STATE).fetchOne();
        var inactive = db.dsl().select(sum(BALANCE.STAMPS), sum(BALANCE.POINTS)).from(MEMBER).join(BALANCE)
                .on(BALANCE.MEMBER_ID.eq(MEMBER.ID)).where(MEMBER.STATUS.in(MemberStatus.BLOCKED, MemberStatus.MERGED, MemberStatus.ERASED)).fetchOne();
        long stamps = Math.max(0, (open == null ? 0 : open.value1()) - asLong(inactive.value1()));
        long points = Math.max(0, (open == null ? 0 : open.value2()) - asLong(inactive.value2()));
        return stamps * rules.stampValueMinor() + points * rules.pointValueMinor();
    }

    private static long asLong(BigDecimal v) {
        return v == null ? 0 : v.longValue();
    }

    private List<Dashboard.NpsPoint> nps(Period period) {
        ZoneId zone = zone();
        OffsetDateTime from = period.from().atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = period.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        Map<YearMonth, int[]> months = new TreeMap<>();
        for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
            months.put(m, new int[3]);
        }
        db.dsl().select(SURVEY_ANSWER.SCORE, SURVEY_ANSWER.ANSWERED_AT).from(SURVEY_ANSWER)
                .where(SURVEY_ANSWER.ANSWERED_AT.ge(from)).and(SURVEY_ANSWER.ANSWERED_AT.lt(to))
                .and(SURVEY_ANSWER.SCORE.isNotNull())
                .forEach(r -> {
                    int[] m = months.get(YearMonth.from(r.value2().atZoneSameInstant(zone)));
                    m[0]++;
                    m[1] += r.value1() >= 9 ? 1 : 0;
                    m[2] += r.value1() <= 6 ? 1 : 0;
                });
        List<Dashboard.NpsPoint> out = new ArrayList<>();
        months.forEach((m, v) -> out.add(new Dashboard.NpsPoint(m, v[0], v[1], v[2])));
        return out;
    }

    // --- the rules, over one person's sorted visit days

    /** Number of days in {@code days[0..n)} that are at most {@code day}. */
    static int upperBound(int[] days, int n, int day) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (days[mid] <= day) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Visits in {@code from..to}, both included. */
    static int count(int[] days, int n, int from, int to) {
        return to < from ? 0 : upperBound(days, n, to) - upperBound(days, n, from - 1);
    }

    /** The average number of days between visits, over the first {@code n} visits (at least two). */
    static double usual(int[] days, int n) {
        return n < 2 ? 0 : (double) (days[n - 1] - days[0]) / (n - 1);
    }

    /** Whether a member with visits {@code days[0..n)} (all up to {@code day}) is at risk on {@code day}. */
    static boolean atRisk(int[] days, int n, int day) {
        int since = day - days[n - 1];
        return n >= 3 && since >= AT_RISK_MIN_DAYS && since > 2 * usual(days, n);
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static Long ratio(long amount, long count) {
        return count == 0 ? null : Math.round((double) amount / count);
    }

    // --- one pass over every person for the dashboard

    private static final class DashboardScan {
        final int window;
        final int from;
        final int to;
        final int asOf;
        final ProgramRules.Tiers tierRules;
        final int[] bucketStarts;
        final LocalDate[] bucketDates;
        final int[] newVisits;
        final int[] returningVisits;
        final int[] activeAt;
        final CohortTable cohorts;
        final Map<Tier, Integer> tiers = new EnumMap<>(Tier.class);
        final Map<Dashboard.Segment, Integer> segments = new EnumMap<>(Dashboard.Segment.class);
        final List<Candidate> atRisk = new ArrayList<>();
        int visits;
        int withVisit;
        int repeat;
        int newMembers;
        int activeAtEnd;
        int activeAtStart;
        int retained;
        int yearActiveAtStart;
        int yearRetained;
        long yearVisits;
        int yearMembers;
        int membersUpToAsOf;

        DashboardScan(Period period, LocalDate asOf, int window, ProgramRules.Tiers tierRules) {
            this.window = window;
            this.from = (int) period.from().toEpochDay();
            this.to = (int) period.to().toEpochDay();
            this.asOf = (int) asOf.toEpochDay();
            this.tierRules = tierRules;
            List<LocalDate> starts = new ArrayList<>();
            for (LocalDate d = period.from(); !d.isAfter(period.to());
                    d = period.weekly() ? d.plusWeeks(1) : d.withDayOfMonth(1).plusMonths(1)) {
                starts.add(d);
            }
            bucketDates = starts.toArray(LocalDate[]::new);
            bucketStarts = starts.stream().mapToInt(d -> (int) d.toEpochDay()).toArray();
            newVisits = new int[bucketStarts.length];
            returningVisits = new int[bucketStarts.length];
            activeAt = new int[bucketStarts.length];
            YearMonth last = YearMonth.from(asOf);
            cohorts = new CohortTable(last.minusMonths(CohortReport.MONTHS - 1), last);
            for (Tier t : Tier.values()) {
                tiers.put(t, 0);
            }
            for (Dashboard.Segment s : Dashboard.Segment.values()) {
                segments.put(s, 0);
            }
        }

        /** The last day of bucket {@code b}, capped at the period's end and at {@code asOf} for "as of" figures. */
        private int bucketEnd(int b) {
            return b + 1 < bucketStarts.length ? bucketStarts[b + 1] - 1 : to;
        }

        void add(long id, int[] days, int n, long spend) {
            int inPeriod = count(days, n, from, to);
            visits += inPeriod;
            if (inPeriod > 0) {
                withVisit++;
                if (inPeriod > 1) {
                    repeat++;
                }
            }
            int first = days[0];
            if (first >= from && first <= to) {
                newMembers++;
            }
            if (count(days, n, asOf - window + 1, asOf) > 0) {
                activeAtEnd++;
            }
            if (count(days, n, from - window, from - 1) > 0) {
                activeAtStart++;
                if (inPeriod > 0) {
                    retained++;
                }
            }
            int yearStart = asOf - 364;
            int inYear = count(days, n, yearStart, asOf);
            if (inYear > 0) {
                yearMembers++;
                yearVisits += inYear;
            }
            if (count(days, n, yearStart - window, yearStart - 1) > 0) {
                yearActiveAtStart++;
                if (inYear > 0) {
                    yearRetained++;
                }
            }
            if (inPeriod > 0) {
                int b = 0;
                for (int i = upperBound(days, n, from - 1); i < n && days[i] <= to; i++) {
                    while (b + 1 < bucketStarts.length && days[i] >= bucketStarts[b + 1]) {
                        b++;
                    }
                    if (first >= bucketStarts[b]) {
                        newVisits[b]++;
                    } else {
                        returningVisits[b]++;
                    }
                }
            }
            for (int b = 0; b < bucketStarts.length; b++) {
                int end = Math.min(bucketEnd(b), asOf);
                if (end >= bucketStarts[b] && count(days, n, end - window + 1, end) > 0) {
                    activeAt[b]++;
                }
            }
            cohorts.add(id, days, n, spend);
            int upTo = upperBound(days, n, asOf);
            if (upTo == 0) {
                return;
            }
            membersUpToAsOf++;
            int inTierWindow = count(days, upTo, asOf - tierRules.windowDays() + 1, asOf);
            if (inTierWindow > 0) {
                tiers.merge(tierRules.of(inTierWindow), 1, Integer::sum);
            }
            Dashboard.Segment segment = segment(days, upTo, asOf);
            segments.merge(segment, 1, Integer::sum);
            if (segment == Dashboard.Segment.AT_RISK) {
                Candidate.of(id, days, upTo, asOf, spend).ifPresent(atRisk::add);
            }
        }

        List<Dashboard.VisitBucket> buckets() {
            List<Dashboard.VisitBucket> out = new ArrayList<>();
            for (int b = 0; b < bucketStarts.length; b++) {
                out.add(new Dashboard.VisitBucket(bucketDates[b], LocalDate.ofEpochDay(bucketEnd(b)), newVisits[b],
                        returningVisits[b]));
            }
            return out;
        }

        List<Dashboard.ActivePoint> activeSeries() {
            List<Dashboard.ActivePoint> out = new ArrayList<>();
            for (int b = 0; b < bucketStarts.length; b++) {
                int end = Math.min(bucketEnd(b), asOf);
                if (end >= bucketStarts[b]) {
                    out.add(new Dashboard.ActivePoint(LocalDate.ofEpochDay(end), activeAt[b]));
                }
            }
            return out;
        }

        List<CohortReport.Cohort> cohorts() {
            return cohorts.cohorts();
        }
    }

    /** The segment of a member with visits {@code days[0..n)}, all up to {@code day}. */
    static Dashboard.Segment segment(int[] days, int n, int day) {
        int since = day - days[n - 1];
        if (atRisk(days, n, day)) {
            return Dashboard.Segment.AT_RISK;
        }
        if (since > LOST_DAYS) {
            return Dashboard.Segment.LOST;
        }
        if (since <= CHAMPION_RECENT_DAYS && count(days, n, day - 364, day) >= CHAMPION_YEAR_VISITS) {
            return Dashboard.Segment.CHAMPIONS;
        }
        return n >= 3 ? Dashboard.Segment.REGULARS : Dashboard.Segment.OCCASIONAL;
    }
}
