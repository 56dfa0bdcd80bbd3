package app.stempel.cards;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import com.google.zxing.common.BitMatrix;

import app.stempel.cards.CardFonts.Face;

/**
 * Draws cards of one design: single ISO/IEC 7810 ID-1 cards (85.60 × 53.98 mm) one per PDF page, A4
 * sheets of 10 with crop marks, and PNG images. The QR code is drawn as vector rectangles so it prints
 * sharp at any resolution. Positions are in millimetres from the top-left corner of the card or page.
 * Not thread-safe: one instance per rendering thread.
 *
 * <p>With {@link CardDesign#code128()} the number is also drawn as Code 128 bars in a white box at the
 * foot of the panel, with the member name just above it. To make room, the logo, shop name and line
 * step down through smaller maximum sizes (and at last the line keeps to one line) until they end above
 * the member name; the design decides this once, so all its cards look alike. A number too long for the
 * box at 0.254 mm per module (an imported number of about ten letters or more) gets no
 * bars; its QR code still carries it.
 */
public final class CardRenderer {

    public static final double CARD_WIDTH_MM = 85.60;
    public static final double CARD_HEIGHT_MM = 53.98;
    public static final double A4_WIDTH_MM = 210;
    public static final double A4_HEIGHT_MM = 297;
    /** Width of the QR code on a card, quiet zone included. */
    public static final double QR_SIZE_MM = 29;
    /** Cards per A4 sheet: 2 columns × 5 rows. */
    public static final int PER_SHEET = 10;

    private static final int COLUMNS = 2;
    private static final int ROWS = 5;
    private static final double COLUMN_GAP_MM = 6;
    private static final double ROW_GAP_MM = 3;
    private static final double MARK_OFFSET_MM = 0.5;
    private static final double MARK_MAX_MM = 4;
    private static final double MARK_LINE_PT = 0.25;

    private static final double PANEL_WIDTH_MM = 50;
    private static final double PAD_MM = 4.5;
    private static final double LOGO_GAP_MM = 2.5;
    /** Space between the member name's lowest ink and the barcode box. */
    private static final double MEMBER_GAP_MM = 1.5;
    /** Least space between the heading's lowest ink and the member name (or the barcode box) when the bars are on. */
    private static final double HEADING_GAP_MM = 2.5;

    /** Width of a Code 128 module (bar or space unit): 10 mil, a whole number of dots at 300, 600 and 1200 dpi. */
    private static final double CODE128_MODULE_MM = 0.254;
    /** Least white on each side of the bars, in modules. */
    private static final int CODE128_QUIET_MODULES = 10;
    private static final double CODE128_BAR_HEIGHT_MM = 8;
    /** White above and below the bars inside their box. */
    private static final double CODE128_BOX_MARGIN_MM = 1;
    private static final double CODE128_BOX_RADIUS_MM = 1.2;

    /**
     * Largest sizes for the top of the panel, most generous first: the first set is the card without
     * barcode; with one, the first set whose heading ends above the member name is used, else the last.
     * Everything shrinks a step at a time with the line on two lines; only if that cannot fit does the
     * line keep to one.
     */
    private static final List<HeadingSizes> HEADING_SIZES = headingSizes();
    private static final float MEMBER_MAX_PT = 10.5f;
    private static final Color NUMBER_COLOUR = new Color(0x22, 0x22, 0x22);

    private final CardDesign design;
    private final CardFonts fonts;
    private final Heading heading;

    public CardRenderer(CardDesign design, CardFonts fonts) {
        this.design = Objects.requireNonNull(design);
        this.fonts = Objects.requireNonNull(fonts);
        heading = design.code128() ? headingAbove(headingLimitMm()) : heading(HEADING_SIZES.get(0));
    }

    /** A renderer with the fonts read from the class path. */
    public CardRenderer(CardDesign design) {
        this(design, CardFonts.load());
    }

    // ---- layout

    /** A rectangle in millimetres, from the top-left corner. */
    public record Rect(double x, double y, double width, double height) {
        public double right() {
            return x + width;
        }

