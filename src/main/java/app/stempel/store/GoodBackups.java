package app.stempel.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the newest automatic backup that would restore a working shop: every page of its file reads
 * ({@link Database#checkFile}), it opens, and it passes the caller's check (the ledger's integrity check). Each
 * backup is unpacked into a folder of its own inside the data folder and deleted afterwards; the backups
 * themselves are only read.
 */
public final class GoodBackups {

    private static final Logger LOG = LoggerFactory.getLogger(GoodBackups.class);

    private final Path dataDir;
    private final Clock clock;

    public GoodBackups(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
    }

    /** The newest backup in the data folder's backups that passes {@code check}; empty if none does. */
    public Optional<Path> newest(Predicate<Database> check) {
        List<Path> all;
        try {
            all = new Backups(dataDir, clock).list();
        } catch (IOException e) {
            LOG.info("Backups in {} cannot be listed", dataDir, e);
            return Optional.empty();
        }
        for (Path zip : all) {
            if (passes(zip, check)) {
                return Optional.of(zip);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code zip} holds a Stempel database whose every page reads and that passes {@code check}. */
    public boolean passes(Path zip, Predicate<Database> check) {
        Path work = dataDir.resolve("check-" + System.nanoTime());
        try {
            Files.createDirectories(work);
            Backups.unpack(zip, Database.file(work));
            Database.checkFileOf(work);
            try (Database db = Database.open(work)) {
                boolean ok = check.test(db);
                LOG.info("Backup {} {} the check", zip, ok ? "passes" : "fails");
                return ok;
            }
        } catch (IOException | RuntimeException e) {
            LOG.info("Backup {} is not usable: {}", zip, e.toString());
            return false;
        } finally {
            try {
                Backups.deleteTree(work);
            } catch (IOException e) {
                LOG.info("Could not delete {}", work, e);
            }
        }
    }
}
