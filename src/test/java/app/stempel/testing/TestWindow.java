package app.stempel.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import app.stempel.App;
import app.stempel.Screens;
import app.stempel.Services;
import app.stempel.cards.CardPrinter;
import app.stempel.core.Language;
import app.stempel.ui.FilePicker;
import app.stempel.ui.FxTaskRunner;
import app.stempel.ui.I18n;
import app.stempel.shell.MainViewModel;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.scene.control.Button;
import java.util.ArrayList;

/**
 * The main window on a test shop, opened as a person opens it: the shop loads, {@value TestShop#CASHIER}
 * is chosen at the till, and the counter is ready. Closing it stops its background tasks.
 */
public record TestWindow(FxTaskRunner tasks, MainViewModel<Services> main, Screens screens, Stage stage) implements AutoCloseable {

    /** The window at its usual size. */
    public static TestWindow open(FxRobot robot, Stage stage, Services shop, Language language, Duration scanGap,
            FilePicker files, CardPrinter printer) throws Exception {
        return open(robot, stage, shop, language, scanGap, files, printer, 0, 0);
    }

    /** The window at {@code width} × {@code height} (0 for the usual size). */
    public static TestWindow open(FxRobot robot, Stage stage, Services shop, Language language, Duration scanGap,
            FilePicker files, CardPrinter printer, double width, double height) throws Exception {
        FxTaskRunner tasks = new FxTaskRunner(2, 64);
        I18n i18n = new I18n(language);
        MainViewModel<Services> main = new MainViewModel<>(tasks, i18n, () -> shop);
        Screens screens = new Screens(main, tasks, i18n, TestShop.TILL.till(), scanGap, files, printer,
                (open, lang, key, problem) -> { });
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setScene(App.scene(main, i18n, screens, () -> { }));
            if (width > 0) {
                stage.setWidth(width);
                stage.setHeight(height);
            }
            stage.show();
            stage.toFront();
            main.open();
        }).get(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
        Await.until(() -> main.phaseProperty().get() == MainViewModel.Phase.CASHIER);
        Await.until(() -> robot.lookup(".cashier-button").tryQuery().isPresent());
        // the cashier is chosen by pressing their button on the FX thread: a robot's lookup from here may meet the
        // button's text mid-layout (the cashier screen has tests of its own that click it)
        WaitForAsyncUtils.asyncFx(() -> robot.lookup(".cashier-button").queryAll().stream()
                .filter(n -> n instanceof Button b && TestShop.CASHIER.equals(b.getText()))
                .map(n -> (Button) n).findFirst().orElseThrow().fire()).get(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
        Await.until(() -> main.phaseProperty().get() == MainViewModel.Phase.READY);
        return new TestWindow(tasks, main, screens, stage);
    }

    /** Opens owner mode with the owner's PIN, as the lock screen does, and waits until it is open. */
    public TestWindow unlockOwner() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> main.unlockOwner(TestShop.OWNER_PIN)).get(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
        Await.until(() -> main.ownerOpenProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Stops the background tasks and closes any other window the test opened (a customer display). */
    @Override
    public void close() {
        try {
            WaitForAsyncUtils.asyncFx(() -> new ArrayList<>(Window.getWindows()).stream()
                    .filter(w -> w != stage && w instanceof Stage).forEach(w -> ((Stage) w).close()))
                    .get(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not close the test's other windows", e);
        } finally {
            tasks.close();
        }
    }
}
