package app.stempel.cards;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;


import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import app.stempel.store.AtomicFile;

/**
 * Cards in the shop's current design to where they are wanted: a PDF file, a PNG file, or a print job.
 * Slow: call it off the JavaFX thread. {@code progress} gets the number of cards done.
 */
public final class CardOutput {

    /** Resolution of a card sent as a picture, and of pages sent to the printer. */
    public static final float DPI = 300;

    private final CardDesign design;

    public CardOutput(CardDesign design) {
        this.design = Objects.requireNonNull(design);
    }

    /** Writes the cards as A4 sheets of ten or one card per page; the file appears only when complete. */
    public void pdf(List<CardFace> cards, boolean sheets, Path file, IntConsumer progress) throws IOException {
        AtomicFile.write(file, out -> write(cards, sheets, out, progress));
    }

    /** Writes one card as a {@value #DPI} dpi PNG, for sending by phone. */
    public void png(CardFace card, Path file) throws IOException {
        AtomicFile.write(file, out -> new CardRenderer(design).writePng(card, DPI, out));
    }

    /** Prints the cards into a confirmed job: on card paper one per page, otherwise on A4 sheets of ten. */
    public void print(List<CardFace> cards, CardPrinter.Job job, IntConsumer progress) throws IOException {
        boolean sheets = !job.cardPaper();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        write(cards, sheets, pdf, done -> { });
        double width = sheets ? CardRenderer.A4_WIDTH_MM : CardRenderer.CARD_WIDTH_MM;
        double height = sheets ? CardRenderer.A4_HEIGHT_MM : CardRenderer.CARD_HEIGHT_MM;
        int perPage = sheets ? CardRenderer.PER_SHEET : 1;
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int page = 0; page < doc.getNumberOfPages(); page++) {
                job.page(renderer.renderImageWithDPI(page, DPI, ImageType.RGB), width, height);
                progress.accept(Math.min(cards.size(), (page + 1) * perPage));
            }
            job.end();
        } catch (IOException | RuntimeException e) {
            job.cancel();
            throw e;
        }
    }

    private void write(List<CardFace> cards, boolean sheets, OutputStream out, IntConsumer progress) throws IOException {
        CardRenderer renderer = new CardRenderer(design);
        if (sheets) {
            renderer.writeSheets(cards, out, progress);
        } else {
            renderer.writeCards(cards, out, progress);
        }
    }
}
