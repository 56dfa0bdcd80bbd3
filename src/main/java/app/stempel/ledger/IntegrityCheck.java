package app.stempel.ledger;

import static app.stempel.store.schema.Tables.BALANCE;
import static app.stempel.store.schema.Tables.CARD;
import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static app.stempel.store.schema.Tables.MEMBER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.store.Database;
import app.stempel.store.schema.tables.Card;
import app.stempel.store.schema.tables.LedgerEntry;

/**
 * Checks the ledger and the balances: walks the ledger's hash chain ({@link LedgerChain}) and names every
 * entry that was edited, removed or inserted behind the program's back, then recomputes every member's
 * balance from the ledger and lists where the stored balance disagrees. The ledger is the truth; the
 * balance table is a cache of its sums kept for the counter's speed.
 */
public final class IntegrityCheck {

    /** One stored value that disagrees with the ledger. */
    public record Difference(long memberId, String field, String ledger, String balance) {
        @Override
        public String toString() {
            return "member " + memberId + ": " + field + " is " + balance + " but the ledger says " + ledger;
        }
    }

    /** What the chain shows happened to an entry. */
    public enum Tamper {
        /** The entry's content is no longer what was written (its hash, or the next entry's link, says so). */
        EDITED,
        /** The entry is gone: the entry after it (or the chain's head) still names it. */
        DELETED,
        /** The entry was not written by Stempel: no entry after it, nor the head, names it. */
        INSERTED
    }

    /**
     * One entry the chain shows was tampered with. For an edited or inserted entry, its member (id and
     * name) and card number as they are now; for a removed one only its id and the entry that follows it
     * ({@code nextEntryId}, null if it was the last).
     */
    public record Tampering(Tamper what, long entryId, Long memberId, String memberName, String cardNumber,
            Long nextEntryId) {
        @Override
        public String toString() {
            return switch (what) {
                case EDITED -> "entry " + entryId + " (member " + memberId + ") was changed after it was written";
                case INSERTED -> "entry " + entryId + " (member " + memberId + ") was not written by Stempel";
                case DELETED -> "entry " + entryId + " was removed" + (nextEntryId == null ? " (it was the last)"
                        : " (entry " + nextEntryId + " follows it)");
            };
        }
    }

    /**
     * The outcome: how many members and entries were checked, which entries were tampered with (by entry
     * id) and which balances disagree with the ledger.
     */
    public record Result(int membersChecked, List<Difference> differences, long entriesChecked,
            List<Tampering> tampering) {
        public Result {
            differences = List.copyOf(differences);
            tampering = List.copyOf(tampering);
        }

        public boolean ok() {
            return differences.isEmpty() && tampering.isEmpty();
        }
    }

    private final Database db;

    public IntegrityCheck(Database db) {
        this.db = Objects.requireNonNull(db);
    }

    /** Whether the shop in {@code db} passes the whole check: what a restored backup must do. */
    public static boolean passes(Database db) {
        return new IntegrityCheck(db).run().ok();
    }

    @Role(Who.TILL)
    public Result run() {
        ChainWalk chain = new ChainWalk(db.dsl());
        chain.run();
        List<Difference> differences = balances();
        int checked = db.dsl().fetchCount(MEMBER);
        return new Result(checked, differences, chain.entries, chain.findings());
    }

