package app.stempel.members;

import static app.stempel.store.schema.Tables.CARD;
import static app.stempel.store.schema.Tables.MEMBER;
import static app.stempel.store.schema.Tables.MEMBER_SEARCH;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

import org.jooq.DSLContext;
import org.jooq.Record;

import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.core.Actor;
import app.stempel.core.Refused;
import app.stempel.data.CsvExport;
import app.stempel.ledger.LedgerService;
import app.stempel.owner.OwnerGate;
import app.stempel.store.Database;
import app.stempel.core.MemberStatus;
import app.stempel.core.CardStatus;

/**
 * The owner's work on members: voiding a ledger entry, adjusting a balance, merging two records of one
 * person, erasing a member on request and exporting one member's data. Every method asks the
 * {@link OwnerGate} first and writes nothing when owner mode is closed.
 *
 * <h2>Merging</h2>
 * The source's balance moves to the target through two ledger entries written in one transaction (see
 * {@link LedgerService#merge}): MERGE_OUT on the source (the negated balance) and MERGE_IN on the target
 * (the same deltas), each naming the other record in {@code other_member_id}. The MERGE_IN carries the
 * source's visits and, in {@code carried_first_visit_at}/{@code carried_last_visit_at}, their first and last
 * time; first/last visit are computed from those carried times instead of the entry's own, so the merge
 * day is no visit. The source becomes MERGED with {@code merged_into} set, its active card is blocked with
 * reason MERGED (a later scan tells the cashier so), and its note is added to the target's. The source's
 * own entries stay where they are.
 *
 * <h2>How a report finds a person's visits (and counts a merged person once)</h2>
 * A person is a record that is not MERGED, together with every record whose {@code merged_into} chain
 * leads to it (follow {@code merged_into} until it is null). Their visit events are the ledger entries of
 * all those records with {@code visits > 0}, of any kind but MERGE_IN, that no UNDO/VOID cancels (no entry
 * has {@code cancels_id} = their id); each at its {@code created_at}. MERGE_IN and MERGE_OUT are transfers,
 * not visits: summed over the person's records they cancel out. A report that groups by member id alone
 * must therefore map each member id to its final record first; a report over sums (visits, spend) may
 * also simply read the final record's {@code balance}, which already holds everything merged into it.
 *
 * <h2>Erasing</h2>
 * Personal data is removed (name replaced by {@link #ERASED_NAME}; phone, e-mail, birthday, note, external
 * reference and consent cleared; search terms deleted), the active card is blocked with reason ERASED and
 * the status becomes ERASED. Records merged into the erased one are erased with it (they are the same
 * person). The ledger stays, anonymous, so reports stay true.
 */
public final class MemberCorrections {

    /** What an erased member is called: no personal data, the same in every language. */
    public static final String ERASED_NAME = "-";

    private final Database db;
    private final Clock clock;
    private final LedgerService ledger;
    private final CsvExport export;
    private final OwnerGate gate;

