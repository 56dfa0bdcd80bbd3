package app.stempel.ledger;

import static app.stempel.store.schema.Tables.BALANCE;
import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static app.stempel.store.schema.Tables.MEMBER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.store.Database;
import app.stempel.store.schema.tables.LedgerEntry;

/**
 * Recomputes every member's balance from the ledger and lists where the stored balance disagrees.
 * The ledger is the truth; the balance table is a cache of its sums kept for the counter's speed.
 */
public final class IntegrityCheck {

    /** One stored value that disagrees with the ledger. */
    public record Difference(long memberId, String field, String ledger, String balance) {
        @Override
        public String toString() {
            return "member " + memberId + ": " + field + " is " + balance + " but the ledger says " + ledger;
        }
    }

    /** The outcome: how many members were checked and what disagreed. */
    public record Result(int membersChecked, List<Difference> differences) {
        public boolean ok() {
            return differences.isEmpty();
        }
    }

    private final Database db;

    public IntegrityCheck(Database db) {
        this.db = Objects.requireNonNull(db);
    }

    @Role(Who.TILL)
    public Result run() {
        LedgerEntry e = LEDGER_ENTRY.as("e");
        LedgerEntry c = LEDGER_ENTRY.as("c");
        Field<BigDecimal> stamps = sum(e.STAMPS).as("l_stamps");
        Field<BigDecimal> points = sum(e.POINTS).as("l_points");
        Field<BigDecimal> rewards = sum(e.REWARDS).as("l_rewards");
        Field<BigDecimal> visits = sum(e.VISITS).as("l_visits");
        Field<BigDecimal> spend = sum(e.AMOUNT_MINOR).as("l_spend");
        Table<?> sums = select(e.MEMBER_ID, stamps, points, rewards, visits, spend)
                .from(e).groupBy(e.MEMBER_ID).asTable("s");
        // first and last visit: visit entries that no UNDO/VOID cancels
        // a MERGE_IN carries the merged record's first and last visit (LedgerService.merge)
        Field<OffsetDateTime> first = min(coalesce(e.CARRIED_FIRST_VISIT_AT, e.CREATED_AT)).as("l_first");
        Field<OffsetDateTime> last = max(coalesce(e.CARRIED_LAST_VISIT_AT, e.CREATED_AT)).as("l_last");
        Table<?> times = select(e.MEMBER_ID, first, last)
                .from(e).leftJoin(c).on(c.CANCELS_ID.eq(e.ID))
                .where(e.VISITS.gt(0)).and(c.ID.isNull())
                .groupBy(e.MEMBER_ID).asTable("t");

        Field<Long> sMember = sums.field(e.MEMBER_ID.getName(), Long.class);
        Field<Long> tMember = times.field(e.MEMBER_ID.getName(), Long.class);
        List<Check> checks = List.of(
                new Check("stamps", BALANCE.STAMPS, sums.field(stamps)),
                new Check("points", BALANCE.POINTS, sums.field(points)),
                new Check("rewards", BALANCE.REWARDS, sums.field(rewards)),
                new Check("visits", BALANCE.VISITS, sums.field(visits)),
                new Check("spend", BALANCE.SPEND_MINOR, sums.field(spend)));

        var select = db.dsl().select(BALANCE.asterisk(), sums.asterisk(), times.asterisk())
                .from(BALANCE)
                .leftJoin(sums).on(sMember.eq(BALANCE.MEMBER_ID))
                .leftJoin(times).on(tMember.eq(BALANCE.MEMBER_ID));
        Condition condition = DSL.falseCondition();
        for (Check check : checks) {
            condition = condition.or(check.ledgerValue().ne(check.stored().coerce(BigDecimal.class)));
        }
        condition = condition
                .or(BALANCE.FIRST_VISIT_AT.isDistinctFrom(times.field(first)))
                .or(BALANCE.LAST_VISIT_AT.isDistinctFrom(times.field(last)));

        List<Difference> differences = new ArrayList<>();
        for (Record r : select.where(condition).fetch()) {
            long memberId = r.get(BALANCE.MEMBER_ID);
            for (Check check : checks) {
                BigDecimal raw = r.get(check.ledgerValueRaw());
                BigDecimal ledger = raw == null ? BigDecimal.ZERO : raw;
                Number stored = r.get(check.stored());
                if (ledger.compareTo(new BigDecimal(stored.toString())) != 0) {
                    differences.add(new Difference(memberId, check.name(), ledger.toPlainString(), stored.toString()));
                }
            }
            compareTime(differences, memberId, "first visit", r.get(times.field(first)), r.get(BALANCE.FIRST_VISIT_AT));
            compareTime(differences, memberId, "last visit", r.get(times.field(last)), r.get(BALANCE.LAST_VISIT_AT));
        }
        // ledger entries of a member who has no balance row at all
        db.dsl().selectDistinct(LEDGER_ENTRY.MEMBER_ID).from(LEDGER_ENTRY)
                .whereNotExists(select(inline(1)).from(BALANCE).where(BALANCE.MEMBER_ID.eq(LEDGER_ENTRY.MEMBER_ID)))
                .fetch(LEDGER_ENTRY.MEMBER_ID)
                .forEach(id -> differences.add(new Difference(id, "balance", "entries", "missing")));
        int checked = db.dsl().fetchCount(MEMBER);
        return new Result(checked, differences);
    }

    private static void compareTime(List<Difference> out, long memberId, String field, OffsetDateTime ledger,
            OffsetDateTime stored) {
        boolean same = ledger == null ? stored == null : stored != null && ledger.isEqual(stored);
        if (!same) {
            out.add(new Difference(memberId, field, String.valueOf(ledger), String.valueOf(stored)));
        }
    }

    private record Check(String name, Field<? extends Number> stored, Field<BigDecimal> ledgerValueRaw) {
        Field<BigDecimal> ledgerValue() {
            return coalesce(ledgerValueRaw, BigDecimal.ZERO);
        }
    }
}
