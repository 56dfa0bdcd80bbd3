package app.stempel.ui;

import app.stempel.core.Language;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.stempel.App;
import app.stempel.Screens;
import app.stempel.Services;
import app.stempel.core.Actor;
import app.stempel.store.Database;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/** Drives the real main window headless, as a person would: watch it open, click, use shortcuts. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    Path dir;
    private Stage stage;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    private FxTaskRunner tasks;
    private MainViewModel model;
    private final AtomicBoolean quit = new AtomicBoolean();

    private void show(FxRobot robot, Language language) throws Exception {
        tasks = new FxTaskRunner(2, 16);
        I18n i18n = new I18n(language);
        model = new MainViewModel(tasks, i18n, () -> Services.open(dir, Clock.systemUTC()));
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setScene(App.scene(model, i18n, screens(i18n), () -> quit.set(true)));
            stage.show();
            model.open();
        }).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void closeDatabase() throws Exception {
        if (tasks != null) {
            tasks.close();
        }
        if (model != null && model.servicesProperty().get() != null) {
            model.servicesProperty().get().close();
        }
    }

    private Screens screens(I18n i18n) {
        return new Screens(model, tasks, i18n, Actor.system("test"), Screens.DEFAULT_SCAN_GAP);
    }

    private void waitForPhase(MainViewModel.Phase phase) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.phaseProperty().get() == phase);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void windowOpensOnTheCounterWithTheShopSizeInTheStatusLine(FxRobot robot) throws Exception {
        show(robot, Language.ENGLISH);
        waitForPhase(MainViewModel.Phase.READY);

        assertThat(robot.lookup("#page-counter").tryQuery()).isPresent();
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).isEqualTo("0 members");
        assertThat(robot.lookup("#location").queryAs(Label.class).getText()).contains(dir.toString());
        assertThat(robot.lookup("#nav-counter").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void clickingTheNavigationShowsEachScreen(FxRobot robot) throws Exception {
        show(robot, Language.ENGLISH);
        waitForPhase(MainViewModel.Phase.READY);

        for (Page p : Page.values()) {
            robot.clickOn("#nav-" + p.id());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#page-" + p.id()).tryQuery()).as(p.id()).isPresent();
            assertThat(robot.lookup("#nav-" + p.id()).queryAs(ToggleButton.class).isSelected()).isTrue();
        }
        // clicking the selected button again keeps it selected
        robot.clickOn("#nav-settings");
        assertThat(robot.lookup("#nav-settings").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void keyboardShortcutsSwitchScreens(FxRobot robot) throws Exception {
        show(robot, Language.ENGLISH);
        waitForPhase(MainViewModel.Phase.READY);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#page-reports").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-reports").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void textsAreInTheChosenLanguage(FxRobot robot) throws Exception {
        show(robot, Language.POLISH);
        waitForPhase(MainViewModel.Phase.READY);

        assertThat(robot.lookup("#nav-counter").queryAs(ToggleButton.class).getText()).isEqualTo("Kasa");
        assertThat(robot.lookup("#nav-members").queryAs(ToggleButton.class).getText()).isEqualTo("Klienci");
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).isEqualTo("0 klientów");
    }

    @Test
    void aSecondCopyOnTheSameDataFolderGetsAClearMessageAndCanQuit(FxRobot robot) throws Exception {
        try (Database other = Database.open(dir)) {
            show(robot, Language.ENGLISH);
            waitForPhase(MainViewModel.Phase.FAILED);

            String message = robot.lookup("#startup-error").queryAs(Label.class).getText();
            assertThat(message).startsWith("Stempel is already open on this computer");
            assertThat(robot.lookup("#nav-members").queryAs(ToggleButton.class).isDisabled()).isTrue();
            robot.clickOn("#quit");
            assertThat(quit).isTrue();
        }
    }

    @Test
    void navigationWaitsWhileTheDatabaseOpens(FxRobot robot) throws Exception {
        tasks = new FxTaskRunner(1, 4);
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        I18n i18n = new I18n(Language.ENGLISH);
        model = new MainViewModel(tasks, i18n, () -> {
            gate.await(20, TimeUnit.SECONDS);
            return Services.open(dir, Clock.systemUTC());
        });
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setScene(App.scene(model, i18n, screens(i18n), () -> { }));
            stage.show();
            model.open();
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#opening-progress").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-members").queryAs(ToggleButton.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).isEqualTo("Opening the database…");
        gate.countDown();
        waitForPhase(MainViewModel.Phase.READY);
        assertThat(robot.lookup("#nav-members").queryAs(ToggleButton.class).isDisabled()).isFalse();
        Platform.runLater(() -> { });
    }
}
