package app.stempel.counter;

import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.stempel.testing.Await;
import app.stempel.Services;
import app.stempel.program.GroupService;
import app.stempel.program.ProgramService;
import app.stempel.owner.OwnerGate;
import app.stempel.core.Language;
import app.stempel.core.Money;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.members.MemberService.NewMember;
import app.stempel.program.ProgramRules;
import app.stempel.program.ProgramRules.Birthday;
import app.stempel.program.ProgramRules.Coupon;
import app.stempel.program.ProgramRules.PointReward;
import app.stempel.testing.FakePrinter;
import app.stempel.testing.MutableClock;
import app.stempel.testing.StubFiles;
import app.stempel.testing.TestShop;
import app.stempel.testing.TestWindow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextField;
import java.util.function.Predicate;
import java.util.concurrent.TimeoutException;
import java.util.Currency;
import app.stempel.core.EntryKind;

/**
 * The program's offers at the counter, driven by a cashier's keys: the come-back coupon (F7), the
 * birthday reward (F8) and, in points mode, choosing the reward with a digit or the arrows and Enter.
 */
@ExtendWith(ApplicationExtension.class)
class CounterOffersScreenTest {

    private static final Duration SCAN_GAP = Duration.ofMillis(150);

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-06-01T10:00:00Z");
    private Stage stage;
    private Services shop;
    private TestWindow window;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @BeforeEach
    void seed() {
        shop = TestShop.open(dir, clock);
    }

    @AfterEach
    void close() {
        if (window != null) {
            window.close();
        }
        assertThat(shop.integrity().run().ok()).isTrue();
        shop.close();
    }

    private ProgramRules rules() {
        return shop.programs().current().orElseThrow().rules();
    }

    private void show(FxRobot robot) throws Exception {
        window = TestWindow.open(robot, stage, shop, Language.ENGLISH, SCAN_GAP, new StubFiles(), new FakePrinter());
        Await.until(() -> robot.lookup("#counter-search").tryQuery().isPresent());
        Await.until(stage::isFocused);
        robot.clickOn("#counter-search");
    }

