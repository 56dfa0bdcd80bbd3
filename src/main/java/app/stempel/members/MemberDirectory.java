package app.stempel.members;

import static app.stempel.store.schema.Tables.BALANCE;
import static app.stempel.store.schema.Tables.CARD;
import static app.stempel.store.schema.Tables.CASHIER;
import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static app.stempel.store.schema.Tables.MEMBER;
import static app.stempel.store.schema.Tables.MEMBER_GROUP;
import static app.stempel.store.schema.Tables.MEMBER_SEARCH;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;

import app.stempel.search.MemberSearch;
import app.stempel.search.SearchText;
import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.core.Refused;
import app.stempel.search.MemberSearch.MemberRow;
import app.stempel.search.MemberSearch.SearchCursor;
import app.stempel.search.MemberSearch.SearchPage;
import app.stempel.owner.OwnerGate;
import app.stempel.store.Database;
import app.stempel.store.schema.tables.LedgerEntry;
import app.stempel.store.schema.tables.Member;
import app.stempel.core.MemberStatus;
import app.stempel.core.CardStatus;
import app.stempel.core.EntryKind;

/**
 * The Members screen's reading and everyday editing: everyone page by page (or the counter's search),
 * one member's profile and full ledger history, edits of their contact data, group and note, and
 * blocking. Corrections, merges and erasure are the owner's: {@link MemberCorrections}.
 *
 * <p>Blocking a member sets their status to BLOCKED and leaves their card as it is (still ACTIVE, so the
 * card table's CHECK holds and unblocking needs no new number): a scan finds them and the counter
 * refuses to stamp because the member is blocked.
 */
public final class MemberDirectory {

    /** Longest note kept. */
    public static final int MAX_NOTE = 500;

    private final Database db;
    private final Clock clock;
    private final MemberSearch search;
    private final OwnerGate gate;

