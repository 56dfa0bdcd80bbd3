package app.stempel.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.core.Language;
import app.stempel.owner.OwnerGate;
import app.stempel.reports.Dashboard.Segment;
import app.stempel.reports.ReportExport.Chart;
import app.stempel.reports.ReportsViewModel.Tile;
import app.stempel.testing.MutableClock;
import app.stempel.testing.TestShop;
import app.stempel.ui.I18n;
import app.stempel.ui.SameThreadTaskRunner;
import java.time.YearMonth;

/** The report's view model on a small shop whose figures are worked out by hand in {@link SmallShop}. */
class ReportsViewModelTest {

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(SmallShop.TODAY, ZoneOffset.UTC);
    private Services shop;
    private SmallShop members;
    private final List<Path> pdfs = new ArrayList<>();

    @BeforeEach
    void open() {
        shop = TestShop.open(dir.resolve("shop"), clock);
        members = SmallShop.fill(shop, clock);
    }

    @AfterEach
    void close() {
        assertThat(shop.integrity().run().ok()).isTrue();
        shop.close();
    }

    private ReportsViewModel model(Language language, OwnerGate gate) {
        return new ReportsViewModel(TestShop.reports(shop, clock, gate), new ReportExport(gate, language),
                (d, atRisk, file) -> {
                    gate.require();
                    pdfs.add(file);
                    Files.writeString(file, "%PDF-1.7 " + d.period() + " " + atRisk.size());
                }, new SameThreadTaskRunner(), new I18n(language), clock);
    }

    private static String value(ReportsViewModel m, Tile t) {
        return m.valueProperty(t).get();
    }

    @Test
    void thisMonthsTilesReadAsWorkedOutByHand() {
        ReportsViewModel m = model(Language.ENGLISH, OwnerGate.TRUSTED);
        m.choiceProperty().set(Period.Choice.THIS_MONTH);

        assertThat(m.failedProperty().get()).as(m.messageProperty().get()).isFalse();
        assertThat(m.periodTextProperty().get()).isEqualTo("Mar 1, 2026 – Mar 15, 2026");
        assertThat(value(m, Tile.ACTIVE)).isEqualTo("3");
        assertThat(value(m, Tile.NEW_MEMBERS)).isEqualTo("1");
        assertThat(value(m, Tile.VISITS)).isEqualTo("3");
        assertThat(value(m, Tile.VISITS_PER_MEMBER)).isEqualTo("1.5");
        assertThat(value(m, Tile.CRR)).isEqualTo("50.0%");
        assertThat(value(m, Tile.CHURN)).isEqualTo("50.0%");
        assertThat(value(m, Tile.RPR)).isEqualTo("50.0%");
        assertThat(value(m, Tile.SPEND_PER_VISIT)).isEqualTo("20.00");
        assertThat(m.noteProperty(Tile.SPEND_PER_VISIT).get()).isEqualTo("PLN");
        assertThat(value(m, Tile.CLV_HISTORICAL)).isEqualTo("21.00");
        assertThat(value(m, Tile.CLV_PROJECTED)).as("no yearly churn yet").isEqualTo("–");
        assertThat(m.noteProperty(Tile.CLV_PROJECTED).get()).isEmpty();
        assertThat(value(m, Tile.NPS)).isEqualTo("–");
        assertThat(m.noteProperty(Tile.NPS).get()).isEqualTo("0 answers");
        assertThat(value(m, Tile.REWARDS_ISSUED)).isEqualTo("0");
        assertThat(value(m, Tile.REWARDS_REDEEMED)).isEqualTo("0");
        assertThat(m.tileHelpProperty(Tile.ACTIVE).get()).contains("90 days");

        assertThat(m.segmentProperty(Segment.REGULARS).get()).isEqualTo("1");
        assertThat(m.segmentProperty(Segment.OCCASIONAL).get()).isEqualTo("1");
        assertThat(m.segmentProperty(Segment.AT_RISK).get()).isEqualTo("2");
        assertThat(m.segmentProperty(Segment.LOST).get()).isEqualTo("1");
        assertThat(m.segmentProperty(Segment.CHAMPIONS).get()).isEqualTo("0");

        // most valuable first; contact details only where the member consented
        assertThat(m.atRisk()).extracting(AtRisk::name).containsExactly("Cyd Wolski", "Dag Lund");
        AtRisk cyd = m.atRisk().get(0);
        assertThat(cyd.phone()).isNull();
        assertThat(cyd.value()).isEqualTo(1500);
        AtRisk dag = m.atRisk().get(1);
        assertThat(dag.phone()).isEqualTo("+47 900 00 000");
        assertThat(dag.email()).isEqualTo("dag@example.com");
        assertThat(m.days(dag.usualDays())).isEqualTo("9.0");
        assertThat(dag.daysSince()).isEqualTo(86);
        assertThat(m.shortDate(dag.lastVisit())).isEqualTo("12/19/25");
    }