        public double bottom() {
            return y + height;
        }
    }

    /** A straight line in millimetres, from the top-left corner. */
    public record Line(double x1, double y1, double x2, double y2) {
    }

    /** One line of text as placed: what is printed, its size, and its measured and allowed widths. */
    public record Text(String text, Face face, float sizePt, double xMm, double baselineMm, double widthMm,
            double maxWidthMm) {
        public boolean fits() {
            return widthMm <= maxWidthMm + 1e-6;
        }
    }

    /**
     * Where everything on one card goes, relative to the card's top-left corner. {@code barcodeBox} is the
     * white box around the Code 128 bars, {@code barcode} spans the bars from the first to the last, and
     * {@code barcodeModules} is how many modules that is; all three are null or 0 when the card has no bars.
     */
    public record CardLayout(List<Text> shopName, List<Text> line, Text memberName, Rect qr, int qrModules,
            List<Text> number, Rect logoBox, Rect barcodeBox, Rect barcode, int barcodeModules) {
        /** Width of one Code 128 module, or 0 without bars. */
        public double barcodeModuleMm() {
            return barcode == null ? 0 : barcode.width() / barcodeModules;
        }
    }

    /** Where the 10 cards and their crop marks go on an A4 page, top-left origin. */
    public record SheetLayout(double pageWidthMm, double pageHeightMm, List<Rect> cards, List<Line> cropMarks) {
    }

    /** The layout of {@code card} in this design. */
    public CardLayout layout(CardFace card) {
        BitMatrix qr = QrCodes.matrix(card.number(), 1);
        double right = CARD_WIDTH_MM - PANEL_WIDTH_MM;
        double qrX = PANEL_WIDTH_MM + (right - QR_SIZE_MM) / 2;
        double quiet = QR_SIZE_MM * QrCodes.QUIET_ZONE / qr.getWidth();
        List<String> numberLines = numberLines(card.number(), right - 2);
        float numberPt = numberSize(numberLines, right - 2);
        double lineStep = mm(numberPt * 1.15);
        double numberBlock = mm(numberPt * 0.75) + (numberLines.size() - 1) * lineStep;
        double visible = QR_SIZE_MM - 2 * quiet + quiet + 0.6 + numberBlock;
        double qrY = (CARD_HEIGHT_MM - visible) / 2 - quiet;
        Rect qrRect = new Rect(qrX, qrY, QR_SIZE_MM, QR_SIZE_MM);
        List<Text> number = new ArrayList<>();
        double baseline = qrRect.bottom() + 0.6 + mm(numberPt * 0.75);
        for (String s : numberLines) {
            double w = mm(fonts.widthPt(Face.MONO, s, numberPt));
            number.add(new Text(s, Face.MONO, numberPt, PANEL_WIDTH_MM + (right - w) / 2, baseline, w, right - 2));
            baseline += lineStep;
        }
        boolean[] bars = design.code128() ? barsThatFit(card.number()) : null;
        Rect box = bars == null ? null : barcodeBox();
        Rect barRect = null;
        if (bars != null) {
            double barsWidth = bars.length * CODE128_MODULE_MM;
            // on the module grid from the card's edge, so a printer at 300 dpi or more puts every edge on a dot
            double x = Math.round((box.x() + (box.width() - barsWidth) / 2) / CODE128_MODULE_MM) * CODE128_MODULE_MM;
            barRect = new Rect(x, box.y() + CODE128_BOX_MARGIN_MM, barsWidth, CODE128_BAR_HEIGHT_MM);
        }
        Text member = null;
        if (design.showMemberName() && card.memberName() != null && !card.memberName().isBlank()) {
            member = fit(Face.REGULAR, card.memberName(), MEMBER_MAX_PT, 7, PAD_MM,
                    box == null ? CARD_HEIGHT_MM - PAD_MM - 0.5 : memberBaselineAboveBarcode(), PANEL_WIDTH_MM - 2 * PAD_MM);
        }
        return new CardLayout(heading.shopName(), heading.line(), member, qrRect, qr.getWidth(), number,
                heading.logoBox(), box, barRect, bars == null ? 0 : bars.length);
    }

