package app.stempel.survey;

import static app.stempel.store.schema.Tables.SURVEY_ANSWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

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
import app.stempel.core.Language;
import app.stempel.counter.CounterViewModel;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.settings.SettingsService;
import app.stempel.store.schema.tables.records.SurveyAnswerRecord;
import app.stempel.testing.FakePrinter;
import app.stempel.testing.MutableClock;
import app.stempel.testing.StubFiles;
import app.stempel.testing.TestShop;
import app.stempel.testing.TestWindow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.scene.control.Button;
import javafx.css.PseudoClass;

/**
 * The quick survey at the counter, as a cashier meets it: offered after a stamp in the member panel, a tap
 * answers, Esc skips, the next scan or search replaces it, and the owner sets how often it asks.
 */
@ExtendWith(ApplicationExtension.class)
class SurveyScreenTest {

    private static final Duration SCAN_GAP = Duration.ofMillis(150);
    /** A person's typing, well apart from a scanner's. */
    private static final int HUMAN_MS = 200;

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-06-01T10:00:00Z");
    private Stage stage;
    private Services shop;
    private TestWindow window;
    private Enrolled ola;
    private Enrolled kari;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @BeforeEach
    void seed() {
        shop = TestShop.open(dir, clock);
        ola = TestShop.withStamps(shop, "Ola Nordmann", 1);
        kari = TestShop.withStamps(shop, "Kari Hansen", 2);
        clock.advance(Duration.ofDays(1)); // they came yesterday: today's stamp is no repeat
    }

    @AfterEach
    void close() {
        if (window != null) {
            window.close();
        }
        assertThat(shop.integrity().run().ok()).isTrue();
        shop.close();
    }

    private void show(FxRobot robot) throws Exception {
        window = TestWindow.open(robot, stage, shop, Language.ENGLISH, SCAN_GAP, new StubFiles(), new FakePrinter(),
                1024, 700);
        waitFor(() -> robot.lookup("#counter-search").tryQuery().isPresent());
        waitFor(stage::isFocused);
        robot.clickOn("#counter-search");
    }

    private CounterViewModel counter() {
        return window.screens().counter();
    }

