package app.stempel.reports;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import app.stempel.cards.CardFonts;
import app.stempel.store.AtomicFile;
import app.stempel.program.Tier;
import java.util.ArrayList;
import java.time.YearMonth;

/**
 * The whole report as an A4 PDF in one language: the tiles and segments, the charts (visits new and
 * returning, active members, tiers, NPS by month), the cohort heat map, and the at-risk list's most
 * valuable members. Charts are drawn as vectors, so it needs no window and prints sharp. Text is set in
 * the embedded Liberation fonts, which cover Polish, Norwegian and Russian.
 */
public final class ReportPdf {

    /** At-risk members listed in the PDF; the CSV export has them all. */
    static final int AT_RISK_ROWS = 40;

    private static final float W = PDRectangle.A4.getWidth();
    private static final float H = PDRectangle.A4.getHeight();
    private static final float MARGIN = 40;
    private static final Color INK = new Color(0x22, 0x27, 0x2e);
    private static final Color MUTED = new Color(0x6b, 0x72, 0x80);
    private static final Color LINE = new Color(0xd0, 0xd5, 0xdd);
    private static final Color NEW = new Color(0x3b, 0x82, 0xf6);
    private static final Color RETURNING = new Color(0x10, 0xb9, 0x81);
    private static final Color ACCENT = new Color(0x8b, 0x5c, 0xf6);

    private final ReportTexts texts;
    private final String shopName;

    public ReportPdf(ReportTexts texts, String shopName) {
        this.texts = texts;
        this.shopName = shopName == null ? "" : shopName;
    }

    /** Writes the report to {@code file}, which appears only when complete. */
    public void write(Dashboard d, List<AtRisk> atRisk, Path file) throws IOException {
        AtomicFile.write(file, out -> write(d, atRisk, out));
    }

    public void write(Dashboard d, List<AtRisk> atRisk, OutputStream out) throws IOException {
        CardFonts fonts = CardFonts.load();
        try (PDDocument doc = new PDDocument()) {
            PDFont regular = PDType0Font.load(doc, fonts.font(CardFonts.Face.REGULAR), true);
            PDFont bold = PDType0Font.load(doc, fonts.font(CardFonts.Face.BOLD), true);
            Pen pen = new Pen(doc, fonts, regular, bold);
            pen.page();
            float y = header(pen, d);
            y = tiles(pen, d, y);
            y = segments(pen, d, y - 18);
            pen.page();
            y = H - MARGIN;
            y = visitsChart(pen, d, y) - 26;
            y = activeChart(pen, d, y) - 26;
            float half = (W - 2 * MARGIN - 20) / 2;
            tiersChart(pen, d, MARGIN, y, half);
            npsChart(pen, d, MARGIN + half + 20, y, half);
            pen.page();
            y = heatMap(pen, d, H - MARGIN);
            atRiskTable(pen, atRisk, d, y - 26);
            pen.close();
            doc.save(out);
        }
    }

    // --- parts

    private float header(Pen pen, Dashboard d) throws IOException {
        float y = H - MARGIN - 16;
        pen.text(shopName.isBlank() ? texts.i18n().get("reports.pdf.titleNoName")
                : texts.i18n().get("reports.pdf.title", shopName), MARGIN, y, 18, true, INK);
        y -= 18;
        pen.text(texts.i18n().get("reports.pdf.period", texts.period(d.period()), texts.date(d.asOf())), MARGIN, y, 10,
                false, MUTED);
        return y - 14;
    }

    private float tiles(Pen pen, Dashboard d, float top) throws IOException {
        List<ReportTexts.Tile> tiles = texts.tiles(d);
        int columns = 3;
        float gap = 10;
        float w = (W - 2 * MARGIN - gap * (columns - 1)) / columns;
        float h = 62;
        for (int i = 0; i < tiles.size(); i++) {
            ReportTexts.Tile t = tiles.get(i);
            float x = MARGIN + (i % columns) * (w + gap);
            float y = top - (i / columns + 1) * (h + gap) + gap;
            pen.box(x, y, w, h, LINE);
            pen.text(pen.fit(t.label(), 9, false, w - 16), x + 8, y + h - 16, 9, false, MUTED);
            pen.text(pen.fit(t.value(), 16, true, w - 16), x + 8, y + h - 36, 16, true, INK);
            float size = 6.5f;
            List<String> help = pen.wrap(t.help(), size, w - 16, 2);
            for (int l = 0; l < help.size(); l++) {
                pen.text(help.get(l), x + 8, y + 14 - l * 8, size, false, MUTED);
            }
        }
        int rows = (tiles.size() + columns - 1) / columns;
        return top - rows * (h + gap);
    }

