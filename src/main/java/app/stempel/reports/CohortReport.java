package app.stempel.reports;

import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static app.stempel.store.schema.Tables.MEMBER;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.jooq.Cursor;
import org.jooq.Record2;

import app.stempel.owner.OwnerGate;
import app.stempel.store.Database;
import app.stempel.store.schema.tables.LedgerEntry;

/**
 * The monthly cohort table, as analysts publish it for retail data: a member's cohort is the calendar
 * month of their first visit; the cohort's retention at month k is the number of its members with at
 * least one visit in calendar month cohort + k (k = 0 is everyone). A visit is a stamping or imported
 * purchase that nothing undid or voided; a member merged into another counts as that other person
 * (following {@code member.merged_into}); erased members keep their anonymous visits. Months are those
 * of the shop's time zone.
 */
public final class CohortReport {

    /** Months after the cohort month that the table shows (0 to 12). */
    public static final int MONTHS = 13;

    /** One cohort: its month, its size and, for k = 0..12, how many of its members visited in month k. */
    public record Cohort(YearMonth month, int size, int[] retained) {
        /** The share of the cohort that visited in month {@code k}, 0 to 1. */
        public double share(int k) {
            return size == 0 ? 0 : (double) retained[k] / size;
        }
    }

    private final Database db;
    private final ZoneId zone;
    private final OwnerGate owner;

    public CohortReport(Database db, ZoneId zone, OwnerGate owner) {
        this.db = Objects.requireNonNull(db);
        this.zone = Objects.requireNonNull(zone);
        this.owner = Objects.requireNonNull(owner);
    }

    /** The cohorts whose month lies in {@code from..to}, both included, oldest first; empty months left out. */
    public List<Cohort> cohorts(YearMonth from, YearMonth to) {
        owner.require();
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the last month is before the first");
        }
        Map<Long, Long> person = persons();
        // person -> months with a visit, as month numbers (year * 12 + month - 1)
        Map<Long, BitSet> visited = new HashMap<>();
        Map<Long, Integer> first = new HashMap<>();
        LedgerEntry e = LEDGER_ENTRY.as("e");
        LedgerEntry c = LEDGER_ENTRY.as("c");
        try (Cursor<Record2<Long, OffsetDateTime>> rows = db.dsl().select(e.MEMBER_ID, e.CREATED_AT).from(e)
                .where(e.KIND.in("STAMP", "IMPORT")).and(e.VISITS.gt(0))
                .andNotExists(db.dsl().selectOne().from(c).where(c.CANCELS_ID.eq(e.ID)))
                .fetchSize(5_000).fetchLazy()) {
            for (Record2<Long, OffsetDateTime> r : rows) {
                long who = resolve(person, r.value1());
                int month = index(YearMonth.from(r.value2().atZoneSameInstant(zone)));
                visited.computeIfAbsent(who, k -> new BitSet()).set(month - EPOCH);
                first.merge(who, month, Math::min);
            }
        }
        TreeMap<Integer, int[]> table = new TreeMap<>();
        TreeMap<Integer, Integer> sizes = new TreeMap<>();
        first.forEach((who, cohort) -> {
            if (cohort < index(from) || cohort > index(to)) {
                return;
            }
            sizes.merge(cohort, 1, Integer::sum);
            int[] row = table.computeIfAbsent(cohort, k -> new int[MONTHS]);
            BitSet months = visited.get(who);
            for (int k = 0; k < MONTHS; k++) {
                if (months.get(cohort + k - EPOCH)) {
                    row[k]++;
                }
            }
        });
        List<Cohort> out = new ArrayList<>();
        table.forEach((cohort, row) -> out.add(new Cohort(month(cohort), sizes.get(cohort), row)));
        return out;
    }

    /** Month number of January 1900, where the bit sets of months start. */
    private static final int EPOCH = 1900 * 12;

    /** Members merged into another: their id and the id they were merged into. */
    private Map<Long, Long> persons() {
        Map<Long, Long> into = new HashMap<>();
        db.dsl().select(MEMBER.ID, MEMBER.MERGED_INTO).from(MEMBER).where(MEMBER.MERGED_INTO.isNotNull())
                .fetch().forEach(r -> into.put(r.value1(), r.value2()));
        return into;
    }

    /** The person a member's visits belong to: the end of their chain of merges. */
    private static long resolve(Map<Long, Long> into, long member) {
        long who = member;
        for (int hops = 0; into.containsKey(who) && hops < 1_000; hops++) {
            who = into.get(who);
        }
        return who;
    }

    private static int index(YearMonth m) {
        return m.getYear() * 12 + m.getMonthValue() - 1;
    }

    private static YearMonth month(int index) {
        return YearMonth.of(index / 12, index % 12 + 1);
    }
}
