package app.stempel.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.core.Actor;
import app.stempel.members.MemberCorrections;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.owner.OwnerGate;
import app.stempel.owner.OwnerOnlyException;
import app.stempel.testing.MutableClock;
import app.stempel.testing.TestShop;
import java.time.ZoneId;
import app.stempel.store.schema.Tables;

/**
 * The cohort table on a small shop worked out by hand: cohorts across a year's end, members with one
 * visit, undone and voided stamps (never counted), a merged member (counted once) and an erased one (kept).
 */
class CohortReportTest {

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-11-20T10:00:00Z"), ZoneOffset.UTC);
    private Services shop;
    private ReportService report;
    private MemberCorrections owner;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir, clock);
        report = TestShop.reports(shop, clock, OwnerGate.TRUSTED);
        owner = TestShop.corrections(shop, clock, OwnerGate.TRUSTED);
    }

    @AfterEach
    void close() {
        assertThat(shop.integrity().run().ok()).isTrue();
        shop.close();
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    private void stamp(Enrolled m) {
        assertThat(shop.counter().stamp(m.memberId(), null, TestShop.TILL).done()).isTrue();
    }

    private static int[] months(int... firstValues) {
        int[] all = new int[CohortReport.MONTHS];
        System.arraycopy(firstValues, 0, all, 0, firstValues.length);
        return all;
    }

    @Test
    void cohortsAcrossTheYearsEndWithUndoneVoidedMergedAndErasedMembers() {
        Enrolled anna = TestShop.enrol(shop, "Anna");
        Enrolled bo = TestShop.enrol(shop, "Bo");
        Enrolled cyd = TestShop.enrol(shop, "Cyd");
        Enrolled dag = TestShop.enrol(shop, "Dag");
        Enrolled eva = TestShop.enrol(shop, "Eva");

        // Anna: November, twice in December (counted once), February
        at("2025-11-30T23:59:59Z");
        stamp(anna);
        at("2025-12-01T00:00:00Z");
        stamp(anna);
        at("2025-12-31T12:00:00Z");
        stamp(anna);
        at("2026-02-10T12:00:00Z");
        stamp(anna);
        // Bo: one visit, in November
        at("2025-11-15T09:00:00Z");
        stamp(bo);
        // Cyd: a November visit undone at once, so the first visit is in December; then January
        at("2025-11-16T09:00:00Z");
        stamp(cyd);
        assertThat(shop.counter().undo(cyd.memberId(), TestShop.TILL).done()).isTrue();
        at("2025-12-05T09:00:00Z");
        stamp(cyd);
        at("2026-01-05T09:00:00Z");
        stamp(cyd);
        // Dag: November and January; merged into Anna, so one person with Anna's cohort (November)
        at("2025-11-10T09:00:00Z");
        stamp(dag);
        at("2026-01-20T09:00:00Z");
        stamp(dag);
        // Eva: December, and a March visit the owner voids; then erased: her visits stay
        at("2025-12-24T09:00:00Z");
        stamp(eva);
        at("2026-03-01T09:00:00Z");
        stamp(eva);
        long march = shop.db().dsl().select(Tables.LEDGER_ENTRY.ID.max())
                .from(Tables.LEDGER_ENTRY).fetchOne(0, Long.class);
        at("2026-03-02T09:00:00Z");
        owner.voidEntry(march, "Stamped the wrong card", Actor.owner("Till 1"));
        owner.merge(dag.memberId(), anna.memberId(), Actor.owner("Till 1"));
        owner.erase(eva.memberId());
        clock.advance(Duration.ofDays(1));

        List<CohortReport.Cohort> cohorts = report.cohorts(YearMonth.of(2025, 11), YearMonth.of(2026, 3));

        assertThat(cohorts).extracting(CohortReport.Cohort::month)
                .containsExactly(YearMonth.of(2025, 11), YearMonth.of(2025, 12));
        // November: Anna(+Dag) and Bo. Month 1 (Dec): Anna. Month 2 (Jan): Dag's visit, Anna's person. Month 3: Anna.
        CohortReport.Cohort november = cohorts.get(0);
        assertThat(november.size()).isEqualTo(2);
        assertThat(november.retained()).containsExactly(months(2, 1, 1, 1));
        // December: Cyd and Eva. Month 1 (Jan): Cyd. Eva's voided March visit does not count.
        CohortReport.Cohort december = cohorts.get(1);
        assertThat(december.size()).isEqualTo(2);
        assertThat(december.retained()).containsExactly(months(2, 1));
        assertThat(december.share(1)).isEqualTo(0.5);
    }

    @Test
    void onlyTheAskedMonthsAndOnlyForTheOwner() {
        Enrolled anna = TestShop.enrol(shop, "Anna");
        at("2025-12-31T23:59:59Z");
        stamp(anna);
        at("2026-01-01T00:00:00Z");
        stamp(anna);
        assertThat(report.cohorts(YearMonth.of(2026, 1), YearMonth.of(2026, 6))).isEmpty();
        assertThat(report.cohorts(YearMonth.of(2025, 12), YearMonth.of(2025, 12))).singleElement()
                .satisfies(c -> assertThat(c.retained()).containsExactly(months(1, 1)));
        assertThatThrownBy(() -> report.cohorts(YearMonth.of(2026, 1), YearMonth.of(2025, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        ReportService closed = TestShop.reports(shop, clock.withZone(ZoneOffset.UTC), () -> false);
        assertThatThrownBy(() -> closed.cohorts(YearMonth.of(2025, 12), YearMonth.of(2025, 12)))
                .isInstanceOf(OwnerOnlyException.class);
    }

    @Test
    void monthsAreThoseOfTheShopsTimeZone() {
        Enrolled anna = TestShop.enrol(shop, "Anna");
        at("2025-11-30T23:30:00Z"); // already 1 December in Warsaw
        stamp(anna);
        ReportService warsaw = TestShop.reports(shop, clock.withZone(ZoneId.of("Europe/Warsaw")), OwnerGate.TRUSTED);
        assertThat(warsaw.cohorts(YearMonth.of(2025, 11), YearMonth.of(2025, 12)))
                .extracting(CohortReport.Cohort::month).containsExactly(YearMonth.of(2025, 12));
        assertThat(report.cohorts(YearMonth.of(2025, 11), YearMonth.of(2025, 12)))
                .extracting(CohortReport.Cohort::month).containsExactly(YearMonth.of(2025, 11));
    }
}
