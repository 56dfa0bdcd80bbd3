package app.stempel.data;

import static app.stempel.store.schema.Tables.CARD;
import static app.stempel.store.schema.Tables.IMPORT_BATCH;
import static app.stempel.store.schema.Tables.MEMBER;
import static org.jooq.impl.DSL.coalesce;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import app.stempel.cards.CardNumbers;
import app.stempel.data.CsvImport.Kind;
import app.stempel.data.CsvImport.MemberRow;
import app.stempel.data.CsvImport.Preview;
import app.stempel.data.CsvImport.Problem;
import app.stempel.data.CsvImport.Progress;
import app.stempel.data.CsvImport.Refused;
import app.stempel.data.CsvImport.Result;
import app.stempel.data.CsvImport.VisitRow;
import app.stempel.ledger.LedgerBatch;
import app.stempel.ledger.LedgerChain;
import app.stempel.search.SearchText;
import app.stempel.store.ExplicitIds;
import app.stempel.core.EntryKind;
import app.stempel.core.MemberStatus;

/**
 * The writing half of {@link CsvImport}: one clean preview's rows on one connection, in the caller's
 * transaction, in JDBC batches with explicit ids. Members, cards and search terms are written here; the
 * IMPORT entries and the balances go through the ledger's {@link LedgerBatch}.
 */
final class CsvImportWriter {

    private static final int BATCH = 5_000;
    private static final String TILL = "import";

    private final Connection connection;
    private final DSLContext dsl;
    private final CardNumbers cardNumbers;
    private final Preview preview;
    private final Progress progress;
    private final OffsetDateTime now;
    private final String currency;
    private final String reason;
    private long nextMember;
    private long nextCard;
    private long done;

    private PreparedStatement memberInsert;
    private PreparedStatement searchInsert;
    private PreparedStatement cardInsert;
    private LedgerBatch ledger;

    /**
     * @param shop     any jOOQ context of the shop's database, for its SQL dialect and settings
     * @param currency the shop's currency code, of the imported visits' amounts (null: none set)
     */
    CsvImportWriter(Connection connection, DSLContext shop, CardNumbers cardNumbers, OffsetDateTime now,
            String currency, Preview preview, Progress progress) {
        this.connection = connection;
        this.dsl = DSL.using(connection, shop.dialect(), shop.settings());
        this.cardNumbers = cardNumbers;
        this.now = now;
        this.preview = preview;
        this.progress = progress;
        this.currency = currency;
        String name = preview.fileName();
        this.reason = "CSV import: " + (name.length() > 400 ? name.substring(0, 400) : name);
    }

    Result run() throws SQLException {
        if (preview.kind() == Kind.MEMBERS) {
            List<Problem> problems = new ArrayList<>();
            CsvImportReader.checkMembersAgainstFileAndShop(dsl, preview.members(), problems);
            if (!problems.isEmpty()) {
                throw new Refused(problems);
            }
        }
        nextMember = ExplicitIds.max(connection, "member") + 1;
        nextCard = ExplicitIds.max(connection, "card") + 1;
        try {
            memberInsert = connection.prepareStatement("INSERT INTO member (id, display_name, search_name, phone, "
                    + "phone_reversed, email, search_email, birthday, birthday_set_at, marketing_consent, status, "
                    + "external_ref, enrolled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, 'ACTIVE', ?, ?)");
            searchInsert = connection.prepareStatement("INSERT INTO member_search (term, member_id) VALUES (?, ?)");
            cardInsert = connection.prepareStatement("INSERT INTO card (id, card_number, member_id, "
                    + "active_member_id, status, imported, issued_at) VALUES (?, ?, ?, ?, 'ACTIVE', ?, ?)");
            ledger = LedgerBatch.open(connection, dsl, BATCH, this::flushOwnRows);
            Result result = preview.kind() == Kind.MEMBERS ? members() : visits();
            ledger.beforeCommit();
            long batchId = dsl.insertInto(IMPORT_BATCH)
                    .set(IMPORT_BATCH.KIND, preview.kind().name())
                    .set(IMPORT_BATCH.FILE_NAME, preview.fileName().length() > 255
                            ? preview.fileName().substring(0, 255) : preview.fileName())
                    .set(IMPORT_BATCH.FINGERPRINT, preview.fingerprint())
                    .set(IMPORT_BATCH.ROW_COUNT, preview.rows())
                    .set(IMPORT_BATCH.CREATED_AT, now)
                    .returning(IMPORT_BATCH.ID).fetchOne(IMPORT_BATCH.ID);
            // last, because H2 commits on DDL: everything above is complete by now
            ExplicitIds.restart(connection, "member", nextMember);
            ExplicitIds.restart(connection, "card", nextCard);
            ledger.restartIds();
            progress.update(preview.rows(), preview.rows());
            return new Result(result.kind(), result.rows(), result.membersCreated(), result.visits(),
                    result.amountMinor(), batchId);
        } finally {
            for (PreparedStatement ps : new PreparedStatement[] {memberInsert, searchInsert, cardInsert}) {
                if (ps != null) {
                    ps.close();
                }
            }
            if (ledger != null) {
                ledger.close();
            }
        }
    }