    private List<Difference> balances() {
        LedgerEntry e = LEDGER_ENTRY.as("e");
        Field<BigDecimal> stamps = sum(e.STAMPS).as("l_stamps");
        Field<BigDecimal> points = sum(e.POINTS).as("l_points");
        Field<BigDecimal> rewards = sum(e.REWARDS).as("l_rewards");
        Field<BigDecimal> visits = sum(e.VISITS).as("l_visits");
        Field<BigDecimal> spend = sum(e.AMOUNT_MINOR).as("l_spend");
        Table<?> sums = select(e.MEMBER_ID, stamps, points, rewards, visits, spend)
                .from(e).groupBy(e.MEMBER_ID).asTable("s");
        // first and last visit: visit entries that no UNDO/VOID cancels
        // a MERGE_IN carries the merged record's first and last visit (LedgerService.merge)
        Field<OffsetDateTime> first = min(coalesce(e.CARRIED_FIRST_VISIT_AT, e.CREATED_AT)).as("l_first");
        Field<OffsetDateTime> last = max(coalesce(e.CARRIED_LAST_VISIT_AT, e.CREATED_AT)).as("l_last");
        Table<?> times = select(e.MEMBER_ID, first, last)
                .from(e)
                .where(e.VISITS.gt(0)).and(Ledger.notCancelled(e))
                .groupBy(e.MEMBER_ID).asTable("t");

        Field<Long> sMember = sums.field(e.MEMBER_ID.getName(), Long.class);
        Field<Long> tMember = times.field(e.MEMBER_ID.getName(), Long.class);
        List<Check> checks = List.of(
                new Check("stamps", BALANCE.STAMPS, sums.field(stamps)),
                new Check("points", BALANCE.POINTS, sums.field(points)),
                new Check("rewards", BALANCE.REWARDS, sums.field(rewards)),
                new Check("visits", BALANCE.VISITS, sums.field(visits)),
                new Check("spend", BALANCE.SPEND_MINOR, sums.field(spend)));

        var select = db.dsl().select(BALANCE.asterisk(), sums.asterisk(), times.asterisk())
                .from(BALANCE)
                .leftJoin(sums).on(sMember.eq(BALANCE.MEMBER_ID))
                .leftJoin(times).on(tMember.eq(BALANCE.MEMBER_ID));
        Condition condition = DSL.falseCondition();
        for (Check check : checks) {
            condition = condition.or(check.ledgerValue().ne(check.stored().coerce(BigDecimal.class)));
        }
        condition = condition
                .or(BALANCE.FIRST_VISIT_AT.isDistinctFrom(times.field(first)))
                .or(BALANCE.LAST_VISIT_AT.isDistinctFrom(times.field(last)));

        List<Difference> differences = new ArrayList<>();
        for (Record r : select.where(condition).fetch()) {
            long memberId = r.get(BALANCE.MEMBER_ID);
            for (Check check : checks) {
                BigDecimal raw = r.get(check.ledgerValueRaw());
                BigDecimal ledger = raw == null ? BigDecimal.ZERO : raw;
                Number stored = r.get(check.stored());
                if (ledger.compareTo(new BigDecimal(stored.toString())) != 0) {
                    differences.add(new Difference(memberId, check.name(), ledger.toPlainString(), stored.toString()));
                }
            }
            compareTime(differences, memberId, "first visit", r.get(times.field(first)), r.get(BALANCE.FIRST_VISIT_AT));
            compareTime(differences, memberId, "last visit", r.get(times.field(last)), r.get(BALANCE.LAST_VISIT_AT));
        }
        // ledger entries of a member who has no balance row at all
        db.dsl().selectDistinct(LEDGER_ENTRY.MEMBER_ID).from(LEDGER_ENTRY)
                .whereNotExists(select(inline(1)).from(BALANCE).where(BALANCE.MEMBER_ID.eq(LEDGER_ENTRY.MEMBER_ID)))
                .fetch(LEDGER_ENTRY.MEMBER_ID)
                .forEach(id -> differences.add(new Difference(id, "balance", "entries", "missing")));
        return differences;
    }

    private static void compareTime(List<Difference> out, long memberId, String field, OffsetDateTime ledger,
            OffsetDateTime stored) {
        boolean same = ledger == null ? stored == null : stored != null && ledger.isEqual(stored);
        if (!same) {
            out.add(new Difference(memberId, field, String.valueOf(ledger), String.valueOf(stored)));
        }
    }

