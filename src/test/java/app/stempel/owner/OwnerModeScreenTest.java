package app.stempel.owner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.stempel.testing.Await;
import app.stempel.Screens;
import app.stempel.Services;
import app.stempel.core.Language;
import app.stempel.testing.FakePrinter;
import app.stempel.testing.MutableClock;
import app.stempel.testing.StubFiles;
import app.stempel.testing.TestShop;
import app.stempel.testing.TestWindow;
import app.stempel.shell.MainViewModel;
import app.stempel.shell.Page;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import java.util.concurrent.Callable;
import java.time.ZoneOffset;

/** Owner mode driven as people do: the cashier meets a PIN on every owner screen, the owner types it. */
@ExtendWith(ApplicationExtension.class)
class OwnerModeScreenTest {

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T09:00:00Z"), ZoneOffset.UTC);
    private Services shop;
    private TestWindow window;
    private Stage stage;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @BeforeEach
    void openShop() {
        shop = TestShop.open(dir, clock);
    }

    @AfterEach
    void close() {
        if (window != null) {
            window.close();
        }
        shop.close();
    }

    private void show(FxRobot robot, Language language) throws Exception {
        window = TestWindow.open(robot, stage, shop, language, Screens.DEFAULT_SCAN_GAP, new StubFiles(), new FakePrinter());
    }

