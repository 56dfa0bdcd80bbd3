package app.stempel.reports;

import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static app.stempel.store.schema.Tables.PROGRAM;
import static app.stempel.store.schema.Tables.REPORT_DAY;
import static app.stempel.store.schema.Tables.REPORT_PERSON;
import static app.stempel.store.schema.Tables.REPORT_STATE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.val;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.jooq.BatchBindStep;
import org.jooq.DSLContext;

import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.store.Database;
import app.stempel.store.Fault;
import app.stempel.store.schema.tables.records.ReportStateRecord;
import org.slf4j.LoggerFactory;
import org.slf4j.Logger;
import app.stempel.core.EntryKind;
import java.util.EnumSet;

/**
 * Keeps the report summaries ({@code report_person}, {@code report_day}; see V7__reports.sql) up to date
 * with the ledger. The ledger is append-only, so {@link #refresh} reads only the entries added since the
 * last refresh and folds them in; the first refresh (or one after the time zone changed) reads the whole
 * ledger once. Nothing else writes the summaries, and a refresh runs under a lock on
 * {@code report_state}, so tills sharing a database cannot fold the same entries twice.
 *
 * <p>What counts: a visit is a STAMP, POINTS or IMPORT entry with visits; an UNDO or VOID of one takes
 * it away again on the day of the visit it cancels. A member merged into another (MERGE_OUT) hands their
 * visits to that person. A reward is taken by a REDEEM, POINTS_REDEEM, COUPON or BIRTHDAY entry; a reward
 * is issued when a stamping (STAMP, PAPER_STAMPS or IMPORT) brings the member's stamps to the next
 * multiple of the program's stamps per reward. {@code report_state} also keeps the sums of every entry's
 * stamps and points: the sums of all balances.
 */
public final class ReportSummary {

    /** Reports how far a refresh has got: {@code done} of {@code total} ledger entries. */
    public interface Progress {
        void update(long done, long total);

        Progress NONE = (done, total) -> { };
    }

    private static final Set<EntryKind> VISITS = EnumSet.of(EntryKind.STAMP, EntryKind.POINTS, EntryKind.IMPORT);
    private static final Set<EntryKind> REWARDS_TAKEN = EnumSet.of(EntryKind.REDEEM, EntryKind.POINTS_REDEEM, EntryKind.COUPON, EntryKind.BIRTHDAY);
    private static final Set<EntryKind> EARNING = EnumSet.of(EntryKind.STAMP, EntryKind.PAPER_STAMPS, EntryKind.IMPORT);
    /** Batches of rows written at once. */
    private static final int CHUNK = 2_000;

    private final Database db;
    private final ZoneId zone;

    public ReportSummary(Database db, ZoneId zone) {
        this.db = Objects.requireNonNull(db);
        this.zone = Objects.requireNonNull(zone);
    }

    @Role(Who.TILL)
    public ZoneId zone() {
        return zone;
    }

    /**
     * Folds in the ledger entries added since the last refresh; returns how many it read. A refresh that
     * another is running waits for it, then reads what is left (usually nothing): in this program by
     * taking turns, and against another till by trying the lock again for up to
     * {@value #LOCK_TRIES} times the database's lock timeout. The first refresh on a big shop can take a minute.
     */
    @Role(Who.TILL)
    public synchronized long refresh(Progress progress) {
        for (int attempt = 1; ; attempt++) {
            try {
                return db.write(tx -> new Fold(tx, progress).run());
            } catch (RuntimeException e) {
                if (!Fault.isLockTimeout(e) || attempt == LOCK_TRIES) {
                    throw e;
                }
                LOG.info("Report summaries: another till is bringing them up to date; waiting ({})", attempt);
            }
        }
    }

    /** How often a refresh tries the summaries' lock while another till holds it. */
    static final int LOCK_TRIES = 90;
    private static final Logger LOG = LoggerFactory.getLogger(ReportSummary.class);

