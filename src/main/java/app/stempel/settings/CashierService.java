package app.stempel.settings;

import static app.stempel.store.schema.Tables.CASHIER;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import app.stempel.store.Database;

/** The people who work at the till. */
public final class CashierService {

    /** One cashier. */
    public record Cashier(long id, String name) {
    }

    private final Database db;
    private final Clock clock;

    public CashierService(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Active cashiers by name. */
    public List<Cashier> active() {
        return db.dsl().select(CASHIER.ID, CASHIER.NAME).from(CASHIER).where(CASHIER.ACTIVE.isTrue())
                .orderBy(CASHIER.NAME).fetch(r -> new Cashier(r.value1(), r.value2()));
    }

    public Cashier add(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw new IllegalArgumentException("a cashier needs a name of 1 to 100 characters");
        }
        long id = db.write(tx -> tx.insertInto(CASHIER).set(CASHIER.NAME, n).set(CASHIER.ACTIVE, true)
                .set(CASHIER.CREATED_AT, OffsetDateTime.now(clock)).returning(CASHIER.ID).fetchOne(CASHIER.ID));
        return new Cashier(id, n);
    }
}
