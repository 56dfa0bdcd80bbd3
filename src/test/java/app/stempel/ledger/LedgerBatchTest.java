package app.stempel.ledger;

import static app.stempel.store.schema.Tables.BALANCE;
import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static app.stempel.store.schema.Tables.LEDGER_HEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.core.Money;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.store.schema.tables.records.BalanceRecord;
import app.stempel.testing.MutableClock;
import app.stempel.testing.TestShop;
import app.stempel.core.EntryKind;

/**
 * The ledger's bulk writer on a real H2 file: its entries join the chain after the tills' (the integrity
 * check passes, the head is its last entry), the balances it writes are right, the tills carry on after
 * its ids, and it refuses to change a balance once it holds the chain's head.
 */
class LedgerBatchTest {

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private Services shop;
    private Enrolled kari;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir, clock);
        kari = TestShop.enrol(shop, "Kari Nordmann");
        shop.ledger().stamp(kari.memberId(), kari.cardId(), 1, Money.of(1250, "PLN"), null, TestShop.TILL);
    }

    @AfterEach
    void close() {
        shop.close();
    }

    @Test
    void entriesJoinTheChainBalancesAreRightAndTheTillsCarryOn() {
        OffsetDateTime first = OffsetDateTime.parse("2025-05-01T10:15:00Z");
        OffsetDateTime last = OffsetDateTime.parse("2025-06-01T16:45:00Z");
        long till = shop.db().dsl().fetchValue(LEDGER_HEAD.LAST_ID);
        long[] nora = new long[1];

        shop.db().dsl().connection(c -> inTransaction(c, () -> {
            try (PreparedStatement member = c.prepareStatement("INSERT INTO member (id, display_name, search_name, "
                    + "enrolled_at) VALUES (?, 'Nora', 'nora', ?)");
                    LedgerBatch batch = LedgerBatch.open(c, shop.db().dsl(), 2, member::executeBatch)) {
                batch.addVisits(kari.memberId(), 2, 3000, first, last);
                batch.add(visit(kari.memberId(), 1000, last));
                batch.add(visit(kari.memberId(), 2000, first));
                nora[0] = kari.memberId() + 100;
                member.setLong(1, nora[0]);
                member.setObject(2, first);
                member.addBatch();
                batch.add(new LedgerChain.Content(nora[0], null, EntryKind.IMPORT, 3, 0, 0, 0, 0, null, null, null, first,
                        "import", null, "CSV import: members.csv", false, null, null, null));
                batch.insertBalance(nora[0], 3, 0, 0, 0, null, null);
                batch.beforeCommit();
                batch.restartIds();
            }
        }));

        List<Long> ids = shop.db().dsl().select(LEDGER_ENTRY.ID).from(LEDGER_ENTRY).orderBy(LEDGER_ENTRY.ID)
                .fetch(LEDGER_ENTRY.ID);
        assertThat(ids).hasSize(4);
        assertThat(ids.subList(1, 4)).allSatisfy(id -> assertThat(id).isGreaterThan(till));
        for (int i = 1; i < ids.size(); i++) {
            Record r = shop.db().dsl().select(LEDGER_ENTRY.PREV_ID).from(LEDGER_ENTRY)
                    .where(LEDGER_ENTRY.ID.eq(ids.get(i))).fetchOne();
            assertThat(r.get(LEDGER_ENTRY.PREV_ID)).isEqualTo(ids.get(i - 1));
        }
        assertThat(shop.db().dsl().fetchValue(LEDGER_HEAD.LAST_ID)).isEqualTo(ids.get(3));

        BalanceRecord k = shop.db().dsl().fetchOne(BALANCE, BALANCE.MEMBER_ID.eq(kari.memberId()));
        assertThat(k.getStamps()).isEqualTo(1);
        assertThat(k.getVisits()).isEqualTo(3);
        assertThat(k.getSpendMinor()).isEqualTo(1250 + 3000);
        assertThat(k.getFirstVisitAt().toInstant()).isEqualTo(first.toInstant());
        assertThat(k.getLastVisitAt().toInstant()).isEqualTo(clock.instant());
        BalanceRecord n = shop.db().dsl().fetchOne(BALANCE, BALANCE.MEMBER_ID.eq(nora[0]));
        assertThat(n.getStamps()).isEqualTo(3);
        assertThat(n.getVisits()).isZero();
        assertThat(n.getFirstVisitAt()).isNull();

        IntegrityCheck.Result result = new IntegrityCheck(shop.db()).run();
        assertThat(result.tampering()).isEmpty();
        assertThat(result.differences()).isEmpty();
        assertThat(result.entriesChecked()).isEqualTo(4);

        clock.advance(Duration.ofMinutes(5));
        long next = shop.ledger().stamp(kari.memberId(), kari.cardId(), 1, Money.of(500, "PLN"), null,
                TestShop.TILL);
        assertThat(next).isGreaterThan(ids.get(3));
        assertThat(IntegrityCheck.passes(shop.db())).isTrue();
    }

    @Test
    void aBalanceIsNotChangedOnceTheBatchHoldsTheHead() {
        OffsetDateTime at = OffsetDateTime.parse("2025-05-01T10:15:00Z");
        byte[] head = shop.db().dsl().fetchValue(LEDGER_HEAD.LAST_HASH);

        shop.db().dsl().connection(c -> {
            c.setAutoCommit(false);
            try (LedgerBatch batch = LedgerBatch.open(c, shop.db().dsl(), 100, LedgerBatch.Rows.NONE)) {
                batch.add(visit(kari.memberId(), 1000, at));
                assertThatThrownBy(() -> batch.addVisits(kari.memberId(), 1, 1000, at, at))
                        .isInstanceOf(IllegalStateException.class);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        });

        assertThat(shop.db().dsl().fetchCount(LEDGER_ENTRY)).isEqualTo(1);
        assertThat(shop.db().dsl().fetchValue(LEDGER_HEAD.LAST_HASH)).isEqualTo(head);
        assertThat(IntegrityCheck.passes(shop.db())).isTrue();
    }

    @Test
    void anUndoIsNoBulkLoadsToWrite() {
        OffsetDateTime at = OffsetDateTime.parse("2025-05-01T10:15:00Z");
        long stamped = shop.db().dsl().fetchValue(LEDGER_HEAD.LAST_ID);

        shop.db().dsl().connection(c -> {
            c.setAutoCommit(false);
            try (LedgerBatch batch = LedgerBatch.open(c, shop.db().dsl(), 100, LedgerBatch.Rows.NONE)) {
                assertThatThrownBy(() -> batch.add(new LedgerChain.Content(kari.memberId(), null, EntryKind.UNDO, -1, 0, 0,
                        -1, -1250, "PLN", stamped, null, at, "import", null, null, false, null, null, null)))
                        .isInstanceOf(IllegalArgumentException.class);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        });

        assertThat(shop.db().dsl().fetchCount(LEDGER_ENTRY)).isEqualTo(1);
    }

    private static LedgerChain.Content visit(long memberId, long amountMinor, OffsetDateTime at) {
        return new LedgerChain.Content(memberId, null, EntryKind.IMPORT, 0, 0, 0, 1, amountMinor, "PLN", null, null, at,
                "import", null, "CSV import: visits.csv", false, null, null, null);
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void inTransaction(Connection c, Work work) throws Exception {
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
        } catch (Exception e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