    /** The epoch day of {@code at} in the summaries' zone. */
    int day(OffsetDateTime at) {
        return (int) at.atZoneSameInstant(zone).toLocalDate().toEpochDay();
    }

    /** One refresh, inside the transaction {@code tx}. */
    private final class Fold {
        private final DSLContext tx;
        private final Progress progress;
        private long last;
        private Merges merges;
        private final Map<Long, Person> persons = new HashMap<>();
        /** persons whose row is to be removed: merged away */
        private final Set<Long> gone = new HashSet<>();
        /** visits taken away, applied once all visits and merges are in: {person-member, day, amount} */
        private final List<long[]> removed = new ArrayList<>();
        private final Map<Integer, long[]> days = new HashMap<>();
        /** member id -> stamps before the entry being read */
        private final Map<Long, Long> stamps = new HashMap<>();
        /** program id -> stamps per reward (0 in points mode) */
        private final Map<Long, Integer> perReward = new HashMap<>();
        private Integer currentPerReward;
        /** the ledger's stamps and points added by the entries read now */
        private long openStamps;
        private long openPoints;

        Fold(DSLContext tx, Progress progress) {
            this.tx = tx;
            this.progress = progress;
        }

        long run() {
            // the row exists from migration V9 on; a refresh of another till waits here
            ReportStateRecord state = tx.selectFrom(REPORT_STATE).where(REPORT_STATE.ID.eq(1)).forUpdate().fetchSingle();
            if (!state.getZone().equals(zone.getId())) {
                tx.deleteFrom(REPORT_PERSON).execute();
                tx.deleteFrom(REPORT_DAY).execute();
                state.setLastEntry(0L);
                state.setOpenStamps(0L);
                state.setOpenPoints(0L);
                state.setZone(zone.getId());
            }
            last = state.getLastEntry();
            Long end = tx.select(max(LEDGER_ENTRY.ID)).from(LEDGER_ENTRY).fetchOne(0, Long.class);
            if (end == null || end <= last) {
                state.store();
                return 0;
            }
            merges = new Merges(tx);
            tx.select(PROGRAM.ID, PROGRAM.MODE, PROGRAM.STAMPS_FOR_REWARD, PROGRAM.VALID_TO).from(PROGRAM).forEach(r -> {
                int need = "STAMPS".equals(r.value2()) ? r.value3() : 0;
                perReward.put(r.value1(), need);
                if (r.value4() == null) {
                    currentPerReward = need;
                }
            });
            long total = end - last;
            long read = 0;
            // no join for the cancelled entries: H2 would scan the ledger once per row; undos and voids are few,
            // so each looks its original up by key
            try (var rows = tx.select(LEDGER_ENTRY.ID, LEDGER_ENTRY.MEMBER_ID, LEDGER_ENTRY.KIND, LEDGER_ENTRY.VISITS,
                            LEDGER_ENTRY.AMOUNT_MINOR, LEDGER_ENTRY.STAMPS, LEDGER_ENTRY.CREATED_AT, LEDGER_ENTRY.PROGRAM_ID,
                            LEDGER_ENTRY.CANCELS_ID, LEDGER_ENTRY.POINTS)
                    .from(LEDGER_ENTRY)
                    .where(LEDGER_ENTRY.ID.gt(last)).and(LEDGER_ENTRY.ID.le(end)).orderBy(LEDGER_ENTRY.ID)
                    .fetchSize(5_000).fetchLazy()) {
                for (var r : rows) {
                    EntryKind cancelledKind = null;
                    OffsetDateTime cancelledAt = null;
                    if (r.value9() != null) {
                        var original = tx.select(LEDGER_ENTRY.KIND, LEDGER_ENTRY.CREATED_AT).from(LEDGER_ENTRY)
                                .where(LEDGER_ENTRY.ID.eq(r.value9())).fetchOne();
                        cancelledKind = original.value1();
                        cancelledAt = original.value2();
                    }
                    fold(r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8(), cancelledKind,
                            cancelledAt);
                    openStamps += r.value6();
                    openPoints += r.value10();
                    if (++read % 10_000 == 0) {
                        progress.update(r.value1() - last, total);
                    }
                }
            }
            for (long[] r : removed) {
                person(merges.person(r[0])).remove((int) r[1], r[2]);
            }
            writePersons();
            writeDays();
            state.setLastEntry(end);
            state.setOpenStamps(state.getOpenStamps() + openStamps);
            state.setOpenPoints(state.getOpenPoints() + openPoints);
            state.store();
            progress.update(total, total);
            return read;
        }