    /** The modules of the number's Code 128 bars, or null if they cannot fit the box with their quiet zones. */
    private static boolean[] barsThatFit(String number) {
        return Code128.modules(number)
                .filter(m -> (m.length + 2 * CODE128_QUIET_MODULES) * CODE128_MODULE_MM <= barcodeBox().width())
                .orElse(null);
    }

    /** The white box for the bars: the panel's width inside its padding, at the foot of the panel. */
    private static Rect barcodeBox() {
        double height = CODE128_BAR_HEIGHT_MM + 2 * CODE128_BOX_MARGIN_MM;
        return new Rect(PAD_MM, CARD_HEIGHT_MM - PAD_MM - height, PANEL_WIDTH_MM - 2 * PAD_MM, height);
    }

    private double memberBaselineAboveBarcode() {
        return barcodeBox().y() - MEMBER_GAP_MM - mm(fonts.descentPt(Face.REGULAR, MEMBER_MAX_PT));
    }

    /** How far down the heading may reach when the barcode is on: above the member name, or above the box. */
    private double headingLimitMm() {
        return design.showMemberName()
                ? memberBaselineAboveBarcode() - mm(fonts.ascentPt(Face.REGULAR, MEMBER_MAX_PT)) - HEADING_GAP_MM
                : barcodeBox().y() - HEADING_GAP_MM;
    }

    // ---- the heading: logo, shop name, line

    /** Largest logo height and text sizes, and on how many lines the line may go. */
    private record HeadingSizes(double logoMm, float shopMaxPt, float lineMaxPt, int lineLines) {
    }

    /** The top of the panel as placed, and how far down its ink reaches. */
    private record Heading(Rect logoBox, List<Text> shopName, List<Text> line, double bottomMm) {
    }

    private static List<HeadingSizes> headingSizes() {
        List<HeadingSizes> sizes = new ArrayList<>();
        for (int lines = 2; lines >= 1; lines--) {
            for (int step = 0; step <= 10; step++) {
                sizes.add(new HeadingSizes(Math.max(7, 11 - 0.5 * step), 16 - 0.5f * step, 10 - 0.25f * step, lines));
            }
        }
        return List.copyOf(sizes);
    }

    private Heading headingAbove(double limitMm) {
        Heading h = null;
        for (HeadingSizes sizes : HEADING_SIZES) {
            h = heading(sizes);
            if (h.bottomMm() <= limitMm) {
                break;
            }
        }
        return h;
    }

    private Heading heading(HeadingSizes sizes) {
        double textWidth = PANEL_WIDTH_MM - 2 * PAD_MM;
        double top = PAD_MM;
        Rect logoBox = null;
        if (design.logo() != null) {
            logoBox = new Rect(PAD_MM, top, textWidth, sizes.logoMm());
            top += sizes.logoMm() + LOGO_GAP_MM;
        }
        List<Text> shop = fitTwoLines(Face.BOLD, design.shopName(), sizes.shopMaxPt(), 9, PAD_MM, top, textWidth);
        Text last = shop.get(shop.size() - 1);
        float lineMaxPt = Math.max(7, Math.min(sizes.lineMaxPt(), last.sizePt() * 0.8f));
        double lineTop = last.baselineMm() + mm(last.sizePt() * 0.3) + 2;
        List<Text> line = sizes.lineLines() == 2
                ? fitTwoLines(Face.REGULAR, design.line(), lineMaxPt, 7, PAD_MM, lineTop, textWidth)
                : List.of(fitOneLine(Face.REGULAR, design.line(), lineMaxPt, 7, PAD_MM, lineTop, textWidth));
        double bottom = logoBox == null ? 0 : logoBox.bottom();
        for (List<Text> texts : List.of(shop, line)) {
            for (Text t : texts) {
                if (!t.text().isEmpty()) {
                    bottom = Math.max(bottom, t.baselineMm() + mm(fonts.descentPt(t.face(), t.sizePt())));
                }
            }
        }
        return new Heading(logoBox, shop, line, bottom);
    }