    @Test
    void changingThePeriodComputesItAgain() {
        ReportsViewModel m = model(Language.ENGLISH, OwnerGate.TRUSTED);
        m.choiceProperty().set(Period.Choice.THIS_MONTH);
        assertThat(value(m, Tile.VISITS)).isEqualTo("3");

        m.choiceProperty().set(Period.Choice.LAST_3_MONTHS);
        assertThat(m.periodTextProperty().get()).isEqualTo("Jan 1, 2026 – Mar 15, 2026");
        assertThat(value(m, Tile.VISITS)).isEqualTo("5");
        assertThat(value(m, Tile.NEW_MEMBERS)).isEqualTo("1");
        assertThat(value(m, Tile.CRR)).isEqualTo("50.0%");
        assertThat(value(m, Tile.RPR)).isEqualTo("100.0%");
        assertThat(value(m, Tile.VISITS_PER_MEMBER)).isEqualTo("2.5");
        assertThat(value(m, Tile.SPEND_PER_VISIT)).isEqualTo("16.00");
        assertThat(m.dashboardProperty().get().period().weekly()).isTrue();

        m.choiceProperty().set(Period.Choice.LAST_12_MONTHS);
        assertThat(value(m, Tile.VISITS)).isEqualTo("13");
        assertThat(value(m, Tile.NEW_MEMBERS)).isEqualTo("5");

        // the year 2025: the calendar year, ending on its last day
        m.yearProperty().set(2025);
        m.choiceProperty().set(Period.Choice.YEAR);
        assertThat(m.periodTextProperty().get()).isEqualTo("Jan 1, 2025 – Dec 31, 2025");
        // Eva 1, Cyd 3, Dag 3, Anna 1 (December)
        assertThat(value(m, Tile.VISITS)).isEqualTo("8");

        // a custom period: from and to are the person's; the wrong way round is refused
        m.choiceProperty().set(Period.Choice.CUSTOM);
        m.fromProperty().set(LocalDate.of(2026, 3, 6));
        m.toProperty().set(LocalDate.of(2026, 3, 12));
        assertThat(value(m, Tile.VISITS)).isEqualTo("2");
        m.toProperty().set(LocalDate.of(2026, 3, 1));
        assertThat(m.failedProperty().get()).isTrue();
        assertThat(m.messageProperty().get()).isEqualTo("The first day is after the last. Pick the dates again.");
        assertThat(value(m, Tile.VISITS)).as("the last figures stay").isEqualTo("2");
    }

    @Test
    void figuresAreWrittenInThePersonsLanguage() {
        ReportsViewModel pl = model(Language.POLISH, OwnerGate.TRUSTED);
        pl.choiceProperty().set(Period.Choice.THIS_MONTH);
        assertThat(value(pl, Tile.CRR)).isEqualTo("50,0%");
        assertThat(value(pl, Tile.VISITS_PER_MEMBER)).isEqualTo("1,5");
        assertThat(value(pl, Tile.CLV_HISTORICAL)).isEqualTo("21,00");
        assertThat(pl.noteProperty(Tile.NPS).get()).isEqualTo("0 odpowiedzi");
        assertThat(pl.periodTextProperty().get()).isEqualTo("1 mar 2026 – 15 mar 2026");

        ReportsViewModel ru = model(Language.RUSSIAN, OwnerGate.TRUSTED);
        ru.choiceProperty().set(Period.Choice.THIS_MONTH);
        assertThat(value(ru, Tile.CRR)).isEqualTo("50,0\u00a0%");
        assertThat(ru.noteProperty(Tile.NPS).get()).isEqualTo("0 ответов");
    }