    private float segments(Pen pen, Dashboard d, float top) throws IOException {
        pen.text(texts.i18n().get("reports.chart.segments"), MARGIN, top, 12, true, INK);
        float y = top - 18;
        int total = d.segments().values().stream().mapToInt(Integer::intValue).sum();
        float barMax = 110;
        for (Map.Entry<Dashboard.Segment, Integer> e : d.segments().entrySet()) {
            pen.text(texts.segment(e.getKey()), MARGIN, y, 10, true, INK);
            pen.text(texts.i18n().number(e.getValue()), MARGIN + 110, y, 10, false, INK);
            float bar = total == 0 ? 0 : barMax * e.getValue() / total;
            pen.fill(MARGIN + 160, y - 1, Math.max(bar, 0.5f), 8, e.getKey() == Dashboard.Segment.AT_RISK ? ACCENT : NEW);
            pen.text(pen.fit(texts.segmentHelp(e.getKey()), 7, false, W - MARGIN - (MARGIN + 280)), MARGIN + 280, y, 7, false,
                    MUTED);
            y -= 16;
        }
        return y;
    }

    private float visitsChart(Pen pen, Dashboard d, float top) throws IOException {
        pen.text(texts.i18n().get("reports.chart.visits"), MARGIN, top - 12, 12, true, INK);
        legend(pen, W - MARGIN - 170, top - 12);
        List<Dashboard.VisitBucket> buckets = d.visits();
        float chartTop = top - 24;
        float h = 150;
        float bottom = chartTop - h;
        int max = buckets.stream().mapToInt(Dashboard.VisitBucket::total).max().orElse(0);
        axis(pen, bottom, h, max);
        float left = MARGIN + 40;
        float slot = (W - MARGIN - left) / Math.max(1, buckets.size());
        for (int i = 0; i < buckets.size(); i++) {
            Dashboard.VisitBucket b = buckets.get(i);
            float x = left + i * slot + slot * 0.15f;
            float bw = slot * 0.7f;
            float hn = max == 0 ? 0 : h * b.newVisits() / max;
            float hr = max == 0 ? 0 : h * b.returningVisits() / max;
            pen.fill(x, bottom, bw, hr, RETURNING);
            pen.fill(x, bottom + hr, bw, hn, NEW);
            if (buckets.size() <= 16 || i % Math.ceil(buckets.size() / 12.0) == 0) {
                String label = d.period().weekly() ? texts.date(b.start()) : texts.month(YearMonth.from(b.start()));
                pen.text(pen.fit(label, 6.5f, false, Math.max(slot, 60)), x, bottom - 10, 6.5f, false, MUTED);
            }
        }
        return bottom - 14;
    }

    private void legend(Pen pen, float x, float y) throws IOException {
        pen.fill(x, y, 8, 8, NEW);
        pen.text(texts.i18n().get("reports.chart.new"), x + 12, y, 8, false, INK);
        pen.fill(x + 85, y, 8, 8, RETURNING);
        pen.text(texts.i18n().get("reports.chart.returning"), x + 97, y, 8, false, INK);
    }

    private void axis(Pen pen, float bottom, float h, int max) throws IOException {
        float left = MARGIN + 40;
        pen.line(left, bottom, W - MARGIN, bottom, LINE);
        for (int i = 0; i <= 4; i++) {
            float y = bottom + h * i / 4;
            pen.line(left, y, W - MARGIN, y, LINE);
            pen.text(texts.i18n().number(Math.round(max * i / 4.0)), MARGIN, y - 3, 7, false, MUTED);
        }
    }

    private float activeChart(Pen pen, Dashboard d, float top) throws IOException {
        pen.text(texts.i18n().get("reports.chart.active"), MARGIN, top - 12, 12, true, INK);
        List<Dashboard.ActivePoint> points = d.active();
        float chartTop = top - 24;
        float h = 110;
        float bottom = chartTop - h;
        int max = points.stream().mapToInt(Dashboard.ActivePoint::active).max().orElse(0);
        axis(pen, bottom, h, max);
        float left = MARGIN + 40;
        float slot = (W - MARGIN - left) / Math.max(1, points.size());
        float px = -1;
        float py = -1;
        for (int i = 0; i < points.size(); i++) {
            float x = left + i * slot + slot / 2;
            float y = bottom + (max == 0 ? 0 : h * points.get(i).active() / max);
            if (px >= 0) {
                pen.line(px, py, x, y, ACCENT);
            }
            pen.fill(x - 1.5f, y - 1.5f, 3, 3, ACCENT);
            px = x;
            py = y;
        }
        return bottom - 6;
    }

