package app.stempel;

import java.time.Duration;
import java.util.Objects;

import app.stempel.core.Actor;
import app.stempel.counter.CounterView;
import app.stempel.counter.CounterViewModel;
import app.stempel.counter.ScanDetector;
import app.stempel.ui.I18n;
import app.stempel.ui.MainViewModel;
import app.stempel.ui.Page;
import app.stempel.ui.TaskRunner;
import javafx.scene.Node;

/**
 * Makes each screen with its view model once the shop is open, and routes scans from anywhere to the
 * counter. Part of the wiring, next to {@link App}.
 */
public final class Screens {

    private final MainViewModel main;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Actor actor;
    private final Duration scanGap;
    private CounterView counterView;
    private CounterViewModel counter;

    /** Longest gap between a USB scanner's keystrokes; people type slower. */
    public static final Duration DEFAULT_SCAN_GAP = Duration.ofMillis(35);

    /**
     * @param scanGap longest gap between keystrokes that still counts as a scanner (see {@link ScanDetector})
     */
    public Screens(MainViewModel main, TaskRunner tasks, I18n i18n, Actor actor, Duration scanGap) {
        this.main = Objects.requireNonNull(main);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.actor = Objects.requireNonNull(actor);
        this.scanGap = Objects.requireNonNull(scanGap);
    }

    /** A new detector with this shop's scanner timing. */
    public ScanDetector scanDetector() {
        return new ScanDetector(scanGap.toNanos());
    }

    /** The screen for {@code page}, or null where there is none yet. */
    public Node create(Page page) {
        return page == Page.COUNTER ? counterView().root() : null;
    }

    /** True for the node that takes scans itself. */
    public boolean ownsScans(Node focused) {
        return counterView != null && focused == counterView.searchField();
    }

    /** A scan from another screen. */
    public void scan(String text) {
        counterView();
        counter.scan(text);
    }

    /** The counter's view model, once the counter exists (for tests). */
    public CounterViewModel counter() {
        return counter;
    }

    private CounterView counterView() {
        if (counterView == null) {
            Services s = main.servicesProperty().get();
            counter = new CounterViewModel(s.counter(), tasks, i18n, s.clock(), () -> actor);
            counterView = new CounterView(counter, i18n, scanDetector());
        }
        return counterView;
    }
}