    private Result members() throws SQLException {
        List<MemberRow> rows = preview.members();
        Set<String> taken = new HashSet<>();
        for (MemberRow r : rows) {
            if (r.card() != null) {
                taken.add(r.card());
            }
        }
        List<String> numbers = newNumbers((int) rows.stream().filter(r -> r.card() == null).count(), taken);
        int n = 0;
        for (MemberRow r : rows) {
            long memberId = nextMember++;
            long cardId = nextCard++;
            String card = r.card() != null ? r.card() : numbers.get(n++);
            insertMember(memberId, r.name(), r.phone(), r.email(), r.birthday(), r.ref(), now);
            insertCard(cardId, card, memberId, r.card() != null);
            if (r.stamps() > 0) {
                entry(memberId, cardId, r.stamps(), 0, 0, now);
            }
            ledger.insertBalance(memberId, r.stamps(), 0, 0, 0, null, null);
            step();
        }
        return new Result(Kind.MEMBERS, rows.size(), rows.size(), 0, 0, 0);
    }

    private Result visits() throws SQLException {
        List<VisitRow> rows = preview.visits();
        Map<String, Totals> byRef = new LinkedHashMap<>();
        for (VisitRow v : rows) {
            byRef.computeIfAbsent(v.ref(), k -> new Totals()).add(v);
        }
        Map<String, Long> known = resolve(byRef.keySet());
        Map<Long, Long> activeCards = activeCards(new HashSet<>(known.values()));
        List<String> unknown = byRef.keySet().stream().filter(r -> !known.containsKey(r)).toList();
        List<String> numbers = newNumbers(unknown.size(), Set.of());
        Map<String, long[]> ids = new HashMap<>();
        int n = 0;
        for (String ref : unknown) {
            Totals t = byRef.get(ref);
            long memberId = nextMember++;
            long cardId = nextCard++;
            insertMember(memberId, ref, null, null, null, ref, t.first);
            insertCard(cardId, numbers.get(n++), memberId, false);
            ledger.insertBalance(memberId, 0, 0, t.visits, t.spend, t.first, t.last);
            ids.put(ref, new long[] {memberId, cardId});
        }
        Map<Long, Totals> byMember = new HashMap<>();
        known.forEach((ref, member) -> byMember.computeIfAbsent(member, k -> new Totals()).add(byRef.get(ref)));
        for (Map.Entry<Long, Totals> e : byMember.entrySet()) {
            Totals t = e.getValue();
            ledger.addVisits(e.getKey(), t.visits, t.spend, t.first, t.last);
        }
        long amount = 0;
        for (VisitRow v : rows) {
            long memberId;
            Long cardId;
            Long existing = known.get(v.ref());
            if (existing != null) {
                memberId = existing;
                cardId = activeCards.get(existing);
            } else {
                long[] pair = ids.get(v.ref());
                memberId = pair[0];
                cardId = pair[1];
            }
            entry(memberId, cardId, 0, 1, v.amountMinor(), v.at());
            amount += v.amountMinor();
            step();
        }
        return new Result(Kind.VISITS, rows.size(), unknown.size(), rows.size(), amount, 0);
    }

    /** Members the references name: by external reference first, then by any card number they had. */
    private Map<String, Long> resolve(Collection<String> refs) {
        Map<String, Long> found = new HashMap<>();
        for (List<String> chunk : CsvImportReader.chunks(refs)) {
            dsl.select(MEMBER.EXTERNAL_REF, coalesce(MEMBER.MERGED_INTO, MEMBER.ID)).from(MEMBER)
                    .where(MEMBER.EXTERNAL_REF.in(chunk)).and(MEMBER.STATUS.ne(MemberStatus.ERASED))
                    .orderBy(MEMBER.ID)
                    .forEach(r -> found.putIfAbsent(r.value1(), r.value2()));
        }
        List<String> rest = refs.stream().filter(r -> !found.containsKey(r)).toList();
        for (List<String> chunk : CsvImportReader.chunks(rest)) {
            dsl.select(CARD.CARD_NUMBER, coalesce(MEMBER.MERGED_INTO, MEMBER.ID)).from(CARD)
                    .join(MEMBER).on(MEMBER.ID.eq(CARD.MEMBER_ID))
                    .where(CARD.CARD_NUMBER.in(chunk)).and(MEMBER.STATUS.ne(MemberStatus.ERASED))
                    .forEach(r -> found.putIfAbsent(r.value1(), r.value2()));
        }
        return found;
    }