    private void tiersChart(Pen pen, Dashboard d, float x, float top, float w) throws IOException {
        pen.text(texts.i18n().get("reports.chart.tiers"), x, top - 12, 12, true, INK);
        int max = d.tiers().values().stream().mapToInt(Integer::intValue).max().orElse(0);
        float y = top - 34;
        for (Tier t : Tier.values()) {
            int n = d.tiers().getOrDefault(t, 0);
            pen.text(texts.tier(t), x, y, 9, false, INK);
            float bar = max == 0 ? 0 : (w - 140) * n / max;
            pen.fill(x + 70, y - 1, Math.max(bar, 0.5f), 9, NEW);
            pen.text(texts.i18n().number(n), x + 74 + bar, y, 8, false, MUTED);
            y -= 18;
        }
    }

    private void npsChart(Pen pen, Dashboard d, float x, float top, float w) throws IOException {
        pen.text(texts.i18n().get("reports.chart.nps"), x, top - 12, 12, true, INK);
        List<Dashboard.NpsPoint> months = d.nps();
        float mid = top - 34 - 45;
        if (months.stream().allMatch(p -> p.answers() == 0)) {
            pen.text(texts.i18n().get("reports.nps.none"), x, top - 34, 9, false, MUTED);
            return;
        }
        pen.line(x, mid, x + w, mid, LINE);
        float slot = w / Math.max(1, months.size());
        for (int i = 0; i < months.size(); i++) {
            Dashboard.NpsPoint p = months.get(i);
            float bx = x + i * slot + slot * 0.15f;
            if (p.nps() != null) {
                float bh = 45f * p.nps() / 100;
                pen.fill(bx, Math.min(mid, mid + bh), slot * 0.7f, Math.max(Math.abs(bh), 0.5f), p.nps() >= 0 ? RETURNING : ACCENT);
            }
            if (months.size() <= 6 || i % 3 == 0) {
                pen.text(texts.month(p.month()), bx, mid - 56, 6.5f, false, MUTED);
            }
        }
    }

    private float heatMap(Pen pen, Dashboard d, float top) throws IOException {
        pen.text(texts.i18n().get("reports.chart.cohorts"), MARGIN, top - 12, 12, true, INK);
        float y = top - 32;
        float first = 62;
        float size = 36;
        float cell = (W - 2 * MARGIN - first - size) / CohortReport.MONTHS;
        pen.text(texts.i18n().get("reports.heat.cohort"), MARGIN, y, 7, true, MUTED);
        pen.text(texts.i18n().get("reports.heat.size"), MARGIN + first, y, 7, true, MUTED);
        for (int k = 0; k < CohortReport.MONTHS; k++) {
            pen.text(String.valueOf(k), MARGIN + first + size + k * cell + cell / 2 - 3, y, 7, true, MUTED);
        }
        y -= 6;
        for (CohortReport.Cohort c : d.cohorts()) {
            y -= 16;
            pen.text(texts.month(c.month()), MARGIN, y + 5, 7, false, INK);
            pen.text(texts.i18n().number(c.size()), MARGIN + first, y + 5, 7, false, INK);
            for (int k = 0; k < CohortReport.MONTHS; k++) {
                if (!d.known(c, k)) {
                    continue;
                }
                double share = c.share(k);
                float x = MARGIN + first + size + k * cell;
                pen.fill(x, y, cell - 1, 15, heat(share));
                pen.text(String.format(texts.i18n().language().locale(), "%.0f", 100 * share), x + 3, y + 5, 6.5f, false,
                        share > 0.55 ? Color.WHITE : INK);
            }
        }
        return y;
    }

    /** From pale to deep blue as the share grows. */
    private static Color heat(double share) {
        double s = Math.max(0, Math.min(1, share));
        int r = (int) Math.round(239 - s * (239 - 30));
        int g = (int) Math.round(246 - s * (246 - 64));
        int b = (int) Math.round(255 - s * (255 - 175));
        return new Color(r, g, b);
    }

