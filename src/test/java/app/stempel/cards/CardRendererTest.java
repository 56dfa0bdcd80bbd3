package app.stempel.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.oned.Code128Reader;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeReader;

import app.stempel.cards.CardRenderer.CardLayout;
import app.stempel.cards.CardRenderer.Line;
import app.stempel.cards.CardRenderer.Rect;
import app.stempel.cards.CardRenderer.SheetLayout;
import app.stempel.cards.CardRenderer.Text;

class CardRendererTest {

    private static final double PT_PER_MM = 72 / 25.4;
    private static final String LONG_SHOP = "Kawiarnia i Cukiernia Pod Złotym Słońcem – Łódź, ul. Piotrkowska";
    private static final String LONG_POLISH = "Grzegorz Brzęczyszczykiewicz-Chrząszczyżewoszycki";
    private static final String LONG_RUSSIAN = "Александра Константиновна Долгорукова-Святополк-Мирская";
    private static final String LONG_LINE =
            "Co dziesiąta kawa gratis, a w urodziny ciasto – Каждый десятый кофе бесплатно";
    private static final String LONG_RUSSIAN_SHOP =
            "Кофейня и кондитерская «Золотое солнце» – Санкт-Петербург, Невский проспект";
    private static final String LONG_RUSSIAN_LINE =
            "Каждый десятый кофе бесплатно, а в день рождения – кусок торта от заведения";

    private final CardNumbers numbers = new CardNumbers(new Random(42));
    private final CardRenderer renderer = new CardRenderer(CardDesign.of("Kafé Ørnen").withLine("10th coffee free"));
    private final CardFonts fonts = CardFonts.load();
    private final CardRenderer bars = new CardRenderer(
            CardDesign.of("Kafé Ørnen").withLine("10th coffee free").withCode128(true), fonts);

    private static String decode(BufferedImage image) throws Exception {
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
    }

