package app.stempel.store.h2;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.stempel.store.Engine;
import app.stempel.store.Fault;
import app.stempel.store.FileCheck;

/**
 * H2, embedded: the database is one MVStore file ({@code .mv.db}) in the data folder.
 *
 * <p><b>Durability.</b> H2 writes committed changes to its file from a background thread every
 * {@code WRITE_DELAY} ms and calls fsync almost never, so a confirmed stamp could vanish with a killed
 * process or a power cut. {@link #sync} therefore runs {@code CHECKPOINT SYNC}, which stores all committed
 * changes and fsyncs the file before it returns. The background writer stays on because it also compacts
 * the file while the shop works; it no longer decides durability. ({@code WRITE_DELAY=0} would stop that
 * thread: {@code FileStore.setAutoCommitDelay(0)} starts no background writer, so nothing would ever reclaim
 * old chunks while the program runs.)
 *
 * <p><b>File size.</b> Every durable commit writes a new MVStore chunk. H2 may overwrite a dead chunk
 * only after {@code RETENTION_TIME} (45 s by default; kept, because the background writer's own writes
 * are not fsynced and the retention time is what protects the last synced state against a power cut),
 * so a burst of stamps grows the file while it is open (10,000 stamps in under a minute: about 150 MB,
 * see {@code FileGrowthTest}); the background writer reclaims that space afterwards, and closing
 * compacts it. Two settings keep the closed file within twice its {@code SHUTDOWN COMPACT} size:
 * <ul>
 * <li>{@code COMPRESS=TRUE}: pages are stored LZF-compressed, as {@code SHUTDOWN COMPACT} stores them
 * ({@code Store.compact} opens its target with {@code MVStore.Builder.compress()}), so live data takes
 * about as much room as in a compacted file. Without it, a closed file was 2.1 to 8 times its
 * compacted size.</li>
 * <li>{@code MAX_COMPACT_TIME=2000}: on close, H2 ({@code Database.closeOpenFilesAndUnlock} &rarr;
 * {@code Store.close(maxCompactTime)} &rarr; {@code FileStore.compactStore}) rewrites sparse chunks
 * and moves chunks to the front, calling fsync before it overwrites or truncates anything; the
 * default 200 ms left a file 8 times its compacted size after 10,000 stamps.</li>
 * </ul>
 * When even that leaves most of the file dead, {@link #livePercent} says so and the database is closed with
 * {@code SHUTDOWN COMPACT} ({@link Pool#closeCompacting}).
 */
public final class H2Engine implements Engine {

    private static final Logger LOG = LoggerFactory.getLogger(H2Engine.class);

    /** H2's file system of the real disk. */
    public static final String DISK = "file:";

    /** H2 settings appended to the URL; see the class comment for why each is there. */
    static final String URL_SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE;COMPRESS=TRUE;MAX_COMPACT_TIME=2000";

    private final String fileSystem;

    /**
     * H2 with its files on the file system {@code fileSystem}: {@link #DISK} for the real disk (tests put a
     * disk that can fill up here).
     */
    public H2Engine(String fileSystem) {
        this.fileSystem = Objects.requireNonNull(fileSystem);
    }

    @Override
    public SQLDialect dialect() {
        return SQLDialect.H2;
    }

    @Override
    public Path file(Path base) {
        return base.resolveSibling(base.getFileName() + ".mv.db");
    }

    @Override
    public Pool open(Path base) {
        return new H2Pool("jdbc:h2:" + fileSystem + base + URL_SETTINGS);
    }

    @Override
    public void sync(DSLContext dsl) {
        dsl.execute("CHECKPOINT SYNC");
    }

    @Override
    public void backup(DSLContext dsl, Path target) {
        dsl.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'");
    }

    /** From H2's own figures: the live share of the chunks times the share of the file in live chunks. */
    @Override
    public int livePercent(DSLContext dsl) {
        try {
            var rates = dsl.resultQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                    + "WHERE SETTING_NAME IN ('info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")
                    .fetchMap(0, 1);
            int fill = Integer.parseInt(String.valueOf(rates.get("info.FILL_RATE")).strip());
            int chunks = Integer.parseInt(String.valueOf(rates.get("info.CHUNKS_FILL_RATE")).strip());
            return fill * chunks / 100;
        } catch (RuntimeException e) {
            LOG.debug("fill rate unknown", e);
            return 100;
        }
    }

    @Override
    public FileCheck check(Path file) {
        return PageCheck.run(file);
    }

    /** H2's error codes, and the MVStore's (which also carries the operating system's words for a full disk). */
    @Override
    public Optional<Fault> fault(Throwable t) {
        if (t instanceof SQLException s) {
            switch (s.getErrorCode()) {
                case ErrorCode.DATABASE_ALREADY_OPEN_1:
                    return Optional.of(Fault.IN_USE);
                case ErrorCode.DATABASE_IS_READ_ONLY:
                    return Optional.of(Fault.READ_ONLY);
                case ErrorCode.FILE_CORRUPTED_1:
                case ErrorCode.FILE_VERSION_ERROR_1:
                case ErrorCode.WRONG_USER_OR_PASSWORD:
                    return Optional.of(Fault.DAMAGED);
                default:
                    return Optional.empty();
            }
        }
        if (t instanceof MVStoreException m) {
            if (Fault.saysDiskFull(m.getMessage())) {
                return Optional.of(Fault.DISK_FULL);
            }
            return switch (m.getErrorCode()) {
                case DataUtils.ERROR_FILE_CORRUPT, DataUtils.ERROR_UNSUPPORTED_FORMAT, DataUtils.ERROR_READING_FAILED,
                        DataUtils.ERROR_CHUNK_NOT_FOUND -> Optional.of(Fault.DAMAGED);
                case DataUtils.ERROR_FILE_LOCKED -> Optional.of(Fault.IN_USE);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    @Override
    public boolean isClosed(Throwable t) {
        return t instanceof SQLException s && s.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED
                || t instanceof MVStoreException m && m.getErrorCode() == DataUtils.ERROR_CLOSED;
    }

    @Override
    public boolean isLockTimeout(Throwable t) {
        return t instanceof SQLException s && s.getErrorCode() == ErrorCode.LOCK_TIMEOUT_1;
    }

    /** H2's own pool of connections to one URL. */
    private static final class H2Pool implements Pool {
        private final String url;
        private final JdbcConnectionPool pool;

        H2Pool(String url) {
            this.url = url;
            this.pool = JdbcConnectionPool.create(url, "sa", "");
        }

        @Override
        public Connection connection() throws SQLException {
            return pool.getConnection();
        }

        @Override
        public Pool again() {
            return new H2Pool(url);
        }

        @Override
        public void close() {
            pool.dispose();
        }

        @Override
        public void closeCompacting() throws SQLException {
            // a connection of its own keeps the database open while the pool lets go of its connections
            try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                pool.dispose();
                c.createStatement().execute("SHUTDOWN COMPACT");
            } finally {
                pool.dispose();
            }
        }
    }
}