    @Test
    void theCohortHeatMapSaysShareAndCount() {
        ReportsViewModel m = model(Language.ENGLISH, OwnerGate.TRUSTED);
        m.refresh();
        Dashboard d = m.dashboardProperty().get();
        CohortReport.Cohort december = d.cohorts().stream()
                .filter(c -> c.month().equals(YearMonth.of(2025, 12))).findFirst().orElseThrow();
        // Anna and Dag began in December; Anna came back in January, February and March
        assertThat(december.size()).isEqualTo(2);
        assertThat(m.cellText(d, december, 0)).isEqualTo("100%");
        assertThat(m.cellText(d, december, 1)).isEqualTo("50%");
        assertThat(m.cellHelp(d, december, 1)).isEqualTo("1 of 2 members");
        assertThat(m.cellText(d, december, 4)).as("April is not known yet").isEmpty();
        assertThat(m.cellHelp(d, december, 4)).isEmpty();
    }

    @Test
    void exportsWriteTheFiguresTheChartsAndTheListAtRisk() throws Exception {
        ReportsViewModel m = model(Language.ENGLISH, OwnerGate.TRUSTED);
        m.choiceProperty().set(Period.Choice.THIS_MONTH);

        Path tiles = dir.resolve("tiles.csv");
        m.exportCsv(Chart.TILES, tiles);
        assertThat(m.messageProperty().get()).isEqualTo("Saved tiles.csv.");
        List<String> lines = Files.readAllLines(tiles, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\uFEFFfigure,value,from,to,as_of");
        assertThat(lines).contains("crr,0.5000,2026-03-01,2026-03-15,2026-03-15",
                "spend_per_visit,20.00,2026-03-01,2026-03-15,2026-03-15", "clv_projected,,2026-03-01,2026-03-15,2026-03-15");

        Path atRisk = dir.resolve("at-risk.csv");
        m.exportCsv(Chart.AT_RISK, atRisk);
        assertThat(Files.readAllLines(atRisk, StandardCharsets.UTF_8)).containsExactly(
                "\uFEFFmember_id,name,phone,email,visits,usual_interval_days,days_since_last,last_visit,value,currency",
                members.cyd.memberId() + ",Cyd Wolski,,,3,30.5,226,2025-08-01,15.00,PLN",
                members.dag.memberId() + ",Dag Lund,'+47 900 00 000,dag@example.com,3,9.0,86,2025-12-19,0.00,PLN"); // a leading + would run as a formula

        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        Path png = dir.resolve("chart.png");
        m.exportPng(image, png);
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(40);

        Path pdf = dir.resolve("report.pdf");
        m.exportPdf(pdf);
        assertThat(pdfs).containsExactly(pdf);
        assertThat(Files.readString(pdf)).startsWith("%PDF").endsWith(" 2");
        assertThat(m.failedProperty().get()).isFalse();
    }

    @Test
    void csvForPolishUsesSemicolonsAndDecimalCommas() throws Exception {
        ReportsViewModel m = model(Language.POLISH, OwnerGate.TRUSTED);
        m.choiceProperty().set(Period.Choice.THIS_MONTH);
        Path tiles = dir.resolve("tiles.csv");
        m.exportCsv(Chart.TILES, tiles);
        assertThat(Files.readAllLines(tiles, StandardCharsets.UTF_8)).contains("crr;0,5000;2026-03-01;2026-03-15;2026-03-15");
    }

    @Test
    void outsideOwnerModeItSaysSoAndShowsNothing() {
        ReportsViewModel m = model(Language.ENGLISH, () -> false);
        m.refresh();
        assertThat(m.failedProperty().get()).isTrue();
        assertThat(m.messageProperty().get()).isEqualTo("Owner mode is needed for this. Unlock it with the owner PIN.");
        assertThat(m.dashboardProperty().get()).isNull();
        assertThat(value(m, Tile.VISITS)).isEqualTo("–");
        assertThat(m.busyProperty().get()).isFalse();
    }
}