    /** The positions of the cards on an A4 sheet (centred) and their crop marks. */
    public static SheetLayout sheetLayout() {
        double blockW = COLUMNS * CARD_WIDTH_MM + (COLUMNS - 1) * COLUMN_GAP_MM;
        double blockH = ROWS * CARD_HEIGHT_MM + (ROWS - 1) * ROW_GAP_MM;
        double left = (A4_WIDTH_MM - blockW) / 2;
        double top = (A4_HEIGHT_MM - blockH) / 2;
        List<Rect> cards = new ArrayList<>();
        List<Line> marks = new ArrayList<>();
        for (int row = 0; row < ROWS; row++) {
            for (int col = 0; col < COLUMNS; col++) {
                Rect r = new Rect(left + col * (CARD_WIDTH_MM + COLUMN_GAP_MM), top + row * (CARD_HEIGHT_MM + ROW_GAP_MM),
                        CARD_WIDTH_MM, CARD_HEIGHT_MM);
                cards.add(r);
                double toLeft = markLength(col == 0, left, COLUMN_GAP_MM);
                double toRight = markLength(col == COLUMNS - 1, left, COLUMN_GAP_MM);
                double up = markLength(row == 0, top, ROW_GAP_MM);
                double down = markLength(row == ROWS - 1, top, ROW_GAP_MM);
                for (double y : new double[] {r.y(), r.bottom()}) {
                    marks.add(new Line(r.x() - MARK_OFFSET_MM - toLeft, y, r.x() - MARK_OFFSET_MM, y));
                    marks.add(new Line(r.right() + MARK_OFFSET_MM, y, r.right() + MARK_OFFSET_MM + toRight, y));
                }
                for (double x : new double[] {r.x(), r.right()}) {
                    marks.add(new Line(x, r.y() - MARK_OFFSET_MM - up, x, r.y() - MARK_OFFSET_MM));
                    marks.add(new Line(x, r.bottom() + MARK_OFFSET_MM, x, r.bottom() + MARK_OFFSET_MM + down));
                }
            }
        }
        return new SheetLayout(A4_WIDTH_MM, A4_HEIGHT_MM, List.copyOf(cards), List.copyOf(marks));
    }

    private static double markLength(boolean outer, double margin, double gap) {
        double room = outer ? margin - 3 : gap / 2;
        return Math.max(0, Math.min(MARK_MAX_MM, room - MARK_OFFSET_MM));
    }

    // ---- output

