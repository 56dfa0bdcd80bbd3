package app.stempel;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.stempel.cards.SystemCardPrinter;
import app.stempel.core.Language;
import app.stempel.store.DataDir;
import app.stempel.store.LocalPrefs;
import app.stempel.shell.GlobalScan;
import app.stempel.ui.FxTaskRunner;
import app.stempel.ui.SystemFilePicker;
import app.stempel.ui.I18n;
import app.stempel.shell.MainViewModel;
import app.stempel.shell.MainWindow;
import app.stempel.shell.Page;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.KeyEvent;
import java.net.InetAddress;
import java.io.IOException;

/**
 * The window. It appears at once; the database opens in the background meanwhile, so the person sees
 * progress instead of a blank wait.
 */
public final class App extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    private static volatile Main.Options options = new Main.Options(null, null);

    private FxTaskRunner tasks;
    private MainViewModel<Services> model;
    private Stage stage;
    private Path dataDir;

    static void launchWith(Main.Options opts) {
        options = opts;
        Application.launch(App.class);
    }

    @Override
    public void start(Stage stage) {
        dataDir = DataDir.resolve(options.dataDir());
        tasks = new FxTaskRunner(2, 64);
        this.stage = stage;
        Language language = options.language() != null ? options.language()
                : new LocalPrefs(dataDir).language().map(Language::fromCode).orElse(Language.ofSystem());
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            LOG.error("Uncaught on {}", t.getName(), e);
            if (Platform.isFxApplicationThread() && model != null) {
                model.showError(e);
            }
        });
        show(language, () -> Services.open(dataDir, Clock.systemDefaultZone()));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        fitToScreen(stage);
        stage.show();
    }

    /**
     * Builds the window in {@code language} and opens the shop through {@code opener}; again with the
     * open shop when the language changes or a backup was restored.
     */
    private void show(Language language, Callable<Services> opener) {
        I18n i18n = new I18n(language);
        model = new MainViewModel<>(tasks, i18n, opener);
        model.takeDailyBackups();
        model.recoverWith(Services.recovery(dataDir, Clock.systemDefaultZone()));
        model.chosenLanguageProperty().addListener((obs, old, chosen) -> {
            if (chosen != language) {
                restart(model.shopProperty().get(), chosen, null, false);
            } else {
                remember(chosen);
            }
        });
        Screens screens = new Screens(model, tasks, i18n, tillName(), Screens.DEFAULT_SCAN_GAP,
                new SystemFilePicker(() -> stage), new SystemCardPrinter(() -> stage), this::restart);
        stage.setTitle(i18n.get("app.title"));
        stage.setScene(scene(model, i18n, screens, Platform::exit));
        model.open();
    }

    /** The window afresh on the open shop, in {@code language}, keeping the cashier and the page. */
    private void restart(Services open, Language language, String noticeKey, boolean problem) {
        remember(language);
        MainViewModel<Services> before = model;
        show(language, () -> open);
        if (before.cashierProperty().get() != null) {
            model.resumeWith(before.cashierProperty().get(), before.pageProperty().get());
        }
        if (noticeKey != null) {
            if (problem) {
                model.showProblem(noticeKey);
            } else {
                model.showNotice(noticeKey);
            }
        }
    }

    private void remember(Language language) {
        try {
            new LocalPrefs(dataDir).setLanguage(language.code());
        } catch (IOException e) {
            LOG.warn("Could not remember the language", e);
        }
    }

    /** On a small screen (a till's 1366 × 768, say) the window takes the whole visible area. */
    private static void fitToScreen(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = stage.getScene();
        if (screen.getWidth() <= scene.getWidth() * 1.15 || screen.getHeight() <= scene.getHeight() * 1.15) {
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
        }
    }

    /** The main window's scene, with the theme and the app's stylesheet; also used by the UI tests. */
    public static Scene scene(MainViewModel<Services> model, I18n i18n, Screens screens, Runnable quit) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        MainWindow window = new MainWindow(model, i18n, screens, quit);
        Scene scene = new Scene(window.root(), 1200, 760);
        scene.getStylesheets().add(App.class.getResource("/settings/settings.css").toExternalForm());
        scene.getStylesheets().add(App.class.getResource("/ui/app.css").toExternalForm());
        scene.getStylesheets().add(App.class.getResource("/counter/counter.css").toExternalForm());
        new GlobalScan(screens.scanDetector(), screens::ownsScans, text -> {
            if (model.phaseProperty().get() == MainViewModel.Phase.READY) {
                model.select(Page.COUNTER);
                screens.scan(text);
            }
        }).install(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> model.activity());
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> model.activity());
        scene.getAccelerators().put(MainWindow.END_OWNER_MODE, model::endOwnerMode);
        for (Page p : Page.values()) {
            scene.getAccelerators().put(MainWindow.shortcut(p), () -> {
                if (model.phaseProperty().get() == MainViewModel.Phase.READY) {
                    model.select(p);
                }
            });
        }
        return scene;
    }

    /** The name this computer's ledger entries carry. */
    private static String tillName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "till";
        }
    }

    @Override
    public void stop() {
        Services services = model.shopProperty().get();
        if (tasks != null) {
            tasks.shutdown(10);
        }
        if (services != null) {
            try {
                LOG.info("Backup on exit {}", services.admin().exitBackup());
            } catch (IOException | RuntimeException e) {
                LOG.error("Backup on exit failed", e);
            }
            services.close();
            LOG.info("Database closed");
        }
    }
}
