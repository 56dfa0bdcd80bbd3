package app.stempel.shell;

import app.stempel.ui.FxTaskRunner;
import app.stempel.ui.I18n;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
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

import app.stempel.testing.Await;
import app.stempel.App;
import app.stempel.Screens;
import app.stempel.testing.FakePrinter;
import app.stempel.testing.StubFiles;
import app.stempel.Services;
import app.stempel.core.Language;
import app.stempel.settings.PinHasher;
import app.stempel.settings.SettingsService;
import app.stempel.store.Database;
import app.stempel.testing.TestShop;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.scene.control.ComboBox;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Callable;
import java.util.List;
import java.nio.file.Files;
import app.stempel.store.Backups;

/** Drives the real main window headless, as a person would: first run, cashier, screens, shortcuts. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    Path dir;
    private final StubFiles files = new StubFiles();
    private final List<String> restarts = new CopyOnWriteArrayList<>();
    private final List<Services> reopened = new CopyOnWriteArrayList<>();
    private Stage stage;
    private FxTaskRunner tasks;
    private MainViewModel<Services> model;
    private final AtomicBoolean quit = new AtomicBoolean();

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    private void show(Language language, Callable<Services> opener) throws Exception {
        tasks = new FxTaskRunner(2, 16);
        I18n i18n = new I18n(language);
        model = new MainViewModel<>(tasks, i18n, opener);
        Screens screens = new Screens(model, tasks, i18n, "Till 1", Screens.DEFAULT_SCAN_GAP, files, new FakePrinter(),
                (open, lang, key, problem) -> {
                    restarts.add(String.valueOf(key));
                    if (open != model.shopProperty().get()) {
                        reopened.add(open);
                    }
                });
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setScene(App.scene(model, i18n, screens, () -> quit.set(true)));
            stage.show();
            model.open();
        }).get(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    private void show(Language language) throws Exception {
        show(language, () -> Services.open(dir, Clock.systemUTC()));
    }

    /** A shop already set up, opened by its cashier. */
    private void openSetUpShop(FxRobot robot, Language language) throws Exception {
        TestShop.open(dir, Clock.systemUTC()).close();
        show(language);
        waitForPhase(MainViewModel.Phase.CASHIER);
        Await.until(() -> robot.lookup(".cashier-button").tryQuery().isPresent());
        robot.clickOn(TestShop.CASHIER);
        waitForPhase(MainViewModel.Phase.READY);
    }

    /** Opens owner mode the way the owner does: an owner screen, the PIN, Enter. */
    private void unlockOnScreen(FxRobot robot, Page page) throws Exception {
        robot.clickOn("#nav-" + page.id());
        Await.until(() -> robot.lookup("#owner-pin").tryQuery().isPresent());
        robot.clickOn("#owner-pin").write(TestShop.OWNER_PIN, 80);
        robot.type(KeyCode.ENTER);
        Await.until(() -> robot.lookup("#page-" + page.id()).tryQuery().isPresent());
    }

    /** The settings page in owner mode, on {@code tab}. */
    private void openSettingsTab(FxRobot robot, String tab) throws Exception {
        unlockOnScreen(robot, Page.SETTINGS);
        Await.until(() -> robot.lookup("#settings-tab-" + tab).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#settings-tab-" + tab);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeDatabase() {
        if (tasks != null) {
            tasks.close();
        }
        if (model != null && model.shopProperty().get() != null) {
            model.shopProperty().get().close();
        }
        reopened.forEach(Services::close);
    }

    private void waitForPhase(MainViewModel.Phase phase) throws Exception {
        Await.until(() -> model.phaseProperty().get() == phase);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aNewShopIsSetUpInTheWizardThenTheCashierOpensTheCounter(FxRobot robot) throws Exception {
        show(Language.ENGLISH);
        waitForPhase(MainViewModel.Phase.SETUP);
        assertThat(robot.lookup("#nav-members").queryAs(ToggleButton.class).isDisabled()).isTrue();

        robot.clickOn("#setup-shop").write("Kafé Łódka");
        robot.clickOn("#setup-pin").write("246802");
        robot.clickOn("#setup-pin-again").write("246802");
        robot.clickOn("#setup-cashier").write("Ola");
        robot.clickOn("#setup-start");
        waitForPhase(MainViewModel.Phase.CASHIER);
        Await.until(() -> robot.lookup(".cashier-button").tryQuery().isPresent());
        robot.clickOn("Ola");
        waitForPhase(MainViewModel.Phase.READY);

        assertThat(robot.lookup("#page-counter").tryQuery()).isPresent();
        assertThat(text(robot, "#status")).isEqualTo("Cashier: Ola · 0 members");
        SettingsService settings = model.shopProperty().get().settings();
        assertThat(settings.get(SettingsService.SHOP_NAME)).contains("Kafé Łódka");
        String pin = settings.get(SettingsService.OWNER_PIN).orElseThrow();
        assertThat(pin).doesNotContain("246802");
        assertThat(PinHasher.matches("246802", pin)).isTrue();
        assertThat(model.shopProperty().get().programs().current()).get()
                .satisfies(p -> assertThat(p.stampsForReward()).isEqualTo(10));
    }

    @Test
    void theWizardRefusesPinsThatDifferAndSavesNothing(FxRobot robot) throws Exception {
        show(Language.ENGLISH);
        waitForPhase(MainViewModel.Phase.SETUP);
        robot.clickOn("#setup-shop").write("Bakeriet");
        robot.clickOn("#setup-pin").write("246802");
        robot.clickOn("#setup-pin-again").write("246803");
        robot.clickOn("#setup-start");
        Await.until(() -> !text(robot, "#setup-error").isEmpty());
        assertThat(text(robot, "#setup-error")).isEqualTo("The two PINs are not the same. Type it again in both fields.");
        assertThat(model.phaseProperty().get()).isEqualTo(MainViewModel.Phase.SETUP);
        assertThat(model.shopProperty().get().settings().isSetUp()).isFalse();
    }

    @Test
    void clickingTheNavigationShowsEachScreen(FxRobot robot) throws Exception {
        openSetUpShop(robot, Language.ENGLISH);
        unlockOnScreen(robot, Page.SETTINGS);
        for (Page p : Page.values()) {
            robot.clickOn("#nav-" + p.id());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#page-" + p.id()).tryQuery()).as(p.id()).isPresent();
            assertThat(robot.lookup("#nav-" + p.id()).queryAs(ToggleButton.class).isSelected()).isTrue();
        }
        robot.clickOn("#nav-settings");
        assertThat(robot.lookup("#nav-settings").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void keyboardShortcutsSwitchScreens(FxRobot robot) throws Exception {
        openSetUpShop(robot, Language.ENGLISH);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#owner-locked").tryQuery()).as("reports are the owner's").isPresent();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#page-counter").tryQuery()).isPresent();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#nav-reports").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void anotherCashierCanTakeOverTheTill(FxRobot robot) throws Exception {
        openSetUpShop(robot, Language.ENGLISH);
        robot.clickOn("#change-cashier");
        waitForPhase(MainViewModel.Phase.CASHIER);
        robot.clickOn("#cashier-new").write("Piotr");
        robot.clickOn("#cashier-owner-pin").write(TestShop.OWNER_PIN, 80);
        robot.type(KeyCode.ENTER);
        waitForPhase(MainViewModel.Phase.READY);
        assertThat(text(robot, "#status")).startsWith("Cashier: Piotr");
        assertThat(model.shopProperty().get().cashiers().active()).extracting(c -> c.name())
                .containsExactly("Anna", "Piotr");
    }

    @Test
    void textsAreInTheChosenLanguage(FxRobot robot) throws Exception {
        openSetUpShop(robot, Language.POLISH);
        assertThat(robot.lookup("#nav-counter").queryAs(ToggleButton.class).getText()).isEqualTo("Kasa");
        assertThat(robot.lookup("#nav-members").queryAs(ToggleButton.class).getText()).isEqualTo("Klienci");
        assertThat(text(robot, "#status")).isEqualTo("Kasjer: Anna · 0 klientów");
    }

    @Test
    void backUpNowWritesTheFileThePersonChoseAndSaysWhere(FxRobot robot) throws Exception {
        openSetUpShop(robot, Language.ENGLISH);
        openSettingsTab(robot, "backups");
        Path zip = dir.resolveSibling(dir.getFileName() + "-now.zip");
        files.willSave(zip);
        robot.clickOn("#settings-backup");
        Await.until(() -> !text(robot, "#settings-message").isEmpty());
        assertThat(text(robot, "#settings-message")).isEqualTo("Backup written to " + zip + ".");
        assertThat(zip).exists();
    }

    @Test
    void restoreAsksFirstThenBringsBackTheBackupsShop(FxRobot robot) throws Exception {
        Path zip = dir.resolveSibling(dir.getFileName() + "-one.zip");
        try (Services s = TestShop.open(dir, Clock.systemUTC())) {
            TestShop.enrol(s, "Kari");
            Backups.backup(s.db(), zip);
            TestShop.enrol(s, "Ola");
        }
        openSetUpShop(robot, Language.ENGLISH);
        openSettingsTab(robot, "backups");
        files.willOpen(zip);
        robot.clickOn("#settings-restore");
        Await.until(() -> !text(robot, "#settings-restore-question").isEmpty());
        assertThat(text(robot, "#settings-restore-question")).startsWith("Restore " + zip + "?");
        assertThat(model.shopProperty().get().members().count()).isEqualTo(2);

        robot.clickOn("#settings-restore-yes");

        Await.until(() -> !restarts.isEmpty());
        assertThat(restarts).containsExactly("settings.restore.done");
        assertThat(reopened).singleElement().satisfies(s -> assertThat(s.members().count()).isEqualTo(1));
    }

    @Test
    void restoringAFileThatIsNotABackupChangesNothing(FxRobot robot) throws Exception {
        Path junk = Files.writeString(dir.resolveSibling(dir.getFileName() + "-junk.zip"), "junk");
        openSetUpShop(robot, Language.ENGLISH);
        openSettingsTab(robot, "backups");
        files.willOpen(junk);
        robot.clickOn("#settings-restore");
        robot.clickOn("#settings-restore-yes");
        Await.until(() -> !restarts.isEmpty());
        assertThat(restarts).containsExactly("settings.restore.notABackup");
        assertThat(reopened).singleElement().satisfies(s -> assertThat(s.settings().isSetUp()).isTrue());
    }

    @Test
    void theLanguageIsChangedInSettings(FxRobot robot) throws Exception {
        openSetUpShop(robot, Language.ENGLISH);
        openSettingsTab(robot, "shop");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#settings-language").queryAs(ComboBox.class)
                .setValue(Language.NORWEGIAN)).get(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
        robot.clickOn("#settings-language-apply");
        Await.until(() -> !restarts.isEmpty());
        assertThat(model.shopProperty().get().settings().language()).contains(Language.NORWEGIAN);
    }

    @Test
    void aSecondCopyOnTheSameDataFolderGetsAClearMessageAndCanQuit(FxRobot robot) throws Exception {
        try (Database other = Database.open(dir)) {
            show(Language.ENGLISH);
            waitForPhase(MainViewModel.Phase.FAILED);
            assertThat(text(robot, "#startup-error")).startsWith("Stempel is already open on this computer");
            assertThat(robot.lookup("#nav-members").queryAs(ToggleButton.class).isDisabled()).isTrue();
            robot.clickOn("#quit");
            assertThat(quit).isTrue();
        }
    }

    @Test
    void navigationWaitsWhileTheDatabaseOpens(FxRobot robot) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        show(Language.ENGLISH, () -> {
            gate.await(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
            return Services.open(dir, Clock.systemUTC());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#opening-progress").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-members").queryAs(ToggleButton.class).isDisabled()).isTrue();
        assertThat(text(robot, "#status")).isEqualTo("Opening the database…");
        gate.countDown();
        waitForPhase(MainViewModel.Phase.SETUP);
        assertThat(robot.lookup("#setup").tryQuery()).isPresent();
    }
}