        private void fold(long member, EntryKind kind, int visits, long amount, int stampDelta, OffsetDateTime at,
                Long programId, EntryKind cancelledKind, OffsetDateTime cancelledAt) {
            boolean cancel = kind.cancels();
            EntryKind what = cancel ? cancelledKind : kind;
            int day = day(cancel ? cancelledAt : at);
            if (VISITS.contains(what) && visits != 0) {
                long[] d = totals(day);
                d[0] += visits;
                d[1] += amount == 0 ? 0 : Integer.signum(visits);
                d[2] += amount;
                if (visits > 0) {
                    person(merges.person(member)).add(day, visits, amount);
                } else {
                    for (int i = 0; i < -visits; i++) {
                        removed.add(new long[] {member, day, i == 0 ? -amount : 0});
                    }
                }
            }
            if (REWARDS_TAKEN.contains(what)) {
                totals(day)[4] += cancel ? -1 : 1;
            }
            if (EntryKind.MERGE_OUT == kind) {
                mergeAway(member);
            }
            if (stampDelta != 0) {
                long before = stamps.computeIfAbsent(member, this::stampsBefore);
                long after = before + stampDelta;
                stamps.put(member, after);
                int need = programId == null ? currentPerReward() : perReward.getOrDefault(programId, 0);
                if (EARNING.contains(what) && need > 0) {
                    totals(day)[3] += Math.floorDiv(Math.max(after, 0), need) - Math.floorDiv(Math.max(before, 0), need);
                }
            }
        }

        private int currentPerReward() {
            return currentPerReward == null ? 0 : currentPerReward;
        }

        /** The member's stamps after the entries an earlier refresh read. */
        private long stampsBefore(long member) {
            if (last == 0) {
                return 0;
            }
            return tx.select(coalesce(sum(LEDGER_ENTRY.STAMPS), val(BigDecimal.ZERO))).from(LEDGER_ENTRY)
                    .where(LEDGER_ENTRY.MEMBER_ID.eq(member)).and(LEDGER_ENTRY.ID.le(last))
                    .fetchOne(0, Long.class);
        }

        /** Hands the visits of {@code member}, merged away, to the person they now belong to. */
        private void mergeAway(long member) {
            long into = merges.person(member);
            if (into == member) {
                return;
            }
            Person source = persons.containsKey(member) ? persons.remove(member) : stored(member);
            if (source != null) {
                person(into).addAll(source);
            }
            gone.add(member);
        }

        private long[] totals(int day) {
            return days.computeIfAbsent(day, k -> new long[5]);
        }

        private Person person(long id) {
            Person p = persons.get(id);
            if (p == null) {
                p = stored(id);
                if (p == null) {
                    p = new Person();
                }
                persons.put(id, p);
            }
            return p;
        }

        private Person stored(long id) {
            if (last == 0) {
                return null;
            }
            return tx.select(REPORT_PERSON.VISIT_DAYS, REPORT_PERSON.SPEND_MINOR).from(REPORT_PERSON)
                    .where(REPORT_PERSON.MEMBER_ID.eq(id))
                    .fetchOptional(r -> new Person(VisitDays.decode(r.value1()), r.value2())).orElse(null);
        }