    public MemberCorrections(Database db, Clock clock, LedgerService ledger, CsvExport export, OwnerGate gate) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
        this.ledger = Objects.requireNonNull(ledger);
        this.export = Objects.requireNonNull(export);
        this.gate = Objects.requireNonNull(gate);
    }

    /** Voids ledger entry {@code entryId} with {@code reason}; see {@link LedgerService#voidEntry}. */
    @Role(Who.OWNER)
    public long voidEntry(long entryId, String reason, Actor actor) {
        gate.require();
        return ledger.voidEntry(entryId, reason, owner(actor));
    }

    /** Adjusts the member's stamps and points with {@code reason}; see {@link LedgerService#adjust}. */
    @Role(Who.OWNER)
    public long adjust(long memberId, int stamps, int points, String reason, Actor actor) {
        gate.require();
        return ledger.adjust(memberId, stamps, points, reason, owner(actor));
    }

    /**
     * Merges record {@code sourceId} into {@code targetId} (see the class comment), in one durable step.
     *
     * @throws Refused for a member merged into themselves, or when either record is merged away or erased
     */
    @Role(Who.OWNER)
    public void merge(long sourceId, long targetId, Actor actor) {
        gate.require();
        if (sourceId == targetId) {
            throw new Refused(Refused.Why.SAME_MEMBER);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.write(tx -> {
            Record source = lockedMember(tx, sourceId);
            Record target = lockedMember(tx, targetId);
            if (MemberDirectory.isGone(source.get(MEMBER.STATUS)) || MemberDirectory.isGone(target.get(MEMBER.STATUS))) {
                throw new Refused(Refused.Why.MEMBER_GONE);
            }
            ledger.merge(tx, sourceId, targetId, owner(actor));
            blockActiveCard(tx, sourceId, "MERGED", now);
            tx.update(MEMBER)
                    .set(MEMBER.NOTE, joinNotes(target.get(MEMBER.NOTE), source.get(MEMBER.NOTE)))
                    .where(MEMBER.ID.eq(targetId)).execute();
            tx.update(MEMBER)
                    .set(MEMBER.STATUS, MemberStatus.MERGED)
                    .set(MEMBER.MERGED_INTO, targetId)
                    .where(MEMBER.ID.eq(sourceId)).execute();
            tx.deleteFrom(MEMBER_SEARCH).where(MEMBER_SEARCH.MEMBER_ID.eq(sourceId)).execute();
            return null;
        });
    }

    /**
     * Erases the member's personal data and that of every record merged into them (see the class comment),
     * in one durable step.
     *
     * @throws Refused for a member already erased, or merged away (erase the record they were merged into)
     */
    @Role(Who.OWNER)
    public void erase(long memberId) {
        gate.require();
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.write(tx -> {
            Record m = lockedMember(tx, memberId);
            if (MemberDirectory.isGone(m.get(MEMBER.STATUS))) {
                throw new Refused(Refused.Why.MEMBER_GONE);
            }
            Deque<Long> todo = new ArrayDeque<>();
            todo.add(memberId);
            while (!todo.isEmpty()) {
                long id = todo.poll();
                tx.select(MEMBER.ID).from(MEMBER).where(MEMBER.MERGED_INTO.eq(id)).fetch(MEMBER.ID).forEach(todo::add);
                tx.update(MEMBER)
                        .set(MEMBER.DISPLAY_NAME, ERASED_NAME)
                        .set(MEMBER.SEARCH_NAME, "")
                        .setNull(MEMBER.PHONE).setNull(MEMBER.PHONE_REVERSED)
                        .setNull(MEMBER.EMAIL).setNull(MEMBER.SEARCH_EMAIL)
                        .setNull(MEMBER.BIRTHDAY).setNull(MEMBER.BIRTHDAY_SET_AT)
                        .setNull(MEMBER.NOTE).setNull(MEMBER.EXTERNAL_REF)
                        .set(MEMBER.MARKETING_CONSENT, false)
                        .set(MEMBER.STATUS, MemberStatus.ERASED)
                        .where(MEMBER.ID.eq(id)).execute();
                tx.deleteFrom(MEMBER_SEARCH).where(MEMBER_SEARCH.MEMBER_ID.eq(id)).execute();
                blockActiveCard(tx, id, "ERASED", now);
            }
            return null;
        });
    }

    /**
     * Writes the member's data (profile, cards, ledger) to {@code file} as CSV, through the one-member
     * export of the command line.
     *
     * @return false if there is no such member (nothing is written)
     */
    @Role(Who.OWNER)
    public boolean export(long memberId, Path file) {
        gate.require();
        // any card the member had names them unambiguously; an id alone could read as an imported card number
        String key = db.dsl().select(CARD.CARD_NUMBER).from(CARD).where(CARD.MEMBER_ID.eq(memberId))
                .orderBy(CARD.ID).limit(1).fetchOptional(CARD.CARD_NUMBER).orElse(Long.toString(memberId));
        return export.member(key, file);
    }

    private static Record lockedMember(DSLContext tx, long id) {
        Record m = tx.select(MEMBER.ID, MEMBER.STATUS, MEMBER.NOTE).from(MEMBER).where(MEMBER.ID.eq(id)).forUpdate()
                .fetchOne();
        if (m == null) {
            throw new Refused(Refused.Why.NOT_FOUND);
        }
        return m;
    }

    private static void blockActiveCard(DSLContext tx, long memberId, String reason, OffsetDateTime now) {
        tx.update(CARD)
                .set(CARD.STATUS, CardStatus.BLOCKED)
                .set(CARD.BLOCKED_REASON, reason)
                .set(CARD.BLOCKED_AT, now)
                .setNull(CARD.ACTIVE_MEMBER_ID)
                .where(CARD.ACTIVE_MEMBER_ID.eq(memberId))
                .execute();
    }

    static String joinNotes(String target, String source) {
        if (source == null || source.isBlank()) {
            return target;
        }
        if (target == null || target.isBlank()) {
            return source;
        }
        String joined = target.strip() + " / " + source.strip();
        return joined.length() <= MemberDirectory.MAX_NOTE ? joined : joined.substring(0, MemberDirectory.MAX_NOTE);
    }

    /** Corrections are the owner's: their entries say so. */
    private static Actor owner(Actor actor) {
        return actor.owner() ? actor : Actor.owner(actor.till());
    }
}
