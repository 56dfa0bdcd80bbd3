package app.stempel.cards;

import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.print.PageLayout;
import javafx.print.PageOrientation;
import javafx.print.Paper;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.Group;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.shape.Rectangle;
import javafx.stage.Window;

/**
 * Prints through JavaFX: the system print dialog, then each page as a 300 dpi picture placed at its exact
 * size from the top-left corner of the paper (the printer's margins are taken off, not scaled into).
 */
public final class SystemCardPrinter implements CardPrinter {

    private static final double PT_PER_MM = 72 / 25.4;
    /** How far a paper may be from the ID-1 card size and still count as card paper. */
    private static final double CARD_PAPER_TOLERANCE_MM = 1.5;

    private final Supplier<Window> owner;

    public SystemCardPrinter(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean available() {
        return Printer.getDefaultPrinter() != null || !Printer.getAllPrinters().isEmpty();
    }

    @Override
    public Optional<Job> begin(String jobName, boolean sheets) {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            return Optional.empty();
        }
        job.getJobSettings().setJobName(jobName);
        Optional<Paper> card = sheets ? Optional.empty() : cardPaper(job.getPrinter());
        PageLayout wanted = job.getPrinter().createPageLayout(card.orElse(Paper.A4),
                card.isPresent() ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT, Printer.MarginType.HARDWARE_MINIMUM);
        job.getJobSettings().setPageLayout(wanted);
        if (!job.showPrintDialog(owner.get())) {
            job.cancelJob();
            return Optional.empty();
        }
        boolean onCards = cardPaper(job.getPrinter()).filter(p -> p.equals(job.getJobSettings().getPageLayout().getPaper()))
                .isPresent();
        return Optional.of(new FxJob(job, onCards));
    }

    /** A paper of this printer within a millimetre and a half of the ID-1 card, either way round. */
    private static Optional<Paper> cardPaper(Printer printer) {
        double w = CardRenderer.CARD_WIDTH_MM;
        double h = CardRenderer.CARD_HEIGHT_MM;
        return printer.getPrinterAttributes().getSupportedPapers().stream()
                .filter(p -> {
                    double a = Math.max(p.getWidth(), p.getHeight()) / PT_PER_MM;
                    double b = Math.min(p.getWidth(), p.getHeight()) / PT_PER_MM;
                    return Math.abs(a - w) <= CARD_PAPER_TOLERANCE_MM && Math.abs(b - h) <= CARD_PAPER_TOLERANCE_MM;
                })
                .min(Comparator.comparingDouble(p -> Math.abs(Math.max(p.getWidth(), p.getHeight()) / PT_PER_MM - w)));
    }

    private record FxJob(PrinterJob job, boolean cardPaper) implements Job {
        @Override
        public void page(BufferedImage image, double widthMm, double heightMm) {
            PageLayout layout = job.getJobSettings().getPageLayout();
            ImageView view = new ImageView(fx(image));
            view.setFitWidth(widthMm * PT_PER_MM);
            view.setFitHeight(heightMm * PT_PER_MM);
            view.setSmooth(false);
            view.setTranslateX(-layout.getLeftMargin());
            view.setTranslateY(-layout.getTopMargin());
            Group page = new Group(view);
            page.setClip(new Rectangle(layout.getPrintableWidth(), layout.getPrintableHeight()));
            if (!job.printPage(page)) {
                throw new IllegalStateException("the printer refused a page: " + job.getJobStatus());
            }
        }

        @Override
        public void end() {
            if (!job.endJob()) {
                throw new IllegalStateException("the print job did not finish: " + job.getJobStatus());
            }
        }

        @Override
        public void cancel() {
            job.cancelJob();
        }

        private static WritableImage fx(BufferedImage image) {
            int w = image.getWidth();
            int h = image.getHeight();
            WritableImage out = new WritableImage(w, h);
            out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), image.getRGB(0, 0, w, h, null, 0, w),
                    0, w);
            return out;
        }
    }
}
