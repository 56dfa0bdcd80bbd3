package app.stempel.settings;

import static app.stempel.store.schema.Tables.CASHIER;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.owner.OwnerGate;
import app.stempel.store.Database;
import org.jooq.DSLContext;
import java.util.function.ToIntFunction;

/**
 * The people who work at the till. The owner manages them (names, an optional PIN, leaving); a cashier
 * who leaves keeps their name in the history, so nobody is ever deleted.
 */
public final class CashierService {

    /** One cashier, as the till shows them. */
    public record Cashier(long id, String name, boolean hasPin) {
        public Cashier(long id, String name) {
            this(id, name, false);
        }
    }

    /** One cashier as the owner manages them. */
    public record Staff(long id, String name, boolean hasPin, boolean active) {
    }

    /** Longest name. */
    public static final int NAME_MAX = 100;

    private final Database db;
    private final Clock clock;
    private final OwnerGate owner;

    public CashierService(Database db, Clock clock, OwnerGate owner) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
        this.owner = Objects.requireNonNull(owner);
    }

    /** Active cashiers by name. */
    @Role(Who.TILL)
    public List<Cashier> active() {
        return db.dsl().select(CASHIER.ID, CASHIER.NAME, CASHIER.PIN_HASH).from(CASHIER)
                .where(CASHIER.ACTIVE.isTrue())
                .orderBy(CASHIER.NAME).fetch(r -> new Cashier(r.value1(), r.value2(), r.value3() != null));
    }

    /** Everyone who ever worked at the till, active first. Owner only. */
    @Role(Who.OWNER)
    public List<Staff> all() {
        owner.require();
        return db.dsl().select(CASHIER.ID, CASHIER.NAME, CASHIER.PIN_HASH, CASHIER.ACTIVE).from(CASHIER)
                .orderBy(CASHIER.ACTIVE.desc(), CASHIER.NAME, CASHIER.ID)
                .fetch(r -> new Staff(r.value1(), r.value2(), r.value3() != null, r.value4()));
    }

    /** Adds a cashier, with a PIN of 4 to 8 digits or none (null or blank). Owner only. */
    @Role(Who.OWNER)
    public Cashier add(String name, String pin) {
        owner.require();
        String n = validName(name);
        String hash = pinHash(pin);
        return create(n, hash);
    }

    /** The first cashier, named in the first-run wizard before there is an owner mode to open. */
    Cashier addFirst(String name) {
        return create(validName(name), null);
    }

    private Cashier create(String name, String pinHash) {
        long id = db.write(tx -> tx.insertInto(CASHIER).set(CASHIER.NAME, name).set(CASHIER.PIN_HASH, pinHash)
                .set(CASHIER.ACTIVE, true).set(CASHIER.CREATED_AT, OffsetDateTime.now(clock))
                .returning(CASHIER.ID).fetchOne(CASHIER.ID));
        return new Cashier(id, name, pinHash != null);
    }

    /** Renames a cashier; the history shows the new name. Owner only. */
    @Role(Who.OWNER)
    public void rename(long id, String name) {
        owner.require();
        String n = validName(name);
        update(id, tx -> tx.update(CASHIER).set(CASHIER.NAME, n).where(CASHIER.ID.eq(id)).execute());
    }

    /** Sets a cashier's PIN, or takes it away with null or blank. Owner only. */
    @Role(Who.OWNER)
    public void setPin(long id, String pin) {
        owner.require();
        String hash = pinHash(pin);
        update(id, tx -> tx.update(CASHIER).set(CASHIER.PIN_HASH, hash).where(CASHIER.ID.eq(id)).execute());
    }

    /** A cashier leaves (or comes back): gone from the till's list, kept in the history. Owner only. */
    @Role(Who.OWNER)
    public void setActive(long id, boolean active) {
        owner.require();
        update(id, tx -> tx.update(CASHIER).set(CASHIER.ACTIVE, active).where(CASHIER.ID.eq(id)).execute());
    }

    private void update(long id, ToIntFunction<DSLContext> change) {
        int rows = db.write(tx -> change.applyAsInt(tx));
        if (rows != 1) {
            throw new IllegalArgumentException("no cashier " + id);
        }
    }

    /** Whether {@code pin} opens the till for cashier {@code id}; true for a cashier without a PIN. Slow. */
    @Role(Who.TILL)
    public boolean pinMatches(long id, String pin) {
        return db.dsl().select(CASHIER.PIN_HASH).from(CASHIER).where(CASHIER.ID.eq(id)).and(CASHIER.ACTIVE.isTrue())
                .fetchOptional()
                .map(r -> r.value1() == null || (pin != null && PinHasher.matches(pin, r.value1())))
                .orElse(false);
    }

    private static String validName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > NAME_MAX) {
            throw new IllegalArgumentException("a cashier needs a name of 1 to 100 characters");
        }
        return n;
    }

    private static String pinHash(String pin) {
        if (pin == null || pin.isBlank()) {
            return null;
        }
        if (!Pins.isValidCashier(pin.strip())) {
            throw new IllegalArgumentException("a PIN is 4 to 8 digits");
        }
        return PinHasher.hash(pin.strip());
    }
}