    /** Writes one card per page, each page exactly the card's size; {@code progress} gets cards done. */
    public void writeCards(List<CardFace> cards, OutputStream out, IntConsumer progress) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            Resources res = new Resources(doc);
            PDRectangle size = new PDRectangle(pt(CARD_WIDTH_MM), pt(CARD_HEIGHT_MM));
            int done = 0;
            for (CardFace card : cards) {
                PDPage page = new PDPage(size);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    drawCard(cs, res, card, 0, 0, CARD_HEIGHT_MM);
                }
                progress.accept(++done);
            }
            doc.save(out);
        }
    }

    /** Writes the cards {@value #PER_SHEET} to an A4 page with crop marks; {@code progress} gets cards done. */
    public void writeSheets(List<CardFace> cards, OutputStream out, IntConsumer progress) throws IOException {
        SheetLayout sheet = sheetLayout();
        try (PDDocument doc = new PDDocument()) {
            Resources res = new Resources(doc);
            for (int start = 0; start < cards.size(); start += PER_SHEET) {
                PDPage page = new PDPage(new PDRectangle(pt(A4_WIDTH_MM), pt(A4_HEIGHT_MM)));
                doc.addPage(page);
                int end = Math.min(cards.size(), start + PER_SHEET);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    drawMarks(cs, sheet, end - start);
                    for (int i = start; i < end; i++) {
                        Rect r = sheet.cards().get(i - start);
                        drawCard(cs, res, cards.get(i), r.x(), r.y(), A4_HEIGHT_MM);
                    }
                }
                progress.accept(end);
            }
            doc.save(out);
        }
    }

    /** The card as an image at {@code dpi} (300 gives about 1011 × 638 pixels). */
    public BufferedImage image(CardFace card, float dpi) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(pt(CARD_WIDTH_MM), pt(CARD_HEIGHT_MM)));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                drawCard(cs, new Resources(doc), card, 0, 0, CARD_HEIGHT_MM);
            }
            // fonts are subset only when saving; rendering the unsaved document would fall back to other fonts
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            doc.save(pdf);
            try (PDDocument saved = Loader.loadPDF(pdf.toByteArray())) {
                return new PDFRenderer(saved).renderImageWithDPI(0, dpi, ImageType.RGB);
            }
        }
    }

    /** Writes the card as a PNG at {@code dpi}. */
    public void writePng(CardFace card, float dpi, OutputStream out) throws IOException {
        if (!ImageIO.write(image(card, dpi), "png", out)) {
            throw new IOException("no PNG writer");
        }
    }

    // ---- drawing

    /** Fonts and logo embedded once per document and shared by all its cards. */
    private final class Resources {
        final PDFont[] pdfFonts = new PDFont[Face.values().length];
        final PDImageXObject logo;

        Resources(PDDocument doc) throws IOException {
            for (Face face : Face.values()) {
                pdfFonts[face.ordinal()] = PDType0Font.load(doc, fonts.font(face), true);
            }
            logo = design.logo() == null ? null : PDImageXObject.createFromByteArray(doc, design.logo(), "logo");
        }
    }

    private void drawCard(PDPageContentStream cs, Resources res, CardFace card, double x0, double y0, double pageH)
            throws IOException {
        CardLayout l = layout(card);
        cs.setNonStrokingColor(Color.WHITE);
        fillRect(cs, x0, y0, CARD_WIDTH_MM, CARD_HEIGHT_MM, pageH);
        cs.setNonStrokingColor(design.panelColour());
        fillRect(cs, x0, y0, PANEL_WIDTH_MM, CARD_HEIGHT_MM, pageH);
        if (res.logo != null) {
            drawLogo(cs, res.logo, l.logoBox(), x0, y0, pageH);
        }
        cs.setNonStrokingColor(design.textColour());
        for (Text t : l.shopName()) {
            drawText(cs, res, t, x0, y0, pageH);
        }
        for (Text t : l.line()) {
            drawText(cs, res, t, x0, y0, pageH);
        }
        if (l.memberName() != null) {
            drawText(cs, res, l.memberName(), x0, y0, pageH);
        }
        if (l.barcode() != null) {
            cs.setNonStrokingColor(Color.WHITE);
            addRoundedRect(cs, x0 + l.barcodeBox().x(), y0 + l.barcodeBox().y(), l.barcodeBox().width(),
                    l.barcodeBox().height(), CODE128_BOX_RADIUS_MM, pageH);
            cs.fill();
            cs.setNonStrokingColor(Color.BLACK);
            drawBars(cs, Code128.modules(card.number()).orElseThrow(), l.barcode(), x0, y0, pageH);
        }
        cs.setNonStrokingColor(Color.BLACK);
        drawQr(cs, QrCodes.matrix(card.number(), 1), l.qr(), x0, y0, pageH);
        cs.setNonStrokingColor(NUMBER_COLOUR);
        for (Text t : l.number()) {
            drawText(cs, res, t, x0, y0, pageH);
        }
    }

    private void drawQr(PDPageContentStream cs, BitMatrix m, Rect r, double x0, double y0, double pageH)
            throws IOException {
        double module = r.width() / m.getWidth();
        for (int row = 0; row < m.getHeight(); row++) {
            int col = 0;
            while (col < m.getWidth()) {
                if (!m.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < m.getWidth() && m.get(col, row)) {
                    col++;
                }
                addRect(cs, x0 + r.x() + start * module, y0 + r.y() + row * module, (col - start) * module, module, pageH);
            }
        }
        cs.fill();
    }

    private static void drawBars(PDPageContentStream cs, boolean[] modules, Rect r, double x0, double y0, double pageH)
            throws IOException {
        double module = r.width() / modules.length;
        int i = 0;
        while (i < modules.length) {
            if (!modules[i]) {
                i++;
                continue;
            }
            int start = i;
            while (i < modules.length && modules[i]) {
                i++;
            }
            addRect(cs, x0 + r.x() + start * module, y0 + r.y(), (i - start) * module, r.height(), pageH);
        }
        cs.fill();
    }

    private static void drawLogo(PDPageContentStream cs, PDImageXObject logo, Rect box, double x0, double y0,
            double pageH) throws IOException {
        double scale = Math.min(box.width() / logo.getWidth(), box.height() / logo.getHeight());
        double w = logo.getWidth() * scale;
        double h = logo.getHeight() * scale;
        cs.drawImage(logo, pt(x0 + box.x()), pt(pageH - (y0 + box.y() + (box.height() + h) / 2)), pt(w), pt(h));
    }

    private void drawText(PDPageContentStream cs, Resources res, Text t, double x0, double y0, double pageH)
            throws IOException {
        if (t.text().isEmpty()) {
            return;
        }
        cs.beginText();
        cs.setFont(res.pdfFonts[t.face().ordinal()], t.sizePt());
        cs.newLineAtOffset(pt(x0 + t.xMm()), pt(pageH - (y0 + t.baselineMm())));
        cs.showText(t.text());
        cs.endText();
    }

    private static void drawMarks(PDPageContentStream cs, SheetLayout sheet, int cards) throws IOException {
        cs.setStrokingColor(Color.BLACK);
        cs.setLineWidth((float) MARK_LINE_PT);
        int perCard = sheet.cropMarks().size() / PER_SHEET;
        for (Line m : sheet.cropMarks().subList(0, cards * perCard)) {
            cs.moveTo(pt(m.x1()), pt(A4_HEIGHT_MM - m.y1()));
            cs.lineTo(pt(m.x2()), pt(A4_HEIGHT_MM - m.y2()));
        }
        cs.stroke();
    }

    private static void fillRect(PDPageContentStream cs, double x, double y, double w, double h, double pageH)
            throws IOException {
        addRect(cs, x, y, w, h, pageH);
        cs.fill();
    }

    private static void addRect(PDPageContentStream cs, double x, double y, double w, double h, double pageH)
            throws IOException {
        cs.addRect(pt(x), pt(pageH - y - h), pt(w), pt(h));
    }

    /** A rectangle with corners rounded by quarter circles of {@code radius} (as Bézier curves). */
    private static void addRoundedRect(PDPageContentStream cs, double x, double y, double w, double h, double radius,
            double pageH) throws IOException {
        float left = pt(x);
        float right = pt(x + w);
        float top = pt(pageH - y);
        float bottom = pt(pageH - y - h);
        float r = pt(radius);
        float k = r * 0.5523f;
        cs.moveTo(left + r, bottom);
        cs.lineTo(right - r, bottom);
        cs.curveTo(right - r + k, bottom, right, bottom + r - k, right, bottom + r);
        cs.lineTo(right, top - r);
        cs.curveTo(right, top - r + k, right - r + k, top, right - r, top);
        cs.lineTo(left + r, top);
        cs.curveTo(left + r - k, top, left, top - r + k, left, top - r);
        cs.lineTo(left, bottom + r);
        cs.curveTo(left, bottom + r - k, left + r - k, bottom, left + r, bottom);
        cs.closePath();
    }

    // ---- text fitting

    /**
     * {@code text} at the largest size from {@code maxPt} down to {@code minPt} (in quarter points) that
     * fits {@code widthMm}; at {@code minPt}, shortened with "…" until it fits.
     */
    Text fit(Face face, String text, float maxPt, float minPt, double xMm, double baselineMm, double widthMm) {
        String shown = fonts.showable(face, text.strip());
        float at1 = fonts.widthPt(face, shown, 1);
        float size = maxPt;
        if (at1 * maxPt > pt(widthMm)) {
            size = Math.max(minPt, (float) Math.floor(pt(widthMm) / at1 * 4) / 4);
        }
        if (at1 * size > pt(widthMm)) {
            shown = ellipsize(face, shown, size, widthMm);
        }
        return new Text(shown, face, size, xMm, baselineMm, mm(fonts.widthPt(face, shown, size)), widthMm);
    }

    /** {@code text} on one line whose top is {@code topMm}, as {@link #fit} places it. */
    Text fitOneLine(Face face, String text, float maxPt, float minPt, double xMm, double topMm, double widthMm) {
        Text t = fit(face, text, maxPt, minPt, xMm, 0, widthMm);
        return new Text(t.text(), face, t.sizePt(), xMm, topMm + mm(t.sizePt() * 0.8), t.widthMm(), widthMm);
    }

    /**
     * The shop name on one line if it fits at {@code minPt} or more, else on two lines broken between
     * words; at {@code minPt} the second line is shortened with "…". {@code topMm} is the top of the first line.
     */
    List<Text> fitTwoLines(Face face, String text, float maxPt, float minPt, double xMm, double topMm, double widthMm) {
        String shown = fonts.showable(face, text.strip());
        for (float size = maxPt; size >= minPt; size -= 0.5f) {
            if (fonts.widthPt(face, shown, size) <= pt(widthMm)) {
                return List.of(fit(face, shown, size, size, xMm, topMm + mm(size * 0.8), widthMm));
            }
        }
        String[] words = shown.split("\\s+");
        for (float size = maxPt; size >= minPt; size -= 0.5f) {
            int n = wordsThatFit(face, words, size, widthMm);
            String rest = String.join(" ", Arrays.copyOfRange(words, n, words.length));
            if (n > 0 && (fonts.widthPt(face, rest, size) <= pt(widthMm) || size - 0.5f < minPt)) {
                String first = String.join(" ", Arrays.copyOfRange(words, 0, n));
                double base = topMm + mm(size * 0.8);
                return List.of(fit(face, first, size, size, xMm, base, widthMm),
                        fit(face, rest, size, size, xMm, base + mm(size * 1.15), widthMm));
            }
        }
        return List.of(fit(face, shown, minPt, minPt, xMm, topMm + mm(minPt * 0.8), widthMm));
    }

    private int wordsThatFit(Face face, String[] words, float size, double widthMm) {
        int n = 0;
        while (n < words.length
                && fonts.widthPt(face, String.join(" ", Arrays.copyOfRange(words, 0, n + 1)), size) <= pt(widthMm)) {
            n++;
        }
        return n;
    }

    private String ellipsize(Face face, String text, float size, double widthMm) {
        return fonts.ellipsize(face, text, size, pt(widthMm));
    }

    /** The number grouped for reading ("2 123456 789012"), split over lines only if it cannot fit at 7 pt. */
    private List<String> numberLines(String number, double widthMm) {
        String grouped = number.length() == CardNumbers.LENGTH
                ? number.charAt(0) + " " + number.substring(1, 7) + " " + number.substring(7)
                : number;
        float perChar = fonts.widthPt(Face.MONO, "0", 7);
        int fit = (int) (pt(widthMm) / perChar);
        if (grouped.length() <= fit) {
            return List.of(grouped);
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < grouped.length(); i += fit) {
            lines.add(grouped.substring(i, Math.min(grouped.length(), i + fit)));
        }
        return lines;
    }

    private float numberSize(List<String> lines, double widthMm) {
        int longest = lines.stream().mapToInt(String::length).max().orElse(1);
        float at1 = fonts.widthPt(Face.MONO, "0".repeat(longest), 1);
        return (float) Math.max(7, Math.min(9, Math.floor(pt(widthMm) / at1 * 4) / 4));
    }

    static float pt(double mm) {
        return (float) (mm * 72 / 25.4);
    }

    static double mm(double pt) {
        return pt * 25.4 / 72;
    }
}
