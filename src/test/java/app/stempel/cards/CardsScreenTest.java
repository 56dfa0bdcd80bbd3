package app.stempel.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;

import app.stempel.testing.Await;
import app.stempel.owner.OwnerGate;
import app.stempel.Screens;
import app.stempel.Services;
import app.stempel.core.Language;
import app.stempel.testing.FakePrinter;
import app.stempel.testing.StubFiles;
import app.stempel.testing.TestShop;
import app.stempel.testing.TestWindow;
import app.stempel.shell.MainViewModel;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.scene.paint.Color;
import javafx.scene.image.Image;
import java.util.function.Supplier;
import java.util.concurrent.TimeoutException;
import java.awt.Graphics2D;

/**
 * The Cards screen driven as the owner drives it: changing the design and watching the preview, choosing
 * members whose cards to print, printing with and without a printer, and replacing a lost card.
 */
@ExtendWith(ApplicationExtension.class)
class CardsScreenTest {

    @TempDir
    Path dir;
    @TempDir
    Path out;
    private final StubFiles files = new StubFiles();
    private FakePrinter printer = new FakePrinter();
    private Stage stage;
    private Services shop;
    private TestWindow window;
    private MainViewModel<Services> main;

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
        if (window != null) {
            window.close();
        }
        shop.close();
    }

    private void show(FxRobot robot, Language language) throws Exception {
        window = TestWindow.open(robot, stage, shop, language, Screens.DEFAULT_SCAN_GAP, files, printer).unlockOwner();
        main = window.main();
        robot.clickOn("#nav-cards");
        waitUntil(() -> preview(robot) != null);
        waitUntil(() -> !robot.lookup("#cards-design-name").query().isDisabled());
    }

    private static void waitUntil(BooleanSupplier condition) {
        waitUntil(condition, () -> "");
    }

    private static void waitUntil(BooleanSupplier condition, Supplier<String> state) {
        try {
            Await.until(condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("waited in vain " + state.get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Types as a person does: slower than a scanner, so the counter does not take it for a scan. */
    private static void type(FxRobot robot, String field, String text) {
        robot.clickOn(field).write(text, 80);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Image preview(FxRobot robot) {
        return robot.lookup("#cards-preview").queryAs(ImageView.class).getImage();
    }

    /** Waits for the preview to be replaced after a change, and returns the new one. */
    private static Image newPreview(FxRobot robot, Image before) {
        waitUntil(() -> preview(robot) != before && preview(robot) != null);
        return preview(robot);
    }

    private String message(FxRobot robot) {
        return robot.lookup("#cards-message").tryQuery().map(n -> ((Label) n).getText())
                .orElseThrow(() -> new AssertionError("the Cards screen is gone; cards page: "
                        + robot.lookup("#page-cards").tryQuery().isPresent() + ", counter: "
                        + robot.lookup("#counter-search").tryQuery().isPresent() + ", phase " + main.phaseProperty().get()
                        + ", page " + main.pageProperty().get()));
    }

    private void waitForMessage(FxRobot robot, String start) {
        try {
            Await.until(() -> message(robot).startsWith(start));
        } catch (TimeoutException e) {
            throw new AssertionError("expected a message starting \"" + start + "\" but it says \"" + message(robot) + "\"");
        }
    }

    /** The preview's colour a little inside the panel's top-left corner, away from any text. */
    private static Color panelPixel(Image image) {
        return image.getPixelReader().getColor(6, (int) (image.getHeight() * 0.55));
    }

    private static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.02 && Math.abs(a.getGreen() - b.getGreen()) < 0.02
                && Math.abs(a.getBlue() - b.getBlue()) < 0.02;
    }

    private CardDesign saved() {
        return new CardDesignStore(shop.db(), Clock.systemUTC(), OwnerGate.TRUSTED).load();
    }

    private static List<String> qrCodes(BufferedImage image) throws Exception {
        Result[] found = new QRCodeMultiReader().decodeMultiple(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        return Arrays.stream(found).map(Result::getText).sorted().toList();
    }

    private static BufferedImage page(Path pdf, int page) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFRenderer(doc).renderImageWithDPI(page, 200, ImageType.RGB);
        }
    }

    private static int pages(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return doc.getNumberOfPages();
        }
    }

    // --- the design

    @Test
    void designChangesShowInThePreviewAndAreKeptForTheNextTime(FxRobot robot) throws Exception {
        show(robot, Language.ENGLISH);
        assertThat(robot.lookup("#cards-design-name").queryTextInputControl().getText()).isEqualTo("Kafé Test");
        Image first = preview(robot);
        assertThat(close(panelPixel(first), CardsViewModel.fx(CardDesign.DEFAULT_PANEL))).isTrue();

        type(robot, "#cards-design-line", "10th coffee free");
        newPreview(robot, first);
        waitUntil(() -> saved().line().equals("10th coffee free"));

        robot.clickOn("#cards-design-panel");
        List<Node> swatches = List.copyOf(robot.lookup(".color-palette .color-square").queryAll());
        assertThat(swatches).hasSizeGreaterThan(20);
        robot.clickOn(swatches.get(swatches.size() / 2));
        Color chosen = robot.lookup("#cards-design-panel").queryAs(ColorPicker.class).getValue();
        assertThat(close(chosen, CardsViewModel.fx(CardDesign.DEFAULT_PANEL))).isFalse();
        waitUntil(() -> close(panelPixel(preview(robot)), chosen));
        waitUntil(() -> close(CardsViewModel.fx(saved().panelColour()), chosen));

        Image coloured = preview(robot);
        robot.clickOn("#cards-design-member-name");
        newPreview(robot, coloured);
        waitUntil(() -> !saved().showMemberName());
    }

    @Test
    void textHardToReadOnThePanelIsPointedOut(FxRobot robot) throws Exception {
        show(robot, Language.ENGLISH);
        Node warning = robot.lookup("#cards-design-low-contrast").query();
        assertThat(warning.isVisible()).isFalse();
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#cards-design-text").queryAs(ColorPicker.class)
                .setValue(Color.rgb(0x2A, 0x66, 0x60))).get(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
        waitUntil(warning::isVisible);
        robot.clickOn("#cards-design-default-colours");
        waitUntil(() -> !warning.isVisible());
    }

    @Test
    void aFileThatIsNotAPictureIsRefusedAndAPngLogoShowsOnTheCard(FxRobot robot) throws Exception {
        show(robot, Language.ENGLISH);
        Path fake = out.resolve("logo.png");
        Files.writeString(fake, "name,phone\nKari,123\n");
        files.willOpen(fake);
        robot.clickOn("#cards-design-logo");
        waitForMessage(robot, "This file is not a PNG or JPEG picture.");
        assertThat(saved().logo()).isNull();
        assertThat(robot.lookup("#cards-design-logo-remove").queryAs(Button.class).isDisabled()).isTrue();

        BufferedImage red = new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = red.createGraphics();
        g.setColor(java.awt.Color.RED);
        g.fillRect(0, 0, 300, 100);
        g.dispose();
        Path logo = out.resolve("red.png");
        ImageIO.write(red, "png", logo.toFile());
        files.willOpen(logo);
        Image before = preview(robot);
        robot.clickOn("#cards-design-logo");
        Image after = newPreview(robot, before);
        // the logo sits in the panel's top left, 4.5 mm in: about 37 px at the preview's 200 dpi
        Color logoPixel = after.getPixelReader().getColor(45, 45);
        assertThat(close(logoPixel, Color.RED)).as("logo pixel %s", logoPixel).isTrue();
        waitUntil(() -> saved().logo() != null);
        assertThat(ImageIO.read(new ByteArrayInputStream(saved().logo())).getWidth()).isEqualTo(300);

        robot.clickOn("#cards-design-logo-remove");
        waitUntil(() -> saved().logo() == null);
    }

    // --- printing

    @Test
    void chosenMembersCardsPrintOnOneA4Sheet(FxRobot robot) throws Exception {
        String kari = TestShop.enrol(shop, "Kari Nordmann").cardNumber();
        TestShop.enrol(shop, "Ola Nordmann");
        String lukasz = TestShop.enrol(shop, "Łukasz Wiśniewski").cardNumber();
        show(robot, Language.ENGLISH);
        robot.clickOn("#cards-tab-print");
        robot.clickOn("#cards-batch-chosen");
        assertThat(robot.lookup("#cards-print").queryAs(Button.class).isDisabled()).isTrue();
        type(robot, "#cards-member-search", "kari");
        waitUntil(() -> robot.lookup("#cards-found").queryListView().getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        type(robot, "#cards-member-search", "lukasz");
        waitUntil(() -> robot.lookup("#cards-found").queryListView().getItems().size() == 1,
                () -> "found " + robot.lookup("#cards-found").queryListView().getItems() + " for "
                        + robot.lookup("#cards-member-search").queryTextInputControl().getText());
        robot.type(KeyCode.DOWN);
        robot.clickOn("#cards-add-member");
        waitUntil(() -> robot.lookup("#cards-chosen").queryListView().getItems().size() == 2);
        assertThat(robot.lookup("#cards-chosen-count").queryAs(Label.class).getText()).isEqualTo("2 members chosen");

        robot.clickOn("#cards-print");
        waitForMessage(robot, "2 cards sent to the printer.");
        assertThat(printer.pages()).hasSize(1);
        FakePrinter.Page sheet = printer.pages().get(0);
        assertThat(sheet.widthMm()).isEqualTo(210);
        assertThat(sheet.heightMm()).isEqualTo(297);
        assertThat(qrCodes(sheet.image())).containsExactlyInAnyOrder(kari, lukasz);
        assertThat(printer.ended()).isEqualTo(1);

        Path pdf = out.resolve("chosen.pdf");
        files.willSave(pdf);
        robot.clickOn("#cards-sheets");
        robot.clickOn("#cards-save-pdf");
        waitForMessage(robot, "2 cards saved to " + pdf);
        assertThat(pages(pdf)).isEqualTo(2);
        assertThat(qrCodes(page(pdf, 0))).containsExactly(kari);
        assertThat(qrCodes(page(pdf, 1))).containsExactly(lukasz);
    }

    @Test
    void aMemberTakenOffTheListIsNotPrinted(FxRobot robot) throws Exception {
        TestShop.enrol(shop, "Kari Nordmann");
        String ola = TestShop.enrol(shop, "Ola Nordmann").cardNumber();
        show(robot, Language.ENGLISH);
        robot.clickOn("#cards-tab-print");
        robot.clickOn("#cards-batch-chosen");
        type(robot, "#cards-member-search", "nordmann");
        waitUntil(() -> robot.lookup("#cards-found").queryListView().getItems().size() == 2);
        robot.type(KeyCode.ENTER);
        type(robot, "#cards-member-search", "ola");
        waitUntil(() -> robot.lookup("#cards-found").queryListView().getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        ListView<?> chosen = robot.lookup("#cards-chosen").queryListView();
        waitUntil(() -> chosen.getItems().size() == 2);
        robot.clickOn(robot.lookup("#cards-chosen .list-cell").nth(0).queryAs(Node.class));
        robot.type(KeyCode.DELETE);
        waitUntil(() -> chosen.getItems().size() == 1);

        robot.clickOn("#cards-print");
        waitForMessage(robot, "1 card sent to the printer.");
        assertThat(qrCodes(printer.pages().get(0).image())).containsExactly(ola);
    }

    @Test
    void withoutAPrinterTheScreenSaysSoAndOffersThePdf(FxRobot robot) throws Exception {
        printer = new FakePrinter().none();
        for (int i = 0; i < 12; i++) {
            TestShop.enrol(shop, "Member " + i);
        }
        show(robot, Language.ENGLISH);
        robot.clickOn("#cards-tab-print");
        assertThat(robot.lookup("#cards-pdf-instead").query().isVisible()).isFalse();
        robot.clickOn("#cards-print");
        waitForMessage(robot, "There is no printer on this computer.");
        assertThat(printer.jobs()).isEmpty();
        Path pdf = out.resolve("all.pdf");
        files.willSave(pdf);
        robot.clickOn("#cards-pdf-instead");
        waitForMessage(robot, "12 cards saved to " + pdf + ".");
        assertThat(pages(pdf)).isEqualTo(2);
        assertThat(robot.lookup("#cards-pdf-instead").query().isVisible()).isFalse();
    }

    @Test
    void cancellingThePrintDialogPrintsNothing(FxRobot robot) throws Exception {
        printer = new FakePrinter().cancelling();
        TestShop.enrol(shop, "Kari Nordmann");
        show(robot, Language.ENGLISH);
        robot.clickOn("#cards-tab-print");
        robot.clickOn("#cards-print");
        waitUntil(() -> printer.jobs().size() == 1);
        assertThat(printer.pages()).isEmpty();
        assertThat(message(robot)).isEmpty();
    }

    @Test
    void todaysNewCardsSaveAsOnePageEachInPolish(FxRobot robot) throws Exception {
        TestShop.enrol(shop, "Kari Nordmann");
        TestShop.enrol(shop, "Ola Nordmann");
        show(robot, Language.POLISH);
        robot.clickOn("#cards-tab-print");
        robot.clickOn("#cards-batch-today");
        robot.clickOn("#cards-sheets");
        assertThat(robot.lookup("#cards-sheets").queryAs(CheckBox.class).isSelected()).isFalse();
        Path pdf = out.resolve("dzis.pdf");
        files.willSave(pdf);
        robot.clickOn("#cards-save-pdf");
        waitForMessage(robot, "Zapisano 2 karty w " + pdf);
        assertThat(pages(pdf)).isEqualTo(2);
    }

    // --- a lost card

    @Test
    void aLostCardIsBlockedAndReplaced(FxRobot robot) throws Exception {
        String old = TestShop.withStamps(shop, "Kari", 2).cardNumber();
        show(robot, Language.ENGLISH);
        robot.clickOn("#cards-tab-lost");
        type(robot, "#cards-lost-number", "2000000000015");
        robot.clickOn("#cards-reissue");
        waitForMessage(robot, "No card has the number 2000000000015");

        robot.doubleClickOn("#cards-lost-number").eraseText(13).write(old, 80);
        robot.clickOn("#cards-reissue");
        waitForMessage(robot, "Card " + old);
        assertThat(message(robot)).contains("is blocked as lost. The new card is 2");
        assertThat(shop.counter().lookupCard(old).blockedReason()).isEqualTo("LOST");
        String fresh = message(robot).replaceAll(".*The new card is (\\d+);.*", "$1");
        assertThat(shop.counter().lookupCard(fresh).member().stamps()).isEqualTo(2);

        type(robot, "#cards-lost-number", old);
        robot.clickOn("#cards-reissue");
        waitForMessage(robot, "Card " + old + " is already blocked.");
    }
}
