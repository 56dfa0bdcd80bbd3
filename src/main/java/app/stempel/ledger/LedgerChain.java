package app.stempel.ledger;

import static app.stempel.store.schema.Tables.LEDGER_HEAD;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;

import org.jooq.DSLContext;
import org.jooq.Record;

import app.stempel.store.schema.tables.LedgerEntry;
import app.stempel.core.EntryKind;

/**
 * The ledger's hash chain, in one place for every writer (the ledger service, the CSV import, the demo
 * data, the upgrade of an older shop) and for the integrity check.
 *
 * <p>Each entry carries {@code prev_id} and {@code prev_hash}, the id and hash of the entry before it in
 * the chain ({@code null} for the first), and {@code entry_hash}: SHA-256 (its 32 bytes) of
 * {@link #encode the entry's content} together with {@code prev_id} and {@code prev_hash}. Editing an
 * entry changes its content, so its hash no longer matches; recomputing its hash breaks the next entry's
 * {@code prev_hash}; removing or inserting an entry breaks the links around it. The {@code ledger_head}
 * row holds the last entry's id and hash, so removing the last entry is found too.
 *
 * <p><b>What the hash covers.</b> Every column of the entry except its own id (given by the database on
 * insert; the next entry's {@code prev_id}, which its hash covers, fixes it) and the three chain columns
 * themselves. Nothing in the program ever updates an entry after it is written, so nothing needs to be
 * left out: an undo or a void is an entry of its own (UNDO/VOID, pointing at the one it cancels through
 * {@code cancels_id}, which is part of <em>its</em> content), and a merge moves no entry between members
 * (it writes a MERGE_OUT and a MERGE_IN entry; the merged record's own entries stay where they are), so a
 * legitimate undo or merge adds to the chain and never breaks it. A future change that updates a column
 * of a written entry must leave that column out of {@link #encode} (and chain the shops again).
 *
 * <p><b>Order and locking.</b> A writer calls {@link #lockHead} in its transaction right before it
 * inserts its first entry (after it has locked or changed the balances it writes, never before: one lock
 * order for every writer, so none can deadlock), hashes each entry onto the head and calls
 * {@link #moveHead} before it commits. The head's row lock makes two tills queue instead of forking the
 * chain, and because each entry's id is drawn while the lock is held, the chain's order is the order of
 * the ids, which is what the {@link IntegrityCheck} walks.
 *
 * <p>The chain is not keyed: it finds changes made with SQL or a database tool, not someone who rewrites
 * every hash after theirs with this class (a backup or an export of the head's hash kept elsewhere
 * would).
 */
public final class LedgerChain {

    /** Bumped, with every shop chained again, if {@link #encode} ever changes. */
    private static final byte FORMAT = 1;

    private LedgerChain() {
    }

    /** An entry's place in the chain: its id and hash. {@link #START} is before the first entry. */
    public record Link(Long id, byte[] hash) {
        public static final Link START = new Link(null, null);

        @Override
        public String toString() {
            return "Link[" + id + ", " + (hash == null ? "null" : HEX.formatHex(hash)) + "]";
        }
    }

    /** What one entry says, as stored; the columns its hash covers. */
    public record Content(long memberId, Long cardId, EntryKind kind, int stamps, int points, int rewards, int visits,
            long amountMinor, String currency, Long cancelsId, Long programId, OffsetDateTime createdAt, String till,
            Long cashierId, String reason, boolean byOwner, OffsetDateTime carriedFirstVisitAt,
            OffsetDateTime carriedLastVisitAt, Long otherMemberId) {
        public Content {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(createdAt, "createdAt");
            createdAt = asStored(createdAt);
            carriedFirstVisitAt = asStored(carriedFirstVisitAt);
            carriedLastVisitAt = asStored(carriedLastVisitAt);
        }

        /** The content of a stored entry, from a record that holds the content columns of {@code e}. */
        public static Content of(Record r, LedgerEntry e) {
            return new Content(r.get(e.MEMBER_ID), r.get(e.CARD_ID), r.get(e.KIND), r.get(e.STAMPS), r.get(e.POINTS),
                    r.get(e.REWARDS), r.get(e.VISITS), r.get(e.AMOUNT_MINOR), r.get(e.CURRENCY), r.get(e.CANCELS_ID),
                    r.get(e.PROGRAM_ID), r.get(e.CREATED_AT), r.get(e.TILL), r.get(e.CASHIER_ID), r.get(e.REASON),
                    Boolean.TRUE.equals(r.get(e.BY_OWNER)), r.get(e.CARRIED_FIRST_VISIT_AT),
                    r.get(e.CARRIED_LAST_VISIT_AT), r.get(e.OTHER_MEMBER_ID));
        }

        /** The content of the entry at {@code rs}'s current row, which has the columns of {@link #CONTENT_COLUMNS}. */
        public static Content read(ResultSet rs) throws SQLException {
            return new Content(rs.getLong("member_id"), nullableLong(rs, "card_id"), EntryKind.valueOf(rs.getString("kind")),
                    rs.getInt("stamps"), rs.getInt("points"), rs.getInt("rewards"), rs.getInt("visits"),
                    rs.getLong("amount_minor"), rs.getString("currency"), nullableLong(rs, "cancels_id"),
                    nullableLong(rs, "program_id"), rs.getObject("created_at", OffsetDateTime.class),
                    rs.getString("till"), nullableLong(rs, "cashier_id"), rs.getString("reason"),
                    rs.getBoolean("by_owner"), rs.getObject("carried_first_visit_at", OffsetDateTime.class),
                    rs.getObject("carried_last_visit_at", OffsetDateTime.class), nullableLong(rs, "other_member_id"));
        }

        private static Long nullableLong(ResultSet rs, String column) throws SQLException {
            long v = rs.getLong(column);
            return rs.wasNull() ? null : v;
        }
    }

