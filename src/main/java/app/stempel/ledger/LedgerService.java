package app.stempel.ledger;

import static app.stempel.store.schema.Tables.BALANCE;
import static app.stempel.store.schema.Tables.LEDGER_ENTRY;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import app.stempel.core.Actor;
import app.stempel.core.Money;
import app.stempel.store.Database;

/**
 * Writes the append-only ledger. Each method adds entries and updates the member's balance in the same
 * transaction, and returns only once the change is on the disk. Nothing here updates or deletes an entry.
 */
public final class LedgerService {

    private final Database db;
    private final Clock clock;

    public LedgerService(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Records a visit that earns {@code stamps} stamps, with the purchase amount if one was typed, and
     * returns once it is on the disk ({@link Database#write}).
     *
     * @return the new ledger entry's id
     */
    public long stamp(long memberId, Long cardId, int stamps, Money amount, Long programId, Actor actor) {
        StampEntry entry = new StampEntry(memberId, cardId, stamps, amount, programId, actor, OffsetDateTime.now(clock));
        return db.write(tx -> appendStamp(tx, entry));
    }

    /** One stamping, validated: what {@link #appendStamp} writes. */
    public record StampEntry(long memberId, Long cardId, int stamps, Money amount, Long programId, Actor actor,
            OffsetDateTime at) {
        public StampEntry {
            if (stamps < 0) {
                throw new IllegalArgumentException("stamps must not be negative");
            }
            if (amount != null && amount.isNegative()) {
                throw new IllegalArgumentException("amount must not be negative");
            }
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * Adds the ledger entry of one stamping and updates the balance inside the caller's transaction
     * {@code tx}. It neither commits nor syncs: the caller owns the transaction and must make it durable
     * (normally through {@link Database#write}, as {@link #stamp} does). For work that writes many entries
     * in one transaction, such as an import, and for the benchmark's reference measurement.
     *
     * @return the new ledger entry's id
     */
    public static long appendStamp(DSLContext tx, StampEntry e) {
        long spend = e.amount() == null ? 0 : e.amount().minor();
        long id = tx.insertInto(LEDGER_ENTRY)
                .set(LEDGER_ENTRY.MEMBER_ID, e.memberId())
                .set(LEDGER_ENTRY.CARD_ID, e.cardId())
                .set(LEDGER_ENTRY.KIND, "STAMP")
                .set(LEDGER_ENTRY.STAMPS, e.stamps())
                .set(LEDGER_ENTRY.VISITS, 1)
                .set(LEDGER_ENTRY.AMOUNT_MINOR, spend)
                .set(LEDGER_ENTRY.CURRENCY, e.amount() == null ? null : e.amount().currency().getCurrencyCode())
                .set(LEDGER_ENTRY.PROGRAM_ID, e.programId())
                .set(LEDGER_ENTRY.CREATED_AT, e.at())
                .set(LEDGER_ENTRY.TILL, e.actor().till())
                .set(LEDGER_ENTRY.CASHIER_ID, e.actor().cashierId())
                .returning(LEDGER_ENTRY.ID)
                .fetchOne(LEDGER_ENTRY.ID);
        int updated = tx.update(BALANCE)
                .set(BALANCE.STAMPS, BALANCE.STAMPS.plus(e.stamps()))
                .set(BALANCE.VISITS, BALANCE.VISITS.plus(1))
                .set(BALANCE.SPEND_MINOR, BALANCE.SPEND_MINOR.plus(spend))
                .set(BALANCE.FIRST_VISIT_AT, DSL.coalesce(BALANCE.FIRST_VISIT_AT, DSL.val(e.at())))
                .set(BALANCE.LAST_VISIT_AT, e.at())
                .where(BALANCE.MEMBER_ID.eq(e.memberId()))
                .execute();
        if (updated != 1) {
            throw new IllegalStateException("member " + e.memberId() + " has no balance");
        }
        return id;
    }

    /** The member's current stamp balance. */
    public int stamps(long memberId) {
        Integer s = db.dsl().select(BALANCE.STAMPS).from(BALANCE).where(BALANCE.MEMBER_ID.eq(memberId))
                .fetchOne(BALANCE.STAMPS);
        if (s == null) {
            throw new IllegalArgumentException("no member " + memberId);
        }
        return s;
    }
}
