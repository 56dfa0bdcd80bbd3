package app.stempel.ledger;

import app.stempel.testing.TestShop;
import static app.stempel.store.schema.Tables.BALANCE;
import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.owner.OwnerGate;
import app.stempel.cards.CardNumbers;
import app.stempel.core.Actor;
import app.stempel.core.Money;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.members.MemberService.NewMember;
import app.stempel.store.Database;
import app.stempel.core.EntryKind;

class LedgerServiceTest {

    private static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");
    private static final Actor TILL = new Actor(null, "Till 1");

    @TempDir
    Path dir;
    private Database db;
    private LedgerService ledger;
    private Enrolled ola;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        Clock clock = Clock.fixed(NOW, ZoneId.of("Europe/Oslo"));
        ledger = new LedgerService(db, clock, OwnerGate.TRUSTED);
        ola = TestShop.members(db, clock, new CardNumbers(new Random(1))).enrol(NewMember.named("Ola Nordmann"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void stampAppendsAnEntryAndUpdatesTheBalanceTogether() {
        long id = ledger.stamp(ola.memberId(), ola.cardId(), 1, Money.of(4590, "NOK"), null, TILL);

        var entry = db.dsl().fetchOne(LEDGER_ENTRY, LEDGER_ENTRY.ID.eq(id));
        assertThat(entry.getKind()).isEqualTo(EntryKind.STAMP);
        assertThat(entry.getStamps()).isEqualTo(1);
        assertThat(entry.getAmountMinor()).isEqualTo(4590L);
        assertThat(entry.getCurrency()).isEqualTo("NOK");
        assertThat(entry.getTill()).isEqualTo("Till 1");
        assertThat(entry.getCreatedAt().toInstant()).isEqualTo(NOW);

        var balance = db.dsl().fetchOne(BALANCE, BALANCE.MEMBER_ID.eq(ola.memberId()));
        assertThat(balance.getStamps()).isEqualTo(1);
        assertThat(balance.getVisits()).isEqualTo(1);
        assertThat(balance.getSpendMinor()).isEqualTo(4590L);
        assertThat(balance.getFirstVisitAt().toInstant()).isEqualTo(NOW);
        assertThat(balance.getLastVisitAt().toInstant()).isEqualTo(NOW);
        assertThat(new IntegrityCheck(db).run().ok()).isTrue();
    }

    @Test
    void severalStampsAddUp() {
        for (int i = 0; i < 3; i++) {
            ledger.stamp(ola.memberId(), ola.cardId(), 2, null, null, TILL);
        }
        assertThat(ledger.stamps(ola.memberId())).isEqualTo(6);
        assertThat(new IntegrityCheck(db).run().ok()).isTrue();
    }

    @Test
    void negativeStampsOrAmountsAreRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> ledger.stamp(ola.memberId(), ola.cardId(), -1, null, null, TILL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.stamp(ola.memberId(), ola.cardId(), 1, Money.of(-5, "NOK"), null, TILL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(db.dsl().fetchCount(LEDGER_ENTRY)).isZero();
    }

    @Test
    void stampForAnUnknownMemberWritesNothing() {
        assertThatThrownBy(() -> ledger.stamp(999, null, 1, null, null, TILL)).isInstanceOf(RuntimeException.class);
        assertThat(db.dsl().fetchCount(LEDGER_ENTRY)).isZero();
    }

    @Test
    void integrityCheckFindsABalanceThatDisagreesWithItsLedger() {
        ledger.stamp(ola.memberId(), ola.cardId(), 1, null, null, TILL);
        db.write(tx -> tx.update(BALANCE).set(BALANCE.STAMPS, 7).execute());

        IntegrityCheck.Result result = new IntegrityCheck(db).run();

        assertThat(result.ok()).isFalse();
        assertThat(result.differences()).singleElement().satisfies(d -> {
            assertThat(d.memberId()).isEqualTo(ola.memberId());
            assertThat(d.field()).isEqualTo("stamps");
            assertThat(d.ledger()).isEqualTo("1");
            assertThat(d.balance()).isEqualTo("7");
        });
    }

    @Test
    void integrityCheckFindsAWrongLastVisit() {
        ledger.stamp(ola.memberId(), ola.cardId(), 1, null, null, TILL);
        db.write(tx -> tx.update(BALANCE).set(BALANCE.LAST_VISIT_AT, NOW.plusSeconds(60).atOffset(ZoneOffset.UTC)).execute());
        assertThat(new IntegrityCheck(db).run().differences()).extracting(IntegrityCheck.Difference::field)
                .containsExactly("last visit");
    }
}
