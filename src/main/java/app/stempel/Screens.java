package app.stempel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import app.stempel.cards.CardHandout;
import app.stempel.cards.CardPrinter;
import app.stempel.cards.CardsView;
import app.stempel.cards.CardsViewModel;
import app.stempel.core.Actor;
import app.stempel.core.Language;
import app.stempel.members.MembersView;
import app.stempel.members.MembersViewModel;
import app.stempel.store.Backups;
import app.stempel.store.LocalPrefs;
import app.stempel.settings.SettingsView;
import app.stempel.settings.SettingsViewModel;
import app.stempel.ui.FilePicker;
import javafx.application.Platform;
import app.stempel.counter.CounterView;
import app.stempel.counter.CounterViewModel;
import app.stempel.counter.ScanDetector;
import app.stempel.data.DataView;
import app.stempel.data.DemoData;
import app.stempel.data.ExportViewModel;
import app.stempel.data.ImportViewModel;
import app.stempel.program.ProgramView;
import app.stempel.program.ProgramViewModel;
import app.stempel.reports.ReportExport;
import app.stempel.reports.ReportPdf;
import app.stempel.reports.ReportTexts;
import app.stempel.settings.SettingsService;
import app.stempel.reports.ReportsView;
import app.stempel.reports.ReportsViewModel;
import app.stempel.settings.CashierChoiceView;
import app.stempel.settings.CashierChoiceViewModel;
import app.stempel.settings.CashiersView;
import app.stempel.settings.CashiersViewModel;
import app.stempel.settings.CashierService.Cashier;
import app.stempel.settings.SetupView;
import app.stempel.settings.SetupViewModel;
import app.stempel.ui.I18n;
import app.stempel.shell.MainViewModel;
import app.stempel.shell.Page;
import app.stempel.shell.ScreenFactory;
import app.stempel.ui.TaskRunner;
import javafx.scene.Node;
import org.slf4j.LoggerFactory;

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

    private final MainViewModel<Services> main;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final String till;
    private final Duration scanGap;
    private final FilePicker files;
    private final CardPrinter printer;
    private final Restarter restarter;
    private CounterView counterView;
    private CounterViewModel counter;

    /** Builds the window afresh on an open shop: after a language change or a restore. */
    public interface Restarter {
        /**
         * @param noticeKey message to show once the window is back, or null
         * @param problem whether that message reports a failure
         */
        void restart(Services open, Language language, String noticeKey, boolean problem);
    }

    /**
     * @param till this computer's name in the ledger
     * @param scanGap longest gap between keystrokes that still counts as a scanner (see {@link ScanDetector})
     */
    public Screens(MainViewModel<Services> main, TaskRunner tasks, I18n i18n, String till, Duration scanGap, FilePicker files,
            CardPrinter printer, Restarter restarter) {
        this.printer = Objects.requireNonNull(printer);
        this.main = Objects.requireNonNull(main);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.till = Objects.requireNonNull(till);
        this.scanGap = Objects.requireNonNull(scanGap);
        this.files = Objects.requireNonNull(files);
        this.restarter = Objects.requireNonNull(restarter);
    }

    /** A new detector with this shop's scanner timing. */
    public ScanDetector scanDetector() {
        return new ScanDetector(scanGap.toNanos());
    }

    @Override
    public Node page(Page page) {
        return switch (page) {
            case COUNTER -> counterView().root();
            case SETTINGS -> settings();
            case CARDS -> cards();
            case MEMBERS -> members();
            case PROGRAM -> program();
            case REPORTS -> reports();
            default -> null;
        };
    }

    private Node cards() {
        Services s = main.shopProperty().get();
        CardsViewModel model = new CardsViewModel(s.printableCards(), s.cards(), s.search(), printer,
                tasks, i18n, s.clock());
        return new CardsView(model, i18n, files).root();
    }

    private Node members() {
        Services s = main.shopProperty().get();
        MembersViewModel model = new MembersViewModel(s.directory(), s.corrections(),
                tasks, i18n, s.clock(), this::actor, () -> s.settings().currency().orElse(null));
        return new MembersView(model, i18n, files).root();
    }

    private Node program() {
        Services s = main.shopProperty().get();
        ProgramViewModel model = new ProgramViewModel(s.programs(), s.expiry(), s.groups(), tasks, i18n);
        return new ProgramView(model, i18n).root();
    }

    private Node reports() {
        Services s = main.shopProperty().get();
        ReportExport export = new ReportExport(s.owner(), i18n.language());
        ReportsViewModel model = new ReportsViewModel(s.reports(), export, (dashboard, atRisk, file) -> export.pdf(
                new ReportPdf(new ReportTexts(i18n), s.settings().get(SettingsService.SHOP_NAME).orElse("")), dashboard,
                atRisk, file), tasks, i18n, s.clock());
        return new ReportsView(model, i18n, files).root();
    }

    private Node settings() {
        Services s = main.shopProperty().get();
        SettingsViewModel model = new SettingsViewModel(s.admin(), s.owner(), tasks, i18n, s.clock(),
                language -> restarter.restart(s, language, null, false), zip -> restore(s, zip));
        ImportViewModel imports = new ImportViewModel(s.imports(), s.settings(), tasks, i18n, s.clock());
        imports.stageProperty().addListener((obs, old, now) -> {
            if (now == ImportViewModel.Stage.DONE) {
                main.membersChanged();
            }
        });
        ExportViewModel exports = new ExportViewModel(s.exports(), tasks, i18n, s.clock());
        DataView data = new DataView(imports, exports, i18n, files);
        CashiersView cashiers = new CashiersView(new CashiersViewModel(s.cashiers(), tasks, i18n), i18n);
        return data.around(new SettingsView(model, i18n, files, cashiers.root(), data.section()).root());
    }

    /** Off the JavaFX thread: closes the shop, restores {@code zip} if it passes the check, reopens. */
    private void restore(Services s, Path zip) throws Exception {
        s.close();
        Exception failure = null;
        try {
            Services.recovery(s.dataDir(), s.clock()).restore(zip);
        } catch (Exception e) {
            failure = e;
        }
        Services reopened = Services.open(s.dataDir(), s.clock());
        String key = failure == null ? "settings.restore.done"
                : failure instanceof Backups.RestoreException re && re.reason() == Backups.RestoreException.Reason.FAILS_CHECK
                        ? "settings.restore.failsCheck"
                        : failure instanceof Backups.RestoreException ? "settings.restore.notABackup" : "settings.restore.failed";
        boolean problem = failure != null;
        Platform.runLater(() -> restarter.restart(reopened, i18n.language(), key, problem));
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public Node setup() {
        Services s = main.shopProperty().get();
        SetupViewModel model = new SetupViewModel(s.setup(), (currency, reward, progress) -> {
            DemoData.Settings settings = new DemoData.Settings(DEMO_MEMBERS, DEMO_YEARS, System.nanoTime(), null,
                    currency.getCurrencyCode(), false, reward);
            s.demo().fill(settings,
                    (members, total, visits, expected) -> progress.accept(total == 0 ? 0 : (double) members / total));
        }, tasks, i18n);
        return new SetupView(model, i18n, main::setupDone).root();
    }

    @Override
    public Node cashierChoice() {
        Services s = main.shopProperty().get();
        return new CashierChoiceView(new CashierChoiceViewModel(s.cashiers(), s.owner(), tasks, i18n, main::cashierChosen),
                i18n).root();
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
            Services s = main.shopProperty().get();
            counter = new CounterViewModel(s.counter(), s.survey(), tasks, i18n, s.clock(), this::actor,
                    new CardHandout(s.printableCards()::design, printer));
            counterView = new CounterView(counter, i18n, scanDetector(), files);
            counter.enrolledProperty().addListener((obs, old, now) -> main.membersChanged());
            // this till's customer display opens again if it was open when the till last closed
            LocalPrefs prefs = new LocalPrefs(s.dataDir());
            CounterViewModel model = counter;
            tasks.run(prefs::customerDisplay, open -> model.rememberDisplay(open, prefs::setCustomerDisplay),
                    e -> LoggerFactory.getLogger(Screens.class).warn("Could not read this till's preferences", e));
        }
        return counterView;
    }
}
