package app.stempel.store;

import app.stempel.testing.TestShop;
import static app.stempel.store.schema.Tables.CARD;
import static app.stempel.store.schema.Tables.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;

import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.cards.CardNumbers;
import app.stempel.members.MemberService.NewMember;
import java.time.OffsetDateTime;
import app.stempel.core.CardStatus;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void theLedgersTimeIndexThatALoadCutShortLeftOutIsBackWhenTheShopOpens() {
        String count = "select count(*) from information_schema.indexes where lower(index_name) = 'ledger_created_idx'";
        try (Database db = Database.open(dir)) {
            db.dsl().execute("DROP INDEX ledger_created_idx");
            assertThat(db.dsl().fetchOne(count).get(0, Integer.class)).isZero();
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.dsl().fetchOne(count).get(0, Integer.class)).isEqualTo(1);
        }
    }

    @Test
    void opensANewDatabaseInTheDataFolderWithTheSchema() {
        try (Database db = Database.open(dir.resolve("new/folder"))) {
            assertThat(db.file()).exists().hasFileName("stempel.mv.db");
            assertThat(db.dsl().fetchCount(MEMBER)).isZero();
        }
    }

    @Test
    void secondOpenOfTheSameFolderSaysItIsInUse() {
        try (Database first = Database.open(dir)) {
            assertThatThrownBy(() -> Database.open(dir))
                    .isInstanceOfSatisfying(DatabaseException.class,
                            e -> assertThat(e.reason()).isEqualTo(DatabaseException.Reason.IN_USE));
        }
        // and once the first copy closes, the folder opens again
        try (Database again = Database.open(dir)) {
            assertThat(again.dsl().fetchCount(MEMBER)).isZero();
        }
    }

    @Test
    void aDataFolderThatIsAFileGivesAClearError() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(DatabaseException.class);
    }

    @Test
    void aFileThatIsNotADatabaseIsReportedAsDamaged() throws Exception {
        Files.write(dir.resolve("stempel.mv.db"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3});
        assertThatThrownBy(() -> Database.open(dir))
                .isInstanceOfSatisfying(DatabaseException.class,
                        e -> assertThat(e.reason()).isEqualTo(DatabaseException.Reason.CORRUPT));
        assertThat(Files.readAllBytes(dir.resolve("stempel.mv.db"))).hasSize(11);
    }

    @Test
    void dataSurvivesCloseAndReopen() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneId.of("Europe/Warsaw"));
        String number;
        try (Database db = Database.open(dir)) {
            number = TestShop.members(db, clock, new CardNumbers(new Random(5))).enrol(NewMember.named("Åse Berg")).cardNumber();
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.dsl().fetchOne(CARD, CARD.CARD_NUMBER.eq(number))).isNotNull();
        }
    }

    @Test
    void aCardNumberCannotBeIssuedTwiceEvenAfterBlocking() {
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(dir)) {
            var enrolled = TestShop.members(db, clock, new CardNumbers(new Random(5))).enrol(NewMember.named("Ola"));
            db.write(tx -> tx.update(CARD).set(CARD.STATUS, CardStatus.BLOCKED).set(CARD.BLOCKED_REASON, "LOST")
                    .set(CARD.ACTIVE_MEMBER_ID, (Long) null).set(CARD.BLOCKED_AT, OffsetDateTime.now())
                    .where(CARD.ID.eq(enrolled.cardId())).execute());
            assertThatThrownBy(() -> db.write(tx -> tx.insertInto(CARD)
                    .set(CARD.CARD_NUMBER, enrolled.cardNumber()).set(CARD.MEMBER_ID, enrolled.memberId())
                    .set(CARD.ACTIVE_MEMBER_ID, enrolled.memberId()).set(CARD.STATUS, CardStatus.ACTIVE)
                    .set(CARD.ISSUED_AT, OffsetDateTime.now()).execute()))
                    .isInstanceOf(DataAccessException.class);
        }
    }

    @Test
    void aMemberHasAtMostOneActiveCard() {
        try (Database db = Database.open(dir)) {
            var enrolled = TestShop.members(db, Clock.systemUTC(), new CardNumbers(new Random(9))).enrol(NewMember.named("Ola"));
            assertThatThrownBy(() -> db.write(tx -> tx.insertInto(CARD)
                    .set(CARD.CARD_NUMBER, "2000000000015").set(CARD.MEMBER_ID, enrolled.memberId())
                    .set(CARD.ACTIVE_MEMBER_ID, enrolled.memberId()).set(CARD.STATUS, CardStatus.ACTIVE)
                    .set(CARD.ISSUED_AT, OffsetDateTime.now()).execute()))
                    .isInstanceOf(DataAccessException.class);
        }
    }
}
