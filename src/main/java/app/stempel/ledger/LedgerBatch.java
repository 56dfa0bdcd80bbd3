package app.stempel.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Objects;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import app.stempel.store.ExplicitIds;

/**
 * The ledger's bulk writer, for loads of many members at once (the CSV import, the demo data): ledger
 * entries and balances in JDBC batches with explicit ids, in the caller's transaction on the caller's
 * connection. Everything else a load writes (members, cards, search terms, survey answers) is the
 * caller's; the entries and balances only go through here, so the chain and the lock order are kept in
 * one place (see {@link LedgerChain}).
 *
 * <p>The order of a load: change the existing balances it adds to ({@link #addVisits}), then
 * {@link #add} entries and {@link #insertBalance} new members' balances, {@link #beforeCommit} before each
 * commit and {@link #restartIds} last. The first entry after the start or a commit flushes the balances
 * written so far and then locks the chain's head, so the balances are always taken before the head; the
 * entries' ids are drawn after the lock, so no till's entry comes between a load's entries.
 *
 * <p>A balance is what the caller says it is: the caller keeps it equal to the sum of its member's entries
 * (the {@link IntegrityCheck} checks that). Not for use by two threads at once.
 */
public final class LedgerBatch implements AutoCloseable {

    /**
     * The caller's own pending rows that the ledger's rows refer to (members, cards): written before the
     * ledger's on every flush.
     */
    @FunctionalInterface
    public interface Rows {
        void flush() throws SQLException;

        Rows NONE = () -> { };
    }

    /** The columns a bulk load's entries have; the others keep their defaults (see {@link #add}). */
    private static final String INSERT_ENTRY = "INSERT INTO ledger_entry (id, member_id, card_id, kind, stamps, "
            + "points, rewards, visits, amount_minor, currency, program_id, created_at, till, cashier_id, reason, "
            + "prev_id, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_BALANCE = "INSERT INTO balance (member_id, stamps, points, rewards, visits, "
            + "spend_minor, first_visit_at, last_visit_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ADD_VISITS = "UPDATE balance SET visits = visits + ?, spend_minor = spend_minor + ?, "
            + "first_visit_at = LEAST(COALESCE(first_visit_at, ?), ?), "
            + "last_visit_at = GREATEST(COALESCE(last_visit_at, ?), ?) WHERE member_id = ?";
    private static final String TABLE = "ledger_entry";

    private final Connection connection;
    private final DSLContext tx;
    private final int batchSize;
    private final Rows before;
    private final LedgerChain.Hasher hasher = new LedgerChain.Hasher();
    private final PreparedStatement entryInsert;
    private final PreparedStatement balanceInsert;
    private PreparedStatement visitsUpdate;
    private int pending;
    private int pendingUpdates;
    private long nextId;
    /** The chain's last entry while this batch holds the head's lock, else null. */
    private LedgerChain.Link head;

    private LedgerBatch(Connection connection, DSLContext tx, int batchSize, Rows before) throws SQLException {
        this.connection = connection;
        this.tx = tx;
        this.batchSize = batchSize;
        this.before = before;
        this.nextId = ExplicitIds.max(connection, TABLE) + 1;
        PreparedStatement entries = connection.prepareStatement(INSERT_ENTRY);
        try {
            this.balanceInsert = connection.prepareStatement(INSERT_BALANCE);
        } catch (SQLException | RuntimeException e) {
            entries.close();
            throw e;
        }
        this.entryInsert = entries;
    }

    /**
     * A batch on {@code connection}, in the transaction the caller runs on it (auto-commit off); the caller
     * commits or rolls back, and closes the batch.
     *
     * @param shop      any jOOQ context of the shop's database, for its SQL dialect and settings
     * @param batchSize how many entries and balances are sent to the database at once
     * @param before    the caller's pending rows the ledger's refer to, flushed before them
     */
    public static LedgerBatch open(Connection connection, DSLContext shop, int batchSize, Rows before)
            throws SQLException {
        Objects.requireNonNull(connection);
        Objects.requireNonNull(before);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, not " + batchSize);
        }
        DSLContext tx = DSL.using(connection, shop.dialect(), shop.settings());
        return new LedgerBatch(connection, tx, batchSize, before);
    }

