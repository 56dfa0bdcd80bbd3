package app.stempel.program;

import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static app.stempel.store.schema.Tables.PROGRAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

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
import app.stempel.program.ProgramRules.ExpiryKind;
import app.stempel.testing.FakePrinter;
import app.stempel.testing.MutableClock;
import app.stempel.testing.StubFiles;
import app.stempel.testing.TestShop;
import app.stempel.testing.TestWindow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.assertj.core.groups.Tuple;
import java.util.concurrent.TimeoutException;
import app.stempel.core.EntryKind;

/**
 * The owner's program screen driven as the owner drives it: changing the reward and saving a new
 * version, an expiry rule's preview (cancel writes nothing, confirm saves), a bad value, a new group.
 */
@ExtendWith(ApplicationExtension.class)
class ProgramScreenTest {

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
    private Stage stage;
    private Services shop;
    private TestWindow window;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @BeforeEach
    void seed() {
        shop = TestShop.open(dir, clock);
    }

    private double[] sizeBefore;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            window.close();
        }
        if (sizeBefore != null) {
            // the stage is shared with the next test class: give it back at the size it had
            WaitForAsyncUtils.asyncFx(() -> {
                if (Double.isNaN(sizeBefore[0]) || Double.isNaN(sizeBefore[1])) {
                    stage.sizeToScene(); // never shown before: the size a first showing gives
                } else {
                    stage.setWidth(sizeBefore[0]);
                    stage.setHeight(sizeBefore[1]);
                }
            }).get(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
        }
        assertThat(shop.integrity().run().ok()).isTrue();
        shop.close();
    }

    private void show(FxRobot robot) throws Exception {
        sizeBefore = new double[] {stage.getWidth(), stage.getHeight()};
        window = TestWindow.open(robot, stage, shop, Language.ENGLISH, Screens.DEFAULT_SCAN_GAP, new StubFiles(),
                new FakePrinter(), 1024, 700).unlockOwner();
        robot.clickOn("#nav-program");
        waitUntil(() -> text(robot, "#program-version").startsWith("Version 1"));
    }

    private static void waitUntil(BooleanSupplier condition) {
        try {
            Await.until(condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("waited in vain", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    /** Replaces a field's text as a person does: click, select all, type. */
    private static void retype(FxRobot robot, String id, String text) {
        robot.clickOn(id);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text, 40);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(id).queryAs(TextField.class).getText()).isEqualTo(text);
    }

    private static boolean showing(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    private int versions() {
        return shop.db().dsl().fetchCount(PROGRAM);
    }

    @Test
    void changingTheRewardAndSavingShowsTheNewVersion(FxRobot robot) throws Exception {
        show(robot);
        retype(robot, "#program-stamps-for-reward", "8");
        retype(robot, "#program-reward", "Free cake");
        robot.clickOn("#program-save");

        waitUntil(() -> text(robot, "#program-version").startsWith("Version 2"));
        assertThat(text(robot, "#program-message")).isEqualTo(
                "Saved. Version 2 is in force from now; stamps already on cards keep their rules.");
        Program now = shop.programs().current().orElseThrow();
        assertThat(now.stampsForReward()).isEqualTo(8);
        assertThat(now.rewardDescription()).isEqualTo("Free cake");
        robot.clickOn("#program-tab-overview");
        @SuppressWarnings("unchecked")
        ListView<String> history = robot.lookup("#program-history").queryAs(ListView.class);
        assertThat(history.getItems()).hasSize(1);
        assertThat(history.getItems().get(0)).startsWith("Version 1:").endsWith("5 stamps for Free coffee");
    }

    @Test
    void anExpiryRuleShowsItsPreviewFirstCancelWritesNothingAndConfirmSaves(FxRobot robot) throws Exception {
        TestShop.withStamps(shop, "Ola", 3);
        TestShop.withStamps(shop, "Kari", 2);
        clock.advance(Duration.ofDays(40));
        TestShop.withStamps(shop, "Jan", 1);
        show(robot);

        robot.clickOn("#program-tab-offers");
        robot.clickOn("#program-expiry-kind");
        robot.clickOn("When older than");
        retype(robot, "#program-expiry-days", "30");
        robot.clickOn("#program-save");

        waitUntil(() -> showing(robot, "#expiry-preview"));
        assertThat(text(robot, "#expiry-preview-text")).isEqualTo("2 members would lose 5 stamps.");
        robot.clickOn("#expiry-cancel");
        waitUntil(() -> !showing(robot, "#expiry-preview"));
        assertThat(versions()).isEqualTo(1);
        assertThat(shop.db().dsl().fetchCount(LEDGER_ENTRY, LEDGER_ENTRY.KIND.eq(EntryKind.EXPIRE))).isZero();

        robot.clickOn("#program-save");
        waitUntil(() -> showing(robot, "#expiry-preview"));
        robot.clickOn("#expiry-confirm");
        waitUntil(() -> text(robot, "#program-version").startsWith("Version 2"));
        assertThat(shop.programs().current().orElseThrow().rules().expiry())
                .isEqualTo(new ProgramRules.Expiry(ExpiryKind.AGE, 30));
        assertThat(showing(robot, "#expiry-preview")).isFalse();
    }

    @Test
    void aBadValueShowsAShortMessageAndSavesNothing(FxRobot robot) throws Exception {
        show(robot);
        retype(robot, "#program-stamps-for-reward", "ten");
        robot.clickOn("#program-save");
        waitUntil(() -> !text(robot, "#program-message").isEmpty());
        assertThat(text(robot, "#program-message")).isEqualTo("Stamps for a reward: type a whole number.");
        retype(robot, "#program-stamps-for-reward", "500");
        robot.clickOn("#program-save");
        waitUntil(() -> text(robot, "#program-message").startsWith("Stamps for a reward must"));
        assertThat(versions()).isEqualTo(1);
    }

    @Test
    void aGroupIsAddedWithItsMultiplier(FxRobot robot) throws Exception {
        show(robot);
        robot.clickOn("#program-tab-groups");
        retype(robot, "#program-group-name", "Students");
        retype(robot, "#program-group-multiplier", "1,5");
        robot.clickOn("#program-group-save");
        waitUntil(() -> text(robot, "#program-message").equals("Group saved: Students."));
        @SuppressWarnings("unchecked")
        ListView<GroupService.Group> groups = robot.lookup("#program-groups").queryAs(ListView.class);
        assertThat(groups.getItems()).extracting(GroupService.Group::name, GroupService.Group::multiplierPermille)
                .containsExactly(Tuple.tuple("Students", 1500));
        assertThat(robot.lookup("Students · 1.5× · 0 members").tryQuery()).isPresent();
    }
}
