package app.stempel.program;

import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.owner.OwnerGate;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.program.ExpiryService.Preview;
import app.stempel.program.ProgramRules.Expiry;
import app.stempel.program.ProgramRules.ExpiryKind;
import app.stempel.testing.MutableClock;
import app.stempel.testing.TestShop;
import app.stempel.core.EntryKind;
import java.time.ZoneId;

/**
 * Expiry at its exact boundary: a stamp exactly D days old has expired, one second younger has not;
 * the preview counts what the sweep then writes.
 */
class ExpiryServiceTest {

    private static final Instant T0 = Instant.parse("2026-01-10T09:00:00Z");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0, ZoneId.of("Europe/Warsaw"));
    private Services shop;
    private ExpiryService expiry;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir, clock);
        expiry = new ExpiryService(shop.db(), clock, shop.programs(), shop.settings(), OwnerGate.TRUSTED);
    }

    @AfterEach
    void close() {
        assertThat(shop.integrity().run().ok()).as("balances agree with the ledger").isTrue();
        shop.close();
    }

    private void rule(ExpiryKind kind, int days) {
        ownerPrograms().save(shop.programs().current().orElseThrow().rules().withExpiry(new Expiry(kind, days)));
    }

    private int stamps(Enrolled e) {
        return shop.ledger().stamps(e.memberId());
    }

    private int expired() {
        BigDecimal s = shop.db().dsl().select(sum(LEDGER_ENTRY.STAMPS)).from(LEDGER_ENTRY)
                .where(LEDGER_ENTRY.KIND.eq(EntryKind.EXPIRE)).fetchOne(0, BigDecimal.class);
        return s == null ? 0 : -s.intValue();
    }

    /** The program and groups as the owner changes them (owner mode is tested on its own). */
    private ProgramService ownerPrograms() {
        return new ProgramService(shop.db(), clock, OwnerGate.TRUSTED);
    }

    private GroupService ownerGroups() {
        return new GroupService(shop.db(), OwnerGate.TRUSTED);
    }

    @Test
    void byAgeAStampExactlyDDaysOldExpiresAndOneSecondYoungerDoesNot() {
        Enrolled e = TestShop.withStamps(shop, "Ola", 1);          // at T0
        clock.advance(Duration.ofHours(1));
        shop.counter().stamp(e.memberId(), null, TestShop.TILL);    // at T0 + 1 h
        rule(ExpiryKind.AGE, 30);

        clock.set(T0.plus(Duration.ofDays(30)).minusSeconds(1));
        assertThat(expiry.preview(new Expiry(ExpiryKind.AGE, 30))).isEqualTo(new Preview(0, 0, 0));
        assertThat(shop.counter().panel(e.memberId()).stamps()).isEqualTo(2);

        clock.set(T0.plus(Duration.ofDays(30)));
        assertThat(expiry.preview(new Expiry(ExpiryKind.AGE, 30))).isEqualTo(new Preview(1, 1, 0));
        assertThat(shop.counter().panel(e.memberId()).stamps()).as("shown after expiry").isEqualTo(1);
        assertThat(expired()).isEqualTo(1);
        assertThat(shop.counter().panel(e.memberId()).stamps()).as("nothing twice").isEqualTo(1);
        assertThat(expired()).isEqualTo(1);
    }

    @Test
    void byAgeStampsAreUsedOldestFirstSoRedeemedOnesDoNotExpireAgain() {
        Enrolled e = TestShop.withStamps(shop, "Kari", 3);              // day 0
        clock.advance(Duration.ofDays(20));
        for (int i = 0; i < 3; i++) {
            shop.counter().stamp(e.memberId(), null, TestShop.TILL);    // day 20
        }
        assertThat(shop.counter().redeem(e.memberId(), TestShop.TILL).done()).isTrue(); // 5 off: 1 left, from day 20
        rule(ExpiryKind.AGE, 30);
        clock.set(T0.plus(Duration.ofDays(31)));
        assertThat(shop.counter().panel(e.memberId()).stamps()).isEqualTo(1);
        clock.set(T0.plus(Duration.ofDays(50)));
        assertThat(shop.counter().panel(e.memberId()).stamps()).isZero();
        assertThat(expired()).isEqualTo(1);
    }

    @Test
    void byInactivityEverythingExpiresExactlyDDaysAfterTheLastVisit() {
        Enrolled e = TestShop.withStamps(shop, "Jan", 3);
        clock.advance(Duration.ofDays(5));
        shop.counter().stamp(e.memberId(), null, TestShop.TILL);   // last visit: T0 + 5 d
        rule(ExpiryKind.INACTIVITY, 60);
        Instant boundary = T0.plus(Duration.ofDays(65));

        clock.set(boundary.minusSeconds(1));
        assertThat(shop.counter().panel(e.memberId()).stamps()).isEqualTo(4);
        clock.set(boundary);
        assertThat(expiry.preview(new Expiry(ExpiryKind.INACTIVITY, 60))).isEqualTo(new Preview(1, 4, 0));
        assertThat(shop.counter().panel(e.memberId()).stamps()).isZero();
        assertThat(expired()).isEqualTo(4);
    }

    @Test
    void thePreviewWritesNothingAndEqualsWhatTheSweepThenWritesAcrossPages() {
        expiry.pageSize(3);
        for (int m = 0; m < 8; m++) {
            TestShop.withStamps(shop, "Early " + m, 1 + m % 3);
        }
        clock.advance(Duration.ofDays(40));
        for (int m = 0; m < 5; m++) {
            TestShop.withStamps(shop, "Later " + m, 2);
        }
        clock.advance(Duration.ofDays(10));
        Expiry candidate = new Expiry(ExpiryKind.AGE, 45);
        int entries = shop.db().dsl().fetchCount(LEDGER_ENTRY);

        Preview preview = expiry.preview(candidate);
        assertThat(preview).isEqualTo(new Preview(8, 1 + 2 + 3 + 1 + 2 + 3 + 1 + 2, 0));
        assertThat(shop.db().dsl().fetchCount(LEDGER_ENTRY)).as("the preview writes nothing").isEqualTo(entries);

        ownerPrograms().save(shop.programs().current().orElseThrow().rules().withExpiry(candidate));
        ExpiryService.Swept swept = expiry.sweep();
        assertThat(swept).isEqualTo(new ExpiryService.Swept(preview.members(), preview.stamps(), preview.points()));
        assertThat(expired()).isEqualTo(preview.stamps());
        assertThat(expiry.preview(candidate).empty()).isTrue();
    }

    @Test
    void theShopIsSweptAtMostOnceADay() {
        TestShop.withStamps(shop, "Ola", 2);
        rule(ExpiryKind.AGE, 10);
        clock.advance(Duration.ofDays(11));
        assertThat(expiry.sweepIfDue()).get().extracting(ExpiryService.Swept::stamps).isEqualTo(2L);
        TestShop.withStamps(shop, "Kari", 1);
        assertThat(expiry.sweepIfDue()).as("twice on one day: no").isEmpty();
        clock.advance(Duration.ofDays(11));
        assertThat(expiry.sweepIfDue()).get().extracting(ExpiryService.Swept::stamps).isEqualTo(1L);
    }
}
