package app.stempel.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import app.stempel.core.Language;
import app.stempel.program.Tier;
import app.stempel.ui.I18n;

/** The PDF with text its fonts cannot show, and text too long for its column. */
class ReportPdfTest {

    @Test
    void namesWithCharactersTheFontsLackAndLongNamesStillMakeAReport() throws Exception {
        Period march = new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        Dashboard d = new Dashboard(march, march.to(), Currency.getInstance("PLN"), 90,
                new Dashboard.Tiles(5, 2, 9, 0.75, 0.5, 1.8, 1250L, 4000L, null, 1, 0, 30000L, 20, 5),
                List.of(new Dashboard.VisitBucket(march.from(), march.to(), 2, 7)),
                List.of(new CohortReport.Cohort(YearMonth.of(2026, 3), 2, new int[CohortReport.MONTHS])),
                List.of(new Dashboard.ActivePoint(march.to(), 5)), Map.of(Tier.NEW, 2, Tier.REGULAR, 3, Tier.LOYAL, 0),
                List.of(new Dashboard.NpsPoint(YearMonth.of(2026, 3), 5, 2, 1)),
                Map.of(Dashboard.Segment.AT_RISK, 1, Dashboard.Segment.LOST, 0, Dashboard.Segment.CHAMPIONS, 0,
                        Dashboard.Segment.REGULARS, 2, Dashboard.Segment.OCCASIONAL, 2));
        List<AtRisk> atRisk = List.of(new AtRisk(7, "Zoë 🍩 Kowalska-Wiśniewska-Brzęczyszczykiewicz", "600 100 200",
                "zoe.with.a.very.long.address@example.com", 4, 10.5, 40, LocalDate.of(2026, 2, 19), 12_345));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new ReportPdf(new ReportTexts(new I18n(Language.POLISH)), "Kafé ☕🍩").write(d, atRisk, out);

        try (var doc = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Raport: Kafé ?", "Zoë ? Kowalska", "…", "123,45 PLN");
        }
    }
}
