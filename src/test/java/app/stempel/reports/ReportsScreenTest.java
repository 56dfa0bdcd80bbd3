package app.stempel.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeoutException;

import javax.imageio.ImageIO;

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
import app.stempel.testing.FakePrinter;
import app.stempel.testing.MutableClock;
import app.stempel.testing.StubFiles;
import app.stempel.testing.TestShop;
import app.stempel.testing.TestWindow;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import java.util.concurrent.Callable;

/**
 * The Reports screen driven as the owner drives it, on the small shop of {@link SmallShop}: the figures
 * read off the tiles, a period chosen, the heat map hovered, and every kind of file saved through the
 * (stubbed) dialog and read back.
 */
@ExtendWith(ApplicationExtension.class)
class ReportsScreenTest {

    @TempDir
    Path dir;
    private final StubFiles files = new StubFiles();
    private final MutableClock clock = new MutableClock(SmallShop.TODAY, ZoneOffset.UTC);
    private Stage stage;
    private Services shop;
    private TestWindow window;
    private SmallShop members;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @BeforeEach
    void seed() {
        shop = TestShop.open(dir.resolve("shop"), clock);
        members = SmallShop.fill(shop, clock);
    }

    @AfterEach
    void close() {
        if (window != null) {
            window.close();
        }
        assertThat(shop.integrity().run().ok()).isTrue();
        shop.close();
    }

    private void openReports(FxRobot robot, Language language) throws Exception {
        window = TestWindow.open(robot, stage, shop, language, Screens.DEFAULT_SCAN_GAP, files, new FakePrinter(), 1024, 700)
                .unlockOwner();
        robot.clickOn("#nav-reports");
        waitFor(() -> robot.lookup("#page-reports").tryQuery().isPresent());
    }

    private static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        Await.until(condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitForText(FxRobot robot, String id, String expected) throws TimeoutException {
        try {
            waitFor(() -> expected.equals(text(robot, id)));
        } catch (TimeoutException e) {
            assertThat(text(robot, id)).as(id).isEqualTo(expected);
        }
    }

    /** Saves through {@code button} into {@code name} and waits for the file and the screen's word. */
    private Path save(FxRobot robot, String button, String name) throws TimeoutException {
        Path file = dir.resolve(name);
        files.willSave(file);
        robot.clickOn(button);
        waitFor(() -> Files.exists(file) && text(robot, "#reports-message").contains(name));
        return file;
    }

    private static List<String> lines(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFF");
        lines.set(0, lines.get(0).substring(1));
        return lines;
    }

    @Test
    void theTilesShowTheShopsFiguresAndChangeWithThePeriod(FxRobot robot) throws Exception {
        openReports(robot, Language.ENGLISH);
        // the last 12 months first
        waitForText(robot, "#reports-tile-visits-value", "13");
        assertThat(text(robot, "#reports-tile-new-members-value")).isEqualTo("5");
        assertThat(text(robot, "#reports-tile-active-value")).isEqualTo("3");
        assertThat(text(robot, "#reports-range")).isEqualTo("Apr 1, 2025 – Mar 15, 2026");

        robot.clickOn("#reports-period");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match((ListCell<?> c) -> "This month".equals(c.getText())).queryAs(Node.class));
        waitForText(robot, "#reports-tile-visits-value", "3");
        assertThat(text(robot, "#reports-range")).isEqualTo("Mar 1, 2026 – Mar 15, 2026");
        assertThat(text(robot, "#reports-tile-new-members-value")).isEqualTo("1");
        assertThat(text(robot, "#reports-tile-crr-value")).isEqualTo("50.0%");
        assertThat(text(robot, "#reports-tile-churn-value")).isEqualTo("50.0%");
        assertThat(text(robot, "#reports-tile-rpr-value")).isEqualTo("50.0%");
        assertThat(text(robot, "#reports-tile-visits-per-member-value")).isEqualTo("1.5");
        assertThat(text(robot, "#reports-tile-spend-per-visit-value")).isEqualTo("20.00");
        assertThat(text(robot, "#reports-tile-spend-per-visit-note")).isEqualTo("PLN");
        assertThat(text(robot, "#reports-tile-clv-historical-value")).isEqualTo("21.00");
        assertThat(text(robot, "#reports-tile-clv-projected-value")).isEqualTo("–");
        assertThat(text(robot, "#reports-tile-nps-value")).isEqualTo("–");
        assertThat(text(robot, "#reports-tile-nps-note")).isEqualTo("0 answers");

        // the year choice appears only for a year
        assertThat(robot.lookup("#reports-year").query().isVisible()).isFalse();
    }

