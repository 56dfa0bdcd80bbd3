package app.stempel.counter;

import static app.stempel.store.schema.Tables.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jooq.Configuration;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.core.Actor;
import app.stempel.core.Money;
import app.stempel.counter.CounterService.ActionResult;
import app.stempel.counter.CounterService.MemberPanel;
import app.stempel.counter.CounterService.Refusal;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.owner.OwnerGate;
import app.stempel.program.GroupService;
import app.stempel.program.ProgramRules;
import app.stempel.program.ProgramRules.Birthday;
import app.stempel.program.ProgramRules.Coupon;
import app.stempel.program.ProgramRules.Expiry;
import app.stempel.program.ProgramRules.ExpiryKind;
import app.stempel.program.ProgramRules.PointReward;
import app.stempel.program.ProgramRules.Tiers;
import app.stempel.program.ProgramService;
import app.stempel.program.Tier;
import app.stempel.testing.MutableClock;
import app.stempel.testing.TestShop;
import java.util.Arrays;

/**
 * The panel an action at the counter answers with is the panel a fresh look-up of the member shows at
 * that moment: a stamp works its panel out from what it wrote instead of reading the member again.
 */
class ActionPanelTest {

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-06-01T08:00:00Z"); // 10:00 in Warsaw
    private Services shop;
    private CounterService counter;
    private Actor anna;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir, clock);
        counter = shop.counter();
        anna = new Actor(shop.cashiers().active().get(0).id(), "Till 1");
    }

    @AfterEach
    void close() {
        assertThat(shop.integrity().run().ok()).as("balances agree with the ledger").isTrue();
        shop.close();
    }

    /** The action's panel, having checked it against a fresh look-up. */
    private MemberPanel fresh(ActionResult result) {
        assertThat(result.member()).as("the action's panel").isEqualTo(counter.panel(result.member().memberId()));
        return result.member();
    }

    private ProgramService ownerPrograms() {
        return new ProgramService(shop.db(), clock, OwnerGate.TRUSTED);
    }

    private ProgramRules rules() {
        return shop.programs().current().orElseThrow().rules();
    }

    @Test
    void everyActionAnswersWithThePanelAFreshLookUpShows() {
        ownerPrograms().save(rules().withTiers(new Tiers(30, 2, 4, 1000, 2000, 3000))
                .withCoupon(new Coupon(true, 10, null, 14)).withBirthday(new Birthday(true, "A cake")));
        Enrolled e = TestShop.enrol(shop, "Kari");
        long id = e.memberId();
        shop.db().write(tx -> tx.update(MEMBER).set(MEMBER.BIRTHDAY, LocalDate.of(1990, 6, 2))
                .set(MEMBER.BIRTHDAY_SET_AT, OffsetDateTime.now(clock).minusYears(1)).where(MEMBER.ID.eq(id)).execute());

        MemberPanel first = fresh(counter.stampOrAsk(id, null, anna));
        assertThat(first.stamps()).isEqualTo(1);
        assertThat(first.undoable().cashier()).isEqualTo(TestShop.CASHIER);
        ActionResult again = counter.stampOrAsk(id, null, anna);
        assertThat(again.refusal()).isEqualTo(Refusal.STAMPED_RECENTLY);
        fresh(again);
        MemberPanel regular = fresh(counter.stamp(id, Money.of(1250, "PLN"), anna));
        assertThat(regular.tier()).as("two visits in the window").isEqualTo(Tier.REGULAR);
        assertThat(regular.visitsToday()).isEqualTo(2);

        clock.advance(Duration.ofDays(1)); // the birthday, and yesterday's visits earn a coupon
        MemberPanel birthday = counter.panel(id);
        assertThat(birthday.coupon()).isNotNull();
        assertThat(birthday.birthdayReward()).isEqualTo("A cake");
        MemberPanel stamped = fresh(counter.stampOrAsk(id, null, TestShop.TILL));
        assertThat(stamped.stamps()).as("regular earns twice").isEqualTo(4);
        assertThat(stamped.coupon()).as("still yesterday's coupon").isNotNull();
        assertThat(stamped.undoable().cashier()).isNull();
        fresh(counter.redeemCoupon(id, anna));
        fresh(counter.redeemBirthday(id, anna));
        MemberPanel loyal = fresh(counter.stamp(id, null, anna));
        assertThat(loyal.tier()).isEqualTo(Tier.LOYAL);
        assertThat(loyal.rewardsReady()).as("a reward earned").isEqualTo(1);
        MemberPanel undone = fresh(counter.undo(id, anna));
        assertThat(undone.tier()).isEqualTo(Tier.REGULAR);
        MemberPanel loyalAgain = fresh(counter.stamp(id, null, anna));
        assertThat(loyalAgain.rewardsReady()).isEqualTo(1);

        ownerPrograms().save(rules().withReward(8, "Lunch")); // the open card keeps its 5 stamps for a coffee
        clock.advance(Duration.ofHours(2));
        MemberPanel oldCard = fresh(counter.stampOrAsk(id, null, anna));
        assertThat(oldCard.stampsForReward()).isEqualTo(5);
        assertThat(oldCard.rewardDescription()).isEqualTo("Free coffee");
        MemberPanel nextCard = fresh(counter.redeem(id, anna));
        assertThat(nextCard.stampsForReward()).as("the next card is under the new rules").isEqualTo(8);

        long group = new GroupService(shop.db(), OwnerGate.TRUSTED).add("Students", 1500).id();
        shop.db().write(tx -> tx.update(MEMBER).set(MEMBER.GROUP_ID, group).where(MEMBER.ID.eq(id)).execute());
        clock.advance(Duration.ofHours(2));
        MemberPanel student = fresh(counter.stampOrAsk(id, null, anna));
        assertThat(student.stamps() - nextCard.stamps()).as("loyal 3x, student 1.5x").isEqualTo(5);

        PointReward coffee = new PointReward(10, "Coffee");
        ownerPrograms().save(rules().withPoints(1, List.of(coffee, new PointReward(40, "Lunch"))));
        clock.advance(Duration.ofHours(2));
        MemberPanel points = fresh(counter.stampOrAsk(id, Money.of(800, "PLN"), anna));
        assertThat(points.points()).isEqualTo(36);
        assertThat(points.affordable()).containsExactly(coffee);
        fresh(counter.redeemPoints(id, coffee, anna));

        ownerPrograms().save(rules().withExpiry(new Expiry(ExpiryKind.INACTIVITY, 30)));
        clock.advance(Duration.ofDays(31));
        MemberPanel expired = fresh(counter.stampOrAsk(id, null, anna));
        assertThat(expired.stamps()).as("the stamps expired before the visit").isZero();
        assertThat(expired.tier()).isEqualTo(Tier.NEW);
    }

    @Test
    void aStampAnotherTillWritesMeanwhileIsInTheStampsPanel() {
        Enrolled e = TestShop.withStamps(shop, "Kari", 1);
        clock.advance(Duration.ofHours(1));
        Configuration configuration = shop.db().dsl().configuration();
        ExecuteListenerProvider[] before = configuration.executeListenerProviders();
        AtomicBoolean otherTill = new AtomicBoolean();
        Thread counterThread = Thread.currentThread();
        ExecuteListener meanwhile = new ExecuteListener() {
            @Override
            public void executeEnd(ExecuteContext ctx) {
                // once the counter has read the member's panel, and before it writes, another till stamps them
                if (Thread.currentThread() == counterThread && ctx.sql().contains("CASHIER.NAME")
                        && otherTill.compareAndSet(false, true)) {
                    CompletableFuture.runAsync(() -> shop.ledger().stamp(e.memberId(), e.cardId(), 1, null,
                            shop.programs().current().orElseThrow().id(), Actor.system("Till 2"))).join();
                }
            }
        };
        ExecuteListenerProvider[] with = Arrays.copyOf(before, before.length + 1);
        with[before.length] = new DefaultExecuteListenerProvider(meanwhile);
        configuration.set(with);
        ActionResult result;
        try {
            result = counter.stamp(e.memberId(), null, TestShop.TILL);
        } finally {
            configuration.set(before);
        }
        assertThat(otherTill).isTrue();
        assertThat(fresh(result).stamps()).as("one stamp each from two tills").isEqualTo(3);
        assertThat(result.member().visits()).isEqualTo(3);
    }
}