    /**
     * Adds one entry to the chain and returns its id. The first entry of a transaction flushes what is
     * pending and locks the chain's head.
     *
     * @throws IllegalArgumentException if the entry cancels one, is the owner's or is part of a merge: those
     *                                  are the {@link LedgerService}'s, one at a time, never a bulk load's
     */
    public long add(LedgerChain.Content content) throws SQLException {
        if (content.cancelsId() != null || content.byOwner() || content.otherMemberId() != null
                || content.carriedFirstVisitAt() != null || content.carriedLastVisitAt() != null) {
            throw new IllegalArgumentException("a bulk load writes no undo, void, owner's entry or merge: " + content);
        }
        if (head == null) {
            flush();
            head = LedgerChain.lockHead(tx);
            nextId = Math.max(nextId, ExplicitIds.max(connection, TABLE) + 1);
        }
        byte[] hash = hasher.hash(content, head);
        long id = nextId++;
        PreparedStatement ps = entryInsert;
        ps.setLong(1, id);
        ps.setLong(2, content.memberId());
        setLong(ps, 3, content.cardId());
        ps.setString(4, content.kind().name());
        ps.setInt(5, content.stamps());
        ps.setInt(6, content.points());
        ps.setInt(7, content.rewards());
        ps.setInt(8, content.visits());
        ps.setLong(9, content.amountMinor());
        setString(ps, 10, content.currency());
        setLong(ps, 11, content.programId());
        ps.setObject(12, content.createdAt());
        setString(ps, 13, content.till());
        setLong(ps, 14, content.cashierId());
        setString(ps, 15, content.reason());
        setLong(ps, 16, head.id());
        if (head.hash() == null) {
            ps.setNull(17, Types.VARBINARY);
        } else {
            ps.setBytes(17, head.hash());
        }
        ps.setBytes(18, hash);
        ps.addBatch();
        head = new LedgerChain.Link(id, hash);
        counted();
        return id;
    }

    /** The balance of a member who has none yet (a new member of the load), equal to the sum of their entries. */
    public void insertBalance(long memberId, int stamps, int rewards, int visits, long spendMinor,
            OffsetDateTime firstVisit, OffsetDateTime lastVisit) throws SQLException {
        balanceInsert.setLong(1, memberId);
        balanceInsert.setInt(2, stamps);
        balanceInsert.setInt(3, 0);
        balanceInsert.setInt(4, rewards);
        balanceInsert.setInt(5, visits);
        balanceInsert.setLong(6, spendMinor);
        balanceInsert.setObject(7, firstVisit);
        balanceInsert.setObject(8, lastVisit);
        balanceInsert.addBatch();
        counted();
    }

    /**
     * Adds visits (their number, spend and first and last time) to an existing member's balance, for the
     * entries that follow. Before the transaction's first entry only: a balance is taken before the head.
     *
     * @throws IllegalStateException if this transaction already holds the chain's head
     */
    public void addVisits(long memberId, int visits, long spendMinor, OffsetDateTime firstVisit,
            OffsetDateTime lastVisit) throws SQLException {
        if (head != null) {
            throw new IllegalStateException("balances are changed before the chain's head is locked (see LedgerChain)");
        }
        if (visitsUpdate == null) {
            visitsUpdate = connection.prepareStatement(ADD_VISITS);
        }
        visitsUpdate.setInt(1, visits);
        visitsUpdate.setLong(2, spendMinor);
        visitsUpdate.setObject(3, firstVisit);
        visitsUpdate.setObject(4, firstVisit);
        visitsUpdate.setObject(5, lastVisit);
        visitsUpdate.setObject(6, lastVisit);
        visitsUpdate.setLong(7, memberId);
        visitsUpdate.addBatch();
        pendingUpdates++;
        counted();
    }

    private void counted() throws SQLException {
        if (++pending >= batchSize) {
            flush();
        }
    }

    /** Sends the caller's pending rows and then the ledger's to the database. */
    public void flush() throws SQLException {
        before.flush();
        balanceInsert.executeBatch();
        if (pendingUpdates > 0) {
            visitsUpdate.executeBatch();
            pendingUpdates = 0;
        }
        entryInsert.executeBatch();
        pending = 0;
    }

    /**
     * Flushes everything and moves the chain's head onto the last entry; call it right before each commit.
     * The next entry locks the head again, in the next transaction.
     */
    public void beforeCommit() throws SQLException {
        flush();
        if (head != null) {
            LedgerChain.moveHead(tx, head);
            head = null;
        }
    }

    /**
     * Moves the ledger's identity past the ids written, so the application's own entries carry on after
     * them. DDL, which commits in H2: call it last, after {@link #beforeCommit} and the caller's other writes.
     */
    public void restartIds() throws SQLException {
        ExplicitIds.restart(connection, TABLE, nextId);
    }

    @Override
    public void close() throws SQLException {
        try (entryInsert; balanceInsert; PreparedStatement updates = visitsUpdate) {
            // closes all three, the update only if it was prepared
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static void setString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }
}
