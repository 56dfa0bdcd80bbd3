package app.stempel.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.stempel.store.h2.H2Engine;
import javax.sql.DataSource;
import java.sql.SQLFeatureNotSupportedException;
import java.io.PrintWriter;

/**
 * The shop's database, in the data folder: opens it, migrates it, hands out one {@link DSLContext}, and
 * makes every write durable. What is the database engine's own (its URL and settings, how a commit is put
 * on the disk, compaction, its error codes) is the {@link Engine}'s; today that is H2, embedded
 * ({@link H2Engine}, whose comment tells how durability and the file's size are kept).
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Name of the database inside the data folder (its file adds the engine's extension, H2's {@code .mv.db}). */
    public static final String FILE_NAME = "stempel";

    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    /**
     * The engine of the databases opened from now on, whose words {@link Fault} reads: H2 on the real disk
     * (tests put H2 on a disk that can fill up here).
     */
    static volatile Engine inUse = new H2Engine(H2Engine.DISK);

    private final Engine engine;
    private final Path file;
    private volatile Engine.Pool pool;
    private final FolderLock lock;
    private final Connections connections = new Connections();
    private final DSLContext dsl;

    private Database(Engine engine, Path file, Engine.Pool pool, FolderLock lock) {
        this.engine = engine;
        this.file = file;
        this.lock = lock;
        this.pool = pool;
        this.dsl = DSL.using(connections, engine.dialect(),
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
        Engine engine = inUse;
        Path mvFile = file(engine, dataDir);
        if (Files.exists(mvFile) && !Files.isWritable(mvFile)) {
            throw new DatabaseException(DatabaseException.Reason.READ_ONLY, mvFile + " is read-only", null);
        }
        FolderLock lock = FolderLock.acquire(dataDir);
        Engine.Pool pool = engine.open(dataDir.resolve(FILE_NAME));
        try (Connection probe = pool.connection()) {
            LOG.info("Opened database {}", mvFile);
            PrivateFiles.secureFile(mvFile); // the engine made it as the process's umask says
        } catch (IOException e) {
            LOG.warn("Could not make {} its owner's alone", mvFile, e);
        } catch (SQLException e) {
            pool.close();
            lock.release();
            throw translate(e, "cannot open " + mvFile);
        }
        Database db = new Database(engine, mvFile, pool, lock);
        try {
            db.migrate();
        } catch (FlywayException e) {
            db.closeQuietly();
            throw new DatabaseException(DatabaseException.Reason.CORRUPT, "cannot migrate " + mvFile, e);
        }
        return db;
    }

    /**
     * Reads every page of the database file in {@code dataDir} (see {@link Engine#check}) while holding the data
     * folder's lock, so no copy of Stempel writes to it meanwhile. Run it before {@link #open}: the file must
     * not be open.
     *
     * @throws DatabaseException {@link DatabaseException.Reason#CORRUPT} if a page cannot be read,
     *         {@link DatabaseException.Reason#IN_USE} if another copy of Stempel has the shop open
     */
    public static FileCheck checkFile(Path dataDir) {
        FolderLock lock = FolderLock.acquire(dataDir);
        try {
            return checkFileOf(dataDir);
        } finally {
            lock.release();
        }
    }

    /**
     * Reads every page of the database file in {@code folder}, which no one may have open; the caller holds the
     * folder or made it.
     */
    static FileCheck checkFileOf(Path folder) {
        Engine engine = inUse;
        return engine.check(file(engine, folder));
    }

    /** The shop's database file in {@code folder}. */
    static Path file(Path folder) {
        return file(inUse, folder);
    }

    /** The file of a database named {@code name} (the shop's is {@link #FILE_NAME}) in {@code folder}. */
    static Path file(Path folder, String name) {
        return inUse.file(folder.resolve(name));
    }

    private static Path file(Engine engine, Path folder) {
        return engine.file(folder.resolve(FILE_NAME));
    }

    /** Writes a consistent copy of this database to the zip file {@code target}, while others keep writing. */
    void backupTo(Path target) {
        engine.backup(dsl, target);
    }

    private void migrate() {
        var result = Flyway.configure()
                .dataSource(connections)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("Applied {} migration(s); schema version {}", result.migrationsExecuted, result.targetSchemaVersion);
        }
    }

    /** Maps a failure to what a person can do about it (see {@link Fault}). */
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
     *         changes since the last sync are not on the disk (the engine closes the database and the next use
     *         opens it again, at its last synced state), so the caller must not confirm them
     */
    public void syncToDisk() {
        try {
            engine.sync(dsl);
        } catch (RuntimeException e) {
            throw afterFailedWrite(e);
        }
    }

    /**
     * A write failed. When the disk was full (or the engine had closed the database after such a failure), it has
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
    private synchronized void reopenLater(Engine.Pool broken) {
        if (pool != broken || closed) {
            return;
        }
        LOG.info("The database {} was closed after a failed write; the next use opens it again", file);
        pool = broken.again();
        broken.close();
    }

    private volatile boolean closed;

    /**
     * Connections from the current pool. A pool whose database the engine closed (after a write failed on a full disk,
     * or when the file could not be written in the background) is replaced, and the database opened again,
     * as soon as a connection is asked for: no restart is needed once there is room.
     */
    private final class Connections implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            Engine.Pool current = pool;
            try {
                return current.connection();
            } catch (SQLException e) {
                if (closed || !Fault.isClosed(e)) {
                    throw e;
                }
                reopenLater(current);
                return pool.connection();
            }
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // the engine logs through its own trace; nothing to set
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
        public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
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
     * Closes the database. The engine compacts the file for a while as it closes (H2 for up to
     * {@code MAX_COMPACT_TIME}, 2 s), which is usually enough; when less than {@value #COMPACT_BELOW_PERCENT} %
     * of the file is live data (a burst of stamps leaves many dead chunks, and a busy machine may not get far
     * in 2 s) the file is rewritten whole instead, so it never stays more than about twice its compacted size.
     */
    @Override
    public void close() {
        int live = engine.livePercent(dsl);
        if (live < COMPACT_BELOW_PERCENT) {
            LOG.info("{} % of the file is live data: compacting it on close", live);
            closeCompacting();
        } else {
            closed = true;
            try {
                pool.close();
            } finally {
                lock.release();
            }
        }
    }

    /** Below this share of live data in the file, closing rewrites the file whole. */
    static final int COMPACT_BELOW_PERCENT = 60;

    /** Closes and rewrites the file whole and compactly; slow on a large database. */
    public void closeCompacting() {
        closed = true;
        try {
            pool.closeCompacting();
        } catch (SQLException e) {
            throw translate(e, "cannot compact " + file);
        } finally {
            secureAfterRewrite();
            pool.close();
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