    private static byte[] pdf(IoWriter w) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.write(out);
        return out.toByteArray();
    }

    private interface IoWriter {
        void write(ByteArrayOutputStream out) throws IOException;
    }

    @Test
    void singleCardPdfIsExactlyCr80AndItsQrDecodesToTheNumber() throws Exception {
        CardFace card = new CardFace(numbers.next(), "Øyvind Ødegård");
        byte[] bytes = pdf(out -> renderer.writeCards(List.of(card), out, n -> { }));
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertThat(box.getWidth() / PT_PER_MM).isCloseTo(85.60, within(0.01));
            assertThat(box.getHeight() / PT_PER_MM).isCloseTo(53.98, within(0.01));
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 300, ImageType.RGB);
            assertThat(decode(image)).isEqualTo(card.number());
        }
    }

    @Test
    void onePagePerCardWithoutSheets() throws Exception {
        List<CardFace> cards = List.of(new CardFace(numbers.next(), "A"), new CardFace(numbers.next(), null),
                new CardFace(numbers.next(), "C"));
        try (PDDocument doc = Loader.loadPDF(pdf(out -> renderer.writeCards(cards, out, n -> { })))) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
        }
    }

    @Test
    void pngDecodesToTheNumber() throws Exception {
        CardFace card = new CardFace(numbers.next(), LONG_RUSSIAN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.writePng(card, 300, out);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(image.getWidth()).isBetween(1005, 1015);
        assertThat(decode(image)).isEqualTo(card.number());
    }

    @Test
    void everyCardOfASheetDecodesToItsOwnNumber() throws Exception {
        List<CardFace> cards = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            cards.add(new CardFace(numbers.next(), i % 2 == 0 ? LONG_POLISH : LONG_RUSSIAN));
        }
        SheetLayout layout = CardRenderer.sheetLayout();
        try (PDDocument doc = Loader.loadPDF(pdf(out -> renderer.writeSheets(cards, out, n -> { })))) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            PDRectangle a4 = doc.getPage(0).getMediaBox();
            assertThat(a4.getWidth() / PT_PER_MM).isCloseTo(210, within(0.01));
            assertThat(a4.getHeight() / PT_PER_MM).isCloseTo(297, within(0.01));
            float dpi = 200;
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, dpi, ImageType.RGB);
            double px = dpi / 25.4;
            for (int i = 0; i < CardRenderer.PER_SHEET; i++) {
                Rect r = layout.cards().get(i);
                BufferedImage card = page.getSubimage((int) Math.round(r.x() * px), (int) Math.round(r.y() * px),
                        (int) Math.round(r.width() * px), (int) Math.round(r.height() * px));
                assertThat(decode(card)).as("card %d", i).isEqualTo(cards.get(i).number());
            }
        }
    }

    @Test
    void theTenCardsAreCentredOnA4AndDoNotOverlap() {
        SheetLayout layout = CardRenderer.sheetLayout();
        assertThat(layout.cards()).hasSize(10);
        double left = layout.cards().stream().mapToDouble(Rect::x).min().orElseThrow();
        double right = 210 - layout.cards().stream().mapToDouble(Rect::right).max().orElseThrow();
        double top = layout.cards().stream().mapToDouble(Rect::y).min().orElseThrow();
        double bottom = 297 - layout.cards().stream().mapToDouble(Rect::bottom).max().orElseThrow();
        assertThat(left).isCloseTo(right, within(0.1)).isGreaterThan(5);
        assertThat(top).isCloseTo(bottom, within(0.1)).isGreaterThan(5);
        for (Rect r : layout.cards()) {
            assertThat(r.width()).isCloseTo(85.60, within(0.001));
            assertThat(r.height()).isCloseTo(53.98, within(0.001));
        }
        for (int i = 0; i < 10; i++) {
            for (int j = i + 1; j < 10; j++) {
                assertThat(overlaps(layout.cards().get(i), layout.cards().get(j))).isFalse();
            }
        }
    }

    @Test
    void cropMarksSitOutsideEveryCardAndOnThePage() {
        SheetLayout layout = CardRenderer.sheetLayout();
        assertThat(layout.cropMarks()).hasSize(10 * 8);
        for (Line m : layout.cropMarks()) {
            assertThat(Math.hypot(m.x2() - m.x1(), m.y2() - m.y1())).isGreaterThan(0.5);
            assertThat(Math.min(m.x1(), m.x2())).isGreaterThan(2);
            assertThat(Math.max(m.x1(), m.x2())).isLessThan(208);
            assertThat(Math.min(m.y1(), m.y2())).isGreaterThan(2);
            assertThat(Math.max(m.y1(), m.y2())).isLessThan(295);
            for (Rect card : layout.cards()) {
                assertThat(touches(m, card)).as("%s touches %s", m, card).isFalse();
            }
        }
    }

    @Test
    void qrIsAtLeast15mmWithAQuietZoneOfFourModules() {
        CardFace card = new CardFace(numbers.next(), "Ola");
        CardLayout l = renderer.layout(card);
        assertThat(l.qr().width()).isGreaterThanOrEqualTo(15);
        assertThat(l.qr().x()).isGreaterThanOrEqualTo(50);
        assertThat(l.qr().right()).isLessThanOrEqualTo(CardRenderer.CARD_WIDTH_MM);
        assertThat(l.qr().y()).isGreaterThanOrEqualTo(0);
        int quietModules = 4;
        var matrix = QrCodes.matrix(card.number(), 1);
        assertThat(matrix.getWidth()).isEqualTo(l.qrModules());
        for (int i = 0; i < matrix.getWidth(); i++) {
            for (int q = 0; q < quietModules; q++) {
                assertThat(matrix.get(i, q) || matrix.get(q, i) || matrix.get(i, matrix.getHeight() - 1 - q)
                        || matrix.get(matrix.getWidth() - 1 - q, i)).isFalse();
            }
        }
        assertThat(l.number()).hasSize(1);
        Text number = l.number().get(0);
        assertThat(number.text().replace(" ", "")).isEqualTo(card.number());
        assertThat(number.sizePt()).isGreaterThanOrEqualTo(7);
        assertThat(number.baselineMm() - number.sizePt() * 0.75 / PT_PER_MM).isGreaterThan(l.qr().bottom());
        assertThat(number.baselineMm()).isLessThan(CardRenderer.CARD_HEIGHT_MM - 2);
        assertThat(number.fits()).isTrue();
    }

    @Test
    void longShopAndMemberNamesShrinkAndShortenButNeverOverflow() throws Exception {
        assertThat(LONG_SHOP.length()).isGreaterThanOrEqualTo(60);
        CardRenderer longOne = new CardRenderer(CardDesign.of(LONG_SHOP)
                .withLine("Co dziesiąta kawa gratis, a w urodziny ciasto – Каждый десятый кофе бесплатно"));
        for (String name : List.of(LONG_POLISH, LONG_RUSSIAN, "Ødegård Åsmund Bjørnstjerne Martinius Ævarsson")) {
            CardFace card = new CardFace(numbers.next(), name);
            CardLayout l = longOne.layout(card);
            List<Text> texts = new ArrayList<>(l.shopName());
            texts.addAll(l.line());
            texts.add(l.memberName());
            for (Text t : texts) {
                assertThat(t.fits()).as(t.text()).isTrue();
                assertThat(t.xMm() + t.widthMm()).isLessThan(l.qr().x());
                assertThat(t.baselineMm()).isBetween(0.0, CardRenderer.CARD_HEIGHT_MM);
            }
            assertThat(l.shopName()).hasSizeLessThanOrEqualTo(2);
            assertThat(l.memberName().sizePt()).isGreaterThanOrEqualTo(7);
            Text lastAbove = l.line().get(l.line().size() - 1);
            assertThat(lastAbove.baselineMm()).isLessThan(l.memberName().baselineMm() - l.memberName().sizePt() / PT_PER_MM);
            byte[] bytes = pdf(out -> longOne.writeCards(List.of(card), out, n -> { }));
            try (PDDocument doc = Loader.loadPDF(bytes)) {
                assertThat(decode(new PDFRenderer(doc).renderImageWithDPI(0, 300, ImageType.RGB))).isEqualTo(card.number());
            }
        }
        assertThat(longOne.layout(new CardFace(numbers.next(), LONG_POLISH)).memberName().text()).endsWith("…");
    }

    @Test
    void charactersTheFontLacksBecomeQuestionMarksInsteadOfFailing() throws Exception {
        CardFace card = new CardFace(numbers.next(), "王小明 \uD83D\uDE00");
        assertThat(renderer.layout(card).memberName().text()).isEqualTo("??? ?");
        pdf(out -> renderer.writeCards(List.of(card), out, n -> { }));
    }

    @Test
    void memberNameCanBeLeftOff() {
        CardRenderer noNames = new CardRenderer(CardDesign.of("Kafé").withMemberName(false));
        assertThat(noNames.layout(new CardFace(numbers.next(), "Kari")).memberName()).isNull();
    }

    @Test
    void aLogoIsScaledIntoItsBoxAndTheCardStillScans() throws Exception {
        BufferedImage logo = new BufferedImage(400, 100, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(logo, "png", png);
        CardRenderer withLogo = new CardRenderer(CardDesign.of("Kafé").withLogo(png.toByteArray()));
        CardFace card = new CardFace(numbers.next(), "Kari");
        CardLayout l = withLogo.layout(card);
        assertThat(l.logoBox()).isNotNull();
        assertThat(l.shopName().get(0).baselineMm()).isGreaterThan(l.logoBox().bottom());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        withLogo.writePng(card, 300, out);
        assertThat(decode(ImageIO.read(new ByteArrayInputStream(out.toByteArray())))).isEqualTo(card.number());
    }

    // ---- Code 128 bars beside the QR code

    @Test
    void singleCardPdfCarriesTheNumberInTheBarsAndInTheQr() throws Exception {
        CardFace card = new CardFace(numbers.next(), "Øyvind Ødegård");
        byte[] bytes = pdf(out -> bars.writeCards(List.of(card), out, n -> { }));
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 300, ImageType.RGB);
            assertThat(decodeBars(image, bars.layout(card), 300)).isEqualTo(card.number());
            assertThat(decode(image)).isEqualTo(card.number());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Øyvind Ødegård", LONG_POLISH, LONG_RUSSIAN})
    void pngCarriesTheNumberInTheBarsAndInTheQr(String name) throws Exception {
        CardFace card = new CardFace(numbers.next(), name);
        BufferedImage image = png(bars, card);
        assertThat(decodeBars(image, bars.layout(card), 300)).isEqualTo(card.number());
        assertThat(decode(image)).isEqualTo(card.number());
    }

    @Test
    void aShortImportedNumberWithLettersGetsBarsToo() throws Exception {
        CardFace card = new CardFace("KA7Q2019", "Kari");
        assertThat(bars.layout(card).barcode()).isNotNull();
        assertThat(decodeBars(png(bars, card), bars.layout(card), 300)).isEqualTo("KA7Q2019");
    }

    @Test
    void aNumberTooLongForTheBoxGetsNoBarsAndKeepsItsQr() throws Exception {
        CardFace card = new CardFace("AB12CD34EF56GH78IJ90KL12MN34OP56", "Kari");
        CardLayout l = bars.layout(card);
        assertThat(l.barcode()).isNull();
        assertThat(l.barcodeBox()).isNull();
        assertThat(l.barcodeModules()).isZero();
        assertThat(l.memberName().baselineMm()).isGreaterThan(CardRenderer.CARD_HEIGHT_MM - 6);
        assertThat(decode(png(bars, card))).isEqualTo(card.number());
    }

    @Test
    void everyCardOfASheetDecodesInBothCodes() throws Exception {
        CardRenderer worst = new CardRenderer(CardDesign.of(LONG_SHOP).withLine(LONG_LINE).withLogo(logo())
                .withCode128(true), fonts);
        List<CardFace> cards = new ArrayList<>();
        for (int i = 0; i < CardRenderer.PER_SHEET; i++) {
            cards.add(new CardFace(numbers.next(), i % 2 == 0 ? LONG_POLISH : LONG_RUSSIAN));
        }
        SheetLayout sheet = CardRenderer.sheetLayout();
        try (PDDocument doc = Loader.loadPDF(pdf(out -> worst.writeSheets(cards, out, n -> { })))) {
            float dpi = 300;
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, dpi, ImageType.RGB);
            for (int i = 0; i < CardRenderer.PER_SHEET; i++) {
                Rect r = sheet.cards().get(i);
                BufferedImage card = crop(page, r, dpi);
                CardFace face = cards.get(i);
                assertThat(decode(card)).as("QR of card %d", i).isEqualTo(face.number());
                assertThat(decodeBars(card, worst.layout(face), dpi)).as("bars of card %d", i)
                        .isEqualTo(face.number());
            }
        }
    }

    @Test
    void barsAreWideAndTallEnoughWithTenModulesOfQuietZoneInsideTheBox() {
        CardFace card = new CardFace(numbers.next(), "Ola");
        CardLayout l = bars.layout(card);
        Rect box = l.barcodeBox();
        Rect code = l.barcode();
        assertThat(l.barcodeModules()).isEqualTo(new Code128Writer().encode(card.number()).length);
        double module = l.barcodeModuleMm();
        assertThat(module).isGreaterThanOrEqualTo(0.25);
        assertThat(code.height()).isGreaterThanOrEqualTo(7);
        assertThat((code.x() - box.x()) / module).isGreaterThanOrEqualTo(10);
        assertThat((box.right() - code.right()) / module).isGreaterThanOrEqualTo(10);
        assertThat(code.y()).isGreaterThanOrEqualTo(box.y());
        assertThat(code.bottom()).isLessThanOrEqualTo(box.bottom());
        assertThat(box.x()).isGreaterThanOrEqualTo(2);
        assertThat(box.right()).isLessThanOrEqualTo(50 - 2);
        assertThat(box.bottom()).isLessThanOrEqualTo(CardRenderer.CARD_HEIGHT_MM - 2);
        assertThat(box.y()).isGreaterThan(CardRenderer.CARD_HEIGHT_MM / 2);
    }

    @Test
    void quietZonesAreWhiteAndTheBarsStartAndEndWhereTheLayoutSays() throws Exception {
        CardFace card = new CardFace(numbers.next(), LONG_POLISH);
        CardLayout l = bars.layout(card);
        double px = 300 / 25.4;
        BufferedImage image = png(bars, card);
        int y = (int) Math.round((l.barcode().y() + l.barcode().height() / 2) * px);
        int quiet = (int) Math.ceil(10 * l.barcodeModuleMm() * px);
        int left = (int) Math.floor(l.barcode().x() * px) - 1;
        int right = (int) Math.ceil(l.barcode().right() * px) + 1;
        for (int x = left - quiet; x <= left; x++) {
            assertThat(grey(image, x, y)).as("left quiet zone at x=%d", x).isGreaterThan(240);
        }
        for (int x = right; x <= right + quiet; x++) {
            assertThat(grey(image, x, y)).as("right quiet zone at x=%d", x).isGreaterThan(240);
        }
        // every Code 128 symbol starts and ends with a bar
        assertThat(grey(image, left + 2, y)).isLessThan(60);
        assertThat(grey(image, right - 2, y)).isLessThan(60);
    }

    @Test
    void withoutCode128ThereAreNoBars() {
        CardLayout l = renderer.layout(new CardFace(numbers.next(), "Ola"));
        assertThat(l.barcode()).isNull();
        assertThat(l.barcodeBox()).isNull();
        assertThat(l.barcodeModuleMm()).isZero();
    }

    @Test
    void theMemberNameSitsAboveTheBarsAndTheHeadingAboveTheName() throws Exception {
        CardRenderer worst = new CardRenderer(CardDesign.of(LONG_SHOP).withLine(LONG_LINE).withLogo(logo())
                .withCode128(true), fonts);
        CardLayout l = worst.layout(new CardFace(numbers.next(), LONG_RUSSIAN));
        assertThat(ink(l.memberName()).bottom()).isLessThan(l.barcodeBox().y());
        for (Text t : texts(l.shopName(), l.line())) {
            assertThat(ink(t).bottom()).as(t.text()).isLessThan(ink(l.memberName()).y());
        }
    }

    @Test
    void toMakeRoomForTheBarsTheHeadingShrinksRatherThanCutTheLine() throws Exception {
        CardDesign design = CardDesign.of("Kawiarnia i Cukiernia Pod Złotym")
                .withLine("Co dziesiąta kawa gratis, a w urodziny ciasto").withLogo(logo());
        CardFace card = new CardFace(numbers.next(), LONG_POLISH);
        CardLayout plain = new CardRenderer(design, fonts).layout(card);
        CardLayout withBars = new CardRenderer(design.withCode128(true), fonts).layout(card);
        assertThat(withBars.logoBox().height()).isLessThan(plain.logoBox().height());
        assertThat(withBars.line()).hasSize(2);
        assertThat(withBars.line()).noneMatch(t -> t.text().endsWith("…"));
        assertThat(withBars.memberName().baselineMm()).isLessThan(plain.memberName().baselineMm());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pl", "ru"})
    void nothingOverlapsOrLeavesItsPartOfTheCardWhateverTheTexts(String language) throws Exception {
        boolean polish = language.equals("pl");
        List<String> shops = prefixes(polish ? LONG_SHOP : LONG_RUSSIAN_SHOP);
        List<String> lines = new ArrayList<>(prefixes(polish ? LONG_LINE : LONG_RUSSIAN_LINE));
        lines.add("");
        List<String> members = polish ? List.of(LONG_POLISH, "Zofia Żółkiewska", "Ją")
                : List.of(LONG_RUSSIAN, "Щукин Ёжик Жмых", "Юй");
        byte[] logo = logo();
        int checked = 0;
        for (String shop : shops) {
            for (String line : lines) {
                for (boolean withLogo : new boolean[] {true, false}) {
                    CardDesign design = CardDesign.of(shop).withLine(line).withCode128(true);
                    CardRenderer r = new CardRenderer(withLogo ? design.withLogo(logo) : design, fonts);
                    for (String member : members) {
                        assertNothingOverlaps(r.layout(new CardFace(numbers.next(), member)),
                                shop + " / " + line + " / " + member + " / logo " + withLogo);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(500);
    }

    private void assertNothingOverlaps(CardLayout l, String what) {
        assertThat(l.barcode()).as(what).isNotNull();
        assertThat(l.memberName()).as(what).isNotNull();
        List<Rect> panel = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Text t : texts(l.shopName(), l.line(), List.of(l.memberName()))) {
            assertThat(t.fits()).as("%s fits: %s", t.text(), what).isTrue();
            assertThat(t.sizePt()).as("%s size: %s", t.text(), what).isGreaterThanOrEqualTo(7);
            panel.add(ink(t));
            names.add("text '" + t.text() + "'");
        }
        if (l.logoBox() != null) {
            panel.add(l.logoBox());
            names.add("logo");
        }
        panel.add(l.barcodeBox());
        names.add("barcode box");
        List<Rect> all = new ArrayList<>(panel);
        all.add(l.qr());
        names.add("QR");
        for (Text t : l.number()) {
            all.add(ink(t));
            names.add("number '" + t.text() + "'");
        }
        for (Rect r : panel) {
            assertThat(r.x()).as("%s: %s", r, what).isGreaterThanOrEqualTo(1);
            assertThat(r.right()).as("%s: %s", r, what).isLessThanOrEqualTo(50 - 1);
        }
        for (int i = 0; i < all.size(); i++) {
            Rect r = all.get(i);
            assertThat(r.y()).as("%s top: %s", names.get(i), what).isGreaterThanOrEqualTo(1);
            assertThat(r.bottom()).as("%s bottom: %s", names.get(i), what).isLessThanOrEqualTo(CardRenderer.CARD_HEIGHT_MM - 1);
            for (int j = i + 1; j < all.size(); j++) {
                assertThat(overlaps(r, all.get(j))).as("%s overlaps %s: %s", names.get(i), names.get(j), what)
                        .isFalse();
            }
        }
    }

    /** Where the text's ink can reach: the face's ascent and descent, or further if a glyph goes further. */
    private Rect ink(Text t) {
        TrueTypeFont font = fonts.font(t.face());
        double up = fonts.ascentPt(t.face(), t.sizePt()) / PT_PER_MM;
        double down = fonts.descentPt(t.face(), t.sizePt()) / PT_PER_MM;
        try {
            double perUnit = t.sizePt() / font.getUnitsPerEm() / PT_PER_MM;
            CmapLookup cmap = font.getUnicodeCmapLookup();
            for (int cp : t.text().codePoints().toArray()) {
                GlyphData g = font.getGlyph().getGlyph(cmap.getGlyphId(cp));
                if (g != null) {
                    up = Math.max(up, g.getYMaximum() * perUnit);
                    down = Math.max(down, -g.getYMinimum() * perUnit);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Rect(t.xMm(), t.baselineMm() - up, t.widthMm(), up + down);
    }

    @SafeVarargs
    private static List<Text> texts(List<Text>... groups) {
        List<Text> all = new ArrayList<>();
        for (List<Text> g : groups) {
            g.stream().filter(t -> !t.text().isEmpty()).forEach(all::add);
        }
        return all;
    }

    /** The text cut after each word: one word, two words, ... the whole. */
    private static List<String> prefixes(String text) {
        String[] words = text.split(" ");
        List<String> out = new ArrayList<>();
        for (int n = 1; n <= words.length; n++) {
            out.add(String.join(" ", Arrays.copyOfRange(words, 0, n)));
        }
        return out;
    }

    private static byte[] logo() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(300, 120, BufferedImage.TYPE_INT_RGB), "png", png);
        return png.toByteArray();
    }

    private static BufferedImage png(CardRenderer r, CardFace card) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.writePng(card, 300, out);
        return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
    }

    /** Decodes only what is inside the layout's barcode box, between the rounded corners. */
    private static String decodeBars(BufferedImage card, CardLayout l, float dpi) throws Exception {
        Rect box = l.barcodeBox();
        Rect inside = new Rect(box.x(), l.barcode().y(), box.width(), l.barcode().height());
        BufferedImage strip = crop(card, inside, dpi);
        return new Code128Reader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(strip))),
                Map.of(DecodeHintType.TRY_HARDER, true)).getText();
    }

    private static BufferedImage crop(BufferedImage image, Rect r, float dpi) {
        double px = dpi / 25.4;
        return image.getSubimage((int) Math.round(r.x() * px), (int) Math.round(r.y() * px),
                (int) Math.round(r.width() * px), (int) Math.round(r.height() * px));
    }

    private static int grey(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        return (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)) / 3;
    }

    private static boolean overlaps(Rect a, Rect b) {
        return a.x() < b.right() && b.x() < a.right() && a.y() < b.bottom() && b.y() < a.bottom();
    }

    private static boolean touches(Line m, Rect r) {
        double minX = Math.min(m.x1(), m.x2());
        double maxX = Math.max(m.x1(), m.x2());
        double minY = Math.min(m.y1(), m.y2());
        double maxY = Math.max(m.y1(), m.y2());
        return minX <= r.right() && r.x() <= maxX && minY <= r.bottom() && r.y() <= maxY;
    }
}
