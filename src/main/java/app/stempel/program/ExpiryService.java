package app.stempel.program;

import static app.stempel.store.schema.Tables.BALANCE;
import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static app.stempel.store.schema.Tables.MEMBER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.core.Actor;
import app.stempel.ledger.Ledger;
import app.stempel.ledger.LedgerService;
import app.stempel.owner.OwnerGate;
import app.stempel.program.ProgramRules.Expiry;
import app.stempel.program.ProgramRules.ExpiryKind;
import app.stempel.settings.SettingsService;
import app.stempel.store.Database;
import app.stempel.store.schema.tables.LedgerEntry;
import app.stempel.core.EntryKind;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * Stamps and points that expire under the program's expiry rule, written as EXPIRE entries (oldest
 * first): for one member before the counter shows or stamps them, for the whole shop once a day, and
 * as a preview of a rule the owner has not saved yet.
 *
 * <p>The boundary: with a rule of D days, "now minus D days" is the cut-off instant. Under
 * {@link ExpiryKind#AGE} a stamp earned at the cut-off or before has expired, one earned a second after
 * it has not. Under {@link ExpiryKind#INACTIVITY} everything open expires when the last visit (or the
 * enrolment, for a member who never visited) is at the cut-off or before.
 *
 * <p>The whole shop is read in pages of {@value #PAGE} members (keyset on the member id), each page one
 * aggregate query, so memory stays small at any size; the preview and the sweep use the same query, so
 * what the preview counts is what the sweep writes.
 */
public final class ExpiryService {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiryService.class);

    /** Members per page of the whole-shop work. */
    static final int PAGE = 2_000;
    private static final Actor SYSTEM = Actor.system("expiry");

    private final Database db;
    private final Clock clock;
    private final ProgramService programs;
    private final SettingsService settings;
    private final OwnerGate gate;
    private int pageSize = PAGE;

    public ExpiryService(Database db, Clock clock, ProgramService programs, SettingsService settings, OwnerGate gate) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
        this.programs = Objects.requireNonNull(programs);
        this.settings = Objects.requireNonNull(settings);
        this.gate = Objects.requireNonNull(gate);
    }

    /** Smaller pages, so tests cross page boundaries with a few members. */
    void pageSize(int members) {
        this.pageSize = members;
    }

    /** How many members would lose how many stamps and points. */
    public record Preview(long members, long stamps, long points) {
        public boolean empty() {
            return members == 0;
        }
    }

    /** What a sweep wrote. */
    public record Swept(long members, long stamps, long points) {
    }

    /** One member's stamps and points past the rule. */
    private record Due(long memberId, int stamps, int points) {
    }

    /**
     * Owner only: what {@code rule} would expire if it were saved now, without writing anything.
     */
    @Role(Who.OWNER)
    public Preview preview(Expiry rule) {
        gate.require();
        long[] sums = new long[3];
        if (rule.on()) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            eachPage(db.dsl(), rule, now, pageSize, due -> {
                sums[0]++;
                sums[1] += due.stamps();
                sums[2] += due.points();
            });
        }
        return new Preview(sums[0], sums[1], sums[2]);
    }

    /**
     * Writes what the rule of {@code p}, the version in force, expires for one member; returns true if
     * anything expired. The caller has read the version already (the counter reads it once per action).
     */
    @Role(Who.TILL)
    public boolean expireMember(long memberId, Program p) {
        if (!p.rules().expiry().on()) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        // a cheap read first: most members have nothing to expire, and then nothing is written
        if (due(db.dsl(), p.rules().expiry(), now, BALANCE.MEMBER_ID.eq(memberId)).isEmpty()) {
            return false;
        }
        return db.write(tx -> {
            tx.select(BALANCE.MEMBER_ID).from(BALANCE).where(BALANCE.MEMBER_ID.eq(memberId)).forUpdate().fetch();
            List<Due> due = due(tx, p.rules().expiry(), now, BALANCE.MEMBER_ID.eq(memberId));
            due.forEach(d -> write(tx, d, p, now));
            return !due.isEmpty();
        });
    }

    /** Expires what the current rule says for every member, page by page. */
    @Role(Who.TILL)
    public Swept sweep() {
        Optional<Program> program = programs.current();
        if (program.isEmpty() || !program.get().rules().expiry().on()) {
            return new Swept(0, 0, 0);
        }
        Program p = program.get();
        Expiry rule = p.rules().expiry();
        OffsetDateTime now = OffsetDateTime.now(clock);
        long[] sums = new long[3];
        long after = Long.MIN_VALUE;
        while (true) {
            List<Long> ids = page(db.dsl(), after, pageSize);
            if (ids.isEmpty()) {
                break;
            }
            long lo = ids.get(0);
            long hi = ids.get(ids.size() - 1);
            db.write(tx -> {
                // the page's balances stay still while their expiry is computed and written
                tx.select(BALANCE.MEMBER_ID).from(BALANCE).where(BALANCE.MEMBER_ID.between(lo, hi)).forUpdate().fetch();
                for (Due d : due(tx, rule, now, BALANCE.MEMBER_ID.between(lo, hi))) {
                    write(tx, d, p, now);
                    sums[0]++;
                    sums[1] += d.stamps();
                    sums[2] += d.points();
                }
                return null;
            });
            after = hi;
        }
        Swept swept = new Swept(sums[0], sums[1], sums[2]);
        LOG.info("Expiry sweep: {}", swept);
        return swept;
    }

    /**
     * The whole-shop sweep, at most once a day (the shop's day, by the clock's zone).
     *
     * @return what it wrote, or empty if it had run today already
     */
    @Role(Who.TILL)
    public Optional<Swept> sweepIfDue() {
        LocalDate today = LocalDate.now(clock);
        if (settings.expirySweptOn().filter(today.toString()::equals).isPresent()) {
            return Optional.empty();
        }
        Swept swept = sweep();
        settings.setExpirySweptOn(today);
        return Optional.of(swept);
    }

    private static void write(DSLContext tx, Due d, Program p, OffsetDateTime now) {
        LedgerService.appendEvent(tx, d.memberId(), null, EntryKind.EXPIRE, -d.stamps(), -d.points(), 0, p.id(), SYSTEM,
                p.rules().expiry().kind() == ExpiryKind.AGE
                        ? "older than " + p.rules().expiry().days() + " days"
                        : "no visit for " + p.rules().expiry().days() + " days", now);
    }

    private interface Sink {
        void accept(Due due);
    }

    private static void eachPage(DSLContext dsl, Expiry rule, OffsetDateTime now, int pageSize, Sink sink) {
        long after = Long.MIN_VALUE;
        while (true) {
            List<Long> ids = page(dsl, after, pageSize);
            if (ids.isEmpty()) {
                return;
            }
            long lo = ids.get(0);
            long hi = ids.get(ids.size() - 1);
            due(dsl, rule, now, BALANCE.MEMBER_ID.between(lo, hi)).forEach(sink::accept);
            after = hi;
        }
    }

    /** The next page of members holding stamps or points, by id. */
    private static List<Long> page(DSLContext dsl, long after, int pageSize) {
        return dsl.select(BALANCE.MEMBER_ID).from(BALANCE)
                .where(BALANCE.MEMBER_ID.gt(after))
                .and(BALANCE.STAMPS.gt(0).or(BALANCE.POINTS.gt(0)))
                .orderBy(BALANCE.MEMBER_ID).limit(pageSize)
                .fetch(BALANCE.MEMBER_ID);
    }

    /** What {@code rule} expires at {@code now} for the members {@code which} picks. */
    private static List<Due> due(DSLContext dsl, Expiry rule, OffsetDateTime now, Condition which) {
        OffsetDateTime cutoff = now.minusDays(rule.days());
        List<Due> out = new ArrayList<>();
        if (rule.kind() == ExpiryKind.INACTIVITY) {
            dsl.select(BALANCE.MEMBER_ID, BALANCE.STAMPS, BALANCE.POINTS)
                    .from(BALANCE).join(MEMBER).on(MEMBER.ID.eq(BALANCE.MEMBER_ID))
                    .where(which)
                    .and(BALANCE.STAMPS.gt(0).or(BALANCE.POINTS.gt(0)))
                    .and(coalesce(BALANCE.LAST_VISIT_AT, MEMBER.ENROLLED_AT).le(cutoff))
                    .orderBy(BALANCE.MEMBER_ID)
                    .forEach(r -> out.add(new Due(r.value1(), Math.max(0, r.value2()), Math.max(0, r.value3()))));
            return out;
        }
        // AGE: what is open is the newest; what was earned after the cut-off stays, the rest expires.
        // Two plain queries per page (the balances, then the page's recent earnings grouped by member)
        // merged here: H2 plans them as index range scans, where a join on a derived table is not.
        Map<Long, long[]> balances = new LinkedHashMap<>();
        dsl.select(BALANCE.MEMBER_ID, BALANCE.STAMPS, BALANCE.POINTS).from(BALANCE)
                .where(which).and(BALANCE.STAMPS.gt(0).or(BALANCE.POINTS.gt(0)))
                .orderBy(BALANCE.MEMBER_ID)
                .forEach(r -> balances.put(r.value1(), new long[] {r.value2(), r.value3()}));
        if (balances.isEmpty()) {
            return out;
        }
        LedgerEntry e = LEDGER_ENTRY.as("e");
        Field<BigDecimal> recentStamps = sum(when(e.STAMPS.gt(0), e.STAMPS).otherwise(inline(0)));
        Field<BigDecimal> recentPoints = sum(when(e.POINTS.gt(0), e.POINTS).otherwise(inline(0)));
        List<Long> ids = new ArrayList<>(balances.keySet());
        dsl.select(e.MEMBER_ID, recentStamps, recentPoints).from(e)
                .where(e.MEMBER_ID.between(ids.get(0), ids.get(ids.size() - 1)))
                .and(e.CREATED_AT.gt(cutoff))
                .and(e.KIND.notIn(EntryKind.UNDO, EntryKind.VOID))
                .and(e.STAMPS.gt(0).or(e.POINTS.gt(0)))
                .and(Ledger.notCancelled(e))
                .groupBy(e.MEMBER_ID)
                .forEach(r -> {
                    long[] b = balances.get(r.value1());
                    if (b != null) {
                        b[0] -= r.value2() == null ? 0 : r.value2().longValue();
                        b[1] -= r.value3() == null ? 0 : r.value3().longValue();
                    }
                });
        balances.forEach((member, left) -> {
            if (left[0] > 0 || left[1] > 0) {
                out.add(new Due(member, (int) Math.max(0, left[0]), (int) Math.max(0, left[1])));
            }
        });
        return out;
    }
}
