package app.stempel.reports;

import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static app.stempel.store.schema.Tables.REPORT_DAY;
import static app.stempel.store.schema.Tables.REPORT_PERSON;
import static app.stempel.store.schema.Tables.REPORT_STATE;
import static app.stempel.store.schema.Tables.SURVEY_ANSWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.core.Actor;
import app.stempel.core.Money;
import app.stempel.members.MemberCorrections;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.members.MemberService.NewMember;
import app.stempel.owner.OwnerGate;
import app.stempel.owner.OwnerOnlyException;
import app.stempel.program.Tier;
import app.stempel.reports.Dashboard.Segment;
import app.stempel.testing.MutableClock;
import app.stempel.testing.TestShop;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletableFuture;
import java.util.Arrays;
import app.stempel.testing.Await;
import app.stempel.store.schema.Tables;
import app.stempel.program.ProgramService;
import app.stempel.members.MemberDirectory;

/**
 * The dashboard of March 2026 on a small shop, every figure worked out by hand from the visits below
 * (UTC; active window 90 days; the test shop's card has 5 stamps for a reward):
 *
 * <pre>
 * Anna  2025-12-10 10.00, 2026-01-15 20.00, 2026-03-05 30.00, 2026-03-20
 * Bo    2026-03-10 15.00                 + Eva (merged into Bo) 2026-01-05 8.00, 2026-03-12
 * Cyd   2025-12-20 7.00, 2026-01-10, 2026-02-01        (consented, phone 600 100 200)
 * Dag   2025-11-01, 2026-03-15 undone at once
 * Fay   2026-02-28 23:59:59, 2026-03-25 5.00           (then erased)
 * Gus   2026-03-30 50.00 voided by the owner, 2026-03-31
 * Hal   2025-03-01, 2025-06-01 12.00
 * Ida   2025-02-15
 * </pre>
 */
