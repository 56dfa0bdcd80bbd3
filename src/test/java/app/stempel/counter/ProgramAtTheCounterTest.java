package app.stempel.counter;

import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static app.stempel.store.schema.Tables.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.program.GroupService;
import app.stempel.program.ProgramService;
import app.stempel.owner.OwnerGate;
import app.stempel.core.Money;
import app.stempel.counter.CounterService.Refusal;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.members.MemberService.NewMember;
import app.stempel.program.ProgramRules;
import app.stempel.program.ProgramRules.Birthday;
import app.stempel.program.ProgramRules.Coupon;
import app.stempel.program.ProgramRules.PointReward;
import app.stempel.program.ProgramRules.Tiers;
import app.stempel.program.Tier;
import app.stempel.testing.MutableClock;
import app.stempel.testing.TestShop;
import app.stempel.core.EntryKind;

/** The reward program's rules as the counter applies them: earning, multipliers, cards, offers, tiers. */
class ProgramAtTheCounterTest {

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-06-01T08:00:00Z"); // 10:00 in Warsaw
    private Services shop;
    private CounterService counter;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir, clock);
        counter = shop.counter();
    }

    @AfterEach
    void close() {
        assertThat(shop.integrity().run().ok()).as("balances agree with the ledger").isTrue();
        shop.close();
    }

    private ProgramRules rules() {
        return shop.programs().current().orElseThrow().rules();
    }

    private int stamp(Enrolled e, Long minor) {
        var before = counter.panel(e.memberId());
        var after = counter.stamp(e.memberId(), minor == null ? null : Money.of(minor, "PLN"), TestShop.TILL);
        assertThat(after.done()).isTrue();
        return after.member().stamps() - before.stamps();
    }

    private void joinGroup(Enrolled e, String name, int permille) {
        long group = ownerGroups().add(name, permille).id();
        shop.db().write(tx -> tx.update(MEMBER).set(MEMBER.GROUP_ID, group).where(MEMBER.ID.eq(e.memberId())).execute());
    }

    /** The program and groups as the owner changes them (owner mode is tested on its own). */
    private ProgramService ownerPrograms() {
        return new ProgramService(shop.db(), clock, OwnerGate.TRUSTED);
    }

    private GroupService ownerGroups() {
        return new GroupService(shop.db(), OwnerGate.TRUSTED);
    }

    @Test
    void perAmountStampingRoundsDown() {
        ownerPrograms().save(rules().withEarning(1, 1000L)); // one stamp per 10.00 PLN
        Enrolled e = TestShop.enrol(shop, "Ola");
        assertThat(stamp(e, 1999L)).isEqualTo(1);
        assertThat(stamp(e, 2000L)).isEqualTo(2);
        assertThat(stamp(e, 999L)).isZero();
        assertThat(stamp(e, null)).isZero();
        assertThat(counter.panel(e.memberId()).visits()).as("every stamping is a visit").isEqualTo(4);
    }

    @Test
    void groupMultipliersStaffEarnNothingButVisitAndStudentsGetOneAndAHalfRoundedHalfUp() {
        Enrolled staff = TestShop.enrol(shop, "Staff member");
        joinGroup(staff, "Staff", 0);
        Enrolled student = TestShop.enrol(shop, "Student");
        joinGroup(student, "Students", 1500);

        assertThat(stamp(staff, null)).isZero();
        assertThat(counter.panel(staff.memberId()).visits()).isEqualTo(1);
        assertThat(stamp(student, null)).as("1 x 1.5 = 1.5 -> 2").isEqualTo(2);

        ownerPrograms().save(rules().withEarning(3, null));
        assertThat(stamp(student, null)).as("3 x 1.5 = 4.5 -> 5").isEqualTo(5);
    }

    @Test
    void tierAndGroupMultipliersMultiply() {
        ownerPrograms().save(rules().withTiers(new Tiers(30, 2, 4, 1000, 2000, 3000)));
        Enrolled student = TestShop.enrol(shop, "Student");
        joinGroup(student, "Students", 1500);
        assertThat(stamp(student, null)).as("new 1x, student 1.5x").isEqualTo(2);
        assertThat(stamp(student, null)).as("still new before this visit").isEqualTo(2);
        assertThat(counter.panel(student.memberId()).tier()).isEqualTo(Tier.REGULAR);
        assertThat(stamp(student, null)).as("regular 2x, student 1.5x").isEqualTo(3);
        assertThat(stamp(student, null)).isEqualTo(3);
        assertThat(counter.panel(student.memberId()).tier()).isEqualTo(Tier.LOYAL);
        assertThat(stamp(student, null)).as("loyal 3x, student 1.5x = 4.5 -> 5").isEqualTo(5);
    }

    @Test
    void tiersGoUpWithVisitsAndBackDownAsVisitsLeaveTheWindow() {
        ownerPrograms().save(rules().withTiers(new Tiers(30, 2, 4, 1000, 1000, 1000)));
        Enrolled e = TestShop.enrol(shop, "Kari");
        assertThat(counter.panel(e.memberId()).tier()).isEqualTo(Tier.NEW);
        stamp(e, null);
        stamp(e, null);
        assertThat(counter.panel(e.memberId()).tier()).isEqualTo(Tier.REGULAR);
        clock.advance(Duration.ofDays(10));
        stamp(e, null);
        stamp(e, null);
        assertThat(counter.panel(e.memberId()).tier()).isEqualTo(Tier.LOYAL);
        clock.advance(Duration.ofDays(21)); // the first two visits are now 31 days old
        assertThat(counter.panel(e.memberId()).tier()).isEqualTo(Tier.REGULAR);
        clock.advance(Duration.ofDays(10));
        assertThat(counter.panel(e.memberId()).tier()).isEqualTo(Tier.NEW);
    }

    @Test
    void aMemberMidCardKeepsTheOldRewardAndCountAndTheNextCardIsUnderTheNewRules() {
        Enrolled old = TestShop.enrol(shop, "Mid card");
        for (int i = 0; i < 3; i++) {
            stamp(old, null);
        }
        clock.advance(Duration.ofHours(1));
        ownerPrograms().save(rules().withReward(8, "Free cake"));

        var panel = counter.panel(old.memberId());
        assertThat(panel.stampsForReward()).isEqualTo(5);
        assertThat(panel.rewardDescription()).isEqualTo("Free coffee");
        Enrolled fresh = TestShop.enrol(shop, "New member");
        stamp(fresh, null);
        assertThat(counter.panel(fresh.memberId()).stampsForReward()).isEqualTo(8);
        assertThat(counter.panel(fresh.memberId()).rewardDescription()).isEqualTo("Free cake");

        stamp(old, null);
        stamp(old, null);
        stamp(old, null); // 6: the old card is full, one stamp left over under the new rules
        panel = counter.panel(old.memberId());
        assertThat(panel.rewardsReady()).isEqualTo(1);
        assertThat(panel.rewardDescription()).isEqualTo("Free coffee");
        var redeemed = counter.redeem(old.memberId(), TestShop.TILL);
        assertThat(redeemed.done()).isTrue();
        assertThat(redeemed.member().stamps()).isEqualTo(1);
        assertThat(redeemed.member().stampsForReward()).isEqualTo(8);
        assertThat(redeemed.member().rewardDescription()).isEqualTo("Free cake");
        assertThat(shop.db().dsl().select(LEDGER_ENTRY.STAMPS).from(LEDGER_ENTRY)
                .where(LEDGER_ENTRY.KIND.eq(EntryKind.REDEEM)).fetchOne(LEDGER_ENTRY.STAMPS)).isEqualTo(-5);
    }

    @Test
    void aLeftOverStampEarnedUnderTheOldRulesStartsACardUnderTheNewOnes() {
        Enrolled e = TestShop.enrol(shop, "Leftover");
        for (int i = 0; i < 6; i++) {
            stamp(e, null);
        }
        ownerPrograms().save(rules().withReward(8, "Free cake"));
        assertThat(counter.panel(e.memberId()).stampsForReward()).isEqualTo(5);
        assertThat(counter.redeem(e.memberId(), TestShop.TILL).member().stampsForReward()).isEqualTo(8);
    }

    @Test
    void theComeBackCouponIsValidFromTheDayAfterAVisitToTheLastDayOfItsWindowAndOnlyOnce() {
        ownerPrograms().save(rules().withCoupon(new Coupon(true, 10, null, 14)));
        Enrolled e = TestShop.enrol(shop, "Back again");
        stamp(e, null); // 1 June, 10:00 Warsaw
        assertThat(counter.panel(e.memberId()).coupon()).as("not on the day of the visit").isNull();
        assertThat(counter.redeemCoupon(e.memberId(), TestShop.TILL).refusal()).isEqualTo(Refusal.NO_COUPON);

        clock.set(Instant.parse("2026-06-01T22:00:00Z")); // 2 June, 00:00 Warsaw
        var coupon = counter.panel(e.memberId()).coupon();
        assertThat(coupon).isNotNull();
        assertThat(coupon.percent()).isEqualTo(10);
        assertThat(coupon.until()).isEqualTo(LocalDate.of(2026, 6, 15));

        clock.set(Instant.parse("2026-06-15T21:59:59Z")); // 15 June, 23:59:59 Warsaw
        assertThat(counter.panel(e.memberId()).coupon()).isNotNull();
        clock.set(Instant.parse("2026-06-15T22:00:00Z")); // 16 June
        assertThat(counter.panel(e.memberId()).coupon()).isNull();

        clock.set(Instant.parse("2026-06-15T12:00:00Z"));
        var used = counter.redeemCoupon(e.memberId(), TestShop.TILL);
        assertThat(used.done()).isTrue();
        assertThat(used.member().coupon()).isNull();
        assertThat(counter.redeemCoupon(e.memberId(), TestShop.TILL).refusal()).isEqualTo(Refusal.NO_COUPON);
        assertThat(shop.db().dsl().fetchCount(LEDGER_ENTRY, LEDGER_ENTRY.KIND.eq(EntryKind.COUPON))).isEqualTo(1);

        stamp(e, null); // today's visit earns the next coupon, valid from tomorrow
        clock.advance(Duration.ofDays(1));
        assertThat(counter.panel(e.memberId()).coupon()).isNotNull();
    }

    @Test
    void aBirthdayEnteredTwentyNineDaysAgoEarnsNothingThirtyOneDaysAgoItDoes() {
        ownerPrograms().save(rules().withBirthday(new Birthday(true, "Free muffin")));
        // the birthday is 2 July; one member entered it 31 days before, the other 29 days before
        clock.set(Instant.parse("2026-06-01T08:00:00Z"));
        Enrolled settled = shop.members().enrol(new NewMember("Settled", null, null, LocalDate.of(1990, 7, 2), false));
        clock.set(Instant.parse("2026-06-03T08:00:00Z"));
        Enrolled recent = shop.members().enrol(new NewMember("Recent", null, null, LocalDate.of(1990, 7, 2), false));
        clock.set(Instant.parse("2026-07-02T08:00:00Z"));

        assertThat(counter.panel(recent.memberId()).birthdayReward()).isNull();
        assertThat(counter.redeemBirthday(recent.memberId(), TestShop.TILL).refusal()).isEqualTo(Refusal.NO_BIRTHDAY);
        assertThat(counter.panel(settled.memberId()).birthdayReward()).isEqualTo("Free muffin");
        assertThat(counter.panel(settled.memberId()).birthdayToday()).isTrue();
    }

    @Test
    void theBirthdayRewardIsOfferedInTheBirthdayWeekOnceAYear() {
        ownerPrograms().save(rules().withBirthday(new Birthday(true, "Free muffin")));
        Enrolled e = shop.members().enrol(new NewMember("Birthday", null, null, LocalDate.of(1990, 7, 10), false));
        clock.set(Instant.parse("2026-07-09T12:00:00Z")); // the day before
        assertThat(counter.panel(e.memberId()).birthdayReward()).isNull();
        clock.set(Instant.parse("2026-07-16T12:00:00Z")); // the sixth day after: still the birthday week
        assertThat(counter.panel(e.memberId()).birthdayReward()).isEqualTo("Free muffin");
        clock.set(Instant.parse("2026-07-17T12:00:00Z")); // the seventh day after: over
        assertThat(counter.panel(e.memberId()).birthdayReward()).isNull();

        clock.set(Instant.parse("2026-07-10T12:00:00Z"));
        assertThat(counter.redeemBirthday(e.memberId(), TestShop.TILL).done()).isTrue();
        clock.set(Instant.parse("2026-07-12T12:00:00Z"));
        assertThat(counter.panel(e.memberId()).birthdayReward()).isNull();
        assertThat(counter.redeemBirthday(e.memberId(), TestShop.TILL).refusal()).isEqualTo(Refusal.NO_BIRTHDAY);
        clock.set(Instant.parse("2027-07-10T12:00:00Z"));
        assertThat(counter.panel(e.memberId()).birthdayReward()).as("next year again").isEqualTo("Free muffin");
        assertThat(shop.db().dsl().fetchCount(LEDGER_ENTRY, LEDGER_ENTRY.KIND.eq(EntryKind.BIRTHDAY))).isEqualTo(1);
    }

    @Test
    void pointsModeEarnsPointsPerUnitAndRedeemsTheChosenReward() {
        PointReward coffee = new PointReward(50, "Coffee");
        PointReward lunch = new PointReward(120, "Lunch");
        ownerPrograms().save(rules().withPoints(2, List.of(coffee, lunch)));
        Enrolled e = TestShop.enrol(shop, "Points");
        var after = counter.stamp(e.memberId(), Money.of(3050, "PLN"), TestShop.TILL); // 30.50 x 2 = 61
        assertThat(after.member().points()).isEqualTo(61);
        assertThat(after.member().stamps()).isZero();
        assertThat(after.member().pointsMode()).isTrue();
        assertThat(after.member().affordable()).containsExactly(coffee);

        assertThat(counter.redeemPoints(e.memberId(), lunch, TestShop.TILL).refusal()).isEqualTo(Refusal.NOT_ENOUGH_STAMPS);
        var redeemed = counter.redeemPoints(e.memberId(), coffee, TestShop.TILL);
        assertThat(redeemed.done()).isTrue();
        assertThat(redeemed.member().points()).isEqualTo(11);
        assertThat(redeemed.member().affordable()).isEmpty();
        assertThat(shop.db().dsl().fetchCount(LEDGER_ENTRY, LEDGER_ENTRY.KIND.eq(EntryKind.POINTS_REDEEM))).isEqualTo(1);
        assertThat(counter.undo(e.memberId(), TestShop.TILL).done()).isTrue();
        assertThat(counter.panel(e.memberId()).points()).isEqualTo(61);
    }
}
