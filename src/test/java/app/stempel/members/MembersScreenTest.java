package app.stempel.members;

import static app.stempel.store.schema.Tables.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.stempel.search.MemberSearch;
import app.stempel.testing.Await;
import app.stempel.Screens;
import app.stempel.Services;
import app.stempel.core.Language;
import app.stempel.counter.CounterService;
import app.stempel.members.MemberDirectory.HistoryRow;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.testing.FakePrinter;
import app.stempel.testing.StubFiles;
import app.stempel.testing.TestShop;
import app.stempel.testing.TestWindow;
import app.stempel.ui.I18n;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import java.util.concurrent.TimeoutException;
import app.stempel.core.MemberStatus;

/**
 * The Members screen driven as the owner drives it: finding and opening a member, reading the history,
 * editing, blocking, voiding an entry, merging two records, erasing with the double confirmation and
 * exporting one member's data.
 */
@ExtendWith(ApplicationExtension.class)
class MembersScreenTest {

    @TempDir
    Path dir;
    @TempDir
    Path out;
    private final StubFiles files = new StubFiles();
    private final I18n i18n = new I18n(Language.ENGLISH);
    private Stage stage;
    private Services shop;
    private TestWindow window;
    private Enrolled kari;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @BeforeEach
    void seed() {
        shop = TestShop.open(dir, Clock.systemUTC());
        kari = TestShop.withStamps(shop, "Kari Nordmann", 3);
        TestShop.withStamps(shop, "Jan Kowalski", 1);
    }

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            window.close();
        }
        shop.close();
    }

    private void show(FxRobot robot) throws Exception {
        window = TestWindow.open(robot, stage, shop, Language.ENGLISH, Screens.DEFAULT_SCAN_GAP, files,
                new FakePrinter(), 1024, 700).unlockOwner();
        robot.clickOn("#nav-members");
        waitUntil(() -> list(robot).getItems().size() == shop.members().count());
    }

    @SuppressWarnings("unchecked")
    private static ListView<MemberSearch.MemberRow> list(FxRobot robot) {
        return robot.lookup("#members-list").queryAs(ListView.class);
    }

    @SuppressWarnings("unchecked")
    private static TableView<HistoryRow> history(FxRobot robot) {
        return robot.lookup("#members-history").queryAs(TableView.class);
    }

    private static void waitUntil(BooleanSupplier condition) {
        waitUntil(condition, () -> "");
    }

    private static void waitUntil(BooleanSupplier condition, Supplier<String> state) {
        try {
            Await.until(condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("waited in vain " + state.get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Types as a person does: slower than a scanner. */
    private static void type(FxRobot robot, String field, String text) {
        robot.clickOn(field).write(text, 80);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Replaces what a field holds, as a person does: select all, then type. */
    private static void retype(FxRobot robot, String field, String text) {
        robot.clickOn(field).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text, 80);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static String message(FxRobot robot) {
        return text(robot, "#members-message");
    }

    /** Searches for {@code query} and opens the first member found. */
    private void open(FxRobot robot, String query, String name) {
        type(robot, "#members-search", query);
        waitUntil(() -> list(robot).getItems().size() == 1 && list(robot).getItems().get(0).name().equals(name),
                () -> list(robot).getItems().toString());
        robot.clickOn(robot.lookup("#members-list .list-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#members-open");
        waitUntil(() -> robot.lookup("#members-profile-name").queryAs(Label.class).getText().equals(name)
                && robot.lookup("#members-profile-name").query().isVisible());
    }

    private static void waitForMessage(FxRobot robot, String expected) {
        waitUntil(() -> expected.equals(message(robot)), () -> "message: " + message(robot));
    }

    @Test
    void searchOpensTheProfileWithBalanceAndFullHistory(FxRobot robot) throws Exception {
        show(robot);
        assertThat(robot.lookup("#members-more").queryAs(Button.class).isDisabled()).isTrue();
        open(robot, "kari", "Kari Nordmann");

        assertThat(text(robot, "#members-stat-stamps")).isEqualTo("3");
        assertThat(text(robot, "#members-stat-visits")).isEqualTo("3");
        assertThat(text(robot, "#members-overview-cards")).contains(kari.cardNumber()).contains("active");
        robot.clickOn("#members-tab-history");
        waitUntil(() -> history(robot).getItems().size() == 3);
        assertThat(robot.lookup("#members-history .table-row-cell").nth(0).lookup("Stamp").tryQuery()).isPresent();

        robot.clickOn("#members-back");
        waitUntil(() -> robot.lookup("#members-list").query().isVisible());
    }

    @Test
    void showMoreLoadsTheNextPage(FxRobot robot) throws Exception {
        for (int i = 0; i < MemberListViewModel.PAGE + 5; i++) {
            TestShop.enrol(shop, "Member " + i);
        }
        window = TestWindow.open(robot, stage, shop, Language.ENGLISH, Screens.DEFAULT_SCAN_GAP, files,
                new FakePrinter(), 1024, 700).unlockOwner();
        robot.clickOn("#nav-members");
        waitUntil(() -> list(robot).getItems().size() == MemberListViewModel.PAGE);
        robot.clickOn("#members-more");
        waitUntil(() -> list(robot).getItems().size() == shop.members().count());
        assertThat(list(robot).getItems().stream().map(MemberSearch.MemberRow::id).distinct().count())
                .isEqualTo(shop.members().count());
        assertThat(robot.lookup("#members-more").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(text(robot, "#members-shown")).isEqualTo((MemberListViewModel.PAGE + 7) + " members shown");
    }

    @Test
    void editAndSaveChangesWhatTheCounterFinds(FxRobot robot) throws Exception {
        show(robot);
        open(robot, "kari", "Kari Nordmann");
        robot.clickOn("#members-tab-edit");
        retype(robot, "#members-edit-email", "kari@");
        robot.clickOn("#members-save");
        waitForMessage(robot, i18n.get("members.invalid.email"));

        retype(robot, "#members-edit-email", "kari@example.no");
        retype(robot, "#members-edit-name", "Kari Berg");
        type(robot, "#members-edit-birthday", "1990-05-17");
        robot.clickOn("#members-save");
        waitForMessage(robot, i18n.get("members.saved"));
        assertThat(text(robot, "#members-profile-name")).isEqualTo("Kari Berg");
        assertThat(shop.counter().search("berg", null, 5).rows()).extracting(MemberSearch.MemberRow::id)
                .containsExactly(kari.memberId());
        assertThat(shop.counter().search("nordmann", null, 5).rows()).isEmpty();
        assertThat(shop.db().dsl().fetchOne(MEMBER, MEMBER.ID.eq(kari.memberId())).getBirthdaySetAt()).isNotNull();
    }

    @Test
    void blockAndUnblock(FxRobot robot) throws Exception {
        show(robot);
        open(robot, "kari", "Kari Nordmann");
        robot.clickOn("#members-tab-edit");
        robot.clickOn("#members-block");
        waitForMessage(robot, i18n.get("members.blocked.done"));
        assertThat(text(robot, "#members-profile-status")).isEqualTo("Blocked");
        assertThat(robot.lookup("#members-block").queryAs(Button.class).getText()).isEqualTo("Unblock");
        assertThat(shop.counter().stamp(kari.memberId(), null, TestShop.TILL).refusal())
                .isEqualTo(CounterService.Refusal.BLOCKED);

        robot.clickOn("#members-block");
        waitForMessage(robot, i18n.get("members.unblocked.done"));
        assertThat(text(robot, "#members-profile-status")).isEqualTo("Active");
        assertThat(shop.counter().stamp(kari.memberId(), null, TestShop.TILL).done()).isTrue();
    }

    @Test
    void voidNeedsAReasonAndThenShowsBothEntriesLinked(FxRobot robot) throws Exception {
        show(robot);
        open(robot, "kari", "Kari Nordmann");
        robot.clickOn("#members-tab-history");
        waitUntil(() -> history(robot).getItems().size() == 3);
        robot.clickOn(robot.lookup("#members-history .table-row-cell").nth(0).queryAs(Node.class));
        long voidedId = history(robot).getSelectionModel().getSelectedItem().id();
        robot.clickOn("#members-void");
        waitForMessage(robot, i18n.get("members.refused.reason"));

        type(robot, "#members-void-reason", "Wrong customer");
        robot.clickOn("#members-void");
        waitForMessage(robot, "Entry #" + voidedId + " is void. Both entries stay in the history.");
        waitUntil(() -> history(robot).getItems().size() == 4);
        assertThat(robot.lookup("#members-history").lookup("voided by #" + history(robot).getItems().get(0).id())
                .tryQuery()).isPresent();
        assertThat(robot.lookup("#members-history").lookup("voids #" + voidedId + " · Wrong customer").tryQuery())
                .isPresent();
        assertThat(text(robot, "#members-stat-stamps")).isEqualTo("2");
        assertThat(shop.integrity().run().ok()).isTrue();
    }

    @Test
    void mergeShowsBothSidesAndAsksBeforeMerging(FxRobot robot) throws Exception {
        Enrolled other = TestShop.withStamps(shop, "Kari N.", 2);
        show(robot);
        open(robot, "nordmann", "Kari Nordmann");
        robot.clickOn("#members-tab-merge");
        type(robot, "#members-merge-search", "kari");
        waitUntil(() -> robot.lookup("#members-merge-found").queryAs(ListView.class).getItems().size() == 1);
        robot.clickOn(robot.lookup("#members-merge-found .list-cell").nth(0).queryAs(Node.class));
        waitUntil(() -> "Kari N.".equals(text(robot, "#members-merge-other-name")));
        assertThat(text(robot, "#members-merge-this-name")).isEqualTo("Kari Nordmann");
        assertThat(text(robot, "#members-merge-other-stamps")).isEqualTo("2");
        assertThat(text(robot, "#members-merge-this-stamps")).isEqualTo("3");

        robot.clickOn("#members-merge");
        waitForMessage(robot, "Merge Kari N. into Kari Nordmann? This cannot be undone.");
        assertThat(shop.db().dsl().fetchOne(MEMBER, MEMBER.ID.eq(other.memberId())).getStatus()).isEqualTo(MemberStatus.ACTIVE);
        robot.clickOn("#members-merge-confirm");
        waitForMessage(robot, "Kari N. is merged into this member.");
        assertThat(text(robot, "#members-stat-stamps")).isEqualTo("5");
        assertThat(text(robot, "#members-stat-visits")).isEqualTo("5");
        assertThat(shop.db().dsl().fetchOne(MEMBER, MEMBER.ID.eq(other.memberId())).getStatus()).isEqualTo(MemberStatus.MERGED);
        robot.clickOn("#members-tab-history");
        assertThat(robot.lookup("#members-history").lookup("from Kari N. (#" + other.memberId() + ")").tryQuery())
                .isPresent();
        assertThat(shop.integrity().run().ok()).isTrue();
    }

    @Test
    void eraseAsksTwiceThenRemovesThePersonalData(FxRobot robot) throws Exception {
        show(robot);
        open(robot, "kari", "Kari Nordmann");
        robot.clickOn("#members-tab-erase");
        Path file = out.resolve("kari.csv");
        files.willSave(file);
        robot.clickOn("#members-erase-export");
        waitUntil(() -> Files.exists(file) && message(robot).startsWith("The member's data was saved"));

        robot.clickOn("#members-erase");
        Button confirm = robot.lookup("#members-erase-confirm").queryAs(Button.class);
        waitUntil(confirm::isVisible);
        assertThat(confirm.isDisabled()).isTrue();
        type(robot, "#members-erase-typed", "Kari");
        assertThat(confirm.isDisabled()).isTrue();
        type(robot, "#members-erase-typed", " Nordmann");
        assertThat(confirm.isDisabled()).isFalse();
        robot.clickOn(confirm);
        waitForMessage(robot, i18n.get("members.erase.done"));
        assertThat(text(robot, "#members-profile-name")).isEqualTo("Erased member");
        assertThat(text(robot, "#members-profile-status")).isEqualTo("Erased");
        var m = shop.db().dsl().fetchOne(MEMBER, MEMBER.ID.eq(kari.memberId()));
        assertThat(m.getStatus()).isEqualTo(MemberStatus.ERASED);
        assertThat(m.getDisplayName()).doesNotContain("Kari");
        assertThat(shop.counter().search("kari", null, 5).rows()).isEmpty();
        assertThat(shop.integrity().run().ok()).isTrue();
    }

    @Test
    void exportFromTheProfileWritesTheMembersCsv(FxRobot robot) throws Exception {
        show(robot);
        open(robot, "kari", "Kari Nordmann");
        Path file = out.resolve("member.csv");
        files.willSave(file);
        robot.clickOn("#members-export");
        waitForMessage(robot, "The member's data was saved to member.csv.");
        assertThat(Files.readString(file)).contains("Kari Nordmann").contains(kari.cardNumber());
    }
}