    private static boolean present(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().filter(Node::isVisible).isPresent();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        Await.until(condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void typePin(FxRobot robot, String pin) throws Exception {
        robot.clickOn("#owner-pin").write(pin, 80);
        robot.type(KeyCode.ENTER);
        waitFor(() -> !window.main().ownerBusyProperty().get());
    }

    @Test
    void theCashierMeetsThePinOnEveryOwnerScreen(FxRobot robot) throws Exception {
        show(robot, Language.ENGLISH);
        for (Page p : Page.values()) {
            robot.clickOn("#nav-" + p.id());
            WaitForAsyncUtils.waitForFxEvents();
            if (p.ownerOnly()) {
                assertThat(present(robot, "#owner-locked")).as(p.id()).isTrue();
                assertThat(robot.lookup("#page-" + p.id()).tryQuery()).as(p.id()).isEmpty();
            } else {
                assertThat(present(robot, "#page-" + p.id())).as(p.id()).isTrue();
            }
        }
        // the owner functions inside those screens are not built at all
        assertThat(robot.lookup("#settings-backup").tryQuery()).isEmpty();
        assertThat(robot.lookup("#settings-restore").tryQuery()).isEmpty();
        assertThat(robot.lookup("#data-export-members").tryQuery()).isEmpty();
        assertThat(robot.lookup("#cashiers-add").tryQuery()).isEmpty();
        // cards: the lists of members' cards and the design are the owner's
        assertThat(robot.lookup("#cards-tab-print").tryQuery()).isEmpty();
        assertThat(robot.lookup("#cards-design-name").tryQuery()).isEmpty();
        assertThat(window.main().ownerOpenProperty().get()).isFalse();
    }

    @Test
    void theOwnerTypesThePinAndCtrlLEndsOwnerMode(FxRobot robot) throws Exception {
        show(robot, Language.ENGLISH);
        robot.clickOn("#nav-settings");
        assertThat(present(robot, "#owner-end")).isFalse();
        typePin(robot, TestShop.OWNER_PIN);
        waitFor(() -> present(robot, "#page-settings"));
        assertThat(present(robot, "#owner-end")).isTrue();
        robot.clickOn("#nav-cards");
        robot.clickOn("#cards-tab-design");
        waitFor(() -> present(robot, "#cards-design-name"));

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitFor(() -> !window.main().ownerOpenProperty().get());
        assertThat(shop.owner().isOpen()).isFalse();
        robot.clickOn("#nav-settings");
        assertThat(present(robot, "#owner-locked")).isTrue();
        assertThat(robot.lookup("#page-settings").tryQuery()).isEmpty();
    }

    @Test
    void wrongPinsAreCountedThenLockedOutForAWhile(FxRobot robot) throws Exception {
        show(robot, Language.ENGLISH);
        robot.clickOn("#nav-members");
        typePin(robot, "0000");
        assertThat(text(robot, "#owner-message")).isEqualTo("Wrong PIN. 2 more tries before a pause.");
        typePin(robot, "1111");
        assertThat(text(robot, "#owner-message")).isEqualTo("Wrong PIN. 1 more try before a pause.");
        typePin(robot, "2222");
        assertThat(text(robot, "#owner-message"))
                .isEqualTo("Wrong PIN. Too many tries: wait 30 seconds before trying again.");
        typePin(robot, TestShop.OWNER_PIN);
        assertThat(text(robot, "#owner-message")).isEqualTo("Too many wrong PINs. Try again in 30 seconds.");
        assertThat(present(robot, "#owner-locked")).isTrue();

        clock.advance(Duration.ofSeconds(30));
        typePin(robot, TestShop.OWNER_PIN);
        waitFor(() -> robot.lookup("#page-members").tryQuery().isPresent());
        assertThat(window.main().ownerOpenProperty().get()).isTrue();
    }

    @Test
    void ownerModeEndsByItselfWhenLeftAlone(FxRobot robot) throws Exception {
        show(robot, Language.POLISH);
        robot.clickOn("#nav-settings");
        typePin(robot, TestShop.OWNER_PIN);
        waitFor(() -> present(robot, "#page-settings"));
        clock.advance(Duration.ofMinutes(5));
        waitFor(() -> present(robot, "#owner-locked"));
        assertThat(window.main().errorProperty().get()).isEqualTo("Tryb właściciela zakończył się po chwili bezczynności.");
        assertThat(text(robot, "#owner-message")).isEmpty();
    }

    @Test
    void theOwnerAddsACashierWithAPinWhoMustThenTypeIt(FxRobot robot) throws Exception {
        show(robot, Language.ENGLISH);
        robot.clickOn("#nav-settings");
        typePin(robot, TestShop.OWNER_PIN);
        waitFor(() -> robot.lookup("#settings-tab-cashiers").tryQuery().isPresent());
        robot.clickOn("#settings-tab-cashiers");
        robot.clickOn("#cashiers-name").write("Piotr", 40);
        robot.clickOn("#cashiers-pin").write("2468", 80);
        robot.clickOn("#cashiers-add");
        waitFor(() -> !text(robot, "#cashiers-message").isEmpty());
        assertThat(text(robot, "#cashiers-message")).isEqualTo("Piotr was added.");

        robot.clickOn("#change-cashier");
        waitFor(() -> window.main().phaseProperty().get() == MainViewModel.Phase.CASHIER);
        assertThat(shop.owner().isOpen()).as("a new person at the till ends owner mode").isFalse();
        waitFor(() -> robot.lookup("Piotr").tryQuery().isPresent());
        robot.clickOn("Piotr");
        waitFor(() -> present(robot, "#cashier-pin"));
        robot.clickOn("#cashier-pin").write("1357", 80);
        robot.type(KeyCode.ENTER);
        waitFor(() -> !text(robot, "#cashier-error").isEmpty());
        assertThat(text(robot, "#cashier-error")).isEqualTo("Wrong PIN. Try again.");
        assertThat(window.main().phaseProperty().get()).isEqualTo(MainViewModel.Phase.CASHIER);
        robot.clickOn("#cashier-pin").write("2468", 80);
        robot.type(KeyCode.ENTER);
        waitFor(() -> window.main().phaseProperty().get() == MainViewModel.Phase.READY);
        assertThat(window.main().cashierProperty().get().name()).isEqualTo("Piotr");
    }

    @Test
    void addingACashierAtTheTillNeedsTheOwnersPin(FxRobot robot) throws Exception {
        show(robot, Language.ENGLISH);
        robot.clickOn("#change-cashier");
        waitFor(() -> window.main().phaseProperty().get() == MainViewModel.Phase.CASHIER);
        robot.clickOn("#cashier-new").write("Ola", 40);
        robot.clickOn("#cashier-owner-pin").write("9999", 80);
        robot.type(KeyCode.ENTER);
        waitFor(() -> !text(robot, "#cashier-error").isEmpty());
        assertThat(text(robot, "#cashier-error")).isEqualTo("Wrong PIN. 2 more tries before a pause.");
        assertThat(shop.cashiers().active()).extracting(c -> c.name()).containsExactly("Anna");
    }
}