class ReportServiceTest {

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T10:00:00Z"), ZoneOffset.UTC);
    private Services shop;
    private ReportService reports;
    private MemberCorrections owner;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir, clock);
        reports = TestShop.reports(shop, clock, OwnerGate.TRUSTED);
        owner = TestShop.corrections(shop, clock, OwnerGate.TRUSTED);
    }

    @AfterEach
    void close() {
        assertThat(shop.integrity().run().ok()).isTrue();
        shop.close();
    }

    /** Run after every change of the shop: nothing, or a refresh of the summaries. */
    private Runnable afterEachChange = () -> { };

    private void visit(Enrolled m, String instant, Long minor) {
        clock.set(Instant.parse(instant.length() == 10 ? instant + "T12:00:00Z" : instant));
        assertThat(shop.counter().stamp(m.memberId(), minor == null ? null : Money.of(minor, "PLN"), TestShop.TILL).done())
                .isTrue();
        afterEachChange.run();
    }

    private long lastEntry() {
        return shop.db().dsl().select(LEDGER_ENTRY.ID.max()).from(LEDGER_ENTRY).fetchOne(0, Long.class);
    }

    private void answer(Enrolled m, String instant, Integer score) {
        shop.db().dsl().insertInto(SURVEY_ANSWER).set(SURVEY_ANSWER.MEMBER_ID, m.memberId())
                .set(SURVEY_ANSWER.SCORE, score)
                .set(SURVEY_ANSWER.ANSWERED_AT, OffsetDateTime.parse(instant + "T12:00:00Z")).execute();
    }

    /** Builds the shop of the class comment; returns Cyd. */
    private Enrolled buildShop() {
        Enrolled anna = TestShop.enrol(shop, "Anna");
        Enrolled bo = TestShop.enrol(shop, "Bo");
        Enrolled cyd = shop.members().enrol(new NewMember("Cyd", "600 100 200", "cyd@example.com", null, true));
        Enrolled dag = TestShop.enrol(shop, "Dag");
        Enrolled eva = TestShop.enrol(shop, "Eva");
        Enrolled fay = shop.members().enrol(new NewMember("Fay", "600 999 999", null, null, true));
        Enrolled gus = TestShop.enrol(shop, "Gus");
        Enrolled hal = TestShop.enrol(shop, "Hal");
        Enrolled ida = TestShop.enrol(shop, "Ida");
        visit(ida, "2025-02-15", null);
        visit(hal, "2025-03-01", null);
        visit(hal, "2025-06-01", 1200L);
        visit(dag, "2025-11-01", null);
        visit(anna, "2025-12-10", 1000L);
        visit(cyd, "2025-12-20", 700L);
        visit(eva, "2026-01-05", 800L);
        visit(cyd, "2026-01-10", null);
        visit(anna, "2026-01-15", 2000L);
        visit(cyd, "2026-02-01", null);
        visit(fay, "2026-02-28T23:59:59Z", null);
        visit(anna, "2026-03-05", 3000L);
        visit(bo, "2026-03-10", 1500L);
        visit(eva, "2026-03-12", null);
        visit(dag, "2026-03-15", null);
        assertThat(shop.counter().undo(dag.memberId(), TestShop.TILL).done()).isTrue();
        afterEachChange.run();
        visit(anna, "2026-03-20", null);
        visit(fay, "2026-03-25", 500L);
        visit(gus, "2026-03-30", 5000L);
        owner.voidEntry(lastEntry(), "Wrong card", Actor.owner("Till 1"));
        afterEachChange.run();
        visit(gus, "2026-03-31", null);
        owner.merge(eva.memberId(), bo.memberId(), Actor.owner("Till 1"));
        afterEachChange.run();
        owner.erase(fay.memberId());
        answer(anna, "2026-02-10", 0);
        answer(anna, "2026-03-05", 10);
        answer(bo, "2026-03-10", 9);
        answer(cyd, "2026-03-11", 7);
        answer(gus, "2026-03-31", 3);
        answer(dag, "2026-03-15", null);
        clock.set(Instant.parse("2026-04-01T08:00:00Z"));
        return cyd;
    }

    @Test
    void theTilesOfAMonthWorkedOutByHand() {
        buildShop();
        Dashboard d = reports.dashboard(new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)),
                ReportSummary.Progress.NONE);
        Dashboard.Tiles t = d.tiles();

        assertThat(d.asOf()).isEqualTo(LocalDate.of(2026, 3, 31));
        // in March: Anna 2, Bo 2 (one is Eva's), Fay 1, Gus 1; Dag's undone and Gus's voided visit do not count
        assertThat(t.visits()).isEqualTo(6);
        assertThat(t.visitsPerMember()).isEqualTo(1.5);
        assertThat(t.rpr()).isEqualTo(0.5);
        // Gus is new; Bo is not: his person's first visit is Eva's, in January
        assertThat(t.newMembers()).isEqualTo(1);
        // a visit in 2026-01-01..03-31: Anna, Bo, Cyd, Fay, Gus
        assertThat(t.active()).isEqualTo(5);
        // active on 1 March (a visit in 2025-12-01..2026-02-28): Anna, Bo, Cyd, Fay; all but Cyd came in March
        assertThat(t.crr()).isEqualTo(0.75);
        assertThat(t.churn()).isEqualTo(0.25);
        // March: 30.00 + 15.00 + 5.00 over three visits with an amount
        assertThat(t.spendPerVisit()).isEqualTo(1667L);
        // everything up to 31 March (10 + 20 + 30 + 15 + 8 + 7 + 5 + 12 = 107.00) over 8 people
        assertThat(t.clvHistorical()).isEqualTo(1338L);
        // the year 2025-04-02..2026-03-31: 107.00 over 8 paid visits = 13.38 a visit; 15 visits by 7 people;
        // active on 2025-04-02 were Hal and Ida, and only Hal came back: yearly churn 0.5, so 2 years
        assertThat(t.clvProjected()).isEqualTo(Math.round(1338 * (15.0 / 7) / 0.5));
        assertThat(t.rewardsIssued()).isZero();
        assertThat(t.rewardsRedeemed()).isZero();
        // March answers 10, 9, 7, 3 (the skipped offer is no answer): (2 − 1) / 4
        assertThat(t.nps()).isEqualTo(25);
        assertThat(t.npsAnswers()).isEqualTo(4);
        assertThat(d.nps()).singleElement().satisfies(p -> {
            assertThat(p.month()).isEqualTo(YearMonth.of(2026, 3));
            assertThat(p.answers()).isEqualTo(4);
        });
    }

    @Test
    void summariesBroughtUpToDateAfterEveryChangeEqualOnesReadAtOnce() {
        ReportSummary summary = new ReportSummary(shop.db(), clock.getZone());
        afterEachChange = () -> summary.refresh(ReportSummary.Progress.NONE);
        buildShop();
        // Kim's visit, read by a refresh, then undone and Kim merged into Lou before the next refresh
        Enrolled kim = TestShop.enrol(shop, "Kim");
        Enrolled lou = TestShop.enrol(shop, "Lou");
        visit(lou, "2026-04-02", 900L);
        visit(kim, "2026-04-03", 400L);
        afterEachChange = () -> { };
        visit(kim, "2026-04-04", 300L);
        assertThat(shop.counter().undo(kim.memberId(), TestShop.TILL).done()).isTrue();
        owner.merge(kim.memberId(), lou.memberId(), Actor.owner("Till 1"));
        summary.refresh(ReportSummary.Progress.NONE);
        List<String> persons = persons();
        List<?> days = shop.db().dsl().selectFrom(REPORT_DAY).orderBy(REPORT_DAY.DAY_NUMBER).fetch().intoMaps();

        // an unknown zone makes the next refresh read everything again
        shop.db().dsl().update(REPORT_STATE).set(REPORT_STATE.ZONE, "").execute();
        summary.refresh(ReportSummary.Progress.NONE);

        assertThat(persons()).isEqualTo(persons).hasSize(9);
        assertThat(shop.db().dsl().selectFrom(REPORT_DAY).orderBy(REPORT_DAY.DAY_NUMBER).fetch().intoMaps())
                .isEqualTo(days);
        var louRow = shop.db().dsl().fetchOne(REPORT_PERSON, REPORT_PERSON.MEMBER_ID.eq(lou.memberId()));
        assertThat(VisitDays.decode(louRow.getVisitDays())).containsExactly(
                (int) LocalDate.of(2026, 4, 2).toEpochDay(), (int) LocalDate.of(2026, 4, 3).toEpochDay());
        assertThat(louRow.getSpendMinor()).isEqualTo(1300);
    }

    @Test
    void aRefreshWhileAnotherIsFoldingWaitsForItInsteadOfFailing() throws Exception {
        buildShop();
        // longer than H2's lock timeout (2 s): the second refresh must wait, not fail
        for (boolean sameProgram : new boolean[] {true, false}) {
            shop.db().dsl().update(REPORT_STATE).set(REPORT_STATE.ZONE, "").execute();
            ReportSummary first = new ReportSummary(shop.db(), clock.getZone());
            ReportSummary second = sameProgram ? first : new ReportSummary(shop.db(), clock.getZone());
            CountDownLatch folding = new CountDownLatch(1);
            CompletableFuture<Long> slow = CompletableFuture.supplyAsync(
                    () -> first.refresh((done, total) -> {
                        if (done == total) {
                            folding.countDown();
                            try {
                                Thread.sleep(3_000);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }));
            assertThat(folding.await(Await.LIMIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(second.refresh(ReportSummary.Progress.NONE)).as("nothing left to read").isZero();
            assertThat(slow.get()).isEqualTo(lastEntry());
        }
    }

    /** The person summaries as text, the visit days decoded. */
    private List<String> persons() {
        return shop.db().dsl().selectFrom(REPORT_PERSON).orderBy(REPORT_PERSON.MEMBER_ID).fetch(r -> r.getMemberId() + " "
                + r.getFirstDay() + ".." + r.getLastDay() + " " + r.getVisits() + " " + r.getSpendMinor() + " "
                + Arrays.toString(VisitDays.decode(r.getVisitDays())));
    }

    @Test
    void theVisitsReadStraightFromTheLedgerGiveTheSameDashboard() {
        buildShop();
        for (Period p : List.of(new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)),
                Period.lastMonths(12, reports.today()), new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)))) {
            Dashboard fromSummaries = reports.dashboard(p, ReportSummary.Progress.NONE);
            VisitArrays arrays = VisitArrays.load(shop.db(), clock.getZone());
            assertThat(arrays.persons()).isEqualTo(8);
            assertThat(arrays.visits()).isEqualTo(17);
            assertThat(reports.dashboard(p, arrays)).usingRecursiveComparison().isEqualTo(fromSummaries);
        }
    }

    @Test
    void theChartsOfAMonthWorkedOutByHand() {
        buildShop();
        Dashboard d = reports.dashboard(new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)),
                ReportSummary.Progress.NONE);

        // weeks from 1 March: Anna 5th; Bo and Eva 10th and 12th; Anna 20th; Fay 25th; Gus (new) 31st
        assertThat(d.visits()).extracting(Dashboard.VisitBucket::start).containsExactly(LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 15), LocalDate.of(2026, 3, 22), LocalDate.of(2026, 3, 29));
        assertThat(d.visits()).extracting(Dashboard.VisitBucket::newVisits).containsExactly(0, 0, 0, 0, 1);
        assertThat(d.visits()).extracting(Dashboard.VisitBucket::returningVisits).containsExactly(1, 2, 1, 1, 0);
        // at the end of each week: Anna, Bo, Cyd, Fay; on the 31st Gus too
        assertThat(d.active()).extracting(Dashboard.ActivePoint::active).containsExactly(4, 4, 4, 4, 5);
        assertThat(d.active().get(4).day()).isEqualTo(LocalDate.of(2026, 3, 31));
        // cohorts of 2025-03..2026-03: Hal (March, back in June), Dag (November), Anna and Cyd (December),
        // Bo with Eva (January), Fay (February), Gus (March); Ida's cohort (2025-02) is too old
        assertThat(d.cohorts()).extracting(CohortReport.Cohort::month).containsExactly(YearMonth.of(2025, 3),
                YearMonth.of(2025, 11), YearMonth.of(2025, 12), YearMonth.of(2026, 1), YearMonth.of(2026, 2),
                YearMonth.of(2026, 3));
        assertThat(d.cohorts().get(0).retained()).startsWith(1, 0, 0, 1, 0);
        assertThat(d.cohorts().get(2).size()).isEqualTo(2);
        assertThat(d.cohorts().get(2).retained()).startsWith(2, 2, 1, 1, 0);
        assertThat(d.cohorts().get(3).retained()).startsWith(1, 0, 1, 0);
        assertThat(d.known(d.cohorts().get(3), 2)).isTrue();
        assertThat(d.known(d.cohorts().get(3), 3)).isFalse();
        // tiers over 2025-10-03..2026-03-31 (regular from 3 visits): Anna 4, Bo 3, Cyd 3; Dag, Fay, Gus below
        assertThat(d.tiers()).containsExactlyInAnyOrderEntriesOf(Map.of(Tier.NEW, 3, Tier.REGULAR, 3, Tier.LOYAL, 0));
        // Cyd: 58 days since 1 February, usual 21.5 days; Hal (303 days) and Ida (409) are lost; Dag (150 days),
        // Fay and Gus have one or two visits
        assertThat(d.segments()).containsExactlyInAnyOrderEntriesOf(Map.of(Segment.CHAMPIONS, 0, Segment.REGULARS, 2,
                Segment.OCCASIONAL, 3, Segment.AT_RISK, 1, Segment.LOST, 2));
    }

    @Test
    void theAtRiskListShowsContactsOnlyWithConsent() {
        Enrolled cyd = buildShop();
        List<AtRisk> list = reports.atRisk(LocalDate.of(2026, 3, 31));
        assertThat(list).singleElement().satisfies(r -> {
            assertThat(r.memberId()).isEqualTo(cyd.memberId());
            assertThat(r.name()).isEqualTo("Cyd");
            assertThat(r.phone()).isEqualTo("600 100 200");
            assertThat(r.email()).isEqualTo("cyd@example.com");
            assertThat(r.visits()).isEqualTo(3);
            assertThat(r.usualDays()).isCloseTo(21.5, within(1e-9));
            assertThat(r.daysSince()).isEqualTo(58);
            assertThat(r.lastVisit()).isEqualTo(LocalDate.of(2026, 2, 1));
            assertThat(r.value()).isEqualTo(700);
        });
        // the screen's one pass gives the same list
        assertThat(reports.report(new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)),
                ReportSummary.Progress.NONE).atRisk()).isEqualTo(list);
        // twice Cyd's usual 21.5 days is 43: on 16 March (43 days) not yet, on 17 March at risk
        assertThat(reports.atRisk(LocalDate.of(2026, 3, 16))).isEmpty();
        assertThat(reports.atRisk(LocalDate.of(2026, 3, 17))).hasSize(1);
    }

    @Test
    void atRiskNeedsThreeVisitsAndAtLeastThirtyDays() {
        int[] every5Days = {100, 105, 110};
        // twice the usual 5 days is 10, but the rule asks at least 30 days
        assertThat(ReportService.atRisk(every5Days, 3, 139)).isFalse();
        assertThat(ReportService.atRisk(every5Days, 3, 140)).isTrue();
        assertThat(ReportService.atRisk(every5Days, 2, 200)).isFalse();
        int[] sameDay = {100, 100, 100};
        assertThat(ReportService.atRisk(sameDay, 3, 130)).isTrue();
        assertThat(ReportService.segment(every5Days, 3, 140)).isEqualTo(Segment.AT_RISK);
        assertThat(ReportService.segment(new int[] {100, 105}, 2, 281)).isEqualTo(Segment.OCCASIONAL);
        assertThat(ReportService.segment(new int[] {100, 105}, 2, 286)).isEqualTo(Segment.LOST);
        int[] weekly = new int[12];
        for (int i = 0; i < 12; i++) {
            weekly[i] = 1000 + 7 * i;
        }
        // twelve visits in the year and one in the last 30 days; a weekly regular away 30 days is at risk
        assertThat(ReportService.segment(weekly, 12, 1077 + 29)).isEqualTo(Segment.CHAMPIONS);
        assertThat(ReportService.segment(weekly, 11, 1070 + 29)).isEqualTo(Segment.REGULARS);
        assertThat(ReportService.segment(weekly, 12, 1077 + 30)).isEqualTo(Segment.AT_RISK);
    }

    @Test
    void rewardsIssuedWhenACardFillsAndTakenWhenRedeemed() {
        Enrolled anna = TestShop.enrol(shop, "Anna");
        for (int day = 1; day <= 4; day++) {
            visit(anna, "2026-03-0" + day, null);
        }
        visit(anna, "2026-03-05", null); // the 5th stamp fills the card
        visit(anna, "2026-03-06", null);
        assertThat(shop.counter().undo(anna.memberId(), TestShop.TILL).done()).isTrue();
        clock.set(Instant.parse("2026-03-07T09:00:00Z"));
        assertThat(shop.counter().redeem(anna.memberId(), TestShop.TILL).done()).isTrue();
        Period march = new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        clock.set(Instant.parse("2026-04-01T08:00:00Z"));
        Dashboard.Tiles t = reports.dashboard(march, ReportSummary.Progress.NONE).tiles();
        assertThat(t.rewardsIssued()).isEqualTo(1);
        assertThat(t.rewardsRedeemed()).isEqualTo(1);
        assertThat(t.visits()).isEqualTo(5);

        // five stamps fill the next card; undoing the fifth empties it again
        visit(anna, "2026-04-01T09:00:00Z", null);
        for (int i = 0; i < 4; i++) {
            visit(anna, "2026-04-01T09:0" + (i + 1) + ":00Z", null);
        }
        assertThat(reports.dashboard(new Period(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1)),
                ReportSummary.Progress.NONE).tiles().rewardsIssued()).isEqualTo(1);
        assertThat(shop.counter().undo(anna.memberId(), TestShop.TILL).done()).isTrue();
        assertThat(reports.dashboard(new Period(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1)),
                ReportSummary.Progress.NONE).tiles().rewardsIssued()).isZero();
    }

    @Test
    void theLiabilityIsTheProgramScreensOpenStampsAndPointsOfActiveMembers() {
        ProgramService programs = new ProgramService(shop.db(), clock,
                OwnerGate.TRUSTED);
        programs.save(programs.current().orElseThrow().rules().withValues(150, 0));
        Enrolled anna = TestShop.withStamps(shop, "Anna", 3);
        Enrolled bo = TestShop.withStamps(shop, "Bo", 4);
        TestShop.withStamps(shop, "Cyd", 2);
        Period today = Period.thisMonth(reports.today());
        // 9 open stamps at 1.50
        assertThat(reports.dashboard(today, ReportSummary.Progress.NONE).tiles().liability()).isEqualTo(1350L);
        // Bo's card is blocked: his stamps are no longer owed; Anna redeems nothing, Cyd is merged into Anna
        new MemberDirectory(shop.db(), clock, shop.search(), OwnerGate.TRUSTED)
                .setBlocked(bo.memberId(), true);
        assertThat(reports.dashboard(today, ReportSummary.Progress.NONE).tiles().liability())
                .isEqualTo(programs.liability().orElseThrow().valueMinor()).isEqualTo(750L);
        owner.merge(anna.memberId(), shop.db().dsl().select(Tables.MEMBER.ID)
                .from(Tables.MEMBER)
                .where(Tables.MEMBER.DISPLAY_NAME.eq("Cyd")).fetchOne(0, Long.class),
                Actor.owner("Till 1"));
        assertThat(reports.dashboard(today, ReportSummary.Progress.NONE).tiles().liability())
                .isEqualTo(programs.liability().orElseThrow().valueMinor()).isEqualTo(750L);
    }

    @Test
    void aPeriodWithoutAnyoneHasDashesNotZeros() {
        clock.set(Instant.parse("2026-04-01T08:00:00Z"));
        Dashboard.Tiles t = reports.dashboard(Period.thisMonth(reports.today()), ReportSummary.Progress.NONE).tiles();
        assertThat(t.visits()).isZero();
        assertThat(t.crr()).isNull();
        assertThat(t.churn()).isNull();
        assertThat(t.rpr()).isNull();
        assertThat(t.visitsPerMember()).isNull();
        assertThat(t.spendPerVisit()).isNull();
        assertThat(t.clvHistorical()).isNull();
        assertThat(t.clvProjected()).isNull();
        assertThat(t.nps()).isNull();
    }

    @Test
    void onlyForTheOwner() {
        ReportService closed = TestShop.reports(shop, clock, () -> false);
        Period p = Period.thisMonth(LocalDate.of(2026, 3, 1));
        assertThatThrownBy(() -> closed.dashboard(p, ReportSummary.Progress.NONE)).isInstanceOf(OwnerOnlyException.class);
        assertThatThrownBy(() -> closed.atRisk(LocalDate.of(2026, 3, 1))).isInstanceOf(OwnerOnlyException.class);
    }
}