        private void writePersons() {
            List<Long> ids = new ArrayList<>(persons.keySet());
            ids.addAll(gone);
            for (int i = 0; i < ids.size(); i += CHUNK) {
                tx.deleteFrom(REPORT_PERSON).where(REPORT_PERSON.MEMBER_ID.in(ids.subList(i, Math.min(ids.size(), i + CHUNK))))
                        .execute();
            }
            // one prepared statement, bound row by row (a batch of separate queries would be parsed one by one)
            Supplier<BatchBindStep> batch = () -> tx.batch(tx.insertInto(REPORT_PERSON,
                            REPORT_PERSON.MEMBER_ID, REPORT_PERSON.FIRST_DAY, REPORT_PERSON.LAST_DAY, REPORT_PERSON.VISITS,
                            REPORT_PERSON.SPEND_MINOR, REPORT_PERSON.VISIT_DAYS)
                    .values((Long) null, null, null, null, null, null));
            BatchBindStep insert = batch.get();
            int pending = 0;
            for (Map.Entry<Long, Person> p : persons.entrySet()) {
                Person person = p.getValue();
                if (person.count == 0 || gone.contains(p.getKey())) {
                    continue;
                }
                int[] sorted = Arrays.copyOf(person.days, person.count);
                Arrays.sort(sorted);
                insert = insert.bind(p.getKey(), sorted[0], sorted[sorted.length - 1], sorted.length, person.spend,
                        VisitDays.encode(sorted, sorted.length));
                if (++pending == CHUNK) {
                    insert.execute();
                    insert = batch.get();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.execute();
            }
        }

        private void writeDays() {
            for (Map.Entry<Integer, long[]> d : days.entrySet()) {
                long[] v = d.getValue();
                int updated = tx.update(REPORT_DAY)
                        .set(REPORT_DAY.VISITS, REPORT_DAY.VISITS.plus((int) v[0]))
                        .set(REPORT_DAY.PAID_VISITS, REPORT_DAY.PAID_VISITS.plus((int) v[1]))
                        .set(REPORT_DAY.SPEND_MINOR, REPORT_DAY.SPEND_MINOR.plus(v[2]))
                        .set(REPORT_DAY.REWARDS_ISSUED, REPORT_DAY.REWARDS_ISSUED.plus((int) v[3]))
                        .set(REPORT_DAY.REWARDS_REDEEMED, REPORT_DAY.REWARDS_REDEEMED.plus((int) v[4]))
                        .where(REPORT_DAY.DAY_NUMBER.eq(d.getKey())).execute();
                if (updated == 0) {
                    tx.insertInto(REPORT_DAY).set(REPORT_DAY.DAY_NUMBER, d.getKey())
                            .set(REPORT_DAY.VISITS, (int) v[0]).set(REPORT_DAY.PAID_VISITS, (int) v[1])
                            .set(REPORT_DAY.SPEND_MINOR, v[2]).set(REPORT_DAY.REWARDS_ISSUED, (int) v[3])
                            .set(REPORT_DAY.REWARDS_REDEEMED, (int) v[4]).execute();
                }
            }
        }
    }

    /** A person's visit days (unsorted while folding) and spend. */
    private static final class Person {
        int[] days;
        int count;
        long spend;

        Person() {
            this(new int[0], 0);
        }

        Person(int[] days, long spend) {
            this.days = Arrays.copyOf(days, Math.max(4, days.length));
            this.count = days.length;
            this.spend = spend;
        }

        void add(int day, int times, long amount) {
            for (int i = 0; i < times; i++) {
                if (count == days.length) {
                    days = Arrays.copyOf(days, count * 2);
                }
                days[count++] = day;
            }
            spend += amount;
        }

        void addAll(Person other) {
            for (int i = 0; i < other.count; i++) {
                add(other.days[i], 1, 0);
            }
            spend += other.spend;
        }

        void remove(int day, long amount) {
            for (int i = 0; i < count; i++) {
                if (days[i] == day) {
                    days[i] = days[--count];
                    break;
                }
            }
            spend -= amount;
        }
    }
}
