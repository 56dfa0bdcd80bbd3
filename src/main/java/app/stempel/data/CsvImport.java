package app.stempel.data;

import static app.stempel.store.schema.Tables.CARD;
import static app.stempel.store.schema.Tables.IMPORT_BATCH;
import static app.stempel.store.schema.Tables.MEMBER;
import static org.jooq.impl.DSL.coalesce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jooq.DSLContext;

import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.cards.CardNumbers;
import app.stempel.data.CsvColumns.Field;
import app.stempel.ledger.LedgerChain;
import app.stempel.search.SearchText;
import app.stempel.owner.OwnerGate;
import app.stempel.settings.SettingsService;
import app.stempel.store.Database;
import app.stempel.store.ExplicitIds;

/**
 * Imports members (with their current stamp counts) and past visits from CSV files, all or nothing.
 *
 * <p>{@link #preview} reads the whole file and lists every problem with the physical line where its
 * record starts and a message key (texts under {@code import.problem.*} in the bundles), without
 * writing anything. {@link #commit} writes a clean preview in one transaction, in JDBC batches, and
 * records the file's fingerprint so the same file is not imported twice by mistake.
 *
 * <p>Visits: a reference that matches no member (by external reference, then by card number) creates a
 * member named by it, with a new Stempel card. Each visit is an {@code IMPORT} ledger entry with one
 * visit, its amount and its time, and no stamps: stamps from past visits were either redeemed long
 * ago or are what the members file's current stamp count carries, so earning them again here would
 * hand out rewards twice. Balances (visits, spend, first and last visit) are kept equal to the ledger.
 */
public final class CsvImport {

    /** What a file holds. */
    public enum Kind { MEMBERS, VISITS }

    /** One thing wrong with a file: where (the physical line a record starts on), why and with what. */
    public record Problem(int line, String key, List<Object> args) {
        public Problem(int line, String key, Object... args) {
            this(line, key, List.of(args));
        }

        public Problem {
            Objects.requireNonNull(key);
            args = List.copyOf(args);
        }
    }

    /** When and under what name the same file was imported before. */
    public record Previous(OffsetDateTime at, String fileName, Kind kind) {
    }

    /** Reports progress: {@code done} of {@code total} rows. */
    @FunctionalInterface
    public interface Progress {
        void update(long done, long total);

        Progress NONE = (done, total) -> { };
    }

    /** What an import wrote. */
    public record Result(Kind kind, int rows, int membersCreated, int visits, long amountMinor, long batchId) {
    }

    /** The import was not written because of these problems. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        Refused(List<Problem> problems) {
            super(problems.size() + " problem(s), first: " + problems.get(0));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** The same file was imported before and the person did not confirm a second import. */
    public static final class AlreadyImported extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Previous previous;

        AlreadyImported(Previous previous) {
            super("imported before, on " + previous.at());
            this.previous = previous;
        }

