package app.stempel.data;

import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static app.stempel.store.schema.Tables.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

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
import app.stempel.Screens;
import app.stempel.Services;
import app.stempel.core.Language;
import app.stempel.settings.SettingsService;
import app.stempel.testing.StubFiles;
import app.stempel.testing.FakePrinter;
import app.stempel.testing.TestShop;
import app.stempel.testing.TestWindow;
import app.stempel.shell.MainViewModel;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import javafx.scene.control.ListCell;
import app.stempel.core.EntryKind;

/**
 * Import and export driven as the owner drives them from the settings page: files chosen in the
 * (stubbed) dialog, the preview read off the screen, columns re-mapped in the table, and the shop's
 * database checked for what was written.
 */
@ExtendWith(ApplicationExtension.class)
class DataScreenTest {

    private static final Path RETAIL = Path.of("../shared/data/online_retail_visits.csv");

    @TempDir
    Path dir;
    private final StubFiles files = new StubFiles();
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
        shop = TestShop.open(dir.resolve("shop"), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        if (window != null) {
            window.close();
        }
        shop.close();
    }

    /** The window on the shop, the cashier chosen, the settings page open. */
    private void openSettings(FxRobot robot, Language language) throws Exception {
        window = TestWindow.open(robot, stage, shop, language, Screens.DEFAULT_SCAN_GAP, files, new FakePrinter(), 1024, 700)
                .unlockOwner();
        main = window.main();
        robot.clickOn("#nav-settings");
        robot.clickOn("#settings-tab-data");
        Await.until(() -> visible(robot, "#settings-data"));
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Chooses {@code file} in the open dialog of {@code button} and waits for its preview. */
    private void choose(FxRobot robot, String button, Path file) throws Exception {
        files.willOpen(file);
        robot.clickOn(button);
        waitForPreview(robot);
    }

    private static void waitForPreview(FxRobot robot) throws TimeoutException {
        Await.until(() -> visible(robot, "#import-page")
                && !robot.lookup("#import-reading").query().isVisible()
                && !text(robot, "#import-problems-summary").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean visible(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> n.isVisible() && n.getScene() != null && treeVisible(n))
                .orElse(false);
    }

    private static boolean treeVisible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static List<String> problems(FxRobot robot) {
        return robot.lookup("#import-problems").queryAs(ListView.class).getItems();
    }

    private static Button button(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Button.class);
    }

    /** Opens the field choice of column {@code index} and clicks {@code label} in its list. */
    private static void readColumnAs(FxRobot robot, int index, String label) throws TimeoutException {
        robot.clickOn("#import-field-" + index);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match((ListCell<?> c) -> label.equals(c.getText())).queryAs(Node.class));
        Await.until(() -> label.equals(
                robot.lookup("#import-field-" + index).queryAs(ComboBox.class).getValue().toString()));
        waitForPreview(robot);
    }

    private long members() {
        return shop.db().dsl().fetchCount(MEMBER);
    }

    private long entries() {
        return shop.db().dsl().fetchCount(LEDGER_ENTRY);
    }

    // ---- the tests

    @Test
    void aBadDateOnLineSevenIsShownWithItsReasonAndNothingCanBeImported(FxRobot robot) throws Exception {
        openSettings(robot, Language.ENGLISH);
        choose(robot, "#data-import-visits", file("till-export.csv", ImportViewModelTest.BAD_DATE_ON_LINE_7));

        assertThat(text(robot, "#import-title")).isEqualTo("Import past visits");
        assertThat(text(robot, "#import-file")).isEqualTo("till-export.csv: 7 rows");
        assertThat(problems(robot)).containsExactly("Line 7: The date \"2023-02-29\" is not understood "
                + "(use 2024-12-31, 31.12.2024 or 31/12/2024, optionally with a time).");
        assertThat(text(robot, "#import-problems-summary")).startsWith("1 problem: nothing can be imported");
        assertThat(button(robot, "#import-start").isDisabled()).isTrue();

        robot.clickOn("#import-back");
        Await.until(() -> visible(robot, "#settings-data"));
        assertThat(visible(robot, "#import-page")).isFalse();
        assertThat(members()).isZero();
        assertThat(entries()).isZero();
    }

    @Test
    void changingWhatAColumnIsReadAsChecksTheFileAgainAndThenImports(FxRobot robot) throws Exception {
        openSettings(robot, Language.ENGLISH);
        choose(robot, "#data-import-visits", file("kasa.csv",
                "Klient;Kiedy;Kwota;Kasa\n1001;2024-12-30 10:00;12,50;A\n1002;31.12.2024;8,00;B\n1001;2025-01-02;3,00;A\n"));
        assertThat(problems(robot)).containsExactly(
                "Line 1: The file has no column for \"Date and time\". Rename the column or map it to this field.");
        assertThat(robot.lookup("#import-field-1").queryAs(ComboBox.class).getValue().toString())
                .isEqualTo("Skip this column");
        assertThat(button(robot, "#import-start").isDisabled()).isTrue();

        readColumnAs(robot, 3, "Date and time");
        assertThat(problems(robot)).hasSize(3).first().asString()
                .startsWith("Line 2: The date \"A\" is not understood");
        assertThat(button(robot, "#import-start").isDisabled()).isTrue();

        readColumnAs(robot, 1, "Date and time");
        assertThat(robot.lookup("#import-field-3").queryAs(ComboBox.class).getValue().toString())
                .isEqualTo("Skip this column");
        assertThat(problems(robot)).isEmpty();
        assertThat(text(robot, "#import-problems-summary")).isEqualTo("No problems found: the file is ready to import.");
        assertThat(entries()).isZero();

        robot.clickOn("#import-start");
        Await.until(() -> visible(robot, "#import-summary"));
        assertThat(text(robot, "#import-summary")).isEqualTo("3 visits imported, 23.50 PLN in total. "
                + "2 new members were added for customers the shop did not know yet.");
        assertThat(entries()).isEqualTo(3);
        assertThat(members()).isEqualTo(2);
        assertThat(shop.integrity().run().ok()).isTrue();
        robot.clickOn("#import-back");
        Await.until(() -> visible(robot, "#settings-data"));
    }