    private Map<Long, Long> activeCards(Set<Long> members) {
        Map<Long, Long> out = new HashMap<>();
        List<Long> all = new ArrayList<>(members);
        int chunk = CsvImportReader.CHUNK;
        for (int i = 0; i < all.size(); i += chunk) {
            dsl.select(CARD.ACTIVE_MEMBER_ID, CARD.ID).from(CARD)
                    .where(CARD.ACTIVE_MEMBER_ID.in(all.subList(i, Math.min(all.size(), i + chunk))))
                    .forEach(r -> out.put(r.value1(), r.value2()));
        }
        return out;
    }

    /** {@code count} new Stempel numbers, none issued before nor in {@code taken}. */
    private List<String> newNumbers(int count, Set<String> taken) {
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            Set<String> batch = new HashSet<>();
            while (batch.size() < count - chosen.size()) {
                String number = cardNumbers.next();
                if (!taken.contains(number) && !chosen.contains(number)) {
                    batch.add(number);
                }
            }
            batch.removeAll(CsvImportReader.existing(dsl, batch, true));
            chosen.addAll(batch);
        }
        return new ArrayList<>(chosen);
    }

    private void insertMember(long id, String name, String phone, String email, LocalDate birthday, String ref,
            OffsetDateTime enrolled) throws SQLException {
        memberInsert.setLong(1, id);
        memberInsert.setString(2, name);
        memberInsert.setString(3, cut(SearchText.fold(name), CsvImportReader.MAX_NAME));
        setString(memberInsert, 4, phone);
        setString(memberInsert, 5, SearchText.reversedDigits(phone));
        setString(memberInsert, 6, email);
        setString(memberInsert, 7, SearchText.fold(email));
        memberInsert.setObject(8, birthday);
        memberInsert.setObject(9, birthday == null ? null : now);
        setString(memberInsert, 10, ref);
        memberInsert.setObject(11, enrolled);
        memberInsert.addBatch();
        for (String term : SearchText.terms(name, email)) {
            searchInsert.setString(1, term);
            searchInsert.setLong(2, id);
            searchInsert.addBatch();
        }
    }

    private void insertCard(long id, String number, long memberId, boolean imported) throws SQLException {
        cardInsert.setLong(1, id);
        cardInsert.setString(2, number);
        cardInsert.setLong(3, memberId);
        cardInsert.setLong(4, memberId);
        cardInsert.setBoolean(5, imported);
        cardInsert.setObject(6, now);
        cardInsert.addBatch();
    }

    /** One IMPORT entry: stamps from the members file, or one visit with its amount from the visits file. */
    private void entry(long memberId, Long cardId, int stamps, int visits, long amount, OffsetDateTime at)
            throws SQLException {
        ledger.add(new LedgerChain.Content(memberId, cardId, EntryKind.IMPORT, stamps, 0, 0, visits, amount,
                visits > 0 ? currency : null, null, null, at, TILL, null, reason, false, null, null, null));
    }

    private void step() {
        if (++done % 1000 == 0) {
            progress.update(done, preview.rows());
        }
    }

    /** The rows the ledger's entries and balances refer to; {@link LedgerBatch#flush} writes them first. */
    private void flushOwnRows() throws SQLException {
        memberInsert.executeBatch();
        searchInsert.executeBatch();
        cardInsert.executeBatch();
    }

    /** Visits, spend and first and last time of one member's rows. */
    private static final class Totals {
        int visits;
        long spend;
        OffsetDateTime first;
        OffsetDateTime last;

        void add(VisitRow v) {
            visits++;
            spend += v.amountMinor();
            first = first == null || v.at().isBefore(first) ? v.at() : first;
            last = last == null || v.at().isAfter(last) ? v.at() : last;
        }

        void add(Totals t) {
            visits += t.visits;
            spend += t.spend;
            first = first == null || t.first.isBefore(first) ? t.first : first;
            last = last == null || t.last.isAfter(last) ? t.last : last;
        }
    }

    private static void setString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