        public Previous previous() {
            return previous;
        }
    }

    /** A parsed file: what the preview shows, and the rows {@link #commit} writes. */
    public static final class Preview {
        private final Kind kind;
        private final String fileName;
        private final String fingerprint;
        private final Map<String, String> mapping;
        private final Map<String, String> examples;
        private final List<Problem> problems;
        private final Optional<Previous> previous;
        private final List<MemberRow> members;
        private final List<VisitRow> visits;
        private int fileRows;

        Preview(Kind kind, String fileName, String fingerprint, Map<String, String> mapping,
                Map<String, String> examples, List<Problem> problems, Optional<Previous> previous,
                List<MemberRow> members, List<VisitRow> visits) {
            this.kind = kind;
            this.fileName = fileName;
            this.fingerprint = fingerprint;
            this.mapping = mapping;
            this.examples = examples;
            this.problems = problems;
            this.previous = previous;
            this.members = members;
            this.visits = visits;
        }

        public Kind kind() {
            return kind;
        }

        public String fileName() {
            return fileName;
        }

        /** SHA-256 of the file's bytes, hex. */
        public String fingerprint() {
            return fingerprint;
        }

        /** Rows (records after the header) read. */
        public int rows() {
            return kind == Kind.MEMBERS ? members.size() : visits.size();
        }

        /** Rows of the file after the header, blank ones not counted, with problems or without. */
        public int fileRows() {
            return fileRows;
        }

        /** Each header of the file and the field it was read as ({@code null}: not read). */
        public Map<String, String> mapping() {
            return mapping;
        }

        /**
         * Each header of the file and its value in the first row, so a person can tell what a column
         * holds; read even when a required column is missing. Empty if the file has no row.
         */
        public Map<String, String> examples() {
            return examples;
        }

        /** Every problem, in file order; an import with problems writes nothing. */
        public List<Problem> problems() {
            return problems;
        }

        /** The earlier import of this very file, if there was one. */
        public Optional<Previous> previous() {
            return previous;
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    record MemberRow(int line, String name, String phone, String email, LocalDate birthday, String ref, String card,
            int stamps) {
    }

    record VisitRow(int line, String ref, OffsetDateTime at, long amountMinor) {
    }

    static final int MAX_NAME = 200;
    static final int MAX_PHONE = 40;
    static final int MAX_EMAIL = 200;
    static final int MAX_REF = 64;
    static final int MAX_CARD = 32;
    private static final int BATCH = 5_000;
    private static final int CHUNK = 500;
    private static final String TILL = "import";

    private final Database db;
    private final Clock clock;
    private final CardNumbers cardNumbers;
    private final OwnerGate owner;

    /** @param owner asked before every preview and import: imports are the owner's */
    public CsvImport(Database db, Clock clock, CardNumbers cardNumbers, OwnerGate owner) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
        this.cardNumbers = Objects.requireNonNull(cardNumbers);
        this.owner = Objects.requireNonNull(owner);
    }

    // ---- preview

    /**
     * Reads {@code file} as a {@code kind} import and checks every row against the file and the
     * database, writing nothing.
     *
     * @param overrides header → field code (or {@code -} to skip the column); wins over the names
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if an override names a field this kind of import does not have
     */
    @Role(Who.OWNER)
    public Preview preview(Path file, Kind kind, Map<String, String> overrides) {
        owner.require();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return preview(bytes, String.valueOf(file.getFileName()), kind, overrides);
    }

    Preview preview(byte[] bytes, String fileName, Kind kind, Map<String, String> overrides) {
        owner.require();
        String fingerprint = sha256(bytes);
        Optional<Previous> previous = previous(fingerprint);
        List<Problem> problems = new ArrayList<>();
        List<MemberRow> members = new ArrayList<>();
        List<VisitRow> visits = new ArrayList<>();
        Map<String, String> mapping = new LinkedHashMap<>();
        Map<String, String> examples = new LinkedHashMap<>();
        Preview preview = new Preview(kind, fileName, fingerprint, mapping, examples, problems, previous, members,
                visits);

        CsvText.Decoded decoded = CsvText.decode(bytes);
        if (decoded.problem() != null) {
            problems.add(decoded.problem());
            return preview;
        }
        String text = decoded.text();
        if (text.isBlank()) {
            problems.add(new Problem(1, "import.problem.empty"));
            return preview;
        }
        CsvColumns columns = new CsvColumns(kind);
        int[] lines = CsvText.lineStarts(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(CsvText.separator(text))
                .setIgnoreEmptyLines(true).get();
        ZoneId zone = clock.getZone();
        Field[] fields = null;
        List<String> headers = List.of();
        boolean columnsMissing = false;
        try (CSVParser parser = CSVParser.parse(text, format)) {
            int previousEnd = 1;
            try {
                for (CSVRecord record : parser) {
                    int line = CsvText.lineAt(lines, text, record.getCharacterPosition());
                    previousEnd = (int) parser.getCurrentLineNumber() + 1;
                    if (fields != null && !isBlank(record)) {
                        preview.fileRows++;
                        if (examples.isEmpty()) {
                            for (int i = 0; i < headers.size(); i++) {
                                examples.putIfAbsent(headers.get(i), i < record.size() ? record.get(i).strip() : "");
                            }
                        }
                    }
                    if (columnsMissing) {
                        continue;
                    }
                    if (fields == null) {
                        headers = record.toList();
                        fields = columns.map(headers, overrides);
                        for (int i = 0; i < headers.size(); i++) {
                            mapping.put(headers.get(i), fields[i] == null ? null : fields[i].code());
                        }
                        List<Field> found = java.util.Arrays.asList(fields);
                        for (Field f : columns.fields()) {
                            if (f.required() && !found.contains(f)) {
                                problems.add(new Problem(line, "import.problem.missingColumn", f.code()));
                            }
                        }
                        // the rows are only counted then, and the first shows what the columns hold
                        columnsMissing = !problems.isEmpty();
                        continue;
                    }
                    if (isBlank(record)) {
                        continue;
                    }
                    Map<Field, String> values = new HashMap<>();
                    for (int i = 0; i < fields.length && i < record.size(); i++) {
                        if (fields[i] != null) {
                            values.put(fields[i], SpreadsheetRows.original(record.get(i).strip()));
                        }
                    }
                    if (kind == Kind.MEMBERS) {
                        member(line, values, problems, members);
                    } else {
                        visit(line, values, zone, problems, visits);
                    }
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                if (!columnsMissing) {
                    problems.add(new Problem(Math.max(previousEnd, 1), "import.problem.malformed"));
                }
                return preview;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (fields == null) {
            problems.add(new Problem(1, "import.problem.empty"));
        } else if (members.isEmpty() && visits.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(lines.length, "import.problem.noRows"));
        }
        if (kind == Kind.MEMBERS) {
            checkMembersAgainstFileAndShop(db.dsl(), members, problems);
        }
        problems.sort(java.util.Comparator.comparingInt(Problem::line));
        return preview;
    }

    private static boolean isBlank(CSVRecord record) {
        for (String v : record) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void member(int line, Map<Field, String> v, List<Problem> problems, List<MemberRow> out) {
        int before = problems.size();
        String name = v.getOrDefault(Field.NAME, "");
        if (name.isEmpty()) {
            problems.add(new Problem(line, "import.problem.noName"));
        }
        String phone = emptyToNull(v.get(Field.PHONE));
        String email = emptyToNull(v.get(Field.EMAIL));
        String ref = emptyToNull(v.get(Field.REF));
        String card = emptyToNull(v.get(Field.CARD));
        tooLong(line, Field.NAME, name, MAX_NAME, problems);
        tooLong(line, Field.PHONE, phone, MAX_PHONE, problems);
        tooLong(line, Field.EMAIL, email, MAX_EMAIL, problems);
        tooLong(line, Field.REF, ref, MAX_REF, problems);
        if (card != null && !card.matches("[\\p{L}\\p{Nd}]{1," + MAX_CARD + "}")) {
            problems.add(new Problem(line, "import.problem.badCard", card, MAX_CARD));
        }
        LocalDate birthday = null;
        String b = emptyToNull(v.get(Field.BIRTHDAY));
        if (b != null) {
            birthday = CsvValues.date(b).orElse(null);
            if (birthday == null) {
                problems.add(new Problem(line, "import.problem.badDate", b));
            }
        }
        int stamps = 0;
        String s = emptyToNull(v.get(Field.STAMPS));
        if (s != null) {
            try {
                stamps = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                stamps = -1;
            }
            if (stamps < 0) {
                problems.add(new Problem(line, "import.problem.badStamps", s));
            }
        }
        if (problems.size() == before) {
            out.add(new MemberRow(line, name, phone, email, birthday, ref, card, stamps));
        }
    }

    private static void visit(int line, Map<Field, String> v, ZoneId zone, List<Problem> problems, List<VisitRow> out) {
        int before = problems.size();
        String ref = v.getOrDefault(Field.MEMBER, "");
        if (ref.isEmpty()) {
            problems.add(new Problem(line, "import.problem.noMember"));
        }
        tooLong(line, Field.MEMBER, ref, MAX_REF, problems);
        String t = v.getOrDefault(Field.TIMESTAMP, "");
        OffsetDateTime at = CsvValues.dateTime(t).map(w -> w.at(zone)).orElse(null);
        if (at == null) {
            problems.add(new Problem(line, "import.problem.badDate", t));
        }
        long amount = 0;
        String a = emptyToNull(v.get(Field.AMOUNT));
        if (a != null) {
            Optional<Long> parsed = CsvValues.amountMinor(a);
            if (parsed.isEmpty()) {
                problems.add(new Problem(line, "import.problem.badAmount", a));
            } else if (parsed.get() < 0) {
                problems.add(new Problem(line, "import.problem.negativeAmount", a));
            } else {
                amount = parsed.get();
            }
        }
        if (problems.size() == before) {
            out.add(new VisitRow(line, ref, at, amount));
        }
    }

    private static void tooLong(int line, Field field, String value, int max, List<Problem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new Problem(line, "import.problem.tooLong", field.code(), max));
        }
    }

    /** Card numbers and references used twice in the file, or already in the shop. */
    private static void checkMembersAgainstFileAndShop(DSLContext dsl, List<MemberRow> rows, List<Problem> problems) {
        Map<String, Integer> cards = new HashMap<>();
        Map<String, Integer> refs = new HashMap<>();
        for (MemberRow r : rows) {
            if (r.card() != null) {
                Integer first = cards.putIfAbsent(r.card(), r.line());
                if (first != null) {
                    problems.add(new Problem(r.line(), "import.problem.duplicateCard", r.card(), String.valueOf(first)));
                }
            }
            if (r.ref() != null) {
                Integer first = refs.putIfAbsent(r.ref(), r.line());
                if (first != null) {
                    problems.add(new Problem(r.line(), "import.problem.duplicateRef", r.ref(), String.valueOf(first)));
                }
            }
        }
        for (String card : existing(dsl, cards.keySet(), true)) {
            problems.add(new Problem(cards.get(card), "import.problem.cardInShop", card));
        }
        for (String ref : existing(dsl, refs.keySet(), false)) {
            problems.add(new Problem(refs.get(ref), "import.problem.refInShop", ref));
        }
    }

    private static Set<String> existing(DSLContext dsl, Collection<String> values, boolean cards) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : chunks(values)) {
            if (cards) {
                found.addAll(dsl.select(CARD.CARD_NUMBER).from(CARD).where(CARD.CARD_NUMBER.in(chunk))
                        .fetch(CARD.CARD_NUMBER));
            } else {
                found.addAll(dsl.select(MEMBER.EXTERNAL_REF).from(MEMBER).where(MEMBER.EXTERNAL_REF.in(chunk))
                        .and(MEMBER.STATUS.ne("ERASED")).fetch(MEMBER.EXTERNAL_REF));
            }
        }
        return found;
    }

    private static List<List<String>> chunks(Collection<String> values) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>(CHUNK);
        for (String v : values) {
            current.add(v);
            if (current.size() == CHUNK) {
                out.add(current);
                current = new ArrayList<>(CHUNK);
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private Optional<Previous> previous(String fingerprint) {
        return db.dsl().select(IMPORT_BATCH.CREATED_AT, IMPORT_BATCH.FILE_NAME, IMPORT_BATCH.KIND).from(IMPORT_BATCH)
                .where(IMPORT_BATCH.FINGERPRINT.eq(fingerprint)).orderBy(IMPORT_BATCH.ID.desc()).limit(1)
                .fetchOptional(r -> new Previous(r.value1(), r.value2(), Kind.valueOf(r.value3())));
    }

    // ---- commit

    /**
     * Writes a preview without problems in one transaction and puts it on the disk.
     *
     * @param again import even though the same file was imported before
     * @throws Refused if the preview has problems, or the shop changed since so that it now has
     * @throws AlreadyImported if the file was imported before and {@code again} is false
     */
    @Role(Who.OWNER)
    public Result commit(Preview preview, boolean again, Progress progress) {
        owner.require();
        if (!preview.ok()) {
            throw new Refused(preview.problems());
        }
        Optional<Previous> previous = previous(preview.fingerprint());
        if (previous.isPresent() && !again) {
            throw new AlreadyImported(previous.get());
        }
        Result result = db.dsl().connectionResult(connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Result r = new Writer(connection, preview, progress).run();
                connection.commit();
                return r;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        });
        db.syncToDisk();
        return result;
    }

    /** One import's writes on one connection, in one transaction. */
    private final class Writer {
        private final Connection connection;
        private final DSLContext dsl;
        private final Preview preview;
        private final Progress progress;
        private final OffsetDateTime now = OffsetDateTime.now(clock);
        private final String currency;
        private final String reason;
        private long nextMember;
        private long nextCard;
        private long nextEntry;
        /** The chain's last entry once this import holds the head (from its first entry on), else null. */
        private LedgerChain.Link head;
        private final LedgerChain.Hasher hasher = new LedgerChain.Hasher();
        private long done;

        private PreparedStatement memberInsert;
        private PreparedStatement searchInsert;
        private PreparedStatement cardInsert;
        private PreparedStatement entryInsert;
        private PreparedStatement balanceInsert;
        private int pending;

        Writer(Connection connection, Preview preview, Progress progress) {
            this.connection = connection;
            this.dsl = org.jooq.impl.DSL.using(connection, db.dsl().dialect(), db.dsl().settings());
            this.preview = preview;
            this.progress = progress;
            this.currency = new SettingsService(db).currency().map(java.util.Currency::getCurrencyCode).orElse(null);
            String name = preview.fileName();
            this.reason = "CSV import: " + (name.length() > 400 ? name.substring(0, 400) : name);
        }

        Result run() throws SQLException {
            if (preview.kind() == Kind.MEMBERS) {
                List<Problem> problems = new ArrayList<>();
                checkMembersAgainstFileAndShop(dsl, preview.members, problems);
                if (!problems.isEmpty()) {
                    throw new Refused(problems);
                }
            }
            nextMember = ExplicitIds.max(connection, "member") + 1;
            nextCard = ExplicitIds.max(connection, "card") + 1;
            nextEntry = ExplicitIds.max(connection, "ledger_entry") + 1;
            try {
                memberInsert = connection.prepareStatement("INSERT INTO member (id, display_name, search_name, phone, "
                        + "phone_reversed, email, search_email, birthday, birthday_set_at, marketing_consent, status, "
                        + "external_ref, enrolled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, 'ACTIVE', ?, ?)");
                searchInsert = connection.prepareStatement("INSERT INTO member_search (term, member_id) VALUES (?, ?)");
                cardInsert = connection.prepareStatement("INSERT INTO card (id, card_number, member_id, "
                        + "active_member_id, status, imported, issued_at) VALUES (?, ?, ?, ?, 'ACTIVE', ?, ?)");
                entryInsert = connection.prepareStatement("INSERT INTO ledger_entry (id, member_id, card_id, kind, "
                        + "stamps, visits, amount_minor, currency, created_at, till, reason, prev_id, prev_hash, "
                        + "entry_hash) VALUES (?, ?, ?, 'IMPORT', ?, ?, ?, ?, ?, '" + TILL + "', ?, ?, ?, ?)");
                balanceInsert = connection.prepareStatement("INSERT INTO balance (member_id, stamps, visits, "
                        + "spend_minor, first_visit_at, last_visit_at) VALUES (?, ?, ?, ?, ?, ?)");
                Result result = preview.kind() == Kind.MEMBERS ? members() : visits();
                flush();
                if (head != null) {
                    LedgerChain.moveHead(dsl, head);
                }
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
                ExplicitIds.restart(connection, "ledger_entry", nextEntry);
                progress.update(preview.rows(), preview.rows());
                return new Result(result.kind(), result.rows(), result.membersCreated(), result.visits(),
                        result.amountMinor(), batchId);
            } finally {
                for (PreparedStatement ps : new PreparedStatement[] {memberInsert, searchInsert, cardInsert,
                    entryInsert, balanceInsert}) {
                    if (ps != null) {
                        ps.close();
                    }
                }
            }
        }

        private Result members() throws SQLException {
            List<MemberRow> rows = preview.members;
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
                    insertEntry(memberId, cardId, r.stamps(), 0, 0, now);
                }
                insertBalance(memberId, r.stamps(), 0, 0, null, null);
                step();
            }
            return new Result(Kind.MEMBERS, rows.size(), rows.size(), 0, 0, 0);
        }

        private Result visits() throws SQLException {
            List<VisitRow> rows = preview.visits;
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
                insertBalance(memberId, 0, t.visits, t.spend, t.first, t.last);
                ids.put(ref, new long[] {memberId, cardId});
            }
            flush();
            try (PreparedStatement update = connection.prepareStatement("UPDATE balance SET visits = visits + ?, "
                    + "spend_minor = spend_minor + ?, first_visit_at = LEAST(COALESCE(first_visit_at, ?), ?), "
                    + "last_visit_at = GREATEST(COALESCE(last_visit_at, ?), ?) WHERE member_id = ?")) {
                Map<Long, Totals> byMember = new HashMap<>();
                known.forEach((ref, member) -> byMember.computeIfAbsent(member, k -> new Totals()).add(byRef.get(ref)));
                for (Map.Entry<Long, Totals> e : byMember.entrySet()) {
                    Totals t = e.getValue();
                    update.setInt(1, t.visits);
                    update.setLong(2, t.spend);
                    update.setObject(3, t.first);
                    update.setObject(4, t.first);
                    update.setObject(5, t.last);
                    update.setObject(6, t.last);
                    update.setLong(7, e.getKey());
                    update.addBatch();
                }
                update.executeBatch();
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
                insertEntry(memberId, cardId, 0, 1, v.amountMinor(), v.at());
                amount += v.amountMinor();
                step();
            }
            return new Result(Kind.VISITS, rows.size(), unknown.size(), rows.size(), amount, 0);
        }

        /** Members the references name: by external reference first, then by any card number they had. */
        private Map<String, Long> resolve(Collection<String> refs) {
            Map<String, Long> found = new HashMap<>();
            for (List<String> chunk : chunks(refs)) {
                dsl.select(MEMBER.EXTERNAL_REF, coalesce(MEMBER.MERGED_INTO, MEMBER.ID)).from(MEMBER)
                        .where(MEMBER.EXTERNAL_REF.in(chunk)).and(MEMBER.STATUS.ne("ERASED"))
                        .orderBy(MEMBER.ID)
                        .forEach(r -> found.putIfAbsent(r.value1(), r.value2()));
            }
            List<String> rest = refs.stream().filter(r -> !found.containsKey(r)).toList();
            for (List<String> chunk : chunks(rest)) {
                dsl.select(CARD.CARD_NUMBER, coalesce(MEMBER.MERGED_INTO, MEMBER.ID)).from(CARD)
                        .join(MEMBER).on(MEMBER.ID.eq(CARD.MEMBER_ID))
                        .where(CARD.CARD_NUMBER.in(chunk)).and(MEMBER.STATUS.ne("ERASED"))
                        .forEach(r -> found.putIfAbsent(r.value1(), r.value2()));
            }
            return found;
        }

        private Map<Long, Long> activeCards(Set<Long> members) {
            Map<Long, Long> out = new HashMap<>();
            List<Long> all = new ArrayList<>(members);
            for (int i = 0; i < all.size(); i += CHUNK) {
                dsl.select(CARD.ACTIVE_MEMBER_ID, CARD.ID).from(CARD)
                        .where(CARD.ACTIVE_MEMBER_ID.in(all.subList(i, Math.min(all.size(), i + CHUNK))))
                        .forEach(r -> out.put(r.value1(), r.value2()));
            }
            return out;
        }

        /** {@code count} new Stempel numbers, none issued before nor in {@code taken}. */
        private List<String> newNumbers(int count, Set<String> taken) {
            Set<String> chosen = new java.util.LinkedHashSet<>();
            while (chosen.size() < count) {
                Set<String> batch = new HashSet<>();
                while (batch.size() < count - chosen.size()) {
                    String number = cardNumbers.next();
                    if (!taken.contains(number) && !chosen.contains(number)) {
                        batch.add(number);
                    }
                }
                batch.removeAll(existing(dsl, batch, true));
                chosen.addAll(batch);
            }
            return new ArrayList<>(chosen);
        }

        private void insertMember(long id, String name, String phone, String email, LocalDate birthday, String ref,
                OffsetDateTime enrolled) throws SQLException {
            memberInsert.setLong(1, id);
            memberInsert.setString(2, name);
            memberInsert.setString(3, cut(SearchText.fold(name), MAX_NAME));
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
            pending++;
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

        private void insertBalance(long memberId, int stamps, int visits, long spend, OffsetDateTime first,
                OffsetDateTime last) throws SQLException {
            balanceInsert.setLong(1, memberId);
            balanceInsert.setInt(2, stamps);
            balanceInsert.setInt(3, visits);
            balanceInsert.setLong(4, spend);
            balanceInsert.setObject(5, first);
            balanceInsert.setObject(6, last);
            balanceInsert.addBatch();
            if (pending >= BATCH) {
                flush();
            }
        }

        /**
         * Adds one IMPORT entry to the chain. The first one locks the chain's head (after every balance this
         * import changes: see {@link LedgerChain}) and takes the entry ids from there, so no till's entry can
         * come between this import's entries.
         */
        private void insertEntry(long memberId, Long cardId, int stamps, int visits, long amount, OffsetDateTime at)
                throws SQLException {
            if (head == null) {
                head = LedgerChain.lockHead(dsl);
                nextEntry = ExplicitIds.max(connection, "ledger_entry") + 1;
            }
            String entryCurrency = visits > 0 ? currency : null;
            LedgerChain.Content content = new LedgerChain.Content(memberId, cardId, "IMPORT", stamps, 0, 0, visits,
                    amount, entryCurrency, null, null, at, TILL, null, reason, false, null, null, null);
            byte[] hash = hasher.hash(content, head);
            long id = nextEntry++;
            entryInsert.setLong(1, id);
            entryInsert.setLong(2, memberId);
            if (cardId == null) {
                entryInsert.setNull(3, Types.BIGINT);
            } else {
                entryInsert.setLong(3, cardId);
            }
            entryInsert.setInt(4, stamps);
            entryInsert.setInt(5, visits);
            entryInsert.setLong(6, amount);
            setString(entryInsert, 7, entryCurrency);
            entryInsert.setObject(8, content.createdAt());
            entryInsert.setString(9, reason);
            if (head.id() == null) {
                entryInsert.setNull(10, Types.BIGINT);
            } else {
                entryInsert.setLong(10, head.id());
            }
            setBytes(entryInsert, 11, head.hash());
            entryInsert.setBytes(12, hash);
            entryInsert.addBatch();
            head = new LedgerChain.Link(id, hash);
            if (++pending >= BATCH) {
                flush();
            }
        }

        private void step() {
            if (++done % 1000 == 0) {
                progress.update(done, preview.rows());
            }
        }

        private void flush() throws SQLException {
            memberInsert.executeBatch();
            searchInsert.executeBatch();
            cardInsert.executeBatch();
            balanceInsert.executeBatch();
            entryInsert.executeBatch();
            pending = 0;
        }
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

    private static void setBytes(PreparedStatement ps, int index, byte[] value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARBINARY);
        } else {
            ps.setBytes(index, value);
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

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
