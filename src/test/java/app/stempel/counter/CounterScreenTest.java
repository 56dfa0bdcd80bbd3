package app.stempel.counter;

import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.stempel.search.MemberSearch;
import app.stempel.testing.Await;
import app.stempel.Screens;
import app.stempel.testing.FakePrinter;
import app.stempel.testing.StubFiles;
import app.stempel.Services;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.testing.MutableClock;
import app.stempel.testing.TestShop;
import app.stempel.testing.TestWindow;
import app.stempel.core.Language;
import app.stempel.shell.MainViewModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.Loader;
import javax.imageio.ImageIO;
import javafx.scene.layout.FlowPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextField;
import javafx.scene.Node;
import javafx.event.Event;
import javafx.css.PseudoClass;
import java.util.function.Predicate;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Random;
import java.util.Optional;
import java.util.Map;
import java.util.List;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.awt.image.BufferedImage;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.DecodeHintType;
import com.google.zxing.BinaryBitmap;
import app.stempel.store.schema.Tables;
import app.stempel.store.LocalPrefs;
import app.stempel.settings.SettingsService;
import app.stempel.cards.CardNumbers;
import app.stempel.core.EntryKind;
import app.stempel.core.CardStatus;

/**
 * The counter driven as a cashier drives it: a scanner typing digits and Enter, a person typing names,
 * the stamp, redeem and undo keys; checked against what is on screen and what the ledger holds.
 */
@ExtendWith(ApplicationExtension.class)
class CounterScreenTest {

    /** Slower than a real scanner, so a loaded test machine still counts the robot's typing as a burst. */
    private static final Duration SCAN_GAP = Duration.ofMillis(150);
    /** A person's pace, well above {@link #SCAN_GAP}. */
    private static final int HUMAN_MS = 200;

