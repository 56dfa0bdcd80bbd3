package app.stempel.data;

import static app.stempel.store.schema.Tables.IMPORT_BATCH;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import app.stempel.cards.CardNumbers;
import app.stempel.owner.OwnerGate;
import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.settings.SettingsService;
import app.stempel.store.Database;

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
 *
 * <p>The reading is {@link CsvImportReader}'s, the writing {@link CsvImportWriter}'s (its entries and
 * balances through the ledger's batch); this class is their door, with the owner's check.
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

        void countFileRow() {
            fileRows++;
        }

        List<MemberRow> members() {
            return members;
        }

        List<VisitRow> visits() {
            return visits;
        }
    }

    record MemberRow(int line, String name, String phone, String email, LocalDate birthday, String ref, String card,
            int stamps) {
    }

    record VisitRow(int line, String ref, OffsetDateTime at, long amountMinor) {
    }

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
        return CsvImportReader.read(bytes, fileName, fingerprint, previous(fingerprint), kind, overrides,
                clock.getZone(), db.dsl());
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
        String currency = new SettingsService(db).currency().map(Currency::getCurrencyCode).orElse(null);
        Result result = db.dsl().connectionResult(connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Result r = new CsvImportWriter(connection, db.dsl(), cardNumbers, OffsetDateTime.now(clock), currency,
                        preview, progress).run();
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

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
