package app.stempel.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * What belongs to one database engine: how its database is opened, made durable, backed up, compacted and
 * checked, and what its own error codes mean. Everything above {@link Database} speaks jOOQ in the engine's
 * {@link #dialect()} and names failures as {@link Fault}s; only an implementation of this interface knows the
 * engine's own SQL, settings and codes. Today there is one, H2 embedded in the data folder
 * ({@code store.h2.H2Engine}).
 */
public interface Engine {

    /** The jOOQ dialect of this engine's SQL. */
    SQLDialect dialect();

    /** The file that holds the database named {@code base} (a path without the engine's file extension). */
    Path file(Path base);

    /**
     * Connections to the database named {@code base}, created on first use if it does not exist. No
     * connection is made yet.
     */
    Pool open(Path base);

    /**
     * Puts every committed change on the disk: when this returns, it survives a killed process and a power
     * cut.
     */
    void sync(DSLContext dsl);

    /** Writes a consistent copy of the open database to the zip file {@code target}, while others keep writing. */
    void backup(DSLContext dsl, Path target);

    /** The share of the database file that holds live data, in percent; 100 if the engine cannot tell. */
    int livePercent(DSLContext dsl);

    /**
     * Reads every page of the closed database file {@code file}, whether or not a query would touch it.
     *
     * @throws DatabaseException {@link DatabaseException.Reason#CORRUPT} if a page cannot be read
     */
    FileCheck check(Path file);

    /**
     * What {@code t} itself (not its causes) says in the engine's own words; empty if it says nothing the
     * engine knows.
     */
    Optional<Fault> fault(Throwable t);

    /** Whether {@code t} itself says the engine has closed the database (after a write it could not make). */
    boolean isClosed(Throwable t);

    /** Whether {@code t} itself says a wait for a lock held by another transaction timed out. */
    boolean isLockTimeout(Throwable t);

    /** The connections to one database, from {@link #open} until {@link #close}. */
    interface Pool {

        /** A connection; closing it gives it back. */
        Connection connection() throws SQLException;

        /** A new pool to the same database, which opens it again if the engine closed it. */
        Pool again();

        /** Lets go of every connection; the database closes as the last one goes. */
        void close();

        /** Closes the database, rewriting its file whole and compactly (slow on a large database). */
        void closeCompacting() throws SQLException;
    }
}
