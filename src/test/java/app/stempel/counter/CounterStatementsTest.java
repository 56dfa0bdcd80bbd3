package app.stempel.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.cards.CardDesign;
import app.stempel.cards.CardHandout;
import app.stempel.core.Language;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.testing.FakePrinter;
import app.stempel.testing.MutableClock;
import app.stempel.testing.Statements;
import app.stempel.testing.TestShop;
import app.stempel.ui.I18n;
import app.stempel.ui.SameThreadTaskRunner;

/**
 * How many SQL statements the counter's actions cost, as upper bounds, so that a change that reads more
 * fails here. Before the stamp read what it needed once: 21 statements for the stamp key (23 with what the
 * counter's screen then read), 19 for a confirmed stamp and a redeem, 14 for an undo.
 */
class CounterStatementsTest {

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-06-15T10:00:00Z");
    private Services shop;
    private Enrolled kari;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir, clock);
        kari = TestShop.withStamps(shop, "Kari", 2);
        clock.advance(Duration.ofHours(1)); // out of the repeat window
        shop.counter().panel(kari.memberId()); // the program's version is read once per open shop and kept
    }

    @AfterEach
    void close() {
        shop.close();
    }

    @Test
    void theStampKeyReadsTheProgramOnceAndNothingAfterTheSyncToTheDisk() {
        List<String> sql;
        try (Statements count = Statements.count(shop.db())) {
            CounterService.ActionResult result = shop.counter().stampOrAsk(kari.memberId(), null, TestShop.TILL);
            assertThat(result.done()).isTrue();
            assertThat(result.member().stamps()).isEqualTo(3);
            assertThat(count.total()).as("%s", count).isLessThanOrEqualTo(13);
            assertThat(count.writes()).as("%s", count).isEqualTo(4);
            sql = count.sql();
        }
        assertThat(sql.stream().filter(s -> s.contains(" from PROGRAM ")).count()).as("reads of the program").isEqualTo(1);
        assertThat(sql.get(sql.size() - 1)).as("the stamp is confirmed once it is on the disk, and the panel needs no "
                + "further read").isEqualTo("CHECKPOINT SYNC");
    }

    @Test
    void theCounterScreenShowsTheStampsPanelWithoutLookingTheMemberUpAgain() {
        CounterViewModel model = new CounterViewModel(shop.counter(), shop.survey(), new SameThreadTaskRunner(),
                new I18n(Language.ENGLISH), clock, () -> TestShop.TILL,
                new CardHandout(() -> CardDesign.of("Kafé"), new FakePrinter()));
        model.queryProperty().set(kari.cardNumber());
        model.submit(true, null);
        try (Statements count = Statements.count(shop.db())) {
            model.stamp();
            // the stamp's 13, then whether the quick survey is due (its setting and one look at the answers)
            assertThat(count.total()).as("%s", count).isLessThanOrEqualTo(15);
        }
        assertThat(model.memberProperty().get().stamps()).isEqualTo(3);
        assertThat(model.memberProperty().get()).isEqualTo(shop.counter().panel(kari.memberId()));
    }

    @Test
    void aConfirmedStampARedeemAndAnUndoStayWithinTheirCounts() {
        CounterService counter = shop.counter();
        try (Statements count = Statements.count(shop.db())) {
            counter.stamp(kari.memberId(), null, TestShop.TILL);
            assertThat(count.total()).as("stamp: %s", count).isLessThanOrEqualTo(11);
        }
        counter.stamp(kari.memberId(), null, TestShop.TILL);
        counter.stamp(kari.memberId(), null, TestShop.TILL);
        try (Statements count = Statements.count(shop.db())) {
            assertThat(counter.redeem(kari.memberId(), TestShop.TILL).done()).isTrue();
            assertThat(count.total()).as("redeem: %s", count).isLessThanOrEqualTo(14);
        }
        try (Statements count = Statements.count(shop.db())) {
            assertThat(counter.undo(kari.memberId(), TestShop.TILL).done()).isTrue();
            assertThat(count.total()).as("undo: %s", count).isLessThanOrEqualTo(13);
        }
    }
}
