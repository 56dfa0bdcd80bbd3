package app.stempel.ledger;

import static app.stempel.store.schema.Tables.BALANCE;
import static app.stempel.store.schema.Tables.LEDGER_ENTRY;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;

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
     * Records a visit that earns {@code stamps} stamps, with the purchase amount if one was typed.
     *
     * @return the new ledger entry's id
     */
    public long stamp(long memberId, Long cardId, int stamps, Money amount, Long programId, Actor actor) {
        if (stamps < 0) {
            throw new IllegalArgumentException("stamps must not be negative");
        }
        if (amount != null && amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long spend = amount == null ? 0 : amount.minor();
        return db.write(tx -> {
            long id = tx.insertInto(LEDGER_ENTRY)
                    .set(LEDGER_ENTRY.MEMBER_ID, memberId)
                    .set(LEDGER_ENTRY.CARD_ID, cardId)
                    .set(LEDGER_ENTRY.KIND, "STAMP")
                    .set(LEDGER_ENTRY.STAMPS, stamps)
                    .set(LEDGER_ENTRY.VISITS, 1)
                    .set(LEDGER_ENTRY.AMOUNT_MINOR, spend)
                    .set(LEDGER_ENTRY.CURRENCY, amount == null ? null : amount.currency().getCurrencyCode())
                    .set(LEDGER_ENTRY.PROGRAM_ID, programId)
                    .set(LEDGER_ENTRY.CREATED_AT, now)
                    .set(LEDGER_ENTRY.TILL, actor.till())
                    .set(LEDGER_ENTRY.CASHIER_ID, actor.cashierId())
                    .returning(LEDGER_ENTRY.ID)
                    .fetchOne(LEDGER_ENTRY.ID);
            int updated = tx.update(BALANCE)
                    .set(BALANCE.STAMPS, BALANCE.STAMPS.plus(stamps))
                    .set(BALANCE.VISITS, BALANCE.VISITS.plus(1))
                    .set(BALANCE.SPEND_MINOR, BALANCE.SPEND_MINOR.plus(spend))
                    .set(BALANCE.FIRST_VISIT_AT, DSL.coalesce(BALANCE.FIRST_VISIT_AT, DSL.val(now)))
                    .set(BALANCE.LAST_VISIT_AT, now)
                    .where(BALANCE.MEMBER_ID.eq(memberId))
                    .execute();
            if (updated != 1) {
                throw new IllegalStateException("member " + memberId + " has no balance");
            }
            return id;
        });
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
