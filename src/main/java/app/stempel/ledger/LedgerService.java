package app.stempel.ledger;

import static app.stempel.store.schema.Tables.BALANCE;
import static app.stempel.store.schema.Tables.CASHIER;
import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static app.stempel.store.schema.Tables.MEMBER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.val;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record2;

import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.core.Actor;
import app.stempel.core.Money;
import app.stempel.core.Refused;
import app.stempel.owner.OwnerGate;
import app.stempel.store.Database;
import app.stempel.store.schema.tables.LedgerEntry;
import app.stempel.store.schema.tables.records.LedgerEntryRecord;
import app.stempel.core.EntryKind;
import app.stempel.core.MemberStatus;
import java.util.EnumSet;
import java.util.Set;
import app.stempel.store.schema.tables.records.BalanceRecord;

/**
 * Writes the append-only ledger. Each method adds entries and updates the member's balance in the same
 * transaction, and returns only once the change is on the disk. Nothing here updates or deletes an entry:
 * a mistake is put right by a new entry that cancels the old one (an undo or a void is an entry of its own,
 * and a merge writes MERGE_OUT and MERGE_IN entries), which is why the hash of each entry in the ledger's
 * chain ({@link LedgerChain}) can cover every column of it: a legitimate correction never changes a
 * written entry, so it never breaks the chain.
 */
public final class LedgerService {

    /** Kinds of entry that count as a cashier's action at the counter, and so can be undone. */
    private static final Set<EntryKind> UNDOABLE = EnumSet.of(EntryKind.STAMP, EntryKind.REDEEM, EntryKind.PAPER_STAMPS,
            EntryKind.POINTS, EntryKind.POINTS_REDEEM, EntryKind.COUPON, EntryKind.BIRTHDAY);

    /** Kinds of entry the reward program writes besides visits (see {@link #appendEvent}). */
    private static final Set<EntryKind> EVENTS = EnumSet.of(EntryKind.EXPIRE, EntryKind.COUPON, EntryKind.BIRTHDAY,
            EntryKind.POINTS_REDEEM);

    private final Database db;
    private final Clock clock;
    private final OwnerGate owner;