    @TempDir
    Path dir;
    private final StubFiles files = new StubFiles();
    private FakePrinter printer = new FakePrinter();
    private final List<String> restarts = new CopyOnWriteArrayList<>();
    private Stage stage;
    private Services shop;
    private TestWindow window;
    private MainViewModel<Services> main;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    /** Stands still unless a test moves it, so "minutes ago" is exact. */
    private final MutableClock clock = new MutableClock(
            Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(10)), ZoneOffset.UTC);

    @BeforeEach
    void seed() {
        shop = TestShop.open(dir, clock);
    }

    private void show(FxRobot robot, Language language) throws Exception {
        window = TestWindow.open(robot, stage, shop, language, SCAN_GAP, files, printer);
        main = window.main();
        lastScreens = window.screens();
        Await.until(() -> robot.lookup("#counter-search").tryQuery().isPresent());
        Await.until(stage::isFocused);
        waitForFocus(robot, "#counter-search");
        // the headless toolkit can drop the very first keystroke into a new window; a click settles it
        robot.clickOn("#counter-search");
    }

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            window.close();
        }
        shop.close();
    }

    // --- helpers a cashier would recognise

    private void scan(FxRobot robot, String text) {
        robot.write(text, 0);
        // the robot's keystrokes are queued events: let them all arrive before Enter, as a scanner's do
        if (stage.getScene().getFocusOwner() instanceof TextInputControl field) {
            try {
                Await.until(() -> field.getText().endsWith(text));
            } catch (TimeoutException e) {
                throw new AssertionError("typed " + text + " but " + field.getId() + " holds " + field.getText());
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        settle();
    }

    private void typeLikeAPerson(FxRobot robot, String text) {
        robot.write(text, HUMAN_MS);
        settle();
    }

    private void press(FxRobot robot, KeyCode key) {
        robot.type(key);
        settle();
    }

    private void settle() {
        try {
            Await.until(() -> !main.phaseProperty().get().equals(MainViewModel.Phase.OPENING)
                    && !busy());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean busy() {
        CounterViewModel vm = lastScreens == null ? null : lastScreens.counter();
        return vm != null && vm.busyProperty().get();
    }

    private Screens lastScreens;

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitForText(FxRobot robot, String id, Predicate<String> ok) {
        try {
            Await.until(() -> robot.lookup(id).tryQuery()
                    .map(n -> ok.test(((Label) n).getText())).orElse(false));
        } catch (TimeoutException e) {
            throw new AssertionError(id + " shows " + robot.lookup(id).tryQuery().map(n -> "\"" + ((Label) n).getText() + "\"")
                    .orElse("nothing") + "; message: " + robot.lookup("#counter-message").tryQuery()
                    .map(n -> ((Label) n).getText()).orElse("none"));
        }
    }

    private void waitForFocus(FxRobot robot, String id) throws Exception {
        Await.until(() -> {
            Node focus = stage.getScene().getFocusOwner();
            return focus != null && ("#" + focus.getId()).equals(id);
        });
    }

    /** {@code name} enrolled, the counter open, and their card scanned onto the panel. */
    private Enrolled onTheCounter(FxRobot robot, String name) throws Exception {
        Enrolled e = TestShop.enrol(shop, name);
        show(robot, Language.ENGLISH);
        scan(robot, e.cardNumber());
        waitForText(robot, "#member-name", name::equals);
        return e;
    }

    private int ledger(EntryKind kind) {
        return shop.db().dsl().fetchCount(LEDGER_ENTRY, LEDGER_ENTRY.KIND.eq(kind));
    }

    // --- the tests

    @Test
    void scanOfAKnownCardShowsTheMemberAndKeepsFocusForTheNextScan(FxRobot robot) throws Exception {
        Enrolled ola = TestShop.enrol(shop, "Ola Nordmann");
        show(robot, Language.ENGLISH);

        scan(robot, ola.cardNumber());

        waitForText(robot, "#member-name", "Ola Nordmann"::equals);
        assertThat(text(robot, "#stamp-count")).isEqualTo("0/5");
        assertThat(text(robot, "#member-tier")).isEqualTo("New");
        assertThat(text(robot, "#member-facts")).startsWith("0 visits · no visits yet");
        waitForFocus(robot, "#counter-search");
    }

    @Test
    void f2StampsAndTheLedgerHoldsIt(FxRobot robot) throws Exception {
        Enrolled ola = onTheCounter(robot, "Ola Nordmann");

        press(robot, KeyCode.F2);

        waitForText(robot, "#stamp-count", "1/5"::equals);
        assertThat(text(robot, "#counter-message")).isEqualTo("1 stamp added for Ola Nordmann · now 1/5");
        assertThat(ledger(EntryKind.STAMP)).isEqualTo(1);
        var entry = shop.db().dsl().fetchSingle(LEDGER_ENTRY);
        assertThat(entry.getCashierId()).isEqualTo(shop.cashiers().active().get(0).id());
        assertThat(entry.getTill()).isEqualTo(TestShop.TILL.till());
        waitForFocus(robot, "#counter-search");
    }

    @Test
    void anAmountTypedFirstIsRecordedWithTheStamp(FxRobot robot) throws Exception {
        Enrolled ola = onTheCounter(robot, "Ola Nordmann");

        robot.clickOn("#counter-amount");
        robot.write("12,50");
        press(robot, KeyCode.F2);

        waitForText(robot, "#stamp-count", "1/5"::equals);
        assertThat(shop.db().dsl().select(LEDGER_ENTRY.AMOUNT_MINOR).from(LEDGER_ENTRY).fetchOne(0, Long.class))
                .isEqualTo(1250L);
    }

    @Test
    void aFullCardShowsRewardReadyAndF3RedeemsIt(FxRobot robot) throws Exception {
        Enrolled kari = TestShop.withStamps(shop, "Kari", 5);
        show(robot, Language.ENGLISH);
        scan(robot, kari.cardNumber());

        waitForText(robot, "#member-rewards", "1 reward ready: Free coffee"::equals);
        assertThat(text(robot, "#stamp-count")).isEqualTo("0/5");

        press(robot, KeyCode.F3);

        waitForText(robot, "#stamp-count", "0/5"::equals);
        assertThat(text(robot, "#counter-message")).isEqualTo("Reward redeemed: Free coffee.");
        assertThat(ledger(EntryKind.REDEEM)).isEqualTo(1);
    }

    @Test
    void f4UndoesTheLastStampAndTheLedgerKeepsBoth(FxRobot robot) throws Exception {
        Enrolled ola = onTheCounter(robot, "Ola Nordmann");
        press(robot, KeyCode.F2);
        waitForText(robot, "#stamp-count", "1/5"::equals);

        press(robot, KeyCode.F4);

        waitForText(robot, "#stamp-count", "0/5"::equals);
        assertThat(ledger(EntryKind.STAMP)).isEqualTo(1);
        assertThat(ledger(EntryKind.UNDO)).isEqualTo(1);
        assertThat(shop.integrity().run().ok()).isTrue();
    }

    @Test
    void eachBadScanGetsItsOwnMessageAndFocusStaysReady(FxRobot robot) throws Exception {
        Enrolled ola = TestShop.enrol(shop, "Ola Nordmann");
        String n = ola.cardNumber();
        String wrongCheck = n.substring(0, 12) + (char) ('0' + (n.charAt(12) - '0' + 1) % 10);
        String unknown = new CardNumbers(new Random(77)).next();
        show(robot, Language.ENGLISH);

        scan(robot, unknown);
        waitForText(robot, "#counter-message", t -> t.startsWith("Card " + unknown + " is not known here"));
        waitForFocus(robot, "#counter-search");

        scan(robot, wrongCheck);
        waitForText(robot, "#counter-message", t -> t.startsWith("The number " + wrongCheck + " does not check out"));

        scan(robot, n + n);
        waitForText(robot, "#counter-message", t -> t.startsWith("The scanner sent the number twice"));

        scan(robot, "ЙЦУКЕНГШЩЗХЪЖ");
        waitForText(robot, "#counter-message", t -> t.startsWith("The scanner typed letters instead of digits"));

        assertThat(robot.lookup("#member-panel").tryQuery()).isEmpty();
        assertThat(ledger(EntryKind.STAMP)).isZero();
        waitForFocus(robot, "#counter-search");
    }

    @Test
    void aBlockedCardSaysWhyAndStampsNothingButTheMemberIsStillFoundByName(FxRobot robot) throws Exception {
        Enrolled ola = TestShop.enrol(shop, "Ola Nordmann");
        shop.db().write(tx -> tx.update(Tables.CARD)
                .set(Tables.CARD.STATUS, CardStatus.BLOCKED)
                .set(Tables.CARD.BLOCKED_REASON, "LOST")
                .set(Tables.CARD.ACTIVE_MEMBER_ID, (Long) null)
                .set(Tables.CARD.BLOCKED_AT, OffsetDateTime.now())
                .where(Tables.CARD.ID.eq(ola.cardId())).execute());
        show(robot, Language.ENGLISH);

        scan(robot, ola.cardNumber());
        waitForText(robot, "#counter-message", t -> t.equals("Card " + ola.cardNumber()
                + " is blocked (reported lost). Nothing was stamped. Find the member by name."));
        press(robot, KeyCode.F2);
        assertThat(ledger(EntryKind.STAMP)).isZero();

        typeLikeAPerson(robot, "ola");
        @SuppressWarnings("unchecked")
        ListView<MemberSearch.MemberRow> list = robot.lookup("#counter-results").queryAs(ListView.class);
        Await.until(() -> list.getItems().size() == 1);
        press(robot, KeyCode.ENTER);
        waitForText(robot, "#member-name", "Ola Nordmann"::equals);
    }

    @Test
    void namesAreFoundWithoutAccentsAndChosenWithArrowsAndEnter(FxRobot robot) throws Exception {
        TestShop.enrol(shop, "Łukasz Nowak");
        TestShop.enrol(shop, "Łucja Lis");
        TestShop.enrol(shop, "Øyvind Berg");
        TestShop.enrol(shop, "Ольга Иванова");
        show(robot, Language.ENGLISH);

        typeLikeAPerson(robot, "lu");
        @SuppressWarnings("unchecked")
        ListView<MemberSearch.MemberRow> list = robot.lookup("#counter-results").queryAs(ListView.class);
        try {
            Await.until(() -> list.getItems().size() == 2);
        } catch (TimeoutException e) {
            throw new AssertionError("search box has \"" + lastScreens.counter().queryProperty().get() + "\", list " + list.getItems());
        }
        assertThat(list.getItems()).extracting(MemberSearch.MemberRow::name).containsExactly("Łucja Lis", "Łukasz Nowak");

        press(robot, KeyCode.DOWN);
        press(robot, KeyCode.ENTER);
        waitForText(robot, "#member-name", "Łukasz Nowak"::equals);

        typeLikeAPerson(robot, "oyvind");
        Await.until(() -> list.getItems().size() == 1);
        press(robot, KeyCode.ENTER);
        waitForText(robot, "#member-name", "Øyvind Berg"::equals);

        typeLikeAPerson(robot, "ольг");
        Await.until(() -> list.getItems().size() == 1);
        press(robot, KeyCode.ENTER);
        waitForText(robot, "#member-name", "Ольга Иванова"::equals);
    }

    @Test
    void aScanOnAnotherScreenLandsOnTheCounter(FxRobot robot) throws Exception {
        Enrolled ola = TestShop.enrol(shop, "Ola Nordmann");
        show(robot, Language.ENGLISH);
        // another screen: the cashier meets the owner's PIN there, and the scan still reaches the counter
        robot.clickOn("#nav-reports");
        Await.until(() -> robot.lookup("#owner-locked").tryQuery().isPresent());

        scan(robot, ola.cardNumber());

        waitForText(robot, "#member-name", "Ola Nordmann"::equals);
        assertThat(robot.lookup("#page-counter").tryQuery()).isPresent();
    }

    @Test
    void aCustomerNobodyFindsIsEnrolledFromTheSearchWithTheirPaperStamps(FxRobot robot) throws Exception {
        show(robot, Language.ENGLISH);
        typeLikeAPerson(robot, "Zofia");
        press(robot, KeyCode.ENTER);
        waitForText(robot, "#counter-message", "No member matches ‘Zofia’ – F6 to enrol a new member."::equals);

        press(robot, KeyCode.F6);
        Await.until(() -> robot.lookup("#enrol-form").tryQuery().isPresent());
        assertThat(robot.lookup("#enrol-name").queryAs(TextField.class).getText()).isEqualTo("Zofia");
        robot.write(" Lis");
        robot.clickOn("#enrol-paper").write("3");
        robot.clickOn("#enrol-consent");
        press(robot, KeyCode.ENTER);

        waitForText(robot, "#member-name", "Zofia Lis"::equals);
        assertThat(text(robot, "#stamp-count")).isEqualTo("3/5");
        assertThat(text(robot, "#counter-message")).startsWith("Welcome, Zofia Lis! Card 2");
        assertThat(ledger(EntryKind.PAPER_STAMPS)).isEqualTo(1);
        waitForFocus(robot, "#counter-search");
    }

    private String enrolZofia(FxRobot robot) throws Exception {
        press(robot, KeyCode.F6);
        Await.until(() -> robot.lookup("#enrol-form").tryQuery().isPresent());
        robot.write("Zofia Lis", HUMAN_MS / 4);
        robot.clickOn("#enrol-consent");
        press(robot, KeyCode.ENTER);
        waitForText(robot, "#member-name", "Zofia Lis"::equals);
        waitForText(robot, "#counter-message", t -> t.startsWith("Welcome, Zofia Lis!"));
        return text(robot, "#counter-message").replaceAll(".*Card (\\d+) is theirs.*", "$1");
    }

    private static String qr(BufferedImage image) throws Exception {
        return new QRCodeReader().decode(new BinaryBitmap(
                new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    @Test
    void aNewMembersCardIsPrintedRightAfterEnrolment(FxRobot robot) throws Exception {
        printer = new FakePrinter().withCardPaper();
        show(robot, Language.ENGLISH);
        String number = enrolZofia(robot);
        assertThat(number).matches("2\\d{12}");

        robot.clickOn("#print-card");
        waitForText(robot, "#counter-message", ("Card " + number + " sent to the printer.")::equals);
        assertThat(printer.pages()).hasSize(1);
        FakePrinter.Page page = printer.pages().get(0);
        assertThat(page.widthMm()).isEqualTo(85.60);
        assertThat(page.heightMm()).isEqualTo(53.98);
        assertThat(qr(page.image())).isEqualTo(number);
        waitForFocus(robot, "#counter-search");
    }

    @Test
    void withoutAPrinterTheNewCardIsOfferedAsPdfAndAsAnImage(FxRobot robot) throws Exception {
        printer = new FakePrinter().none();
        show(robot, Language.ENGLISH);
        String number = enrolZofia(robot);
        Path pdf = dir.resolveSibling(dir.getFileName() + "-card.pdf");
        files.willSave(pdf);
        robot.clickOn("#print-card");
        waitForText(robot, "#counter-message", ("Card saved as " + pdf.getFileName() + ".")::equals);
        assertThat(printer.jobs()).isEmpty();
        try (var doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth() * 25.4 / 72).isCloseTo(85.60,
                    Offset.offset(0.01));
            assertThat(qr(new PDFRenderer(doc).renderImageWithDPI(0, 300))).isEqualTo(number);
        }

        Path png = dir.resolveSibling(dir.getFileName() + "-card.png");
        files.willSave(png);
        robot.clickOn("#save-card");
        waitForText(robot, "#counter-message", ("Card image saved as " + png.getFileName() + ".")::equals);
        assertThat(qr(ImageIO.read(png.toFile()))).isEqualTo(number);
    }

    @Test
    void theEnrolmentFormRefusesAMissingNameAndEscLeavesIt(FxRobot robot) throws Exception {
        show(robot, Language.ENGLISH);
        robot.clickOn("#counter-enrol");
        Await.until(() -> robot.lookup("#enrol-form").tryQuery().isPresent());
        robot.clickOn("#enrol-save");
        waitForText(robot, "#enrol-error", "Type the member's name."::equals);

        press(robot, KeyCode.ESCAPE);
        Await.until(() -> robot.lookup("#enrol-form").tryQuery().isEmpty());
        assertThat(shop.members().count()).isZero();
        waitForFocus(robot, "#counter-search");
    }

    @Test
    void theCounterSpeaksPolish(FxRobot robot) throws Exception {
        Enrolled kasia = TestShop.withStamps(shop, "Kasia Wójcik", 2);
        clock.advance(Duration.ofDays(1));
        show(robot, Language.POLISH);
        scan(robot, kasia.cardNumber());
        waitForText(robot, "#member-name", "Kasia Wójcik"::equals);
        assertThat(text(robot, "#member-rewards")).isEqualTo("Jeszcze 3 pieczątki do: Free coffee");
        press(robot, KeyCode.F2);
        waitForText(robot, "#counter-message", "Dodano 1 pieczątkę: Kasia Wójcik · teraz 3/5"::equals);
        assertThat(text(robot, "#member-facts")).startsWith("3 wizyty · ostatnia wizyta dziś");
    }

    // --- one customer at a time: the keys never act on the wrong member

    private static boolean showing(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> {
            for (Node at = n; at != null; at = at.getParent()) {
                if (!at.isVisible()) {
                    return false;
                }
            }
            return true;
        }).orElse(false);
    }

    private int stampsOf(long memberId) {
        return shop.db().dsl().fetchCount(LEDGER_ENTRY, LEDGER_ENTRY.KIND.eq(EntryKind.STAMP).and(LEDGER_ENTRY.MEMBER_ID.eq(memberId)));
    }

    @Test
    void aSearchThatMatchesNobodyTakesTheLastCustomerOffTheKeys(FxRobot robot) throws Exception {
        Enrolled gro = onTheCounter(robot, "Gro Pedersen");
        assertThat(showing(robot, "#member-detached")).isFalse();

        typeLikeAPerson(robot, "qqqxyz");
        waitForText(robot, "#counter-message", "No member matches ‘qqqxyz’ – F6 to enrol a new member."::equals);
        assertThat(showing(robot, "#member-detached")).as("the panel says Gro is no longer chosen").isTrue();
        assertThat(robot.lookup("#stamp").queryButton().isDisabled()).isTrue();

        press(robot, KeyCode.F2);
        press(robot, KeyCode.F3);
        press(robot, KeyCode.F4);
        assertThat(text(robot, "#counter-message")).startsWith("Nothing was done: the search changed");
        assertThat(ledger(EntryKind.STAMP)).isZero();
        assertThat(shop.db().dsl().fetchCount(LEDGER_ENTRY)).isZero();

        // the search typed away again: Gro is back on the keys
        for (int i = 0; i < "qqqxyz".length(); i++) {
            robot.type(KeyCode.BACK_SPACE);
        }
        settle();
        Await.until(() -> !showing(robot, "#member-detached"));
        press(robot, KeyCode.F2);
        waitForText(robot, "#counter-message", "1 stamp added for Gro Pedersen · now 1/5"::equals);
        assertThat(stampsOf(gro.memberId())).isEqualTo(1);
    }

    @Test
    void aHighlightedResultIsNotStampedUntilItIsChosen(FxRobot robot) throws Exception {
        Enrolled gro = TestShop.enrol(shop, "Gro Pedersen");
        Enrolled lukasz = onTheCounter(robot, "Łukasz Grzybowski");

        typeLikeAPerson(robot, "Gro P");
        @SuppressWarnings("unchecked")
        ListView<MemberSearch.MemberRow> list = robot.lookup("#counter-results").queryAs(ListView.class);
        Await.until(() -> list.getItems().size() == 1
                && list.getSelectionModel().getSelectedItem() != null);
        assertThat(list.getSelectionModel().getSelectedItem().name()).isEqualTo("Gro Pedersen");

        press(robot, KeyCode.F2);
        assertThat(stampsOf(lukasz.memberId())).as("the last customer").isZero();
        assertThat(stampsOf(gro.memberId())).as("the highlighted one, not chosen yet").isZero();
        assertThat(text(robot, "#counter-message")).startsWith("Nothing was done");

        press(robot, KeyCode.ENTER);
        waitForText(robot, "#member-name", "Gro Pedersen"::equals);
        press(robot, KeyCode.F2);
        waitForText(robot, "#counter-message", "1 stamp added for Gro Pedersen · now 1/5"::equals);
        assertThat(stampsOf(gro.memberId())).isEqualTo(1);
        assertThat(stampsOf(lukasz.memberId())).isZero();
    }

    @Test
    void aStampAnsweredAfterTheNextCustomerWasScannedStaysWithItsMember(FxRobot robot) throws Exception {
        Enrolled ola = TestShop.enrol(shop, "Ola Nordmann");
        Enrolled kari = TestShop.enrol(shop, "Kari Hansen");
        show(robot, Language.ENGLISH);
        scan(robot, ola.cardNumber());
        waitForText(robot, "#member-name", "Ola Nordmann"::equals);

        // F2 and at once the next card, without waiting for the stamp
        robot.type(KeyCode.F2);
        scan(robot, kari.cardNumber());
        waitForText(robot, "#member-name", "Kari Hansen"::equals);
        assertThat(stampsOf(ola.memberId())).isEqualTo(1);
        press(robot, KeyCode.F2);
        waitForText(robot, "#counter-message", "1 stamp added for Kari Hansen · now 1/5"::equals);
        assertThat(text(robot, "#member-name")).isEqualTo("Kari Hansen");
        assertThat(stampsOf(kari.memberId())).isEqualTo(1);
        assertThat(stampsOf(ola.memberId())).isEqualTo(1);
    }

    @Test
    void aSecondStampWithinTenMinutesAsksForASecondPress(FxRobot robot) throws Exception {
        Enrolled ola = onTheCounter(robot, "Ola Nordmann");
        press(robot, KeyCode.F2);
        waitForText(robot, "#counter-message", "1 stamp added for Ola Nordmann · now 1/5"::equals);

        clock.advance(Duration.ofMinutes(3));
        press(robot, KeyCode.F2);
        waitForText(robot, "#counter-message",
                "Ola Nordmann had a visit 3 minutes ago. Press F2 again to stamp once more, or Esc."::equals);
        assertThat(robot.lookup("#stamp").queryButton().getText()).isEqualTo("Stamp again  F2");
        assertThat(ledger(EntryKind.STAMP)).isEqualTo(1);

        press(robot, KeyCode.F2);
        waitForText(robot, "#counter-message", "1 stamp added for Ola Nordmann · 2nd visit today · now 2/5"::equals);
        assertThat(ledger(EntryKind.STAMP)).isEqualTo(2);
        assertThat(robot.lookup("#stamp").queryButton().getText()).isEqualTo("Stamp  F2");

        // asked again, and Esc leaves it
        press(robot, KeyCode.F2);
        waitForText(robot, "#counter-message", t -> t.startsWith("Ola Nordmann was stamped less than a minute ago."));
        press(robot, KeyCode.ESCAPE);
        waitForText(robot, "#counter-message", "No second stamp."::equals);
        assertThat(text(robot, "#member-name")).as("Esc left the second stamp, not the member").isEqualTo("Ola Nordmann");
        press(robot, KeyCode.F2);
        waitForText(robot, "#counter-message", t -> t.startsWith("Ola Nordmann was stamped less than a minute ago."));
        assertThat(ledger(EntryKind.STAMP)).isEqualTo(2);

        // after the window, a stamp is a stamp again
        clock.advance(Duration.ofMinutes(11));
        press(robot, KeyCode.ESCAPE);
        scan(robot, ola.cardNumber());
        waitForText(robot, "#member-name", "Ola Nordmann"::equals);
        press(robot, KeyCode.F2);
        waitForText(robot, "#counter-message", "1 stamp added for Ola Nordmann · 3rd visit today · now 3/5"::equals);
        assertThat(ledger(EntryKind.STAMP)).isEqualTo(3);
    }

    @Test
    void f2PressedTwiceInARowStampsOnceAndAsks(FxRobot robot) throws Exception {
        Enrolled ola = onTheCounter(robot, "Ola Nordmann");

        robot.type(KeyCode.F2, KeyCode.F2);
        settle();
        waitForText(robot, "#counter-message", t -> t.startsWith("Ola Nordmann was stamped less than a minute ago."));
        assertThat(ledger(EntryKind.STAMP)).isEqualTo(1);
        assertThat(text(robot, "#stamp-count")).isEqualTo("1/5");
    }

    @Test
    void undoSaysWhatItUndidAndNamesThePaperStampsBeforeReachingThem(FxRobot robot) throws Exception {
        show(robot, Language.ENGLISH);
        press(robot, KeyCode.F6);
        Await.until(() -> robot.lookup("#enrol-form").tryQuery().isPresent());
        robot.write("Łukasz Nowak", HUMAN_MS / 4);
        robot.clickOn("#enrol-paper").write("3");
        press(robot, KeyCode.ENTER);
        waitForText(robot, "#member-name", "Łukasz Nowak"::equals);
        waitForText(robot, "#member-undo", t -> t.startsWith("F4 undoes: 3 paper-card stamps (Anna, "));
        assertThat(text(robot, "#status")).contains("1 member");
        press(robot, KeyCode.F2);
        waitForText(robot, "#stamp-count", "4/5"::equals);
        waitForText(robot, "#member-undo", t -> t.startsWith("F4 undoes: 1 stamp (Anna, "));

        press(robot, KeyCode.F4);
        waitForText(robot, "#counter-message", t -> t.startsWith("Undone for Łukasz Nowak: 1 stamp (Anna, "));
        waitForText(robot, "#member-undo", t -> t.startsWith("F4 undoes: 3 paper-card stamps (Anna, "));
        assertThat(text(robot, "#stamp-count")).isEqualTo("3/5");

        press(robot, KeyCode.F4);
        waitForText(robot, "#counter-message", t -> t.startsWith("Undone for Łukasz Nowak: 3 paper-card stamps (Anna, "));
        waitForText(robot, "#stamp-count", "0/5"::equals);
        assertThat(robot.lookup("#member-undo").tryQuery()).isEmpty();
        assertThat(ledger(EntryKind.UNDO)).isEqualTo(2);
        assertThat(shop.integrity().run().ok()).isTrue();
    }

    @Test
    void aCardWithMoreThanAFullCardShowsTheRewardReadyAndTheNextCardsProgress(FxRobot robot) throws Exception {
        Enrolled kari = TestShop.withStamps(shop, "Kari Nordahl-Johannessen Bergersen", 7);
        clock.advance(Duration.ofDays(1));
        show(robot, Language.ENGLISH);
        scan(robot, kari.cardNumber());

        waitForText(robot, "#stamp-count", "2/5"::equals);
        assertThat(text(robot, "#member-rewards")).isEqualTo("1 reward ready: Free coffee");
        assertThat(robot.lookup("#stamp-card").queryAs(FlowPane.class).getChildren()
                .filtered(c -> c.getPseudoClassStates().contains(PseudoClass.getPseudoClass("filled"))))
                .hasSize(2);
        Label tier = robot.lookup("#member-tier").queryAs(Label.class);
        assertThat(tier.getWidth()).as("the tier badge keeps its word beside a long name")
                .isGreaterThanOrEqualTo(tier.prefWidth(-1) - 0.5);

        press(robot, KeyCode.F2);
        waitForText(robot, "#counter-message",
                "1 stamp added for Kari Nordahl-Johannessen Bergersen · now 1 reward ready · 3/5"::equals);
        assertThat(text(robot, "#stamp-count")).isEqualTo("3/5");
    }

    @Test
    void aCardScannedWhileANameIsHalfTypedFindsTheCardAndTheRowsShowWholeCardNumbers(FxRobot robot) throws Exception {
        Enrolled hege = TestShop.withStamps(shop, "Hege Hagen", 2);
        TestShop.enrol(shop, "Hege Andersen");
        show(robot, Language.ENGLISH);
        typeLikeAPerson(robot, "Hege");
        @SuppressWarnings("unchecked")
        ListView<MemberSearch.MemberRow> list = robot.lookup("#counter-results").queryAs(ListView.class);
        Await.until(() -> list.getItems().size() == 2);
        Await.until(() -> robot.lookup(".result-card").queryAll().stream()
                .map(n -> ((Label) n).getText()).anyMatch(hege.cardNumber()::equals));
        for (Node card : robot.lookup(".result-card").queryAll()) {
            Label l = (Label) card;
            assertThat(l.getWidth()).as("card number %s not cut", l.getText()).isGreaterThanOrEqualTo(l.prefWidth(-1) - 0.5);
        }

        // the cashier gives up typing and scans the card: the scan is the card, not "Hege" and the number
        robot.write(hege.cardNumber(), 0);
        Await.until(() -> lastScreens.counter().queryProperty().get()
                .endsWith(hege.cardNumber()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        settle();
        waitForText(robot, "#member-name", "Hege Hagen"::equals);
        assertThat(lastScreens.counter().queryProperty().get()).isEmpty();
    }

    @Test
    void aSearchLeftHalfTypedWhileTheCashierVisitsAnotherScreenStillKeepsTheLastCustomerOffTheKeys(FxRobot robot)
            throws Exception {
        Enrolled ola = TestShop.enrol(shop, "Ola Nordmann");
        TestShop.enrol(shop, "Olga Lis");
        show(robot, Language.ENGLISH);
        scan(robot, ola.cardNumber());
        waitForText(robot, "#member-name", "Ola Nordmann"::equals);
        typeLikeAPerson(robot, "Olg");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        Await.until(() -> robot.lookup("#owner-locked").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        Await.until(() -> robot.lookup("#page-counter").tryQuery().isPresent());
        waitForFocus(robot, "#counter-search");

        press(robot, KeyCode.F2);
        assertThat(ledger(EntryKind.STAMP)).isZero();
        assertThat(showing(robot, "#member-detached")).isTrue();
        press(robot, KeyCode.ENTER);
        waitForText(robot, "#member-name", "Olga Lis"::equals);
        press(robot, KeyCode.F2);
        waitForText(robot, "#counter-message", "1 stamp added for Olga Lis · now 1/5"::equals);
        assertThat(stampsOf(ola.memberId())).isZero();
    }

    // --- the customer display, opened from the counter

    private Optional<Stage> displayStage(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w != stage && w.isShowing() && w instanceof Stage)
                .map(w -> (Stage) w)
                .filter(w -> w.getScene() != null && w.getScene().lookup("#customer-display") != null).findFirst();
    }

    @Test
    void theCustomerDisplayOpensFromTheCounterAndThisTillRemembersIt(FxRobot robot) throws Exception {
        Enrolled ola = TestShop.enrol(shop, "Ola Nordmann");
        show(robot, Language.ENGLISH);
        assertThat(displayStage(robot)).isEmpty();

        robot.clickOn("#counter-display");
        Await.until(() -> displayStage(robot).isPresent());
        Await.until(() -> new LocalPrefs(dir).customerDisplay());
        waitForFocus(robot, "#counter-search");

        // a card scanned while the display has the focus still reaches the counter
        Stage display = displayStage(robot).orElseThrow();
        Node displayRoot = display.getScene().getRoot();
        WaitForAsyncUtils.asyncFx(() -> {
            for (char c : ola.cardNumber().toCharArray()) {
                String ch = String.valueOf(c);
                Event.fireEvent(displayRoot, new KeyEvent(
                        KeyEvent.KEY_TYPED, ch, ch, KeyCode.UNDEFINED, false, false, false, false));
            }
            Event.fireEvent(displayRoot, new KeyEvent(
                    KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
        }).get(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
        settle();
        waitForText(robot, "#member-name", "Ola Nordmann"::equals);
        Await.until(() -> display.getScene().lookup("#display-hello") instanceof Label l
                && l.isVisible() && "Hello, Ola!".equals(l.getText()));

        robot.clickOn("#counter-display");
        Await.until(() -> displayStage(robot).isEmpty());
        Await.until(() -> !new LocalPrefs(dir).customerDisplay());
    }

    @Test
    void aTillThatHadItsDisplayOpenOpensItAgainAndClosingTheWindowIsRemembered(FxRobot robot) throws Exception {
        new LocalPrefs(dir).setCustomerDisplay(true);
        show(robot, Language.ENGLISH);
        Await.until(() -> displayStage(robot).isPresent());

        Stage display = displayStage(robot).orElseThrow();
        WaitForAsyncUtils.asyncFx(display::close).get(Await.LIMIT_SECONDS, TimeUnit.SECONDS); // the window's own close button
        Await.until(() -> !new LocalPrefs(dir).customerDisplay());
        Await.until(() -> !robot.lookup("#counter-display").query()
                .getPseudoClassStates().contains(PseudoClass.getPseudoClass("open")));
    }

    @Test
    void theOwnerSetsTheRepeatWindowInSettingsAndZeroNeverAsks(FxRobot robot) throws Exception {
        Enrolled ola = TestShop.enrol(shop, "Ola Nordmann");
        show(robot, Language.ENGLISH);
        window.unlockOwner();
        robot.clickOn("#nav-settings");
        Await.until(() -> robot.lookup("#settings-repeat-minutes").tryQuery().isPresent());
        TextField minutes = robot.lookup("#settings-repeat-minutes").queryAs(TextField.class);
        Await.until(() -> "10".equals(minutes.getText()));

        robot.clickOn(minutes).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("two", 80);
        robot.type(KeyCode.ENTER);
        waitForText(robot, "#settings-message", "Choose 0 to 1440 minutes."::equals);
        assertThat(shop.settings().get(SettingsService.REPEAT_STAMP_MINUTES)).isEmpty();

        robot.clickOn(minutes).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("0", 80);
        robot.clickOn("#settings-repeat-apply");
        waitForText(robot, "#settings-message", "A second stamp for the same member no longer asks first."::equals);

        robot.clickOn("#nav-counter");
        Await.until(() -> robot.lookup("#counter-search").tryQuery().isPresent());
        robot.clickOn("#counter-search");
        scan(robot, ola.cardNumber());
        waitForText(robot, "#member-name", "Ola Nordmann"::equals);
        press(robot, KeyCode.F2);
        waitForText(robot, "#stamp-count", "1/5"::equals);
        press(robot, KeyCode.F2);
        waitForText(robot, "#counter-message", "1 stamp added for Ola Nordmann · 2nd visit today · now 2/5"::equals);
        assertThat(ledger(EntryKind.STAMP)).isEqualTo(2);
    }
}
