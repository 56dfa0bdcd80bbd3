package app.stempel.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.core.Language;
import app.stempel.owner.OwnerOnlyException;
import app.stempel.program.Tier;
import app.stempel.reports.ReportExport.Chart;
import app.stempel.ui.I18n;

/** The report's files, from a dashboard built by hand. */
class ReportExportTest {

    @TempDir
    Path dir;

    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 15);

    /** Two cohorts of a shop on 15 March 2026: February (4 members) and March (2). */
    private static Dashboard dashboard() {
        Dashboard.Tiles tiles = new Dashboard.Tiles(5, 2, 9, 0.75, 0.5, 1.8, 1250L, 4000L, null, 1, 0, 30000L, 20, 5);
        List<CohortReport.Cohort> cohorts = List.of(
                new CohortReport.Cohort(YearMonth.of(2026, 2), 4, new int[] {4, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}),
                new CohortReport.Cohort(YearMonth.of(2026, 3), 2, new int[] {2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
        return new Dashboard(new Period(LocalDate.of(2026, 2, 1), AS_OF), AS_OF, Currency.getInstance("NOK"), 90, tiles,
                List.of(new Dashboard.VisitBucket(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28), 4, 1),
                        new Dashboard.VisitBucket(LocalDate.of(2026, 3, 1), AS_OF, 2, 2)),
                cohorts, List.of(new Dashboard.ActivePoint(LocalDate.of(2026, 2, 28), 4), new Dashboard.ActivePoint(AS_OF, 5)),
                Map.of(Tier.NEW, 3, Tier.LOYAL, 2),
                List.of(new Dashboard.NpsPoint(YearMonth.of(2026, 2), 0, 0, 0), new Dashboard.NpsPoint(YearMonth.of(2026, 3), 5, 2, 1)),
                Map.of(Dashboard.Segment.REGULARS, 3, Dashboard.Segment.LOST, 1));
    }

    private List<String> csv(ReportExport export, Chart chart) throws Exception {
        Path file = dir.resolve(chart.slug() + ".csv");
        export.csv(chart, dashboard(), file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFF");
        lines.set(0, lines.get(0).substring(1));
        return lines;
    }

    @Test
    void eachChartsDataIsATableWithAHeader() throws Exception {
        ReportExport en = new ReportExport(() -> true, Language.ENGLISH);
        assertThat(csv(en, Chart.VISITS)).containsExactly("start,end,new_member_visits,returning_visits,visits",
                "2026-02-01,2026-02-28,4,1,5", "2026-03-01,2026-03-15,2,2,4");
        assertThat(csv(en, Chart.ACTIVE)).containsExactly("day,active_members", "2026-02-28,4", "2026-03-15,5");
        assertThat(csv(en, Chart.TIERS)).containsExactly("tier,members", "new,3", "regular,0", "loyal,2");
        assertThat(csv(en, Chart.NPS)).containsExactly("month,answers,promoters,detractors,nps", "2026-02,0,0,0,",
                "2026-03,5,2,1,20");
        assertThat(csv(en, Chart.SEGMENTS)).containsExactly("segment,members", "champions,0", "regulars,3",
                "occasional,0", "at_risk,0", "lost,1");
        // months not known yet are empty, not 0
        List<String> cohorts = csv(en, Chart.COHORTS);
        assertThat(cohorts.get(0)).startsWith("cohort,size,month_0,month_1,").endsWith("share_11,share_12");
        assertThat(cohorts.get(1)).startsWith("2026-02,4,4,3,,,").contains(",1.0000,0.7500,,");
        assertThat(cohorts.get(2)).startsWith("2026-03,2,2,,,");
        assertThat(csv(en, Chart.RETENTION)).hasSize(3);
        assertThat(csv(en, Chart.TILES)).contains("spend_per_visit,12.50,2026-02-01,2026-03-15,2026-03-15",
                "clv_projected,,2026-02-01,2026-03-15,2026-03-15", "nps_answers,5,2026-02-01,2026-03-15,2026-03-15");
    }

    @Test
    void norwegianFilesUseSemicolonsAndDecimalCommas() throws Exception {
        ReportExport nb = new ReportExport(() -> true, Language.NORWEGIAN);
        assertThat(csv(nb, Chart.TILES)).contains("crr;0,7500;2026-02-01;2026-03-15;2026-03-15",
                "reward_liability;300,00;2026-02-01;2026-03-15;2026-03-15");
        Path file = dir.resolve("at-risk.csv");
        nb.atRisk(List.of(new AtRisk(7, "Åse Ødegård", null, null, 4, 10.5, 40, LocalDate.of(2026, 2, 3), 12345)),
                dashboard(), file);
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).last()
                .isEqualTo("7;Åse Ødegård;;;4;10,5;40;2026-02-03;123,45;NOK");
    }

    @Test
    void outsideOwnerModeNothingIsWritten() {
        ReportExport closed = new ReportExport(() -> false, Language.ENGLISH);
        Path csv = dir.resolve("visits.csv");
        Path list = dir.resolve("at-risk.csv");
        Path png = dir.resolve("chart.png");
        assertThatThrownBy(() -> closed.csv(Chart.VISITS, dashboard(), csv)).isInstanceOf(OwnerOnlyException.class);
        assertThatThrownBy(() -> closed.atRisk(List.of(), dashboard(), list)).isInstanceOf(OwnerOnlyException.class);
        assertThatThrownBy(() -> closed.png(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), png))
                .isInstanceOf(OwnerOnlyException.class);
        Path pdf = dir.resolve("report.pdf");
        assertThatThrownBy(() -> closed.pdf(new ReportPdf(new ReportTexts(new I18n(Language.ENGLISH)), "Kafé"),
                dashboard(), List.of(), pdf)).isInstanceOf(OwnerOnlyException.class);
        assertThat(dir).isEmptyDirectory();
    }
}