    private void atRiskTable(Pen pen, List<AtRisk> atRisk, Dashboard d, float top) throws IOException {
        pen.text(texts.i18n().get("reports.chart.atRisk", atRisk.size()), MARGIN, top, 12, true, INK);
        float[] cols = {MARGIN, MARGIN + 150, MARGIN + 250, MARGIN + 370, MARGIN + 410, MARGIN + 455};
        String[] heads = {texts.i18n().get("reports.atRisk.name"), texts.i18n().get("reports.atRisk.phone"),
                texts.i18n().get("reports.atRisk.email"), texts.i18n().get("reports.atRisk.visits"),
                texts.i18n().get("reports.atRisk.days"), texts.i18n().get("reports.atRisk.value")};
        float y = top - 18;
        for (int i = 0; i < heads.length; i++) {
            pen.text(pen.fit(heads[i], 7, true, (i + 1 < cols.length ? cols[i + 1] : W - MARGIN) - cols[i] - 4), cols[i], y,
                    7, true, MUTED);
        }
        for (AtRisk r : atRisk.subList(0, Math.min(AT_RISK_ROWS, atRisk.size()))) {
            y -= 12;
            if (y < MARGIN) {
                pen.page();
                y = H - MARGIN;
            }
            String[] cells = {r.name() == null ? texts.none() : r.name(), r.phone() == null ? "" : r.phone(),
                    r.email() == null ? "" : r.email(), texts.i18n().number(r.visits()), texts.i18n().number(r.daysSince()),
                    texts.i18n().money(r.value(), d.currency())};
            for (int i = 0; i < cells.length; i++) {
                float room = (i + 1 < cols.length ? cols[i + 1] : W - MARGIN) - cols[i] - 4;
                pen.text(pen.fit(cells[i], 7.5f, false, room), cols[i], y, 7.5f, false, INK);
            }
        }
        if (atRisk.size() > AT_RISK_ROWS) {
            pen.text(texts.i18n().get("reports.pdf.more", atRisk.size() - AT_RISK_ROWS), MARGIN, y - 14, 8, false, MUTED);
        }
    }

    /** Draws on the pages of one document, a page at a time. */
    private static final class Pen {
        private final PDDocument doc;
        private final CardFonts fonts;
        private final PDFont regular;
        private final PDFont bold;
        private PDPageContentStream cs;

        /** @param fonts measures the text and replaces what the fonts cannot show ({@code regular}, {@code bold} embed them) */
        Pen(PDDocument doc, CardFonts fonts, PDFont regular, PDFont bold) {
            this.doc = doc;
            this.fonts = fonts;
            this.regular = regular;
            this.bold = bold;
        }

        private static CardFonts.Face face(boolean strong) {
            return strong ? CardFonts.Face.BOLD : CardFonts.Face.REGULAR;
        }

        void page() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
        }

        void close() throws IOException {
            if (cs != null) {
                cs.close();
                cs = null;
            }
        }

        void text(String text, float x, float y, float size, boolean strong, Color color) throws IOException {
            if (text == null || text.isEmpty()) {
                return;
            }
            cs.beginText();
            cs.setFont(strong ? bold : regular, size);
            cs.setNonStrokingColor(color);
            cs.newLineAtOffset(x, y);
            cs.showText(fonts.showable(face(strong), text));
            cs.endText();
        }

        float width(String text, float size, boolean strong) {
            return fonts.widthPt(face(strong), fonts.showable(face(strong), text), size);
        }

        /** {@code text}, cut with an ellipsis where it would be wider than {@code room}. */
        String fit(String text, float size, boolean strong, float room) {
            String shown = fonts.showable(face(strong), text);
            return width(shown, size, strong) <= room ? shown : fonts.ellipsize(face(strong), shown, size, room);
        }

        /** {@code text} in lines no wider than {@code room}, at most {@code lines} (the last one cut). */
        List<String> wrap(String text, float size, float room, int lines) {
            List<String> out = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String next = line.length() == 0 ? word : line + " " + word;
                if (width(next, size, false) > room && line.length() > 0) {
                    out.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(next);
                }
            }
            out.add(line.toString());
            if (out.size() > lines) {
                List<String> cut = new ArrayList<>(out.subList(0, lines));
                cut.set(lines - 1, fit(cut.get(lines - 1) + " " + out.get(lines), size, false, room - 1));
                if (!cut.get(lines - 1).endsWith("…")) {
                    cut.set(lines - 1, fit(cut.get(lines - 1) + " …", size, false, room));
                }
                return cut;
            }
            return out;
        }

        void fill(float x, float y, float w, float h, Color color) throws IOException {
            if (h <= 0 || w <= 0) {
                return;
            }
            cs.setNonStrokingColor(color);
            cs.addRect(x, y, w, h);
            cs.fill();
        }

        void box(float x, float y, float w, float h, Color color) throws IOException {
            cs.setStrokingColor(color);
            cs.setLineWidth(0.6f);
            cs.addRect(x, y, w, h);
            cs.stroke();
        }

        void line(float x1, float y1, float x2, float y2, Color color) throws IOException {
            cs.setStrokingColor(color);
            cs.setLineWidth(0.6f);
            cs.moveTo(x1, y1);
            cs.lineTo(x2, y2);
            cs.stroke();
        }
    }
}