    @Test
    void importingTheSameFileAgainAsksFirst(FxRobot robot) throws Exception {
        Path members = file("members.csv", "Imię i nazwisko;Telefon;Pieczątki\nAnna Nowak;600 100 200;3\nOla Berg;;0\n");
        openSettings(robot, Language.ENGLISH);
        choose(robot, "#data-import-members", members);
        assertThat(visible(robot, "#import-previous")).isFalse();
        assertThat(button(robot, "#import-start").getText()).isEqualTo("Import");
        robot.clickOn("#import-start");
        Await.until(() -> visible(robot, "#import-summary"));
        assertThat(text(robot, "#import-summary")).isEqualTo("2 members imported, each with a card.");
        robot.clickOn("#import-back");

        choose(robot, "#data-import-members", members);
        assertThat(text(robot, "#import-previous")).startsWith("This file was imported before, on ")
                .endsWith("(as members.csv). Importing it again adds its rows a second time.");
        assertThat(button(robot, "#import-start").getText()).isEqualTo("Import again…");
        robot.clickOn("#import-start");
        Await.until(() -> visible(robot, "#import-again-question"));
        assertThat(button(robot, "#import-start").isDisabled()).isTrue();
        assertThat(members()).isEqualTo(2);

        robot.clickOn("#import-again-no");
        Await.until(() -> !visible(robot, "#import-again-question"));
        assertThat(members()).isEqualTo(2);

        robot.clickOn("#import-start");
        robot.clickOn("#import-again");
        Await.until(() -> visible(robot, "#import-summary"));
        assertThat(members()).isEqualTo(4);
    }

    @Test
    void exportingMembersWritesTheFileForTheShopsLanguage(FxRobot robot) throws Exception {
        TestShop.withStamps(shop, "Kari Nordmann", 2);
        TestShop.enrol(shop, "Łukasz Żółć");
        TestShop.putSettings(shop.db(), Map.of(SettingsService.LANGUAGE, "pl"));
        openSettings(robot, Language.POLISH);
        Path csv = dir.resolve("klienci.csv");
        files.willSave(csv);

        robot.clickOn("#data-export-members");

        Await.until(() -> !text(robot, "#data-message").isEmpty());
        assertThat(text(robot, "#data-message")).isEqualTo("Wyeksportowano 2 klientów do " + csv + ".");
        String written = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(written).startsWith("\uFEFFcard;customer_id;name;phone;");
        String[] lines = written.split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains(";Kari Nordmann;").contains(";2;");
        assertThat(lines[2]).contains(";Łukasz Żółć;");
    }

    @Test
    void thePublicRetailDataImportsFromTheWindowWithProgress(FxRobot robot) throws Exception {
        openSettings(robot, Language.ENGLISH);
        long start = System.nanoTime();
        choose(robot, "#data-import-visits", RETAIL);
        long previewed = System.nanoTime();
        assertThat(text(robot, "#import-file")).isEqualTo("online_retail_visits.csv: 18,536 rows");
        assertThat(problems(robot)).isEmpty();

        robot.clickOn("#import-start");
        Await.until(() -> visible(robot, "#import-progress")
                || visible(robot, "#import-summary"));
        assertThat(button(robot, "#import-back").isDisabled() || visible(robot, "#import-summary")).isTrue();
        Await.until(() -> visible(robot, "#import-summary"));
        long done = System.nanoTime();
        assertThat(robot.lookup("#import-progress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(text(robot, "#import-summary")).startsWith("18,536 visits imported, ")
                .endsWith(" 4,339 new members were added for customers the shop did not know yet.");
        assertThat(members()).isEqualTo(4_339);
        Await.until(() -> text(robot, "#status").endsWith("4,339 members"));
        assertThat(text(robot, "#status")).isEqualTo("Cashier: Anna · 4,339 members");
        assertThat(shop.db().dsl().fetchCount(LEDGER_ENTRY, LEDGER_ENTRY.KIND.eq(EntryKind.IMPORT))).isEqualTo(18_536);
        assertThat(shop.integrity().run().ok()).isTrue();
        System.out.printf("online_retail_visits.csv from the window: preview %.1f s, import %.1f s%n",
                (previewed - start) / 1e9, (done - previewed) / 1e9);
    }
}