    private record Check(String name, Field<? extends Number> stored, Field<BigDecimal> ledgerValueRaw) {
        Field<BigDecimal> ledgerValue() {
            return coalesce(ledgerValueRaw, BigDecimal.ZERO);
        }
    }

    /**
     * One walk along the chain, in id order (the chain's order: {@link LedgerChain}), a page at a time, so
     * a ledger of any size is checked in little memory.
     *
     * <p>Each entry's hash is recomputed from its content and its link: a difference means the entry was
     * edited. Each entry names the one before it ({@code prev_id}); a genuine entry is named by exactly
     * the next genuine entry, or by the head if it is the last, so an entry nobody names was inserted,
     * and a name that points at no entry is an entry removed. When an entry names one whose stored hash
     * is not the hash it recorded, that one was edited and its hash recomputed to hide it. What an
     * inserted entry says about others (a link to a missing entry, a hash that does not match) is not
     * believed.
     */
    private static final class ChainWalk {
        private static final int PAGE = 10_000;
        /** Entries that no later entry names, kept until one does; beyond this many the oldest count as inserted. */
        private static final int MAX_OPEN = 100_000;

        private final DSLContext dsl;
        private final LedgerChain.Hasher hasher = new LedgerChain.Hasher();
        /** Entries no later entry has named yet: id to stored hash. */
        private final TreeMap<Long, byte[]> open = new TreeMap<>();
        private static final byte[] NONE = new byte[0];
        /** What was found, by entry id; an entry found inserted is reported as that alone. */
        private final TreeMap<Long, Tamper> found = new TreeMap<>();
        /** Removed entries (id to the entry that names it) and hashes that do not match (id to the entry that
         * recorded it), each believed only if the entry saying so is no inserted one. */
        private final Map<Long, Long> missing = new LinkedHashMap<>();
        private final Map<Long, Long> mismatched = new LinkedHashMap<>();
        private long entries;
        private long lastSeen = Long.MIN_VALUE;

        ChainWalk(DSLContext dsl) {
            this.dsl = dsl;
        }

        void run() {
            // plain JDBC: the walk reads every entry, and a jOOQ record per entry costs more than the hash
            dsl.connection(c -> {
                try (PreparedStatement page = c.prepareStatement("SELECT id, prev_id, prev_hash, entry_hash, "
                        + LedgerChain.CONTENT_COLUMNS + " FROM ledger_entry WHERE id > ? ORDER BY id FETCH FIRST "
                        + PAGE + " ROWS ONLY")) {
                    while (true) {
                        page.setLong(1, lastSeen);
                        int rows = 0;
                        try (ResultSet rs = page.executeQuery()) {
                            while (rs.next()) {
                                rows++;
                                long prevId = rs.getLong("prev_id");
                                Long prev = rs.wasNull() ? null : prevId;
                                entry(rs.getLong("id"), LedgerChain.Content.read(rs), prev, rs.getBytes("prev_hash"),
                                        rs.getBytes("entry_hash"));
                            }
                        }
                        if (rows == 0) {
                            break;
                        }
                    }
                }
            });
            end();
        }

        private void entry(long id, LedgerChain.Content content, Long prevId, byte[] prevHash, byte[] stored) {
            entries++;
            lastSeen = id;
            if (!Arrays.equals(hasher.hash(content, new LedgerChain.Link(prevId, prevHash)), stored)) {
                found.put(id, Tamper.EDITED);
            }
            if (prevId != null) {
                if (prevId >= id) {
                    // entries link back to an earlier one; this one was not written by Stempel
                    found.put(id, Tamper.INSERTED);
                } else {
                    named(prevId, prevHash, id, !found.containsKey(id));
                }
            }
            open.put(id, stored == null ? NONE : stored);
            if (open.size() > MAX_OPEN) {
                found.put(open.pollFirstEntry().getKey(), Tamper.INSERTED);
            }
        }

