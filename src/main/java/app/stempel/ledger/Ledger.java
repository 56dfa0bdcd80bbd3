package app.stempel.ledger;

import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;

import org.jooq.Condition;

import app.stempel.store.schema.tables.LedgerEntry;

/** Rules about ledger entries that the queries of every capability share, written once. */
public final class Ledger {

    private Ledger() {
    }

    /**
     * The entry {@code e} still counts: no UNDO or VOID cancels it, that is no other entry has
     * {@code cancels_id} = its id.
     */
    public static Condition notCancelled(LedgerEntry e) {
        LedgerEntry cancelling = LEDGER_ENTRY.as("cancelling");
        return notExists(selectOne().from(cancelling).where(cancelling.CANCELS_ID.eq(e.ID)));
    }

    /**
     * {@link #notCancelled} in plain SQL, for the queries that read with JDBC for speed: the entry with the
     * alias {@code alias} is not cancelled.
     */
    public static String notCancelledSql(String alias) {
        if (!alias.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not an SQL alias: " + alias);
        }
        return "NOT EXISTS (SELECT 1 FROM ledger_entry cancelling WHERE cancelling.cancels_id = " + alias + ".id)";
    }
}
