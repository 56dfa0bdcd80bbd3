package app.stempel.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * For bulk loads that write explicit ids in JDBC batches (demo data, CSV import): where the ids of a
 * table end, and moving the table's identity past the ids written so the application's own inserts
 * carry on after them. In H2 the move is DDL and commits the transaction: do it last.
 */
public final class ExplicitIds {

    private ExplicitIds() {
    }

    /** The highest id in {@code table}, 0 if it is empty. */
    public static long max(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement(); var rs = s.executeQuery("SELECT MAX(id) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Makes {@code table}'s next generated id {@code next}. */
    public static void restart(Connection connection, String table, long next) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
        }
    }
}