        /**
         * Entry {@code by} (or the head, when {@code by} is null) names {@code prevId} with {@code prevHash}.
         *
         * @param hashBelieved whether {@code prevHash} is what {@code by} was written with (its own hash holds)
         */
        private void named(long prevId, byte[] prevHash, Long by, boolean hashBelieved) {
            byte[] stored = open.remove(prevId);
            if (stored != null) {
                if (hashBelieved && !Arrays.equals(stored, prevHash == null ? NONE : prevHash)) {
                    mismatched.put(prevId, by);
                }
            } else if (!dsl.fetchExists(LEDGER_ENTRY, LEDGER_ENTRY.ID.eq(prevId))) {
                missing.put(prevId, by);
                // the entry that came before the removed one is named by nobody now: it was not inserted
                Long before = open.lowerKey(prevId);
                if (before != null) {
                    open.remove(before);
                }
            }
            // else: an entry named a second time; the one naming it that nobody names in turn was inserted
        }

        private void end() {
            LedgerChain.Link head = LedgerChain.head(dsl);
            // entries written while the walk went on: back from the head to the last entry the walk saw
            while (head.id() != null && head.id() > lastSeen) {
                var r = dsl.select(LEDGER_ENTRY.PREV_ID, LEDGER_ENTRY.PREV_HASH).from(LEDGER_ENTRY)
                        .where(LEDGER_ENTRY.ID.eq(head.id())).fetchOne();
                if (r == null) {
                    break;
                }
                head = new LedgerChain.Link(r.value1(), r.value2());
            }
            if (head.id() != null) {
                named(head.id(), head.hash(), null, true);
            }
            open.keySet().forEach(id -> found.put(id, Tamper.INSERTED));
            missing.forEach((id, by) -> {
                if (by == null || found.get(by) != Tamper.INSERTED) {
                    found.put(id, Tamper.DELETED);
                }
            });
            mismatched.forEach((id, by) -> {
                if ((by == null || found.get(by) != Tamper.INSERTED) && !found.containsKey(id)) {
                    found.put(id, Tamper.EDITED);
                }
            });
        }

        /** What was found, with each entry's member and card as they are now. */
        List<Tampering> findings() {
            List<Tampering> out = new ArrayList<>();
            List<Long> ids = new ArrayList<>(found.keySet());
            Map<Long, Record> who = new HashMap<>();
            Card entryCard = CARD.as("ec");
            Card activeCard = CARD.as("ac");
            for (int i = 0; i < ids.size(); i += 1000) {
                dsl.select(LEDGER_ENTRY.ID, LEDGER_ENTRY.MEMBER_ID, MEMBER.DISPLAY_NAME,
                                coalesce(entryCard.CARD_NUMBER, activeCard.CARD_NUMBER).as("card"))
                        .from(LEDGER_ENTRY)
                        .leftJoin(MEMBER).on(MEMBER.ID.eq(LEDGER_ENTRY.MEMBER_ID))
                        .leftJoin(entryCard).on(entryCard.ID.eq(LEDGER_ENTRY.CARD_ID))
                        .leftJoin(activeCard).on(activeCard.ACTIVE_MEMBER_ID.eq(LEDGER_ENTRY.MEMBER_ID))
                        .where(LEDGER_ENTRY.ID.in(ids.subList(i, Math.min(ids.size(), i + 1000))))
                        .forEach(r -> who.put(r.get(LEDGER_ENTRY.ID), r));
            }
            found.forEach((id, what) -> {
                Record r = what == Tamper.DELETED ? null : who.get(id);
                out.add(new Tampering(what, id, r == null ? null : r.get(LEDGER_ENTRY.MEMBER_ID),
                        r == null ? null : r.get(MEMBER.DISPLAY_NAME), r == null ? null : r.get("card", String.class),
                        what == Tamper.DELETED ? missing.get(id) : null));
            });
            return out;
        }
    }
}
