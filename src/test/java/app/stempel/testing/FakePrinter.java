package app.stempel.testing;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import app.stempel.cards.CardPrinter;
import java.util.concurrent.CopyOnWriteArrayList;

/** A printer a test sets up: present or not, confirmed or cancelled, keeping every page it was sent. */
public final class FakePrinter implements CardPrinter {

    /** A page as printed. */
    public record Page(BufferedImage image, double widthMm, double heightMm) {
    }

    private volatile boolean available = true;
    private volatile boolean confirm = true;
    private volatile boolean cardPaper;
    private final List<Page> pages = new CopyOnWriteArrayList<>();
    private final List<String> jobs = new CopyOnWriteArrayList<>();
    private volatile int ended;

    /** A computer without any printer. */
    public FakePrinter none() {
        available = false;
        return this;
    }

    /** The person cancels the print dialog. */
    public FakePrinter cancelling() {
        confirm = false;
        return this;
    }

    /** The printer takes card-sized paper. */
    public FakePrinter withCardPaper() {
        cardPaper = true;
        return this;
    }

    public List<Page> pages() {
        return new ArrayList<>(pages);
    }

    /** Names of the jobs the print dialog was shown for. */
    public List<String> jobs() {
        return new ArrayList<>(jobs);
    }

    /** Jobs sent to the printer complete. */
    public int ended() {
        return ended;
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public Optional<Job> begin(String jobName, boolean sheets) {
        jobs.add(jobName);
        if (!confirm) {
            return Optional.empty();
        }
        return Optional.of(new Job() {
            @Override
            public boolean cardPaper() {
                return cardPaper;
            }

            @Override
            public void page(BufferedImage image, double widthMm, double heightMm) {
                pages.add(new Page(image, widthMm, heightMm));
            }

            @Override
            public void end() {
                ended++;
            }

            @Override
            public void cancel() {
            }
        });
    }
}
