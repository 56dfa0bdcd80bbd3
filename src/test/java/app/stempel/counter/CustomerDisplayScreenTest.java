package app.stempel.counter;

import static app.stempel.store.schema.Tables.SURVEY_ANSWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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
import app.stempel.owner.OwnerGate;
import app.stempel.Services;
import app.stempel.core.Language;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.members.MemberService.NewMember;
import app.stempel.settings.SettingsService;
import app.stempel.store.schema.tables.records.SurveyAnswerRecord;
import app.stempel.testing.FakePrinter;
import app.stempel.testing.StubFiles;
import app.stempel.testing.TestShop;
import app.stempel.testing.TestWindow;
import app.stempel.ui.I18n;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javafx.stage.WindowEvent;
import javafx.stage.StageStyle;
import javafx.scene.image.WritableImage;
import javafx.embed.swing.SwingFXUtils;
import java.nio.file.Files;
import java.io.IOException;
import app.stempel.program.ProgramService;
import app.stempel.program.ProgramRules;
import app.stempel.owner.OwnerGate;

/**
 * The customer display beside the real counter: the cashier scans and stamps at the till, and the customer
 * sees the shop's welcome, their first name and card, a "+1", and answers the quick survey by tapping the
 * display. The display never shows more than the first name.
 */
@ExtendWith(ApplicationExtension.class)
class CustomerDisplayScreenTest {

    /**
     * Far slower than a real scanner: on a loaded test machine the robot's keystrokes come up to 160 ms
     * apart, and a scan is the burst alone. Nothing typed by hand here is followed by Enter.
     */
    private static final Duration SCAN_GAP = Duration.ofSeconds(2);
    /** A person typing a name. */
    private static final int HUMAN_MS = 200;
    private static final String PHONE = "91234567";
    private static final String EMAIL = "ola.nordmann@example.com";

    @TempDir
    Path dir;
    private Stage stage;
    private Services shop;
    private TestWindow window;
    private CustomerDisplayModel model;
    private CustomerDisplayView view;
    private CustomerDisplayWindow display;
    private final I18n i18n = new I18n(Language.ENGLISH);
    /** Each text the "+N" had when it came into view. */
    private final List<String> plusShown = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @BeforeEach
    void seed() {
        shop = TestShop.open(dir, Clock.systemUTC());
    }