    /** @param gate asked before a member is changed (edit, block): the Members screen is the owner's */
    public MemberDirectory(Database db, Clock clock, MemberSearch search, OwnerGate gate) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
        this.search = Objects.requireNonNull(search);
        this.gate = Objects.requireNonNull(gate);
    }

    // --- the list

    /**
     * A page of members: with an empty {@code query} everyone but the erased, by name (keyset paging on
     * the folded name and id, so any page is one index range); otherwise the member search.
     */
    @Role(Who.OWNER)
    public SearchPage browse(String query, SearchCursor after, int limit) {
        gate.require();
        if (query != null && !query.isBlank()) {
            return search.search(query, after, limit);
        }
        var select = db.dsl().select(MEMBER.ID, MEMBER.SEARCH_NAME, MEMBER.DISPLAY_NAME, MEMBER.PHONE, MEMBER.EMAIL,
                        MEMBER.STATUS, CARD.CARD_NUMBER)
                .from(MEMBER).leftJoin(CARD).on(CARD.ACTIVE_MEMBER_ID.eq(MEMBER.ID))
                .where(MEMBER.STATUS.ne(MemberStatus.ERASED));
        if (after != null) {
            // (name, id) > (key, id), written so the first condition is an index range on both databases
            select = select.and(MEMBER.SEARCH_NAME.ge(after.key()))
                    .and(MEMBER.SEARCH_NAME.gt(after.key()).or(MEMBER.ID.gt(after.memberId())));
        }
        var hits = select.orderBy(MEMBER.SEARCH_NAME, MEMBER.ID).limit(limit + 1).fetch();
        List<MemberRow> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, hits.size()); i++) {
            Record r = hits.get(i);
            rows.add(new MemberRow(r.get(MEMBER.ID), r.get(MEMBER.DISPLAY_NAME), r.get(MEMBER.PHONE),
                    r.get(MEMBER.EMAIL), r.get(CARD.CARD_NUMBER), r.get(MEMBER.STATUS)));
        }
        SearchCursor next = hits.size() > limit
                ? new SearchCursor(hits.get(limit - 1).get(MEMBER.SEARCH_NAME), hits.get(limit - 1).get(MEMBER.ID))
                : null;
        return new SearchPage(rows, next);
    }

    // --- the profile

    /** One card the member has or had. */
    public record CardRow(String number, boolean active, String blockedReason, OffsetDateTime issuedAt,
            OffsetDateTime blockedAt) {
    }

    /** A member group to choose from. */
    public record Group(long id, String name) {
    }

    /** Another record a merge joined to this one. */
    public record Linked(long id, String name) {
    }

    /**
     * Everything the profile shows.
     *
     * @param mergedInto the record this one was merged into, or null
     * @param mergedFrom records merged into this one
     */
    public record Profile(long id, String name, String phone, String email, LocalDate birthday,
            OffsetDateTime birthdaySetAt, boolean marketingConsent, String note, Long groupId, String groupName,
            MemberStatus status, Linked mergedInto, List<Linked> mergedFrom, OffsetDateTime enrolledAt,
            List<CardRow> cards, int stamps, int points, int rewards, int visits, long spendMinor,
            OffsetDateTime firstVisit, OffsetDateTime lastVisit) {

        public boolean active() {
            return MemberStatus.ACTIVE == status;
        }

        /** Merged away or erased: nothing more is done to this record. */
        public boolean gone() {
            return MemberStatus.MERGED == status || MemberStatus.ERASED == status;
        }

        public Optional<String> activeCard() {
            return cards.stream().filter(CardRow::active).map(CardRow::number).findFirst();
        }
    }

    @Role(Who.OWNER)
    public Profile profile(long memberId) {
        gate.require();
        Member into = MEMBER.as("into");
        Record r = db.dsl().select(MEMBER.asterisk(), BALANCE.asterisk(), MEMBER_GROUP.NAME, into.DISPLAY_NAME)
                .from(MEMBER)
                .join(BALANCE).on(BALANCE.MEMBER_ID.eq(MEMBER.ID))
                .leftJoin(MEMBER_GROUP).on(MEMBER_GROUP.ID.eq(MEMBER.GROUP_ID))
                .leftJoin(into).on(into.ID.eq(MEMBER.MERGED_INTO))
                .where(MEMBER.ID.eq(memberId)).fetchOne();
        if (r == null) {
            throw new Refused(Refused.Why.NOT_FOUND);
        }
        List<CardRow> cards = db.dsl().selectFrom(CARD).where(CARD.MEMBER_ID.eq(memberId)).orderBy(CARD.ID.desc())
                .fetch(c -> new CardRow(c.getCardNumber(), CardStatus.ACTIVE == c.getStatus(), c.getBlockedReason(),
                        c.getIssuedAt(), c.getBlockedAt()));
        List<Linked> from = db.dsl().select(MEMBER.ID, MEMBER.DISPLAY_NAME).from(MEMBER)
                .where(MEMBER.MERGED_INTO.eq(memberId)).orderBy(MEMBER.ID)
                .fetch(m -> new Linked(m.value1(), m.value2()));
        Long intoId = r.get(MEMBER.MERGED_INTO);
        return new Profile(memberId, r.get(MEMBER.DISPLAY_NAME), r.get(MEMBER.PHONE), r.get(MEMBER.EMAIL),
                r.get(MEMBER.BIRTHDAY), r.get(MEMBER.BIRTHDAY_SET_AT), r.get(MEMBER.MARKETING_CONSENT),
                r.get(MEMBER.NOTE), r.get(MEMBER.GROUP_ID), r.get(MEMBER_GROUP.NAME), r.get(MEMBER.STATUS),
                intoId == null ? null : new Linked(intoId, r.get(into.DISPLAY_NAME)), from, r.get(MEMBER.ENROLLED_AT),
                cards, r.get(BALANCE.STAMPS), r.get(BALANCE.POINTS), r.get(BALANCE.REWARDS), r.get(BALANCE.VISITS),
                r.get(BALANCE.SPEND_MINOR), r.get(BALANCE.FIRST_VISIT_AT), r.get(BALANCE.LAST_VISIT_AT));
    }

    @Role(Who.OWNER)
    public List<Group> groups() {
        gate.require();
        return db.dsl().select(MEMBER_GROUP.ID, MEMBER_GROUP.NAME).from(MEMBER_GROUP).orderBy(MEMBER_GROUP.NAME)
                .fetch(g -> new Group(g.value1(), g.value2()));
    }

    // --- the history

    /**
     * One ledger entry as the history shows it.
     *
     * @param cashierName who did it, or null for the owner ({@code byOwner}) or the program (imports)
     * @param cancelsId the entry this UNDO or VOID cancels, or null
     * @param cancelledById the UNDO or VOID that cancels this one, or null
     * @param otherMemberId the other record of a merge, or null
     */
    public record HistoryRow(long id, OffsetDateTime at, EntryKind kind, int stamps, int points, int rewards,
            int visits, long amountMinor, String currency, String cashierName, boolean byOwner, String till,
            String reason, Long cancelsId, Long cancelledById, EntryKind cancelledByKind, Long otherMemberId,
            String otherMemberName) {
    }

    /** A page of history, newest first, and the id to continue below (null if this was the last page). */
    public record HistoryPage(List<HistoryRow> rows, Long nextBefore) {
    }

    /** The member's ledger entries with ids below {@code beforeId} (null: from the newest), newest first. */
    @Role(Who.OWNER)
    public HistoryPage history(long memberId, Long beforeId, int limit) {
        gate.require();
        LedgerEntry e = LEDGER_ENTRY.as("e");
        LedgerEntry c = LEDGER_ENTRY.as("c");
        Member other = MEMBER.as("other");
        var select = db.dsl().select(e.asterisk(), CASHIER.NAME, c.ID, c.KIND, other.DISPLAY_NAME).from(e)
                // c: the entry that cancels e, if any, shown beside it (to leave cancelled ones out: Ledger.notCancelled)
                .leftJoin(c).on(c.CANCELS_ID.eq(e.ID))
                .leftJoin(CASHIER).on(CASHIER.ID.eq(e.CASHIER_ID))
                .leftJoin(other).on(other.ID.eq(e.OTHER_MEMBER_ID))
                .where(e.MEMBER_ID.eq(memberId));
        if (beforeId != null) {
            select = select.and(e.ID.lt(beforeId));
        }
        var hits = select.orderBy(e.ID.desc()).limit(limit + 1).fetch();
        List<HistoryRow> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, hits.size()); i++) {
            Record r = hits.get(i);
            rows.add(new HistoryRow(r.get(e.ID), r.get(e.CREATED_AT), r.get(e.KIND), r.get(e.STAMPS), r.get(e.POINTS),
                    r.get(e.REWARDS), r.get(e.VISITS), r.get(e.AMOUNT_MINOR), r.get(e.CURRENCY), r.get(CASHIER.NAME),
                    r.get(e.BY_OWNER), r.get(e.TILL), r.get(e.REASON), r.get(e.CANCELS_ID), r.get(c.ID), r.get(c.KIND),
                    r.get(e.OTHER_MEMBER_ID), r.get(other.DISPLAY_NAME)));
        }
        return new HistoryPage(rows, hits.size() > limit ? rows.get(limit - 1).id() : null);
    }

    // --- editing

    /** The editable data of a member; the view model has checked it (see {@link #edit}). */
    public record Changes(String name, String phone, String email, LocalDate birthday, boolean marketingConsent,
            Long groupId, String note) {
        public Changes {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name is required");
            }
            name = name.strip();
        }
    }

    /**
     * Saves {@code c} and rewrites the search columns and terms, so the counter finds the new name and not
     * the old one. A birthday that changes sets its "set at" time to now (a birthday reward does not count
     * one changed recently); an unchanged birthday keeps it.
     */
    @Role(Who.OWNER)
    public void edit(long memberId, Changes c) {
        gate.require();
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.write(tx -> {
            Record m = tx.select(MEMBER.STATUS, MEMBER.BIRTHDAY, MEMBER.BIRTHDAY_SET_AT).from(MEMBER)
                    .where(MEMBER.ID.eq(memberId)).forUpdate().fetchOne();
            if (m == null) {
                throw new Refused(Refused.Why.NOT_FOUND);
            }
            if (isGone(m.get(MEMBER.STATUS))) {
                throw new Refused(Refused.Why.MEMBER_GONE);
            }
            boolean birthdayChanged = !Objects.equals(m.get(MEMBER.BIRTHDAY), c.birthday());
            String email = blankToNull(c.email());
            String note = blankToNull(c.note());
            tx.update(MEMBER)
                    .set(MEMBER.DISPLAY_NAME, c.name())
                    .set(MEMBER.SEARCH_NAME, SearchText.fold(c.name()))
                    .set(MEMBER.PHONE, blankToNull(c.phone()))
                    .set(MEMBER.PHONE_REVERSED, SearchText.reversedDigits(c.phone()))
                    .set(MEMBER.EMAIL, email)
                    .set(MEMBER.SEARCH_EMAIL, SearchText.fold(email))
                    .set(MEMBER.BIRTHDAY, c.birthday())
                    .set(MEMBER.BIRTHDAY_SET_AT, birthdayChanged
                            ? (c.birthday() == null ? null : now) : m.get(MEMBER.BIRTHDAY_SET_AT))
                    .set(MEMBER.MARKETING_CONSENT, c.marketingConsent())
                    .set(MEMBER.GROUP_ID, c.groupId())
                    .set(MEMBER.NOTE, note == null || note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE))
                    .where(MEMBER.ID.eq(memberId)).execute();
            writeSearchTerms(tx, memberId, c.name(), email);
            return null;
        });
    }

    /** Replaces the member's search terms (the counter's type-ahead) with those of {@code name} and {@code email}. */
    static void writeSearchTerms(DSLContext tx, long memberId, String name, String email) {
        tx.deleteFrom(MEMBER_SEARCH).where(MEMBER_SEARCH.MEMBER_ID.eq(memberId)).execute();
        if (name == null) {
            return;
        }
        for (String term : SearchText.terms(name, email)) {
            tx.insertInto(MEMBER_SEARCH).set(MEMBER_SEARCH.TERM, term).set(MEMBER_SEARCH.MEMBER_ID, memberId).execute();
        }
    }

    /**
     * Blocks the member (the counter finds them but stamps nothing) or lets them stamp again. Their card
     * stays active; see the class comment.
     *
     * @throws Refused for a member merged away or erased
     */
    @Role(Who.OWNER)
    public void setBlocked(long memberId, boolean blocked) {
        gate.require();
        db.write(tx -> {
            MemberStatus status = tx.select(MEMBER.STATUS).from(MEMBER).where(MEMBER.ID.eq(memberId)).forUpdate()
                    .fetchOne(MEMBER.STATUS);
            if (status == null) {
                throw new Refused(Refused.Why.NOT_FOUND);
            }
            if (isGone(status)) {
                throw new Refused(Refused.Why.MEMBER_GONE);
            }
            return tx.update(MEMBER).set(MEMBER.STATUS, blocked ? MemberStatus.BLOCKED : MemberStatus.ACTIVE)
                    .where(MEMBER.ID.eq(memberId)).execute();
        });
    }

    static boolean isGone(MemberStatus status) {
        return MemberStatus.MERGED == status || MemberStatus.ERASED == status;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