    /** The columns of {@code ledger_entry} that an entry's hash covers, for plain SQL (see {@link Content#read}). */
    public static final String CONTENT_COLUMNS = "member_id, card_id, kind, stamps, points, rewards, visits, "
            + "amount_minor, currency, cancels_id, program_id, created_at, till, cashier_id, reason, by_owner, "
            + "carried_first_visit_at, carried_last_visit_at, other_member_id";

    /**
     * A time as the database keeps it: whole microseconds (H2 and PostgreSQL both keep six digits). Writers
     * store this value, so the hash they compute is the hash of what is read back.
     */
    public static OffsetDateTime asStored(OffsetDateTime t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    /** The hash of an entry with {@code content} that follows {@code prev} in the chain. */
    public static byte[] hash(Content content, Link prev) {
        return new Hasher().hash(content, prev);
    }

    /**
     * Hashes one entry after another with one digest and one buffer, for the check's walk and the bulk
     * loads; not for use by two threads at once.
     */
    public static final class Hasher {
        private final MessageDigest sha;
        private final Encoder out = new Encoder();

        public Hasher() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }

        /** The hash of an entry with {@code content} that follows {@code prev} in the chain. */
        public byte[] hash(Content content, Link prev) {
            out.buffer.clear();
            encode(out, content, prev);
            sha.update(out.buffer.array(), 0, out.buffer.position());
            return sha.digest();
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    /**
     * The canonical bytes an entry's hash is taken of: a format byte, then prev_id, prev_hash and each
     * covered column in a fixed order. Each value is a presence byte (0 for null) and then, if present, a
     * long in 8 bytes, a string (as UTF-8) or a hash as its length in 4 bytes and its bytes, or a time as microseconds
     * since 1970 UTC in 8 bytes (its offset is not kept: PostgreSQL does not keep it). Unambiguous, and the
     * same whichever database or computer reads the row.
     */
    static byte[] encode(Content c, Link prev) {
        Encoder out = new Encoder();
        encode(out, c, prev);
        return out.written();
    }

    private static void encode(Encoder out, Content c, Link prev) {
        out.buffer.put(FORMAT);
        out.number(prev.id());
        out.bytes(prev.hash());
        out.number(c.memberId());
        out.number(c.cardId());
        out.text(c.kind().name());
        out.number((long) c.stamps());
        out.number((long) c.points());
        out.number((long) c.rewards());
        out.number((long) c.visits());
        out.number(c.amountMinor());
        out.text(c.currency());
        out.number(c.cancelsId());
        out.number(c.programId());
        out.time(c.createdAt());
        out.text(c.till());
        out.number(c.cashierId());
        out.text(c.reason());
        out.number(c.byOwner() ? 1L : 0L);
        out.time(c.carriedFirstVisitAt());
        out.time(c.carriedLastVisitAt());
        out.number(c.otherMemberId());
    }

    private static final class Encoder {
        private ByteBuffer buffer = ByteBuffer.allocate(512);

        void number(Long v) {
            room(9);
            if (v == null) {
                buffer.put((byte) 0);
            } else {
                buffer.put((byte) 1).putLong(v);
            }
        }

        void text(String s) {
            bytes(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(byte[] b) {
            if (b == null) {
                room(1);
                buffer.put((byte) 0);
                return;
            }
            room(5 + b.length);
            buffer.put((byte) 1).putInt(b.length).put(b);
        }

        void time(OffsetDateTime t) {
            if (t == null) {
                number(null);
            } else {
                var i = t.toInstant();
                number(Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000L));
            }
        }

        private void room(int n) {
            if (buffer.remaining() < n) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + n));
                buffer.flip();
                bigger.put(buffer);
                buffer = bigger;
            }
        }

        byte[] written() {
            byte[] out = new byte[buffer.position()];
            buffer.flip();
            buffer.get(out);
            return out;
        }
    }

    // ---- the head

    /**
     * Locks the chain's head row for the rest of the transaction {@code tx} and returns where the next
     * entry joins the chain. Call it after locking the balances the transaction changes (see the class
     * comment).
     */
    public static Link lockHead(DSLContext tx) {
        var head = tx.select(LEDGER_HEAD.LAST_ID, LEDGER_HEAD.LAST_HASH).from(LEDGER_HEAD)
                .where(LEDGER_HEAD.ID.eq(1)).forUpdate().fetchOne();
        if (head == null) {
            throw new IllegalStateException("the ledger has no head row (ledger_head)");
        }
        return new Link(head.value1(), head.value2());
    }

    /** The chain's head without locking it, for the integrity check. */
    static Link head(DSLContext dsl) {
        var head = dsl.select(LEDGER_HEAD.LAST_ID, LEDGER_HEAD.LAST_HASH).from(LEDGER_HEAD)
                .where(LEDGER_HEAD.ID.eq(1)).fetchOne();
        return head == null ? Link.START : new Link(head.value1(), head.value2());
    }

    /** Makes {@code last} the chain's head, in the transaction that locked it with {@link #lockHead}. */
    public static void moveHead(DSLContext tx, Link last) {
        tx.update(LEDGER_HEAD)
                .set(LEDGER_HEAD.LAST_ID, last.id())
                .set(LEDGER_HEAD.LAST_HASH, last.hash())
                .where(LEDGER_HEAD.ID.eq(1)).execute();
    }
}