    @AfterEach
    void close() throws Exception {
        if (display != null) {
            WaitForAsyncUtils.asyncFx(display::close).get(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
        }
        if (window != null) {
            window.close();
        }
        shop.close();
    }

    /** The counter, and the display opened beside it, not overlapping it; the focus back at the counter. */
    private void show(FxRobot robot) throws Exception {
        String shopName = shop.settings().get(SettingsService.SHOP_NAME).orElseThrow();
        window = TestWindow.open(robot, stage, shop, Language.ENGLISH, SCAN_GAP, new StubFiles(), new FakePrinter());
        waitFor(() -> robot.lookup("#counter-search").tryQuery().isPresent() && counter() != null);
        WaitForAsyncUtils.asyncFx(() -> {
            // the counter at the top of the (1600 × 1200) test screen, the display below it, apart
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1024);
            stage.setHeight(600);
            model = new CustomerDisplayModel(counter());
            model.setShopName(shopName);
            view = new CustomerDisplayView(model, i18n);
            display = new CustomerDisplayWindow(view, i18n, stage.getScene().getStylesheets());
            display.show(() -> {
                display.stage().setX(576);
                display.stage().setY(600);
                stage.toFront();
                stage.requestFocus();
            });
            plus().visibleProperty().addListener((obs, old, now) -> {
                if (now) {
                    plusShown.add(((Labeled) plus()).getText());
                }
            });
        }).get(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
        waitFor(() -> display.isShowing() && display.stage().getY() == 600 && stage.isFocused());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#counter-search");
        waitFor(() -> stage.getScene().getFocusOwner() == robot.lookup("#counter-search").query());
    }

    private CounterViewModel counter() {
        return window.screens().counter();
    }

    // --- helpers a cashier would recognise

    private void scan(FxRobot robot, String number) throws Exception {
        robot.write(number, 0);
        waitFor(() -> stage.getScene().getFocusOwner() instanceof TextField f && f.getText().endsWith(number));
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        settle();
    }

    /** Nothing under way at the counter: no lookup, no action, no survey check or write. */
    private void settle() throws TimeoutException {
        BooleanSupplier idle = () -> !counter().busyProperty().get() && !counter().survey().busyProperty().get();
        for (int i = 0; i < 2; i++) {
            // a finished stamp starts the survey's check in the same callback: let it start, then wait for it too
            WaitForAsyncUtils.waitForFxEvents();
            waitFor(idle);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    // --- what the customer sees

    private Node displayNode(String id) {
        Node n = display.stage().getScene().lookup(id);
        assertThat(n).as(id).isNotNull();
        return n;
    }

    private Node plus() {
        return displayNode("#display-plus");
    }

    private String text(String id) {
        return ((Labeled) displayNode(id)).getText();
    }

    private boolean showing(String id) {
        Node n = display.stage().getScene().lookup(id);
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return n != null;
    }

    private void waitUntilShows(String id, String text) throws TimeoutException {
        try {
            waitFor(() -> showing(id) && text.equals(text(id)));
        } catch (TimeoutException e) {
            throw new AssertionError(id + " shows \"" + text(id) + "\" (" + (showing(id) ? "visible" : "hidden")
                    + "), not \"" + text + "\"; the display is at " + model.stageProperty().get() + "; the counter has \""
                    + counter().queryProperty().get() + "\" in its search box, "
                    + (counter().memberProperty().get() == null ? "nobody" : "a member") + " on its panel and says \""
                    + counter().messageProperty().get() + "\"", e);
        }
    }

    /** Every text on the display, shown or not: labels, buttons and the texts their skins draw. */
    private List<String> everyText() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> texts = new ArrayList<>();
            collect(display.stage().getScene().getRoot(), texts);
            return texts;
        }).get(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    private static void collect(Node n, List<String> texts) {
        if (n instanceof Labeled l && l.getText() != null) {
            texts.add(l.getText());
        }
        if (n instanceof Text t && t.getText() != null) {
            texts.add(t.getText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, texts));
        }
    }

    private void nothingButTheFirstNameIsShown() throws Exception {
        List<String> texts = everyText();
        assertThat(texts).as("texts on the display").noneMatch(t -> t.contains("Nordmann") || t.contains(PHONE)
                || t.contains("example.com") || t.contains("@"));
    }

    private int filledSlots() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> (int) displayNode("#display-card").lookupAll(".display-stamp").stream()
                .filter(n -> n.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("filled")))
                .count()).get(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    private int slots() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> displayNode("#display-card").lookupAll(".display-stamp").size())
                .get(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The window sizes the display must look right at, with the size step each gets. */
    private static final Map<Rectangle2D, String> SIZES = Map.of(new Rectangle2D(0, 0, 800, 600), "size-s",
            new Rectangle2D(0, 0, 1024, 768), "size-m", new Rectangle2D(0, 0, 1280, 800), "size-l",
            new Rectangle2D(0, 0, 1920, 1080), "size-xl");

    /**
     * At 800 × 600, 1024 × 768, 1280 × 800 and 1920 × 1080: everything shown lies inside the window and no
     * text is cut short; the survey's answers are at least 64 × 64 pixels each, apart, in one row where they
     * fit and in two on the narrowest window. With {@code -Ddisplay.shots=dir} it also saves a picture of
     * each, to look at.
     */
    private void looksRightAtEverySize(String name) throws Exception {
        for (var size : SIZES.entrySet()) {
            double w = size.getKey().getWidth();
            double h = size.getKey().getHeight();
            WaitForAsyncUtils.asyncFx(() -> {
                display.stage().setWidth(w);
                display.stage().setHeight(h);
            }).get(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
            waitFor(() -> display.stage().getScene().getWidth() == w && display.stage().getScene().getHeight() == h);
            List<String> problems = WaitForAsyncUtils.asyncFx(() -> {
                Parent root = display.stage().getScene().getRoot();
                for (int i = 0; i < 2; i++) { // the size step changes the fonts, which changes the layout
                    root.applyCss();
                    root.layout();
                }
                saveShot(name + "-" + (int) w + "x" + (int) h);
                return problems(w, h, size.getValue());
            }).get(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
            assertThat(problems).as(name + " at " + (int) w + " × " + (int) h).isEmpty();
        }
        WaitForAsyncUtils.asyncFx(() -> {
            display.stage().setWidth(CustomerDisplayWindow.WIDTH);
            display.stage().setHeight(CustomerDisplayWindow.HEIGHT);
        }).get(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
        waitFor(() -> display.stage().getScene().getWidth() == CustomerDisplayWindow.WIDTH);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> problems(double w, double h, String step) {
        List<String> problems = new ArrayList<>();
        Node root = displayNode("#customer-display");
        if (root.getPseudoClassStates().stream().noneMatch(p -> p.getPseudoClassName().equals(step))) {
            problems.add("size step " + root.getPseudoClassStates() + ", not " + step);
        }
        List<Node> shown = new ArrayList<>();
        shownNodes(root, shown);
        for (Node n : shown) {
            Bounds b = n.localToScene(n.getLayoutBounds());
            if (b.getMinX() < -1 || b.getMinY() < -1 || b.getMaxX() > w + 1 || b.getMaxY() > h + 1) {
                problems.add(n.getId() + " " + n.getStyleClass() + " lies outside the window: " + b);
            }
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
                String drawn = l.getChildrenUnmodifiable().stream()
                        .filter(t -> t instanceof Text && t.getStyleClass().contains("text"))
                        .map(t -> ((Text) t).getText()).findFirst().orElse("");
                if (!drawn.equals(l.getText())) {
                    problems.add(l.getId() + " is cut short: \"" + drawn + "\"");
                }
            }
        }
        if (showing("#display-survey")) {
            List<Bounds> buttons = new ArrayList<>();
            for (int s = 0; s <= 10; s++) {
                Button b = (Button) displayNode("#display-survey-" + s);
                Bounds at = b.localToScene(b.getLayoutBounds());
                if (at.getWidth() < 64 || at.getHeight() < 64) {
                    problems.add(b.getId() + " is only " + at.getWidth() + " × " + at.getHeight());
                }
                for (Bounds other : buttons) {
                    if (other.intersects(at.getMinX() + 1, at.getMinY() + 1, at.getWidth() - 2, at.getHeight() - 2)) {
                        problems.add(b.getId() + " overlaps another answer");
                    }
                }
                buttons.add(at);
            }
            long rows = buttons.stream().map(Bounds::getMinY).distinct().count();
            if (rows != (w < 1000 ? 2 : 1)) {
                problems.add("the answers are in " + rows + " rows");
            }
        }
        return problems;
    }

    private static void shownNodes(Node n, List<Node> into) {
        if (!n.isVisible()) {
            return;
        }
        into.add(n);
        if (n instanceof Parent p && !(n instanceof Labeled)) {
            p.getChildrenUnmodifiable().forEach(c -> shownNodes(c, into));
        }
    }

    private void saveShot(String name) throws IOException {
        String to = System.getProperty("display.shots");
        if (to != null) {
            Files.createDirectories(Path.of(to));
            ImageIO.write(SwingFXUtils.fromFXImage(
                    display.stage().getScene().snapshot(null), null), "png", Path.of(to, name + ".png").toFile());
        }
    }

    private static void waitFor(BooleanSupplier condition) throws TimeoutException {
        Await.until(condition::getAsBoolean);
    }

    // --- the tests

    @Test
    void idleWelcomesThenTheFirstNameTheCardAndPlusOneAndANewSearchGoesBackToIdle(FxRobot robot) throws Exception {
        TestShop.putSettings(shop.db(), Map.of(SettingsService.SURVEY_DAYS, "0")); // no survey in the way of the card
        Enrolled ola = shop.members().enrol(new NewMember("Ola Nordmann", PHONE, EMAIL, null, false));
        Enrolled kari = TestShop.withStamps(shop, "Kari Hansen", 5);
        show(robot);

        waitUntilShows("#display-welcome", "Welcome to Kafé Test");
        assertThat(showing("#display-idle-hint")).isTrue();
        assertThat(text("#display-idle-hint")).isEqualTo("Show your loyalty card at the till");
        assertThat(showing("#display-hello")).isFalse();
        assertThat(showing("#display-plus")).isFalse();
        assertThat(showing("#display-logo")).as("no logo given").isFalse();
        WaitForAsyncUtils.asyncFx(() -> view.setLogo(new WritableImage(300, 100))).get(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
        assertThat(showing("#display-logo")).isTrue();
        looksRightAtEverySize("idle");

        // a full card: the reward ready stands out
        scan(robot, kari.cardNumber());
        waitUntilShows("#display-hello", "Hello, Kari!");
        assertThat(showing("#display-ready")).isTrue();
        assertThat(text("#display-ready")).isEqualTo("1 reward ready");
        assertThat(showing("#display-next")).isFalse();
        assertThat(text("#display-count")).isEqualTo("0/5");
        looksRightAtEverySize("ready");
        // Esc at the counter: the display welcomes the next customer
        robot.type(KeyCode.ESCAPE);
        settle();
        waitUntilShows("#display-welcome", "Welcome to Kafé Test");

        scan(robot, ola.cardNumber());
        waitUntilShows("#display-hello", "Hello, Ola!");
        assertThat(showing("#display-welcome")).isFalse();
        assertThat(text("#display-count")).isEqualTo("0/5");
        assertThat(slots()).isEqualTo(5);
        assertThat(filledSlots()).isZero();
        assertThat(showing("#display-next")).isTrue();
        assertThat(text("#display-next")).isEqualTo("5 more stamps for: Free coffee");
        assertThat(showing("#display-ready")).isFalse();
        assertThat(showing("#display-points")).isFalse();
        nothingButTheFirstNameIsShown();
        looksRightAtEverySize("member");
        assertThat(plusShown).as("no stamp has landed yet").isEmpty();

        robot.type(KeyCode.F2);
        settle();
        waitUntilShows("#display-count", "1/5");
        waitFor(() -> plusShown.contains("+1"));
        assertThat(plusShown).containsExactly("+1");
        assertThat(filledSlots()).isEqualTo(1);
        assertThat(text("#display-next")).isEqualTo("4 more stamps for: Free coffee");
        assertThat(text("#display-hello")).isEqualTo("Hello, Ola!");
        nothingButTheFirstNameIsShown();
        // the "+1" goes by itself after a moment; the card stays
        waitFor(() -> !plus().isVisible());
        assertThat(showing("#display-count")).isTrue();

        // the cashier starts a new search: the last customer's card leaves the display at once
        robot.write("Kar", HUMAN_MS);
        settle();
        waitUntilShows("#display-welcome", "Welcome to Kafé Test");
        assertThat(showing("#display-hello")).isFalse();
        nothingButTheFirstNameIsShown();
    }

    @Test
    void inPointsModeTheDisplayShowsThePointsAndHowManyLanded(FxRobot robot) throws Exception {
        TestShop.putSettings(shop.db(), Map.of(SettingsService.SURVEY_DAYS, "0"));
        var programs = new ProgramService(shop.db(), Clock.systemUTC(), OwnerGate.TRUSTED);
        programs.save(programs.current().orElseThrow().rules().withPoints(2,
                List.of(new ProgramRules.PointReward(50, "Coffee"))));
        Enrolled ola = TestShop.enrol(shop, "Ola Nordmann");
        show(robot);

        scan(robot, ola.cardNumber());
        waitUntilShows("#display-hello", "Hello, Ola!");
        assertThat(text("#display-points")).isEqualTo("0 points");
        assertThat(showing("#display-card")).as("no stamp card in points mode").isFalse();

        robot.clickOn("#counter-amount").write("12");
        robot.type(KeyCode.F2);
        settle();
        waitUntilShows("#display-points", "24 points");
        waitFor(() -> plusShown.contains("+24"));
        nothingButTheFirstNameIsShown();
    }

    @Test
    void theCustomerAnswersTheSurveyOnTheDisplayAndItIsRecorded(FxRobot robot) throws Exception {
        Enrolled ola = shop.members().enrol(new NewMember("Ola Nordmann", PHONE, EMAIL, null, false));
        show(robot);
        scan(robot, ola.cardNumber());
        waitUntilShows("#display-hello", "Hello, Ola!");
        assertThat(showing("#display-survey")).isFalse();

        robot.type(KeyCode.F2);
        settle();
        waitFor(() -> showing("#display-survey"));
        assertThat(text("#display-survey-question")).isEqualTo("Would you recommend us to a friend?");
        assertThat(text("#display-survey-scale")).isEqualTo("0 not at all · 10 certainly");
        waitFor(() -> !displayNode("#display-survey-9").isDisabled());
        assertThat(showing("#display-hello")).isFalse();
        nothingButTheFirstNameIsShown();
        looksRightAtEverySize("survey");

        robot.clickOn("#display-survey-9");
        waitUntilShows("#display-thanks", "Thank you for your answer!");
        looksRightAtEverySize("thanks");
        settle();
        List<SurveyAnswerRecord> rows = shop.db().dsl().selectFrom(SURVEY_ANSWER).fetch();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getMemberId()).isEqualTo(ola.memberId());
        assertThat(rows.get(0).getScore()).isEqualTo(9);
        assertThat(displayNode("#display-survey-9").isDisabled()).as("one answer only").isTrue();
        // the counter's own survey strip ends the thanks after a moment: the card comes back
        waitUntilShows("#display-hello", "Hello, Ola!");
        assertThat(text("#display-count")).isEqualTo("1/5");
    }

    @Test
    void onOneScreenTheDisplayIsAnOrdinaryWindowThatThePersonMayCloseAndOpenAgain(FxRobot robot) throws Exception {
        Enrolled ola = shop.members().enrol(new NewMember("Ola Nordmann", PHONE, EMAIL, null, false));
        show(robot);
        Stage own = display.stage();
        assertThat(own.getStyle()).isEqualTo(StageStyle.DECORATED);
        assertThat(own.getTitle()).isEqualTo("Stempel – for the customer");
        assertThat(own.isResizable()).isTrue();
        assertThat(own.getScene().getWidth()).isEqualTo(CustomerDisplayWindow.WIDTH);
        assertThat(own.getScene().getHeight()).isEqualTo(CustomerDisplayWindow.HEIGHT);
        assertThat(own.getScene().getStylesheets()).containsAll(stage.getScene().getStylesheets())
                .anyMatch(css -> css.endsWith("/counter/customer-display.css"));

        // the window manager's close button
        WaitForAsyncUtils.asyncFx(() -> own.fireEvent(new WindowEvent(own,
                WindowEvent.WINDOW_CLOSE_REQUEST))).get(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
        waitFor(() -> !display.isShowing());
        assertThat(display.showingProperty().get()).isFalse();

        // opened again, it shows the counter as it is now
        WaitForAsyncUtils.asyncFx(stage::requestFocus).get(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
        waitFor(stage::isFocused);
        scan(robot, ola.cardNumber());
        WaitForAsyncUtils.asyncFx(() -> display.show(() -> {
            stage.toFront();
            stage.requestFocus();
        })).get(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
        waitFor(() -> display.isShowing() && stage.isFocused());
        assertThat(display.stage()).isNotSameAs(own);
        waitUntilShows("#display-hello", "Hello, Ola!");
        WaitForAsyncUtils.asyncFx(display::close).get(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
        waitFor(() -> !display.isShowing());
    }

    // --- the window's place and the view's arithmetic, without a screen

    @Test
    void withASecondScreenTheDisplayCoversTheFirstScreenThatIsNotThePrimary() {
        Rectangle2D primary = new Rectangle2D(0, 0, 1366, 728);
        Rectangle2D left = new Rectangle2D(-1024, 0, 1024, 768);
        Rectangle2D right = new Rectangle2D(1366, 0, 1920, 1050);

        var at = CustomerDisplayWindow.placement(List.of(primary, right, left), primary);

        assertThat(at.ownScreen()).isTrue();
        assertThat(at.bounds()).isEqualTo(right);
        assertThat(CustomerDisplayWindow.placement(List.of(left, primary), primary).bounds()).isEqualTo(left);
    }

    @Test
    void withOneScreenTheDisplayIsAnOrdinaryWindowInTheMiddleOfIt() {
        Rectangle2D primary = new Rectangle2D(0, 24, 1600, 1176);

        var at = CustomerDisplayWindow.placement(List.of(primary), primary);

        assertThat(at.ownScreen()).isFalse();
        assertThat(at.bounds()).isEqualTo(new Rectangle2D(400, 312, 800, 600));
        // a screen smaller than the window: the window fits it
        Rectangle2D tiny = new Rectangle2D(0, 0, 640, 480);
        assertThat(CustomerDisplayWindow.placement(List.of(tiny), tiny).bounds()).isEqualTo(tiny);
    }

    @Test
    void theCardIsDrawnInBalancedRowsOfAtMostTenAndThirtySlotsAtMost() {
        assertThat(CustomerDisplayView.rowSizes(0)).isEmpty();
        assertThat(CustomerDisplayView.rowSizes(5)).containsExactly(5);
        assertThat(CustomerDisplayView.rowSizes(10)).containsExactly(10);
        assertThat(CustomerDisplayView.rowSizes(12)).containsExactly(6, 6);
        assertThat(CustomerDisplayView.rowSizes(15)).containsExactly(8, 7);
        assertThat(CustomerDisplayView.rowSizes(21)).containsExactly(7, 7, 7);
        assertThat(CustomerDisplayView.rowSizes(30)).containsExactly(10, 10, 10);
        assertThat(CustomerDisplayView.rowSizes(50)).containsExactly(10, 10, 10);
    }

    @Test
    void theTextGrowsInStepsWithTheWindow() {
        assertThat(CustomerDisplayView.sizeStep(800, 600)).isEqualTo("size-s");
        assertThat(CustomerDisplayView.sizeStep(1024, 768)).isEqualTo("size-m");
        assertThat(CustomerDisplayView.sizeStep(1280, 800)).isEqualTo("size-l");
        assertThat(CustomerDisplayView.sizeStep(1366, 768)).isEqualTo("size-l");
        assertThat(CustomerDisplayView.sizeStep(1920, 1080)).isEqualTo("size-xl");
        assertThat(CustomerDisplayView.sizeStep(3840, 2160)).isEqualTo("size-xxl");
        assertThat(CustomerDisplayView.sizeStep(1920, 500)).as("a wide, low window goes by its height").isEqualTo("size-s");
    }

    @Test
    void theElevenAnswersShareOneRowOnlyWhereEachGetsRoomForAFinger() {
        assertThat(CustomerDisplayView.scoresPerRow(960, 9, 11)).isEqualTo(11);
        assertThat(CustomerDisplayView.scoresPerRow(750, 7.5, 11)).isEqualTo(6);
    }
}