    private void scan(FxRobot robot, Enrolled member, String name) throws Exception {
        robot.write(member.cardNumber(), 0);
        Await.until(() -> stage.getScene().getFocusOwner()
                instanceof TextInputControl f && f.getText().endsWith(member.cardNumber()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#member-name", name::equals);
    }

    private void press(FxRobot robot, KeyCode key) {
        robot.type(key);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse(null);
    }

    private static void waitFor(FxRobot robot, String id, Predicate<String> ok) {
        try {
            Await.until(() -> {
                String t = text(robot, id);
                return t != null && ok.test(t);
            });
        } catch (TimeoutException e) {
            throw new AssertionError(id + " shows " + text(robot, id) + "; message: " + text(robot, "#counter-message"));
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitGone(FxRobot robot, String id) throws Exception {
        Await.until(() -> robot.lookup(id).tryQuery().map(n -> !n.isVisible()).orElse(true));
    }

    private int ledger(EntryKind kind) {
        return shop.db().dsl().fetchCount(LEDGER_ENTRY, LEDGER_ENTRY.KIND.eq(kind));
    }

    /** The program and groups as the owner changes them (owner mode is tested on its own). */
    private ProgramService ownerPrograms() {
        return new ProgramService(shop.db(), clock, OwnerGate.TRUSTED);
    }

    private GroupService ownerGroups() {
        return new GroupService(shop.db(), OwnerGate.TRUSTED);
    }

    @Test
    void aValidComeBackCouponIsShownAndF7UsesItOnce(FxRobot robot) throws Exception {
        ownerPrograms().save(rules().withCoupon(new Coupon(true, 10, null, 14)));
        Enrolled ola = TestShop.withStamps(shop, "Ola Nordmann", 1);
        clock.advance(Duration.ofDays(3));
        show(robot);
        scan(robot, ola, "Ola Nordmann");

        waitFor(robot, "#member-coupon", t -> t.startsWith("Come-back coupon: 10 % off, until"));
        press(robot, KeyCode.F7);
        waitFor(robot, "#counter-message", "Come-back coupon used: 10 % off."::equals);
        waitGone(robot, "#member-coupon");
        assertThat(ledger(EntryKind.COUPON)).isEqualTo(1);

        press(robot, KeyCode.F7);
        waitFor(robot, "#counter-message", "No come-back coupon is valid for this member now."::equals);
        assertThat(ledger(EntryKind.COUPON)).isEqualTo(1);
    }

    @Test
    void theBirthdayRewardIsShownInTheBirthdayWeekAndF8GivesIt(FxRobot robot) throws Exception {
        ownerPrograms().save(rules().withBirthday(new Birthday(true, "Free muffin")));
        Enrolled kari = shop.members().enrol(new NewMember("Kari Hansen", null, null, LocalDate.of(1990, 7, 2), false));
        clock.set(Instant.parse("2026-07-03T10:00:00Z")); // the day after, 32 days after the birthday was entered
        show(robot);
        scan(robot, kari, "Kari Hansen");

        waitFor(robot, "#member-birthday-reward", "Birthday reward: Free muffin (F8)"::equals);
        press(robot, KeyCode.F8);
        waitFor(robot, "#counter-message", "Birthday reward given: Free muffin."::equals);
        waitGone(robot, "#member-birthday-reward");
        assertThat(ledger(EntryKind.BIRTHDAY)).isEqualTo(1);
        press(robot, KeyCode.F8);
        waitFor(robot, "#counter-message", "No birthday reward is due for this member now."::equals);
        assertThat(ledger(EntryKind.BIRTHDAY)).isEqualTo(1);
    }

    @Test
    void onATouchscreenTappingTheCouponTakesIt(FxRobot robot) throws Exception {
        ownerPrograms().save(rules().withCoupon(new Coupon(true, null, "Free cookie", 7)));
        Enrolled ola = TestShop.withStamps(shop, "Ola Nordmann", 1);
        clock.advance(Duration.ofDays(7));
        show(robot);
        scan(robot, ola, "Ola Nordmann");
        waitFor(robot, "#member-coupon", t -> t.startsWith("Come-back coupon: Free cookie, until"));
        robot.clickOn("#member-coupon");
        waitFor(robot, "#counter-message", "Come-back coupon used: Free cookie."::equals);
        assertThat(ledger(EntryKind.COUPON)).isEqualTo(1);
    }

    @Test
    void inPointsModeF3OffersTheAffordableRewardsAndADigitOrTheArrowsAndEnterChoose(FxRobot robot) throws Exception {
        ownerPrograms().save(rules().withPoints(2, List.of(new PointReward(50, "Coffee"), new PointReward(120, "Lunch"),
                new PointReward(500, "Dinner"))));
        Enrolled ola = TestShop.enrol(shop, "Ola Nordmann");
        Enrolled jan = TestShop.enrol(shop, "Jan Kowalski");
        shop.counter().stamp(ola.memberId(), Money.of(6500, "PLN"), TestShop.TILL); // 130 points
        shop.counter().stamp(jan.memberId(), Money.of(6500, "PLN"), TestShop.TILL);
        show(robot);

        scan(robot, ola, "Ola Nordmann");
        assertThat(text(robot, "#stamp-count")).isEqualTo("130 points");
        press(robot, KeyCode.F3);
        waitFor(robot, "#reward-choice-2", "2. Lunch (120 points)"::equals);
        assertThat(robot.lookup("#reward-choice-1").queryAs(Label.class).getText()).isEqualTo("1. Coffee (50 points)");
        assertThat(robot.lookup("#reward-choice-3").tryQuery()).as("Dinner is out of reach").isEmpty();
        press(robot, KeyCode.DIGIT2);
        waitFor(robot, "#stamp-count", "10 points"::equals);
        assertThat(text(robot, "#counter-message")).isEqualTo("Lunch redeemed for 120 points.");
        assertThat(robot.lookup("#counter-search").queryAs(TextField.class).getText())
                .as("the digit picked, it did not land in the search box").isEmpty();

        press(robot, KeyCode.ESCAPE);
        robot.clickOn("#counter-search");
        scan(robot, jan, "Jan Kowalski");
        press(robot, KeyCode.F3);
        waitFor(robot, "#reward-choice-1", t -> t.startsWith("1. Coffee"));
        press(robot, KeyCode.DOWN);
        press(robot, KeyCode.UP);
        press(robot, KeyCode.ENTER);
        waitFor(robot, "#stamp-count", "80 points"::equals);
        assertThat(robot.lookup("#reward-choice").tryQuery().map(Node::isVisible).orElse(false)).isFalse();
        assertThat(ledger(EntryKind.POINTS_REDEEM)).isEqualTo(2);
    }

    @Test
    void afterTheSwitchToPointsAnEarlierCardsStampsStayVisibleAndRedeemable(FxRobot robot) throws Exception {
        Enrolled gro = TestShop.withStamps(shop, "Gro Pedersen", 6); // a 5-stamp card: one reward and one stamp
        Enrolled ola = TestShop.withStamps(shop, "Ola Nordmann", 1);
        ownerPrograms().save(rules().withPoints(2, List.of(new PointReward(50, "Coffee"))));
        clock.advance(Duration.ofDays(1));
        show(robot);

        scan(robot, ola, "Ola Nordmann");
        assertThat(text(robot, "#stamp-count")).isEqualTo("0 points");
        assertThat(text(robot, "#member-leftover")).isEqualTo("From the earlier stamp card: 1/5 stamps towards Free coffee");
        assertThat(robot.lookup("#stamp").queryButton().getText()).isEqualTo("Add points  F2");
        assertThat(robot.lookup("#redeem").queryButton().isDisabled()).isTrue();

        press(robot, KeyCode.ESCAPE);
        robot.clickOn("#counter-search");
        scan(robot, gro, "Gro Pedersen");
        assertThat(text(robot, "#member-leftover")).isEqualTo("From the earlier stamp card: 1 reward ready (Free coffee), F3");
        press(robot, KeyCode.F3);
        waitFor(robot, "#reward-choice-1", "1. Free coffee (a full stamp card)"::equals);
        press(robot, KeyCode.DIGIT1);
        waitFor(robot, "#counter-message", "Reward redeemed: Free coffee."::equals);
        waitFor(robot, "#member-leftover", "From the earlier stamp card: 1/5 stamps towards Free coffee"::equals);
        assertThat(ledger(EntryKind.REDEEM)).isEqualTo(1);
        assertThat(shop.counter().panel(gro.memberId()).stamps()).isEqualTo(1);
    }

    @Test
    void afterTheSwitchBackToStampsEarlierPointsStayVisibleAndRedeemable(FxRobot robot) throws Exception {
        ownerPrograms().save(rules().withPoints(2, List.of(new PointReward(50, "Coffee"), new PointReward(500, "Dinner"))));
        Enrolled ola = TestShop.enrol(shop, "Ola Nordmann");
        shop.counter().stamp(ola.memberId(), Money.of(3000, "PLN"), TestShop.TILL); // 60 points
        ownerPrograms().startStampCard(5, "Free coffee", Currency.getInstance("PLN"));
        clock.advance(Duration.ofDays(1));
        show(robot);

        scan(robot, ola, "Ola Nordmann");
        assertThat(text(robot, "#stamp-count")).isEqualTo("0/5");
        assertThat(text(robot, "#member-leftover"))
                .isEqualTo("60 points from the earlier points program · 1 reward to choose from (F3)");
        press(robot, KeyCode.F3);
        waitFor(robot, "#reward-choice-1", "1. Coffee (50 points)"::equals);
        press(robot, KeyCode.ENTER);
        waitFor(robot, "#counter-message", "Coffee redeemed for 50 points."::equals);
        waitFor(robot, "#member-leftover", "10 points from the earlier points program"::equals);
        assertThat(ledger(EntryKind.POINTS_REDEEM)).isEqualTo(1);
    }
}
