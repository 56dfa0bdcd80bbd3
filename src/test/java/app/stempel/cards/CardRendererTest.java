package app.stempel.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
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

    private final CardNumbers numbers = new CardNumbers(new Random(42));
    private final CardRenderer renderer = new CardRenderer(CardDesign.of("Kafé Ørnen").withLine("10th coffee free"));

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