    @Test
    void theHeatMapShowsSharesAndSaysHowManyOnHover(FxRobot robot) throws Exception {
        openReports(robot, Language.ENGLISH);
        waitForText(robot, "#reports-tile-visits-value", "13");
        robot.clickOn("#reports-tab-cohorts");
        String cell = "#reports-cell-2025-12-1";
        waitFor(() -> robot.lookup(cell).tryQuery().map(Node::isVisible).orElse(false));
        assertThat(text(robot, "#reports-cell-2025-12-0")).isEqualTo("100%");
        assertThat(text(robot, cell)).isEqualTo("50%");
        assertThat(text(robot, "#reports-cell-2025-12-4")).as("April is not known yet").isEmpty();

        Label december = robot.lookup(cell).queryAs(Label.class);
        robot.moveTo(december);
        waitFor(() -> december.getTooltip().isShowing());
        assertThat(december.getTooltip().getText()).isEqualTo("1 of 2 members");

        Path csv = save(robot, "#reports-csv-cohorts", "cohorts.csv");
        List<String> lines = lines(csv);
        assertThat(lines.get(0)).startsWith("cohort,size,month_0,");
        assertThat(lines).anyMatch(l -> l.startsWith("2025-12,2,2,1,1,1,,"));

        Node map = robot.lookup("#reports-chart-cohorts").query();
        Path png = save(robot, "#reports-png-cohorts", "cohorts.png");
        BufferedImage image = ImageIO.read(png.toFile());
        Bounds bounds = map.getBoundsInParent();
        assertThat(image.getWidth()).isCloseTo((int) Math.ceil(bounds.getWidth()), Offset.offset(1));
        assertThat(image.getHeight()).isCloseTo((int) Math.ceil(bounds.getHeight()), Offset.offset(1));
    }

    @Test
    void chartsTheListAtRiskAndTheWholeReportAreSaved(FxRobot robot) throws Exception {
        openReports(robot, Language.ENGLISH);
        waitForText(robot, "#reports-tile-visits-value", "13");

        robot.clickOn("#reports-tab-visits");
        waitFor(() -> robot.lookup("#reports-png-visits").query().isVisible());
        Path png = save(robot, "#reports-png-visits", "visits.png");
        Node chart = robot.lookup("#reports-chart-visits").query();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isCloseTo((int) Math.ceil(chart.getBoundsInParent().getWidth()),
                Offset.offset(1));
        assertThat(image.getHeight()).isGreaterThan(200);
        List<String> visits = lines(save(robot, "#reports-csv-visits", "visits.csv"));
        assertThat(visits.get(0)).isEqualTo("start,end,new_member_visits,returning_visits,visits");
        assertThat(visits).hasSize(13).contains("2026-03-01,2026-03-15,2,1,3");

        robot.clickOn("#reports-tab-at-risk");
        waitFor(() -> robot.lookup("#reports-at-risk").query().isVisible());
        TableView<?> table = robot.lookup("#reports-at-risk").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(2);
        assertThat(text(robot, "#reports-segment-at-risk")).isEqualTo("2");
        assertThat(text(robot, "#reports-segment-lost")).isEqualTo("1");
        robot.lookup("Cyd Wolski").tryQuery().orElseThrow();
        List<String> atRisk = lines(save(robot, "#reports-csv-at-risk", "at-risk.csv"));
        assertThat(atRisk).containsExactly(
                "member_id,name,phone,email,visits,usual_interval_days,days_since_last,last_visit,value,currency",
                members.cyd.memberId() + ",Cyd Wolski,,,3,30.5,226,2025-08-01,15.00,PLN",
                members.dag.memberId() + ",Dag Lund,'+47 900 00 000,dag@example.com,3,9.0,86,2025-12-19,0.00,PLN"); // a leading + would run as a formula

        Path pdf = save(robot, "#reports-pdf", "report.pdf");
        byte[] head = new byte[5];
        try (var in = Files.newInputStream(pdf)) {
            assertThat(in.read(head)).isEqualTo(5);
        }
        assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void inPolishFiguresAndDatesArePolish(FxRobot robot) throws Exception {
        openReports(robot, Language.POLISH);
        waitForText(robot, "#reports-tile-visits-value", "13");
        assertThat(text(robot, "#reports-range")).isEqualTo("1 kwi 2025 – 15 mar 2026");
        // 13 visits by 5 members; nobody was active on 1 April 2025, so retention cannot be told
        assertThat(text(robot, "#reports-tile-visits-per-member-value")).isEqualTo("2,6");
        assertThat(text(robot, "#reports-tile-crr-value")).isEqualTo("–");
        assertThat(text(robot, "#reports-tile-clv-historical-value")).isEqualTo("21,00");
        assertThat(text(robot, "#reports-tile-nps-note")).isEqualTo("0 odpowiedzi");
    }

    @Test
    void theCashierSeesTheLockNotTheReport(FxRobot robot) throws Exception {
        window = TestWindow.open(robot, stage, shop, Language.ENGLISH, Screens.DEFAULT_SCAN_GAP, files, new FakePrinter(),
                1024, 700);
        robot.clickOn("#nav-reports");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#owner-locked").tryQuery()).isPresent();
        assertThat(robot.lookup("#page-reports").tryQuery()).isEmpty();
        assertThat(robot.lookup("#reports-pdf").tryQuery()).isEmpty();
    }
}
