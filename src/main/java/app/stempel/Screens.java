package app.stempel;

import java.time.Duration;
import java.util.Objects;

import app.stempel.core.Actor;
import app.stempel.counter.CounterView;
import app.stempel.counter.CounterViewModel;
import app.stempel.counter.ScanDetector;
import app.stempel.data.DemoData;
import app.stempel.settings.CashierChoiceView;
import app.stempel.settings.CashierService.Cashier;
import app.stempel.settings.SetupView;
import app.stempel.settings.SetupViewModel;
import app.stempel.ui.I18n;
import app.stempel.ui.MainViewModel;
import app.stempel.ui.Page;
import app.stempel.ui.ScreenFactory;
import app.stempel.ui.TaskRunner;
import javafx.scene.Node;

/**
 * Makes each screen with its view model once the shop is open, and routes scans from anywhere to the
 * counter. Part of the wiring, next to {@link App}.
 */
public final class Screens implements ScreenFactory {

    /** Longest gap between a USB scanner's keystrokes; people type slower. */
    public static final Duration DEFAULT_SCAN_GAP = Duration.ofMillis(35);
    /** Size of the demo shop the first-run wizard offers. */
    static final int DEMO_MEMBERS = 2_000;
    static final int DEMO_YEARS = 2;

    private final MainViewModel main;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final String till;
    private final Duration scanGap;
    private CounterView counterView;
    private CounterViewModel counter;

    /**
     * @param till this computer's name in the ledger
     * @param scanGap longest gap between keystrokes that still counts as a scanner (see {@link ScanDetector})
     */
    public Screens(MainViewModel main, TaskRunner tasks, I18n i18n, String till, Duration scanGap) {
        this.main = Objects.requireNonNull(main);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.till = Objects.requireNonNull(till);
        this.scanGap = Objects.requireNonNull(scanGap);
    }

    /** A new detector with this shop's scanner timing. */
    public ScanDetector scanDetector() {
        return new ScanDetector(scanGap.toNanos());
    }

    @Override
    public Node page(Page page) {
        return page == Page.COUNTER ? counterView().root() : null;
    }

    @Override
    public Node setup() {
        Services s = main.servicesProperty().get();
        SetupViewModel model = new SetupViewModel(s.setup(), (currency, progress) -> {
            DemoData.Settings settings = new DemoData.Settings(DEMO_MEMBERS, DEMO_YEARS, System.nanoTime(), null,
                    currency.getCurrencyCode(), false);
            new DemoData(s.db(), s.clock()).fill(settings,
                    (members, total, visits, expected) -> progress.accept(total == 0 ? 0 : (double) members / total));
        }, tasks, i18n);
        return new SetupView(model, i18n, main::setupDone).root();
    }

    @Override
    public Node cashierChoice() {
        return new CashierChoiceView(main.servicesProperty().get().cashiers(), tasks, i18n, main::cashierChosen).root();
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

    /** Who does what is being done now: the chosen cashier at this till. */
    private Actor actor() {
        Cashier c = main.cashierProperty().get();
        return new Actor(c == null ? null : c.id(), till);
    }

    private CounterView counterView() {
        if (counterView == null) {
            Services s = main.servicesProperty().get();
            counter = new CounterViewModel(s.counter(), tasks, i18n, s.clock(), this::actor);
            counterView = new CounterView(counter, i18n, scanDetector());
        }
        return counterView;
    }
}
