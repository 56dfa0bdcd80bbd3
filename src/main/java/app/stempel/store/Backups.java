package app.stempel.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Backups of the shop's database: the engine's online backup (H2's {@code BACKUP TO}), consistent while
 * the tills keep stamping. Automatic ones live in {@code backups/} in the data folder: one a day
 * ({@code stempel-YYYY-MM-DD.zip}, taken when the shop opens and, for a till left open past midnight, on
 * the day's first check), and the one taken on closing beside it ({@code stempel-YYYY-MM-DD-exit.zip}),
 * rotated to the last {@value #KEEP_DAILY} days plus one a week for {@value #KEEP_WEEKLY} weeks before that.
 * Each backup is written to a file of its own and renamed when complete, one at a time, so two backups
 * never share a file.
 */
public final class Backups {

    /** Folder of the automatic backups inside the data folder. */
    public static final String FOLDER = "backups";
    static final int KEEP_DAILY = 7;
    static final int KEEP_WEEKLY = 4;
    private static final String PREFIX = "stempel-";
    private static final String EXIT = "-exit";
    private static final String PARTIAL = ".partial";
    /** One backup at a time in this program: the daily one, the one on closing and the owner's. */
    private static final Object WRITING = new Object();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final Path dataDir;
    private final Clock clock;

    public Backups(Path dataDir, Clock clock) {
        this.dataDir = Objects.requireNonNull(dataDir);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Writes a consistent copy of the open database to {@code zip} (replacing the file if it exists). */
    public static void backup(Database db, Path zip) throws IOException {
        Path target = zip.toAbsolutePath();
        Files.createDirectories(target.getParent());
        synchronized (WRITING) {
            Path partial = target.resolveSibling(target.getFileName() + "." + Long.toHexString(System.nanoTime()) + PARTIAL);
            try {
                db.backupTo(partial);
                PrivateFiles.secureFile(partial);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }

    /**
     * Today's automatic backup, if there is none yet (or always, with {@code force}, as on closing), then
     * rotation.
     *
     * @return the backup written, or empty if today's already existed
     */
    public Optional<Path> daily(Database db, boolean force) throws IOException {
        Path today = automatic("");
        if (Files.exists(today) && !force) {
            return Optional.empty();
        }
        backup(db, today);
        rotate();
        return Optional.of(today);
    }

    /** The backup on closing: beside the day's automatic one, which it leaves as it is; then rotation. */
    public Path onExit(Database db) throws IOException {
        Path file = automatic(EXIT);
        backup(db, file);
        rotate();
        return file;
    }

    private Path automatic(String suffix) throws IOException {
        Files.createDirectories(folder());
        PrivateFiles.secureFile(folder()); // the backups folder, like the data folder, is its owner's alone
        return folder().resolve(PREFIX + LocalDate.now(clock).format(DAY) + suffix + ".zip");
    }

    /** The automatic backups, newest first (a day's backup on closing before that day's automatic one). */
    public List<Path> list() throws IOException {
        if (!Files.isDirectory(folder())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(f -> day(f).isPresent())
                    .sorted(Comparator.comparing((Path f) -> day(f).orElseThrow())
                            .thenComparing(f -> f.getFileName().toString().endsWith(EXIT + ".zip")).reversed())
                    .toList();
        }
    }

    /**
     * Keeps the backups of the last {@value #KEEP_DAILY} days that have one, and one a week for
     * {@value #KEEP_WEEKLY} weeks before that; deletes the rest, and files left half-written by a program
     * that stopped during a backup.
     */
    void rotate() throws IOException {
        synchronized (WRITING) {
            List<Path> all = list();
            List<LocalDate> days = all.stream().map(f -> day(f).orElseThrow()).distinct().toList();
            Set<LocalDate> keep = new HashSet<>(days.subList(0, Math.min(KEEP_DAILY, days.size())));
            Set<Long> weeks = new HashSet<>();
            for (LocalDate d : days.subList(Math.min(KEEP_DAILY, days.size()), days.size())) {
                long week = d.get(IsoFields.WEEK_BASED_YEAR) * 100L + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                if (weeks.size() < KEEP_WEEKLY && weeks.add(week)) {
                    keep.add(d);
                }
            }
            for (Path f : all) {
                if (!keep.contains(day(f).orElseThrow())) {
                    Files.deleteIfExists(f);
                }
            }
            try (Stream<Path> files = Files.list(folder())) {
                for (Path f : files.filter(f -> f.getFileName().toString().endsWith(PARTIAL)).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /**
     * Restores {@code zip} over the database in the data folder, which must not be open (the folder's lock
     * is held throughout, so a running copy of Stempel makes this fail with {@link DatabaseException}). The backup is
     * unpacked beside it, opened (which also brings its schema up to date) and checked with
     * {@code check}; only then is the current database moved aside (kept, never deleted) and the
     * restored one put in its place.
     *
     * @param check runs the integrity check on the opened copy; false refuses it
     * @return where the database that was replaced now lies, or empty if there was none
     * @throws RestoreException if the file is not a Stempel backup or fails the check; nothing changed
     */
    public Optional<Path> restore(Path zip, Predicate<Database> check) throws IOException {
        Files.createDirectories(dataDir);
        FolderLock lock = FolderLock.acquire(dataDir);
        Path work = dataDir.resolve("restore-" + System.currentTimeMillis());
        Files.createDirectories(work);
        try {
            Path unpacked = Database.file(work);
            unpack(zip, unpacked);
            try (Database restored = Database.open(work)) {
                if (!check.test(restored)) {
                    throw new RestoreException(RestoreException.Reason.FAILS_CHECK, zip + " fails the integrity check");
                }
            } catch (DatabaseException e) {
                throw new RestoreException(RestoreException.Reason.NOT_A_BACKUP, zip + " does not open: " + e.getMessage());
            }
            Path current = Database.file(dataDir);
            Optional<Path> aside = Optional.empty();
            if (Files.exists(current)) {
                Path kept = Database.file(dataDir, Database.FILE_NAME + "-before-restore-"
                        + LocalDate.now(clock).format(DAY) + "-" + System.currentTimeMillis());
                Files.move(current, kept);
                aside = Optional.of(kept);
            }
            Files.move(unpacked, current);
            return aside;
        } finally {
            try {
                deleteTree(work);
            } finally {
                lock.release();
            }
        }
    }

    /**
     * Unpacks the one database file of backup {@code zip} (named as in a data folder) into {@code target};
     * refuses a file that holds none: it is not a Stempel backup.
     */
    static void unpack(Path zip, Path target) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new RestoreException(RestoreException.Reason.NOT_A_BACKUP, zip + " is not a file");
        }
        String name = Database.file(Path.of("")).toString();
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name) && !found) {
                    copy(in, target);
                    found = true;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new RestoreException(RestoreException.Reason.NOT_A_BACKUP, zip + " is not a readable zip: " + e.getMessage());
        }
        if (!found) {
            throw new RestoreException(RestoreException.Reason.NOT_A_BACKUP, zip + " holds no Stempel database");
        }
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private Path folder() {
        return dataDir.resolve(FOLDER);
    }

    private static Optional<LocalDate> day(Path f) {
        String name = f.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.endsWith(".zip")) {
            return Optional.empty();
        }
        String day = name.substring(PREFIX.length(), name.length() - ".zip".length());
        if (day.endsWith(EXIT)) {
            day = day.substring(0, day.length() - EXIT.length());
        }
        try {
            return Optional.of(LocalDate.parse(day, DAY));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.forEach(paths::add);
        }
        paths.sort(Comparator.reverseOrder());
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }

    /** A backup that cannot be restored; the current database is untouched. */
    public static final class RestoreException extends IOException {
        private static final long serialVersionUID = 1L;

        /** Why. */
        public enum Reason { NOT_A_BACKUP, FAILS_CHECK }

        private final Reason reason;

        RestoreException(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
