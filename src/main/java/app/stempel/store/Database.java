package app.stempel.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.Function;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database in the data folder: opens it, migrates it, hands out one {@link DSLContext},
 * and makes every write durable.
 *
 * <p><b>Durability.</b> H2 writes committed changes to its file from a background thread every
 * {@code WRITE_DELAY} ms and calls fsync almost never, so a confirmed stamp could vanish with a killed
 * process or a power cut. {@link #write} therefore commits and then runs {@code CHECKPOINT SYNC}, which
 * stores all committed changes and fsyncs the file before {@code write} returns. The background writer
 * stays on because it also compacts the file while the shop works; it no longer decides durability.
 * ({@code WRITE_DELAY=0} would stop that thread: {@code FileStore.setAutoCommitDelay(0)} starts no
 * background writer, so nothing would ever reclaim old chunks while the program runs.)
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
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** File name (without H2's {@code .mv.db}) of the database inside the data folder. */
    public static final String FILE_NAME = "stempel";

    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    /** H2 settings appended to the URL; see the class comment for why each is there. */
    static final String URL_SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE;COMPRESS=TRUE;MAX_COMPACT_TIME=2000";

    /** H2's file system of the real disk. */
    static final String DISK = "file:";

    /** H2's file system for databases opened from now on; tests put a disk that can fill up here. */
    static volatile String fileSystem = DISK;

    private final Path file;
    private final String url;
    private volatile JdbcConnectionPool pool;
    private final FolderLock lock;
    private final DSLContext dsl;

    private Database(Path file, String url, JdbcConnectionPool pool, FolderLock lock) {
        this.file = file;
        this.url = url;
        this.lock = lock;
        this.pool = pool;
        this.dsl = DSL.using(new Connections(), SQLDialect.H2,
                new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                        .withExecuteLogging(false));
    }

    /**
     * Opens (creating if needed) the database in {@code dataDir} and brings its schema up to date.
     *
     * @throws DatabaseException with a {@link DatabaseException.Reason} a person can act on
     */
    public static Database open(Path dataDir) {
        try {
            PrivateFiles.secureFolder(dataDir);
        } catch (AccessDeniedException e) {
            throw new DatabaseException(DatabaseException.Reason.READ_ONLY, "cannot create " + dataDir, e);
        } catch (IOException e) {
            throw new DatabaseException(DatabaseException.Reason.OTHER, "cannot create " + dataDir, e);
        }
        if (!Files.isWritable(dataDir)) {
            throw new DatabaseException(DatabaseException.Reason.READ_ONLY, dataDir + " is not writable", null);
        }
        Path base = dataDir.resolve(FILE_NAME);
        Path mvFile = dataDir.resolve(FILE_NAME + ".mv.db");
        if (Files.exists(mvFile) && !Files.isWritable(mvFile)) {
            throw new DatabaseException(DatabaseException.Reason.READ_ONLY, mvFile + " is read-only", null);
        }
        FolderLock lock = FolderLock.acquire(dataDir);
        String url = "jdbc:h2:" + fileSystem + base + URL_SETTINGS;
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        try (Connection probe = pool.getConnection()) {
            LOG.info("Opened database {}", mvFile);
            PrivateFiles.secureFile(mvFile); // H2 made it as the process's umask says
        } catch (IOException e) {
            LOG.warn("Could not make {} its owner's alone", mvFile, e);
        } catch (SQLException e) {
            pool.dispose();
            lock.release();
            throw translate(e, "cannot open " + mvFile);
        }
        Database db = new Database(mvFile, url, pool, lock);
        try {
            db.migrate();
        } catch (FlywayException e) {
            db.closeQuietly();
            throw new DatabaseException(DatabaseException.Reason.CORRUPT, "cannot migrate " + mvFile, e);
        }
        return db;
    }

    /**
     * Reads every page of the database file in {@code dataDir} (see {@link PageCheck}) while holding the data
     * folder's lock, so no copy of Stempel writes to it meanwhile. Run it before {@link #open}: the file must
     * not be open.
     *
     * @throws DatabaseException {@link DatabaseException.Reason#CORRUPT} if a page cannot be read,
     *         {@link DatabaseException.Reason#IN_USE} if another copy of Stempel has the shop open
     */
    public static PageCheck.Result checkFile(Path dataDir) {
        FolderLock lock = FolderLock.acquire(dataDir);
        try {
            return PageCheck.run(dataDir.resolve(FILE_NAME + ".mv.db"));
        } finally {
            lock.release();
        }
    }

    private void migrate() {
        var result = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("Applied {} migration(s); schema version {}", result.migrationsExecuted, result.targetSchemaVersion);
        }
    }

    /** Maps an H2 failure to what a person can do about it (see {@link Fault}). */
    static DatabaseException translate(Throwable e, String message) {
        return new DatabaseException(DatabaseException.reasonOf(Fault.of(e)), message + ": " + e.getMessage(), e);
    }

    /** For reads and for work that makes its own durability calls. */
    public DSLContext dsl() {
        return dsl;
    }

    /** The database file (for the status line and the log). */
    public Path file() {
        return file;
    }

    /**
     * Runs {@code work} in one transaction, commits it and puts it on the disk before returning: when
     * this returns, the change survives a killed process and a power cut.
     */
    public <T> T write(Function<DSLContext, T> work) {
        T result;
        try {
            result = dsl.transactionResult(cfg -> work.apply(cfg.dsl()));
        } catch (RuntimeException e) {
            throw afterFailedWrite(e);
        }
        syncToDisk();
        return result;
    }

    /**
     * Stores every committed change in the file and fsyncs it.
     *
     * @throws DatabaseException with {@link DatabaseException.Reason#DISK_FULL} when the disk is full: the
     *         changes since the last sync are not on the disk (H2 closes the database and the next use opens
     *         it again, at its last synced state), so the caller must not confirm them
     */
    public void syncToDisk() {
        try {
            dsl.execute("CHECKPOINT SYNC");
        } catch (RuntimeException e) {
            throw afterFailedWrite(e);
        }
    }

    /**
     * A write failed. When the disk was full (or H2 had closed the database after such a failure), H2 has
     * closed the database: the connections are let go now, so the next use opens the file again, at its last
     * state on the disk, and works as soon as there is room. The failure is returned named for the person.
     */
    private RuntimeException afterFailedWrite(RuntimeException e) {
        Fault fault = Fault.of(e);
        if (fault == Fault.DISK_FULL || Fault.isClosed(e)) {
            reopenLater(pool);
        }
        if (fault == Fault.OTHER || e instanceof DatabaseException) {
            return e;
        }
        return translate(e, "cannot write " + file);
    }

    /** Drops {@code broken} (if it is still the pool in use), so the next connection opens the database again. */
    private synchronized void reopenLater(JdbcConnectionPool broken) {
        if (pool != broken || closed) {
            return;
        }
        LOG.info("H2 closed {} after a failed write; the next use opens it again", file);
        pool = JdbcConnectionPool.create(url, "sa", "");
        broken.dispose();
    }

    private volatile boolean closed;

    /**
     * Connections from the current pool. A pool whose database H2 closed (after a write failed on a full disk,
     * or when the file could not be written in the background) is replaced, and the database opened again,
     * as soon as a connection is asked for: no restart is needed once there is room.
     */
    private final class Connections implements javax.sql.DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            JdbcConnectionPool current = pool;
            try {
                return current.getConnection();
            } catch (SQLException e) {
                if (closed || !Fault.isClosed(e)) {
                    throw e;
                }
                reopenLater(current);
                return pool.getConnection();
            }
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
            // H2 logs through its own trace; nothing to set
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // the pool's own timeout applies
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws java.sql.SQLFeatureNotSupportedException {
            throw new java.sql.SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }

    /**
     * Closes the database. H2 compacts the file for up to {@code MAX_COMPACT_TIME} (2 s) as it closes, which
     * is usually enough; when less than {@value #COMPACT_BELOW_PERCENT} % of the file is live data (a burst
     * of stamps leaves many dead chunks, and a busy machine may not get far in 2 s) the file is rewritten
     * whole instead, so it never stays more than about twice its compacted size.
     */
    @Override
    public void close() {
        int live = livePercent();
        if (live < COMPACT_BELOW_PERCENT) {
            LOG.info("{} % of the file is live data: compacting it on close", live);
            closeCompacting();
        } else {
            closed = true;
            try {
                pool.dispose();
            } finally {
                lock.release();
            }
        }
    }

    /** Below this share of live data in the file, closing rewrites the file whole. */
    static final int COMPACT_BELOW_PERCENT = 60;

    /** The share of the file that holds live pages, from H2's own figures; 100 if they cannot be read. */
    int livePercent() {
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

    /** Closes and rewrites the file whole and compactly; slow on a large database. */
    public void closeCompacting() {
        // a connection of its own keeps the database open while the pool lets go of its connections
        closed = true;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            pool.dispose();
            c.createStatement().execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw translate(e, "cannot compact " + file);
        } finally {
            secureAfterRewrite();
            pool.dispose();
            lock.release();
        }
    }

    /** Compaction writes the file anew, as the process's umask says: it is made its owner's alone again. */
    private void secureAfterRewrite() {
        try {
            if (Files.exists(file)) {
                PrivateFiles.secureFile(file);
            }
        } catch (IOException e) {
            LOG.warn("Could not make {} its owner's alone", file, e);
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            LOG.debug("ignored while closing", e);
        }
    }
}