    /** @param owner asked before a correction: voiding an entry, an adjustment, a merge */
    public LedgerService(Database db, Clock clock, OwnerGate owner) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
        this.owner = Objects.requireNonNull(owner);
    }

    /** Signed changes one entry makes to a balance. */
    private record Deltas(int stamps, int points, int rewards, int visits, long amountMinor) {
        Deltas negated() {
            return new Deltas(-stamps, -points, -rewards, -visits, -amountMinor);
        }
    }

    /**
     * Records a visit that earns {@code stamps} stamps, with the purchase amount if one was typed, and
     * returns once it is on the disk ({@link Database#write}).
     *
     * @return the new ledger entry's id
     */
    @Role(Who.TILL)
    public long stamp(long memberId, Long cardId, int stamps, Money amount, Long programId, Actor actor) {
        StampEntry entry = new StampEntry(memberId, cardId, stamps, amount, programId, actor, OffsetDateTime.now(clock));
        return db.write(tx -> appendStamp(tx, entry));
    }

    /** One stamping, validated: what {@link #appendStamp} writes. */
    public record StampEntry(long memberId, Long cardId, int stamps, Money amount, Long programId, Actor actor,
            OffsetDateTime at) {
        public StampEntry {
            if (stamps < 0) {
                throw new IllegalArgumentException("stamps must not be negative");
            }
            if (amount != null && amount.isNegative()) {
                throw new IllegalArgumentException("amount must not be negative");
            }
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * Opens a new member's balance, empty, inside the caller's transaction {@code tx} (the ledger writes every
     * balance row; an enrolment calls this before the member's first entry).
     */
    public static void openBalance(DSLContext tx, long memberId) {
        tx.insertInto(BALANCE).set(BALANCE.MEMBER_ID, memberId).execute();
    }

    /**
     * Adds the ledger entry of one stamping and updates the balance inside the caller's transaction
     * {@code tx}. It neither commits nor syncs: the caller owns the transaction and must make it durable
     * (normally through {@link Database#write}, as {@link #stamp} does). For work that writes many entries
     * in one transaction, such as an import, and for the benchmark's reference measurement.
     *
     * @return the new ledger entry's id
     */
    public static long appendStamp(DSLContext tx, StampEntry e) {
        long spend = e.amount() == null ? 0 : e.amount().minor();
        String currency = e.amount() == null ? null : e.amount().currency().getCurrencyCode();
        return append(tx, e.memberId(), e.cardId(), EntryKind.STAMP, new Deltas(e.stamps(), 0, 0, 1, spend), currency,
                null, e.programId(), e.actor(), null, e.at());
    }

    /**
     * Takes {@code stampsForReward} stamps off for one reward.
     *
     * @return the entry's id, or empty if the member does not have enough stamps (nothing is written)
     */
    @Role(Who.TILL)
    public Optional<Long> redeem(long memberId, Long cardId, int stampsForReward, Long programId, Actor actor) {
        if (stampsForReward < 1) {
            throw new IllegalArgumentException("a reward costs at least one stamp");
        }
        return db.write(tx -> {
            Integer have = tx.select(BALANCE.STAMPS).from(BALANCE).where(BALANCE.MEMBER_ID.eq(memberId))
                    .forUpdate().fetchOne(BALANCE.STAMPS);
            if (have == null || have < stampsForReward) {
                return Optional.<Long>empty();
            }
            return Optional.of(append(tx, memberId, cardId, EntryKind.REDEEM, new Deltas(-stampsForReward, 0, 1, 0, 0), null,
                    null, programId, actor, null));
        });
    }

    /**
     * Adds the ledger entry of one visit in points mode inside the caller's transaction {@code tx}, which
     * must be made durable as for {@link #appendStamp}.
     *
     * @return the new ledger entry's id
     */
    public static long appendPoints(DSLContext tx, long memberId, Long cardId, int points, Money amount,
            Long programId, Actor actor, OffsetDateTime at) {
        if (points < 0) {
            throw new IllegalArgumentException("points must not be negative");
        }
        long spend = amount == null ? 0 : amount.minor();
        String currency = amount == null ? null : amount.currency().getCurrencyCode();
        return append(tx, memberId, cardId, EntryKind.POINTS, new Deltas(0, points, 0, 1, spend), currency, null, programId,
                actor, null, at);
    }

    /**
     * Adds one entry of the reward program that is not a visit (stamps or points expiring, a come-back
     * coupon or a birthday reward taken, points redeemed) inside the caller's transaction {@code tx},
     * which must be durable ({@link Database#write}); the caller checks the balance first.
     *
     * @param kind EXPIRE, COUPON, BIRTHDAY or POINTS_REDEEM
     * @return the new entry's id
     */
    public static long appendEvent(DSLContext tx, long memberId, Long cardId, EntryKind kind, int stamps, int points,
            int rewards, Long programId, Actor actor, String reason, OffsetDateTime at) {
        if (!EVENTS.contains(kind)) {
            throw new IllegalArgumentException("not a program event: " + kind);
        }
        return append(tx, memberId, cardId, kind, new Deltas(stamps, points, rewards, 0, 0), null, null, programId,
                actor, reason, at);
    }

    /** Stamps a member brings from a paper card, entered once when they join. */
    @Role(Who.TILL)
    public long paperStamps(long memberId, Long cardId, int stamps, Long programId, Actor actor) {
        if (stamps < 1) {
            throw new IllegalArgumentException("paper stamps must be at least one");
        }
        return db.write(tx -> append(tx, memberId, cardId, EntryKind.PAPER_STAMPS, new Deltas(stamps, 0, 0, 0, 0), null,
                null, programId, actor, "paper card"));
    }

    /** The counter action that {@link #undoLast} would cancel now, if any. */
    /**
     * @param cashier the name of the cashier who did it, or null for the owner's or the program's own work
     */
    public record Undoable(long entryId, EntryKind kind, int stamps, int points, OffsetDateTime at, String cashier) {
    }

    /**
     * The member's most recent counter action (stamp, redeem, paper stamps) that nothing has cancelled,
     * if it happened within {@code grace} of now.
     */
    @Role(Who.TILL)
    public Optional<Undoable> undoable(long memberId, Duration grace) {
        return undoable(db.dsl(), memberId, grace);
    }

    private Optional<Undoable> undoable(DSLContext tx, long memberId, Duration grace) {
        LedgerEntry e = LEDGER_ENTRY.as("e");
        OffsetDateTime since = OffsetDateTime.now(clock).minus(grace);
        return tx.select(e.ID, e.KIND, e.STAMPS, e.POINTS, e.CREATED_AT, CASHIER.NAME).from(e)
                .leftJoin(CASHIER).on(CASHIER.ID.eq(e.CASHIER_ID))
                .where(e.MEMBER_ID.eq(memberId))
                .and(e.KIND.in(UNDOABLE))
                .and(e.CREATED_AT.ge(since))
                .and(Ledger.notCancelled(e))
                .orderBy(e.ID.desc()).limit(1)
                .fetchOptional(r -> new Undoable(r.get(e.ID), r.get(e.KIND), r.get(e.STAMPS), r.get(e.POINTS),
                        r.get(e.CREATED_AT), r.get(CASHIER.NAME)));
    }

    /**
     * Cancels the member's last counter action if it is within {@code grace}: a new UNDO entry with the
     * opposite deltas, pointing at the one it cancels.
     *
     * @return the cancelled action, or empty if there was none to undo (nothing is written)
     */
    @Role(Who.TILL)
    public Optional<Undoable> undoLast(long memberId, Duration grace, Actor actor) {
        return db.write(tx -> {
            tx.select(BALANCE.MEMBER_ID).from(BALANCE).where(BALANCE.MEMBER_ID.eq(memberId)).forUpdate().fetch();
            Optional<Undoable> last = undoable(tx, memberId, grace);
            last.ifPresent(u -> {
                LedgerEntryRecord original = tx.fetchOne(LEDGER_ENTRY, LEDGER_ENTRY.ID.eq(u.entryId()));
                Deltas d = new Deltas(original.getStamps(), original.getPoints(), original.getRewards(),
                        original.getVisits(), original.getAmountMinor()).negated();
                append(tx, memberId, original.getCardId(), EntryKind.UNDO, d, original.getCurrency(), u.entryId(),
                        original.getProgramId(), actor, null);
            });
            return last;
        });
    }

    private long append(DSLContext tx, long memberId, Long cardId, EntryKind kind, Deltas d, String currency,
            Long cancels, Long programId, Actor actor, String reason) {
        return append(tx, memberId, cardId, kind, d, currency, cancels, programId, actor, reason,
                OffsetDateTime.now(clock));
    }

    private static long append(DSLContext tx, long memberId, Long cardId, EntryKind kind, Deltas d, String currency,
            Long cancels, Long programId, Actor actor, String reason, OffsetDateTime now) {
        return append(tx, memberId, cardId, kind, d, currency, cancels, programId, actor, reason, now, null);
    }

    /** What a merge entry carries besides its deltas: the other record and the moved visits' first and last time. */
    private record MergeSide(long otherMemberId, OffsetDateTime firstVisit, OffsetDateTime lastVisit) {
    }

    /**
     * Adds one entry to the chain and its deltas to the member's balance. The balance is changed first and
     * the chain's head locked after it ({@link LedgerChain}: every writer takes the balances it changes
     * before the head, so two writers cannot deadlock), then the entry joins the chain and the head moves
     * on, all in the caller's transaction.
     */
    private static long append(DSLContext tx, long memberId, Long cardId, EntryKind kind, Deltas d, String currency,
            Long cancels, Long programId, Actor actor, String reason, OffsetDateTime time, MergeSide merge) {
        LedgerChain.Content content = new LedgerChain.Content(memberId, cardId, kind, d.stamps(), d.points(),
                d.rewards(), d.visits(), d.amountMinor(), currency, cancels, programId, time, actor.till(),
                actor.cashierId(), reason, actor.owner(), merge == null ? null : merge.firstVisit(),
                merge == null ? null : merge.lastVisit(), merge == null ? null : merge.otherMemberId());
        OffsetDateTime now = content.createdAt();
        var update = tx.update(BALANCE)
                .set(BALANCE.STAMPS, BALANCE.STAMPS.plus(d.stamps()))
                .set(BALANCE.POINTS, BALANCE.POINTS.plus(d.points()))
                .set(BALANCE.REWARDS, BALANCE.REWARDS.plus(d.rewards()))
                .set(BALANCE.VISITS, BALANCE.VISITS.plus(d.visits()))
                .set(BALANCE.SPEND_MINOR, BALANCE.SPEND_MINOR.plus(d.amountMinor()));
        if (d.visits() > 0 && merge == null) {
            update = update
                    .set(BALANCE.FIRST_VISIT_AT, least(coalesce(BALANCE.FIRST_VISIT_AT, val(now)), val(now)))
                    .set(BALANCE.LAST_VISIT_AT, greatest(coalesce(BALANCE.LAST_VISIT_AT, val(now)), val(now)));
        }
        if (update.where(BALANCE.MEMBER_ID.eq(memberId)).execute() != 1) {
            throw new IllegalStateException("member " + memberId + " has no balance");
        }
        LedgerChain.Link prev = LedgerChain.lockHead(tx);
        byte[] hash = LedgerChain.hash(content, prev);
        long id = tx.insertInto(LEDGER_ENTRY)
                .set(LEDGER_ENTRY.OTHER_MEMBER_ID, content.otherMemberId())
                .set(LEDGER_ENTRY.CARRIED_FIRST_VISIT_AT, content.carriedFirstVisitAt())
                .set(LEDGER_ENTRY.CARRIED_LAST_VISIT_AT, content.carriedLastVisitAt())
                .set(LEDGER_ENTRY.MEMBER_ID, content.memberId())
                .set(LEDGER_ENTRY.CARD_ID, content.cardId())
                .set(LEDGER_ENTRY.KIND, content.kind())
                .set(LEDGER_ENTRY.STAMPS, content.stamps())
                .set(LEDGER_ENTRY.POINTS, content.points())
                .set(LEDGER_ENTRY.REWARDS, content.rewards())
                .set(LEDGER_ENTRY.VISITS, content.visits())
                .set(LEDGER_ENTRY.AMOUNT_MINOR, content.amountMinor())
                .set(LEDGER_ENTRY.CURRENCY, content.currency())
                .set(LEDGER_ENTRY.CANCELS_ID, content.cancelsId())
                .set(LEDGER_ENTRY.PROGRAM_ID, content.programId())
                .set(LEDGER_ENTRY.CREATED_AT, content.createdAt())
                .set(LEDGER_ENTRY.TILL, content.till())
                .set(LEDGER_ENTRY.CASHIER_ID, content.cashierId())
                .set(LEDGER_ENTRY.BY_OWNER, content.byOwner())
                .set(LEDGER_ENTRY.REASON, content.reason())
                .set(LEDGER_ENTRY.PREV_ID, prev.id())
                .set(LEDGER_ENTRY.PREV_HASH, prev.hash())
                .set(LEDGER_ENTRY.ENTRY_HASH, hash)
                .returning(LEDGER_ENTRY.ID)
                .fetchOne(LEDGER_ENTRY.ID);
        LedgerChain.moveHead(tx, new LedgerChain.Link(id, hash));
        if (d.visits() < 0 || merge != null) {
            recomputeVisitTimes(tx, memberId);
        }
        return id;
    }

    /** After a visit is cancelled: first and last visit from the visits nothing cancels. */
    private static void recomputeVisitTimes(DSLContext tx, long memberId) {
        LedgerEntry e = LEDGER_ENTRY.as("e");
        // a MERGE_IN carries the merged record's visits with their first and last times (see merge)
        Record2<OffsetDateTime, OffsetDateTime> times = tx.select(min(coalesce(e.CARRIED_FIRST_VISIT_AT, e.CREATED_AT)),
                        max(coalesce(e.CARRIED_LAST_VISIT_AT, e.CREATED_AT))).from(e)
                .where(e.MEMBER_ID.eq(memberId)).and(e.VISITS.gt(0))
                .and(Ledger.notCancelled(e))
                .fetchOne();
        tx.update(BALANCE)
                .set(BALANCE.FIRST_VISIT_AT, times.value1())
                .set(BALANCE.LAST_VISIT_AT, times.value2())
                .where(BALANCE.MEMBER_ID.eq(memberId)).execute();
    }

    /** The member's current stamp balance. */
    @Role(Who.TILL)
    public int stamps(long memberId) {
        Integer s = db.dsl().select(BALANCE.STAMPS).from(BALANCE).where(BALANCE.MEMBER_ID.eq(memberId))
                .fetchOne(BALANCE.STAMPS);
        if (s == null) {
            throw new IllegalArgumentException("no member " + memberId);
        }
        return s;
    }

    // --- owner corrections and merges (callers check the owner gate: members.MemberCorrections)

    /** Kinds of entry that are themselves corrections or transfers, and so are never voided. */
    private static final Set<EntryKind> NOT_VOIDABLE = EnumSet.of(EntryKind.UNDO, EntryKind.VOID, EntryKind.MERGE_IN, EntryKind.MERGE_OUT);

    /**
     * Voids entry {@code entryId}: a VOID entry with the opposite deltas that points at it, with the owner's
     * reason. The original stays. Balance and first/last visit are recomputed as for an undo.
     *
     * @return the VOID entry's id
     * @throws Refused without a reason, for an entry already undone or voided, for an undo/void/merge entry,
     *         for a member merged away, or when stamps or points would go below zero (nothing is written)
     */
    @Role(Who.OWNER)
    public long voidEntry(long entryId, String reason, Actor actor) {
        owner.require();
        String why = requireReason(reason);
        return db.write(tx -> {
            LedgerEntryRecord original = tx.fetchOne(LEDGER_ENTRY, LEDGER_ENTRY.ID.eq(entryId));
            if (original == null) {
                throw new Refused(Refused.Why.NOT_FOUND);
            }
            long memberId = original.getMemberId();
            var balance = lockedBalance(tx, memberId);
            if (NOT_VOIDABLE.contains(original.getKind())) {
                throw new Refused(Refused.Why.NOT_CORRECTABLE);
            }
            if (MemberStatus.MERGED == status(tx, memberId)) {
                throw new Refused(Refused.Why.MEMBER_GONE);
            }
            if (tx.fetchExists(LEDGER_ENTRY, LEDGER_ENTRY.CANCELS_ID.eq(entryId))) {
                throw new Refused(Refused.Why.ALREADY_CANCELLED);
            }
            Deltas d = new Deltas(original.getStamps(), original.getPoints(), original.getRewards(),
                    original.getVisits(), original.getAmountMinor()).negated();
            if (balance.getStamps() + d.stamps() < 0 || balance.getPoints() + d.points() < 0) {
                throw new Refused(Refused.Why.BELOW_ZERO);
            }
            return append(tx, memberId, original.getCardId(), EntryKind.VOID, d, original.getCurrency(), entryId,
                    original.getProgramId(), actor, why);
        });
    }

    /**
     * Adds {@code stamps} and {@code points} (either may be negative) to the member's balance as an ADJUST
     * entry with the owner's reason.
     *
     * @return the ADJUST entry's id
     * @throws Refused without a reason, for nothing to adjust, for a member merged away or erased, or when the
     *         balance would go below zero (nothing is written)
     */
    @Role(Who.OWNER)
    public long adjust(long memberId, int stamps, int points, String reason, Actor actor) {
        owner.require();
        String why = requireReason(reason);
        if (stamps == 0 && points == 0) {
            throw new Refused(Refused.Why.NOTHING_TO_ADJUST);
        }
        return db.write(tx -> {
            var balance = lockedBalance(tx, memberId);
            MemberStatus status = status(tx, memberId);
            if (MemberStatus.MERGED == status || MemberStatus.ERASED == status) {
                throw new Refused(Refused.Why.MEMBER_GONE);
            }
            if (balance.getStamps() + stamps < 0 || balance.getPoints() + points < 0) {
                throw new Refused(Refused.Why.BELOW_ZERO);
            }
            return append(tx, memberId, null, EntryKind.ADJUST, new Deltas(stamps, points, 0, 0, 0), null, null, null, actor,
                    why);
        });
    }

    /**
     * Moves the whole balance of {@code sourceId} to {@code targetId} inside the caller's transaction: a
     * MERGE_OUT entry on the source with the negated balance and a MERGE_IN entry on the target with the
     * same deltas, each naming the other record. The MERGE_IN carries the source's visits but is no visit:
     * it carries the source's first and last visit time, which first/last visit use in place of its own
     * time, so the merge day does not become a visit. Afterwards the source's balance is zero (its first and
     * last visit stay, from its own visits) and both balances equal their ledger sums.
     */
    @Role(Who.OWNER)
    public void merge(DSLContext tx, long sourceId, long targetId, Actor actor) {
        owner.require();
        OffsetDateTime now = OffsetDateTime.now(clock);
        // lock in id order, so two merges of the same pair cannot deadlock
        var first = lockedBalance(tx, Math.min(sourceId, targetId));
        var second = lockedBalance(tx, Math.max(sourceId, targetId));
        var source = first.getMemberId() == sourceId ? first : second;
        Deltas moved = new Deltas(source.getStamps(), source.getPoints(), source.getRewards(), source.getVisits(),
                source.getSpendMinor());
        boolean visits = moved.visits() > 0;
        append(tx, sourceId, null, EntryKind.MERGE_OUT, moved.negated(), null, null, null, actor, null, now,
                new MergeSide(targetId, null, null));
        append(tx, targetId, null, EntryKind.MERGE_IN, moved, null, null, null, actor, null, now,
                new MergeSide(sourceId, visits ? source.getFirstVisitAt() : null, visits ? source.getLastVisitAt() : null));
    }

    private static BalanceRecord lockedBalance(DSLContext tx, long memberId) {
        var balance = tx.selectFrom(BALANCE).where(BALANCE.MEMBER_ID.eq(memberId)).forUpdate().fetchOne();
        if (balance == null) {
            throw new Refused(Refused.Why.NOT_FOUND);
        }
        return balance;
    }

    private static MemberStatus status(DSLContext tx, long memberId) {
        return tx.select(MEMBER.STATUS).from(MEMBER).where(MEMBER.ID.eq(memberId)).fetchOne(MEMBER.STATUS);
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new Refused(Refused.Why.REASON_REQUIRED);
        }
        String r = reason.strip();
        return r.length() > 500 ? r.substring(0, 500) : r;
    }
}
