package app.stempel.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.jooq.Configuration;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;

import app.stempel.store.Database;

/**
 * Counts the SQL statements jOOQ executes on a shop's database, from this thread, while it is open: a
 * listener added to the database's one {@code DSLContext} (transactions derive their configuration from it,
 * so their statements count too). Closing it takes the listener off again.
 *
 * <pre>
 * try (Statements sql = Statements.count(shop.db())) {
 *     shop.counter().stampOrAsk(id, null, TestShop.TILL);
 *     assertThat(sql.total()).isLessThanOrEqualTo(12);
 * }
 * </pre>
 */
public final class Statements implements AutoCloseable {

    private final Configuration configuration;
    private final ExecuteListenerProvider[] before;
    private final Thread thread = Thread.currentThread();
    private final List<String> executed = Collections.synchronizedList(new ArrayList<>());

    private Statements(Configuration configuration) {
        this.configuration = configuration;
        this.before = configuration.executeListenerProviders();
        ExecuteListenerProvider[] with = Arrays.copyOf(before, before.length + 1);
        with[before.length] = new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                if (Thread.currentThread() == thread) {
                    executed.add(ctx.sql());
                }
            }
        });
        configuration.set(with);
    }

    /** Starts counting the statements run on {@code db} from the calling thread. */
    public static Statements count(Database db) {
        return new Statements(db.dsl().configuration());
    }

    /** The statements executed so far, in order, as jOOQ rendered them. */
    public List<String> sql() {
        synchronized (executed) {
            return List.copyOf(executed);
        }
    }

    /** How many statements were executed so far. */
    public int total() {
        return executed.size();
    }

    /** How many of them were reads (a SELECT that is not an INSERT returning its keys). */
    public int reads() {
        return (int) sql().stream().filter(Statements::isRead).count();
    }

    /** How many of them were not reads: inserts, updates, the sync to the disk. */
    public int writes() {
        return total() - reads();
    }

    /** Counting restarts at zero. */
    public void reset() {
        executed.clear();
    }

    private static boolean isRead(String sql) {
        String s = sql.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("select") && !s.contains("final table (insert");
    }

    @Override
    public String toString() {
        return total() + " statements (" + reads() + " reads, " + writes() + " writes):\n  " + String.join("\n  ", sql());
    }

    @Override
    public void close() {
        configuration.set(before);
    }
}
