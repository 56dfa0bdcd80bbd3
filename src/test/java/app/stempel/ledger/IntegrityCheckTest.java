package app.stempel.ledger;

import static app.stempel.store.schema.Tables.BALANCE;
import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static app.stempel.store.schema.Tables.LEDGER_HEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.core.Actor;
import app.stempel.core.Money;
import app.stempel.ledger.IntegrityCheck.Tamper;
import app.stempel.ledger.IntegrityCheck.Tampering;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.owner.OwnerGate;
import app.stempel.store.Database;
import app.stempel.store.schema.tables.records.LedgerEntryRecord;
import app.stempel.testing.MutableClock;
import app.stempel.testing.TestShop;
import app.stempel.core.EntryKind;
import org.assertj.core.groups.Tuple;
import java.util.function.Consumer;
import app.stempel.owner.OwnerGate;

/**
 * The integrity check on real H2 files: a shop used as the program uses it passes, and an entry edited,
 * removed or added with plain SQL, with the balance made to agree so that only the ledger's chain can
 * tell, is named by its id, member and card.
 */
class IntegrityCheckTest {

    private static final Actor TILL = TestShop.TILL;

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private Services shop;
    private Enrolled kari;
    private Enrolled ola;
    /** The entries of {@link #open}, oldest first: Kari, Ola, Kari, Ola, Kari, Ola stamping, then Kari's reward. */
    private List<Long> entries;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir, clock);
        kari = TestShop.enrol(shop, "Kari Nordmann");
        ola = TestShop.enrol(shop, "Ola Nordmann");
        for (int i = 0; i < 3; i++) {
            stamp(kari, 1250);
            stamp(ola, 990);
        }
        shop.ledger().redeem(kari.memberId(), kari.cardId(), 2, null, TILL);
        entries = entryIds();
        assertThat(entries).hasSize(7);
    }

    @AfterEach
    void close() {
        shop.close();
    }

    private void stamp(Enrolled e, long amountMinor) {
        clock.advance(Duration.ofMinutes(7));
        shop.ledger().stamp(e.memberId(), e.cardId(), 1, Money.of(amountMinor, "PLN"), null, TILL);
    }

    private List<Long> entryIds() {
        return shop.db().dsl().select(LEDGER_ENTRY.ID).from(LEDGER_ENTRY).orderBy(LEDGER_ENTRY.ID).fetch(LEDGER_ENTRY.ID);
    }

    private IntegrityCheck.Result check() {
        return new IntegrityCheck(shop.db()).run();
    }

    /** What someone with a database tool does after changing the ledger: makes every balance agree with it. */
    private void makeBalancesAgree(DSLContext tx) {
        tx.execute("UPDATE balance SET "
                + "stamps = (SELECT COALESCE(SUM(stamps), 0) FROM ledger_entry e WHERE e.member_id = balance.member_id), "
                + "rewards = (SELECT COALESCE(SUM(rewards), 0) FROM ledger_entry e WHERE e.member_id = balance.member_id), "
                + "visits = (SELECT COALESCE(SUM(visits), 0) FROM ledger_entry e WHERE e.member_id = balance.member_id), "
                + "spend_minor = (SELECT COALESCE(SUM(amount_minor), 0) FROM ledger_entry e "
                + "WHERE e.member_id = balance.member_id), "
                + "first_visit_at = (SELECT MIN(created_at) FROM ledger_entry e WHERE e.member_id = balance.member_id "
                + "AND e.visits > 0), "
                + "last_visit_at = (SELECT MAX(created_at) FROM ledger_entry e WHERE e.member_id = balance.member_id "
                + "AND e.visits > 0)");
    }

    private void tamper(Consumer<DSLContext> change) {
        shop.db().write(tx -> {
            change.accept(tx);
            makeBalancesAgree(tx);
            return null;
        });
    }

    // --- a shop used as the program uses it

    @Test
    void aShopUsedAsTheProgramUsesItPasses() {
        clock.advance(Duration.ofSeconds(30));
        shop.ledger().undoLast(ola.memberId(), Duration.ofHours(1), TILL);
        shop.ledger().paperStamps(ola.memberId(), ola.cardId(), 3, null, TILL);
        shop.owner().unlock(TestShop.OWNER_PIN); // voiding and adjusting are the owner's corrections
        shop.ledger().voidEntry(entries.get(0), "wrong member", Actor.owner("Till 1"));
        shop.ledger().adjust(kari.memberId(), 2, 0, "goodwill", Actor.owner("Till 1"));
        TestShop.corrections(shop, clock, OwnerGate.TRUSTED).merge(ola.memberId(), kari.memberId(), TILL);
        stamp(kari, 100);

        IntegrityCheck.Result result = check();

        assertThat(result.tampering()).isEmpty();
        assertThat(result.differences()).isEmpty();
        assertThat(result.ok()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(shop.db().dsl().fetchCount(LEDGER_ENTRY));
        assertThat(result.entriesChecked()).isEqualTo(7 + 7);
    }

    @Test
    void everyEntryIsChainedToTheOneBeforeItAndTheHeadIsTheLast() {
        var rows = shop.db().dsl().selectFrom(LEDGER_ENTRY).orderBy(LEDGER_ENTRY.ID).fetch();
        assertThat(rows.get(0).getPrevId()).isNull();
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).getPrevId()).isEqualTo(rows.get(i - 1).getId());
            assertThat(rows.get(i).getPrevHash()).isEqualTo(rows.get(i - 1).getEntryHash()).hasSize(32);
        }
        var head = shop.db().dsl().selectFrom(LEDGER_HEAD).fetchOne();
        assertThat(head.getLastId()).isEqualTo(rows.get(rows.size() - 1).getId());
        assertThat(head.getLastHash()).isEqualTo(rows.get(rows.size() - 1).getEntryHash());
    }

    @Test
    void twoTillsStampingAtOnceKeepOneChain() throws Exception {
        ExecutorService tills = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Enrolled e : List.of(kari, ola)) {
                done.add(tills.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        shop.ledger().stamp(e.memberId(), e.cardId(), 1, null, null, TILL);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            tills.shutdown();
        }
        IntegrityCheck.Result result = check();
        assertThat(result.tampering()).isEmpty();
        assertThat(result.ok()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(7 + 120);
    }

    @Test
    void aCheckWhileATillStampsFindsNothingWrongWithTheChain() throws Exception {
        ExecutorService till = Executors.newSingleThreadExecutor();
        try {
            Future<?> stamping = till.submit(() -> {
                for (int i = 0; i < 80; i++) {
                    shop.ledger().stamp(ola.memberId(), ola.cardId(), 1, null, null, TILL);
                }
            });
            int checks = 0;
            while (!stamping.isDone() || checks == 0) {
                assertThat(check().tampering()).isEmpty();
                checks++;
            }
            stamping.get();
        } finally {
            till.shutdown();
        }
        assertThat(check().ok()).isTrue();
    }

    // --- tampering

    @Test
    void anEntryWhoseStampsAndAmountWereEditedWithItsBalanceIsNamed() {
        long edited = entries.get(2); // Kari's second stamp
        tamper(tx -> tx.update(LEDGER_ENTRY).set(LEDGER_ENTRY.STAMPS, 5).set(LEDGER_ENTRY.AMOUNT_MINOR, 125_000L)
                .where(LEDGER_ENTRY.ID.eq(edited)).execute());

        IntegrityCheck.Result result = check();

        assertThat(result.differences()).as("the balance was made to agree").isEmpty();
        assertThat(result.ok()).isFalse();
        assertThat(result.tampering()).containsExactly(new Tampering(Tamper.EDITED, edited, kari.memberId(),
                "Kari Nordmann", kari.cardNumber(), null));
    }

    @Test
    void anEntryEditedWithItsHashComputedAgainIsNamedByTheEntryAfterIt() {
        long edited = entries.get(3); // Ola's second stamp
        tamper(tx -> rewrite(tx, edited, r -> r.setStamps(4)));

        assertThat(check().tampering()).containsExactly(new Tampering(Tamper.EDITED, edited, ola.memberId(),
                "Ola Nordmann", ola.cardNumber(), null));
    }

    @Test
    void theLastEntryEditedWithItsHashComputedAgainIsNamedByTheHead() {
        long last = entries.get(entries.size() - 1);
        tamper(tx -> rewrite(tx, last, r -> r.setMemberId(ola.memberId())));

        IntegrityCheck.Result result = check();
        assertThat(result.differences()).isEmpty();
        assertThat(result.tampering()).extracting(Tampering::what, Tampering::entryId, Tampering::memberId)
                .containsExactly(Tuple.tuple(Tamper.EDITED, last, ola.memberId()));
    }

    @Test
    void aRemovedEntryIsNamedWithTheEntryAfterIt() {
        long removed = entries.get(2);
        tamper(tx -> tx.deleteFrom(LEDGER_ENTRY).where(LEDGER_ENTRY.ID.eq(removed)).execute());

        IntegrityCheck.Result result = check();

        assertThat(result.differences()).isEmpty();
        assertThat(result.tampering()).containsExactly(new Tampering(Tamper.DELETED, removed, null, null, null,
                entries.get(3)));
    }

    @Test
    void theFirstAndTheLastEntryRemovedAreNamed() {
        long first = entries.get(0);
        long last = entries.get(entries.size() - 1);
        tamper(tx -> tx.deleteFrom(LEDGER_ENTRY).where(LEDGER_ENTRY.ID.in(first, last)).execute());

        assertThat(check().tampering()).containsExactly(
                new Tampering(Tamper.DELETED, first, null, null, null, entries.get(1)),
                new Tampering(Tamper.DELETED, last, null, null, null, null));
    }

    @Test
    void anEntryInsertedWithPlainSqlIsNamed() {
        long[] forged = new long[1];
        tamper(tx -> forged[0] = tx.insertInto(LEDGER_ENTRY)
                .set(LEDGER_ENTRY.MEMBER_ID, ola.memberId()).set(LEDGER_ENTRY.CARD_ID, ola.cardId())
                .set(LEDGER_ENTRY.KIND, EntryKind.STAMP).set(LEDGER_ENTRY.STAMPS, 10).set(LEDGER_ENTRY.VISITS, 1)
                .set(LEDGER_ENTRY.CREATED_AT, OffsetDateTime.now(clock)).set(LEDGER_ENTRY.TILL, "Till 1")
                .returning(LEDGER_ENTRY.ID).fetchOne(LEDGER_ENTRY.ID));

        IntegrityCheck.Result result = check();

        assertThat(result.differences()).isEmpty();
        assertThat(result.tampering()).containsExactly(new Tampering(Tamper.INSERTED, forged[0], ola.memberId(),
                "Ola Nordmann", ola.cardNumber(), null));
    }

    @Test
    void anEntryForgedWithAValidHashAfterTheLastIsNamed() {
        long[] forged = new long[1];
        tamper(tx -> forged[0] = forge(tx, LedgerChain.head(tx)));

        assertThat(check().tampering()).extracting(Tampering::what, Tampering::entryId)
                .containsExactly(Tuple.tuple(Tamper.INSERTED, forged[0]));
        // and the program's own next entry still joins the real chain
        stamp(kari, 10);
        assertThat(check().tampering()).extracting(Tampering::entryId).containsExactly(forged[0]);
    }

    @Test
    void anEntryForgedWithAValidHashIntoTheMiddleIsNamed() {
        long[] forged = new long[1];
        tamper(tx -> {
            LedgerEntryRecord third = tx.fetchOne(LEDGER_ENTRY, LEDGER_ENTRY.ID.eq(entries.get(2)));
            forged[0] = forge(tx, new LedgerChain.Link(third.getId(), third.getEntryHash()));
        });

        assertThat(check().tampering()).extracting(Tampering::what, Tampering::entryId)
                .containsExactly(Tuple.tuple(Tamper.INSERTED, forged[0]));
    }

    @Test
    void entriesTheProgramWritesAfterTamperingDoNotHideIt() {
        long edited = entries.get(1);
        tamper(tx -> tx.update(LEDGER_ENTRY).set(LEDGER_ENTRY.VISITS, 2).where(LEDGER_ENTRY.ID.eq(edited)).execute());
        stamp(ola, 500);
        clock.advance(Duration.ofSeconds(10));
        shop.ledger().undoLast(ola.memberId(), Duration.ofMinutes(2), TILL);

        assertThat(check().tampering()).extracting(Tampering::what, Tampering::entryId)
                .containsExactly(Tuple.tuple(Tamper.EDITED, edited));
    }

    /** Inserts a Kari stamp with a hash computed as the program would, linked to {@code prev}; the head is left alone. */
    private long forge(DSLContext tx, LedgerChain.Link prev) {
        LedgerChain.Content c = new LedgerChain.Content(kari.memberId(), kari.cardId(), EntryKind.STAMP, 3, 0, 0, 1, 0, null,
                null, null, OffsetDateTime.now(clock), "Till 1", null, null, false, null, null, null);
        return tx.insertInto(LEDGER_ENTRY)
                .set(LEDGER_ENTRY.MEMBER_ID, c.memberId()).set(LEDGER_ENTRY.CARD_ID, c.cardId())
                .set(LEDGER_ENTRY.KIND, c.kind()).set(LEDGER_ENTRY.STAMPS, c.stamps()).set(LEDGER_ENTRY.VISITS, c.visits())
                .set(LEDGER_ENTRY.CREATED_AT, c.createdAt()).set(LEDGER_ENTRY.TILL, c.till())
                .set(LEDGER_ENTRY.PREV_ID, prev.id()).set(LEDGER_ENTRY.PREV_HASH, prev.hash())
                .set(LEDGER_ENTRY.ENTRY_HASH, LedgerChain.hash(c, prev))
                .returning(LEDGER_ENTRY.ID).fetchOne(LEDGER_ENTRY.ID);
    }

    /** Changes entry {@code id} and stores the hash of its new content, as a careful forger would. */
    private static void rewrite(DSLContext tx, long id, Consumer<LedgerEntryRecord> change) {
        LedgerEntryRecord r = tx.fetchOne(LEDGER_ENTRY, LEDGER_ENTRY.ID.eq(id));
        change.accept(r);
        r.setEntryHash(LedgerChain.hash(LedgerChain.Content.of(r, LEDGER_ENTRY),
                new LedgerChain.Link(r.getPrevId(), r.getPrevHash())));
        r.store();
    }

    // --- a shop from before the chain

    @Test
    void aShopWrittenBeforeTheChainIsChainedOnceWhenItOpensAndPasses(@TempDir Path old) throws Exception {
        String url = "jdbc:h2:file:" + old.resolve(Database.FILE_NAME) + ";DB_CLOSE_ON_EXIT=FALSE;COMPRESS=TRUE";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("9").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            assertThat(c.getMetaData().getColumns(null, null, "LEDGER_ENTRY", "ENTRY_HASH").next()).isFalse();
            s.execute("INSERT INTO member (id, display_name, search_name, status, enrolled_at) VALUES "
                    + "(1, 'Ada', 'ada', 'MERGED', TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00+01'), "
                    + "(2, 'Bo', 'bo', 'ACTIVE', TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00+01')");
            s.execute("UPDATE member SET merged_into = 2 WHERE id = 1");
            s.execute("INSERT INTO card (id, card_number, member_id, active_member_id, status, issued_at) VALUES "
                    + "(1, '2000000000015', 2, 2, 'ACTIVE', TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00+01')");
            try (PreparedStatement e = c.prepareStatement("INSERT INTO ledger_entry (id, member_id, card_id, kind, "
                    + "stamps, visits, amount_minor, currency, cancels_id, created_at, till, reason, by_owner, "
                    + "carried_first_visit_at, carried_last_visit_at, other_member_id) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                OffsetDateTime t = OffsetDateTime.parse("2024-02-03T10:15:30.123456+01:00");
                Object[][] rows = {
                    {1L, 1L, null, "STAMP", 1, 1, 1250L, "PLN", null, t, "Till 1", null, false, null, null, null},
                    {2L, 1L, null, "STAMP", 1, 1, 0L, null, null, t.plusDays(1), "Till 2", null, false, null, null, null},
                    {3L, 1L, null, "UNDO", -1, -1, 0L, null, 2L, t.plusDays(1).plusSeconds(5), "Till 2", null, false,
                        null, null, null},
                    {4L, 1L, null, "MERGE_OUT", -1, -1, -1250L, null, null, t.plusDays(9), "Till 1", null, true, null,
                        null, 2L},
                    {5L, 2L, null, "MERGE_IN", 1, 1, 1250L, null, null, t.plusDays(9), "Till 1", null, true, t, t, 1L},
                    {6L, 2L, 1L, "ADJUST", 2, 0, 0L, null, null, t.plusDays(10), "Till 1", "goodwill – ąę", true, null,
                        null, null},
                };
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        e.setObject(i + 1, row[i]);
                    }
                    e.addBatch();
                }
                e.executeBatch();
            }
            s.execute("ALTER TABLE ledger_entry ALTER COLUMN id RESTART WITH 7");
            s.execute("INSERT INTO balance (member_id, stamps, visits, spend_minor) VALUES (1, 0, 0, 0), (2, 3, 1, 1250)");
            s.execute("UPDATE balance SET first_visit_at = TIMESTAMP WITH TIME ZONE '2024-02-03 10:15:30.123456+01', "
                    + "last_visit_at = TIMESTAMP WITH TIME ZONE '2024-02-03 10:15:30.123456+01'");
            s.execute("SHUTDOWN");
        }

        try (Database db = Database.open(old)) {
            IntegrityCheck.Result result = new IntegrityCheck(db).run();
            assertThat(result.tampering()).isEmpty();
            assertThat(result.differences()).isEmpty();
            assertThat(result.entriesChecked()).isEqualTo(6);
            assertThat(db.dsl().fetchValue("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '10.1' "
                    + "AND \"success\"", Long.class)).as("chained by the upgrade").isEqualTo(1L);
            assertThat(db.dsl().fetchCount(LEDGER_ENTRY, LEDGER_ENTRY.ENTRY_HASH.isNull())).isZero();
            assertThat(db.dsl().select(LEDGER_HEAD.LAST_ID).from(LEDGER_HEAD).fetchOne(LEDGER_HEAD.LAST_ID)).isEqualTo(6L);

            // the program's next entry joins the chain, and an old entry changed now is found
            new LedgerService(db, clock, OwnerGate.TRUSTED).stamp(2, 1L, 1, null, null, TILL);
            assertThat(new IntegrityCheck(db).run().ok()).isTrue();
            db.write(tx -> {
                tx.update(LEDGER_ENTRY).set(LEDGER_ENTRY.AMOUNT_MINOR, 9L).where(LEDGER_ENTRY.ID.eq(5L)).execute();
                return tx.update(BALANCE).set(BALANCE.SPEND_MINOR, 9L).where(BALANCE.MEMBER_ID.eq(2L)).execute();
            });
            assertThat(new IntegrityCheck(db).run().tampering()).containsExactly(
                    new Tampering(Tamper.EDITED, 5L, 2L, "Bo", "2000000000015", null));
        }
    }
}