    /** Nothing under way: no counter action and no survey check or write. */
    private void settle() throws TimeoutException {
        BooleanSupplier idle = () -> counter() != null && !counter().busyProperty().get()
                && !counter().survey().busyProperty().get();
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(idle);
        // a finished stamp starts the survey's check in the same callback: let it start, then wait for it too
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(idle);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void scan(FxRobot robot, Enrolled member, String name) throws Exception {
        robot.write(member.cardNumber(), 0);
        waitFor(() -> stage.getScene().getFocusOwner() instanceof TextField f && f.getText().endsWith(member.cardNumber()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        waitFor(() -> name.equals(text(robot, "#member-name")));
        settle();
    }

    private void stamp(FxRobot robot, String expectedMessage) throws Exception {
        robot.type(KeyCode.F2);
        waitFor(() -> text(robot, "#counter-message") != null && text(robot, "#counter-message").startsWith(expectedMessage));
        settle();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse(null);
    }

    private static boolean showing(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(SurveyScreenTest::reallyVisible).orElse(false);
    }

    private static boolean reallyVisible(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    private static void waitFor(BooleanSupplier condition) throws TimeoutException {
        Await.until(condition::getAsBoolean);
    }

    private List<SurveyAnswerRecord> rows() {
        return shop.db().dsl().selectFrom(SURVEY_ANSWER).orderBy(SURVEY_ANSWER.ID).fetch();
    }

    private long annaId() {
        return shop.cashiers().active().stream().filter(c -> c.name().equals(TestShop.CASHIER)).findFirst()
                .orElseThrow().id();
    }

    private void searchHasFocus(FxRobot robot) {
        assertThat(stage.getScene().getFocusOwner()).as("the search box keeps the focus")
                .isSameAs(robot.lookup("#counter-search").query());
    }

    @Test
    void aStampOffersTheSurveyATapOnNineRecordsItAndThanksAndItIsNotAskedAgainForNinetyDays(FxRobot robot)
            throws Exception {
        show(robot);
        scan(robot, ola, "Ola Nordmann");
        assertThat(showing(robot, "#survey")).as("no offer before the visit").isFalse();

        stamp(robot, "1 stamp added for Ola Nordmann");
        waitFor(() -> showing(robot, "#survey-question"));
        assertThat(text(robot, "#survey-question")).isEqualTo("Would you recommend us to a friend?");
        assertThat(robot.lookup(".survey-score").queryAll()).hasSize(11);
        searchHasFocus(robot);

        robot.clickOn("#survey-9");
        waitFor(() -> showing(robot, "#survey-thanks"));
        assertThat(text(robot, "#survey-thanks")).isEqualTo("Thank you for your answer!");
        assertThat(showing(robot, "#survey-question")).isFalse();
        List<SurveyAnswerRecord> rows = rows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getMemberId()).isEqualTo(ola.memberId());
        assertThat(rows.get(0).getScore()).isEqualTo(9);
        assertThat(rows.get(0).getCashierId()).isEqualTo(annaId());
        assertThat(rows.get(0).getTill()).isEqualTo(TestShop.TILL.till());
        assertThat(rows.get(0).getAnsweredAt().toInstant()).isEqualTo(clock.instant());
        searchHasFocus(robot);
        // the thanks goes by itself after a moment
        waitFor(() -> !showing(robot, "#survey"));
        assertThat(text(robot, "#member-name")).isEqualTo("Ola Nordmann");

        // within 90 days Ola is not asked again
        clock.advance(Duration.ofDays(89));
        stamp(robot, "1 stamp added for Ola Nordmann");
        assertThat(showing(robot, "#survey")).isFalse();
        assertThat(rows()).hasSize(1);
        // 90 days after the answer, the survey comes again
        clock.advance(Duration.ofDays(1));
        robot.type(KeyCode.F2);
        waitFor(() -> showing(robot, "#survey-question"));
        assertThat(rows()).hasSize(1);
    }

    @Test
    void escSkipsTheOfferRecordingNoScoreAndTheMemberStays(FxRobot robot) throws Exception {
        show(robot);
        scan(robot, kari, "Kari Hansen");
        stamp(robot, "1 stamp added for Kari Hansen");
        waitFor(() -> showing(robot, "#survey-question"));

        robot.type(KeyCode.ESCAPE);
        settle();
        assertThat(showing(robot, "#survey")).isFalse();
        assertThat(text(robot, "#member-name")).as("Esc skipped the survey only").isEqualTo("Kari Hansen");
        List<SurveyAnswerRecord> rows = rows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getMemberId()).isEqualTo(kari.memberId());
        assertThat(rows.get(0).getScore()).isNull();
        searchHasFocus(robot);

        // a skip counts as asked: the next visit does not offer it
        clock.advance(Duration.ofHours(1));
        stamp(robot, "1 stamp added for Kari Hansen");
        assertThat(showing(robot, "#survey")).isFalse();
        // and Esc clears the counter as it always did
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> robot.lookup("#member-name").tryQuery().isEmpty());
        assertThat(rows()).hasSize(1);
    }

    @Test
    void theSkipButtonSkipsToo(FxRobot robot) throws Exception {
        show(robot);
        scan(robot, ola, "Ola Nordmann");
        stamp(robot, "1 stamp added for Ola Nordmann");
        waitFor(() -> showing(robot, "#survey-skip"));
        robot.clickOn("#survey-skip");
        settle();
        assertThat(showing(robot, "#survey")).isFalse();
        assertThat(rows()).extracting(SurveyAnswerRecord::getScore).containsExactly((Integer) null);
        searchHasFocus(robot);
    }

    @Test
    void theNextScanReplacesTheOfferAndNothingIsRecorded(FxRobot robot) throws Exception {
        show(robot);
        scan(robot, ola, "Ola Nordmann");
        stamp(robot, "1 stamp added for Ola Nordmann");
        waitFor(() -> showing(robot, "#survey-question"));

        scan(robot, kari, "Kari Hansen");
        assertThat(showing(robot, "#survey")).isFalse();
        assertThat(text(robot, "#stamp-count")).isEqualTo("2/5");
        assertThat(rows()).isEmpty();

        // typing a name while it is offered searches as always; the digits and letters go to the search box
        stamp(robot, "1 stamp added for Kari Hansen");
        waitFor(() -> showing(robot, "#survey-question"));
        robot.write("Ola", HUMAN_MS);
        settle();
        assertThat(robot.lookup("#counter-search").queryAs(TextField.class).getText()).isEqualTo("Ola");
        assertThat(showing(robot, "#survey")).isFalse();
        assertThat(rows()).isEmpty();
        // a number above 10 is no answer either: it searches
        robot.type(KeyCode.ENTER);
        waitFor(() -> "Ola Nordmann".equals(text(robot, "#member-name")));
        clock.advance(Duration.ofHours(1));
        stamp(robot, "1 stamp added for Ola Nordmann");
        waitFor(() -> showing(robot, "#survey-question"));
        robot.write("11", HUMAN_MS);
        settle();
        assertThat(robot.lookup("#counter-search").queryAs(TextField.class).getText()).isEqualTo("11");
        assertThat(showing(robot, "#survey")).isFalse();
        assertThat(rows()).isEmpty();
    }

    @Test
    void theSurveyIsAnsweredFromTheKeyboardWithANumberAndEnter(FxRobot robot) throws Exception {
        show(robot);
        scan(robot, ola, "Ola Nordmann");
        stamp(robot, "1 stamp added for Ola Nordmann");
        waitFor(() -> showing(robot, "#survey-question"));

        robot.write("1", HUMAN_MS);
        settle();
        assertThat(showing(robot, "#survey")).as("a score being typed keeps the question").isTrue();
        assertThat(robot.lookup("#survey-1").query().getPseudoClassStates())
                .contains(PseudoClass.getPseudoClass("typed"));
        assertThat(robot.lookup("#member-detached").query().isVisible()).as("Ola stays on the counter").isFalse();
        robot.write("0", HUMAN_MS);
        settle();
        assertThat(robot.lookup("#survey-10").query().getPseudoClassStates())
                .contains(PseudoClass.getPseudoClass("typed"));
        assertThat(robot.lookup("#survey-1").query().getPseudoClassStates())
                .doesNotContain(PseudoClass.getPseudoClass("typed"));

        robot.type(KeyCode.ENTER);
        waitFor(() -> showing(robot, "#survey-thanks"));
        assertThat(rows()).extracting(SurveyAnswerRecord::getScore).containsExactly(10);
        assertThat(robot.lookup("#counter-search").queryAs(TextField.class).getText()).isEmpty();
        assertThat(text(robot, "#member-name")).isEqualTo("Ola Nordmann");
        searchHasFocus(robot);

        // and the survey's buttons are big enough for a finger
        waitFor(() -> !showing(robot, "#survey"));
        clock.advance(Duration.ofDays(91));
        stamp(robot, "1 stamp added for Ola Nordmann");
        waitFor(() -> showing(robot, "#survey-question"));
        Button nine = robot.lookup("#survey-9").queryButton();
        assertThat(nine.getHeight()).isGreaterThanOrEqualTo(48);
        assertThat(nine.getWidth()).isGreaterThanOrEqualTo(44);
    }

    @Test
    void theOwnerSetsHowOftenInSettingsAndZeroStopsTheSurvey(FxRobot robot) throws Exception {
        show(robot);
        window.unlockOwner();
        robot.clickOn("#nav-settings");
        waitFor(() -> robot.lookup("#settings-survey-days").tryQuery().isPresent());
        TextField days = robot.lookup("#settings-survey-days").queryAs(TextField.class);
        waitFor(() -> "90".equals(days.getText()));

        robot.clickOn(days).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("ten", 80);
        robot.clickOn("#settings-survey-apply");
        waitFor(() -> "Choose 0 to 3650 days.".equals(text(robot, "#settings-message")));
        assertThat(shop.settings().get(SettingsService.SURVEY_DAYS)).isEmpty();

        robot.clickOn(days).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("30", 80);
        robot.clickOn("#settings-survey-apply");
        waitFor(() -> "The quick survey now asks a member again after 30 days.".equals(text(robot, "#settings-message")));
        assertThat(shop.settings().surveyDays()).isEqualTo(30);

        robot.clickOn(days).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("0", 80);
        robot.type(KeyCode.ENTER);
        waitFor(() -> "The quick survey is off: nobody is asked.".equals(text(robot, "#settings-message")));
        assertThat(shop.settings().surveyDays()).isZero();

        // owner mode ends: the setting is out of reach again
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#settings-survey-days").tryQuery().isEmpty());

        robot.clickOn("#nav-counter");
        waitFor(() -> robot.lookup("#counter-search").tryQuery().isPresent());
        robot.clickOn("#counter-search");
        scan(robot, ola, "Ola Nordmann");
        stamp(robot, "1 stamp added for Ola Nordmann");
        assertThat(showing(robot, "#survey")).as("0 days: never asked").isFalse();
        assertThat(rows()).isEmpty();
    }
}
