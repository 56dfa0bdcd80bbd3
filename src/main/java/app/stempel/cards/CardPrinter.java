package app.stempel.cards;

import java.awt.image.BufferedImage;
import java.util.Optional;

/** The computer's printers: the system's print dialog in the app, a recording fake in tests. */
public interface CardPrinter {

    /** True if this computer has at least one printer. */
    boolean available();

    /**
     * Shows the system print dialog (on the JavaFX thread).
     *
     * @param sheets true for A4 sheets of ten cards, false for card-sized pages
     * @return the job to print pages into, or empty if the person cancelled
     */
    Optional<Job> begin(String jobName, boolean sheets);

    /** A print job the person confirmed; its pages may be sent from any thread. */
    interface Job {
        /** True if the chosen printer takes card-sized pages; otherwise cards go on A4 sheets. */
        boolean cardPaper();

        /** Prints one page drawn at {@code widthMm} × {@code heightMm}, from the top-left of the paper. */
        void page(BufferedImage image, double widthMm, double heightMm);

        /** Sends the job to the printer. */
        void end();

        /** Abandons the job after a failure. */
        void cancel();
    }
}
