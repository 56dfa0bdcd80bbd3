package app.stempel.program;

import static app.stempel.store.schema.Tables.BALANCE;
import static app.stempel.store.schema.Tables.MEMBER;
import static app.stempel.store.schema.Tables.POINT_REWARD;
import static app.stempel.store.schema.Tables.PROGRAM;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jooq.DSLContext;
import org.jooq.Record;

import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.owner.OwnerGate;
import app.stempel.program.ProgramRules.Birthday;
import app.stempel.program.ProgramRules.Coupon;
import app.stempel.program.ProgramRules.Expiry;
import app.stempel.program.ProgramRules.ExpiryKind;
import app.stempel.program.ProgramRules.Mode;
import app.stempel.program.ProgramRules.PointReward;
import app.stempel.program.ProgramRules.Tiers;
import app.stempel.store.Database;
import app.stempel.store.schema.tables.records.ProgramRecord;
import app.stempel.core.MemberStatus;

/**
 * The reward program's versions: the one in force, the earlier ones, a new one when the owner changes
 * the rules, and what the open stamps and points are worth. A version never changes once written, so
 * versions read once are kept.
 */
public final class ProgramService {

    /** Stamps for a reward when the owner has not said otherwise. */
    public static final int DEFAULT_STAMPS_FOR_REWARD = 10;

    private final Database db;
    private final Clock clock;
    private final OwnerGate gate;
    private final Map<Long, Program> byId = new ConcurrentHashMap<>();

    public ProgramService(Database db, Clock clock, OwnerGate gate) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
        this.gate = Objects.requireNonNull(gate);
    }

    /** The version in force, if the shop has set one up. */
    @Role(Who.TILL)
    public Optional<Program> current() {
        return db.dsl().select(PROGRAM.ID).from(PROGRAM).where(PROGRAM.VALID_TO.isNull())
                .orderBy(PROGRAM.VERSION.desc()).limit(1)
                .fetchOptional(PROGRAM.ID).map(this::version);
    }

    /** One version's rules by its id (its end, {@link Program#validTo()}, may be older than the truth). */
    @Role(Who.TILL)
    public Program version(long id) {
        return byId.computeIfAbsent(id, i -> read(db.dsl(), i));
    }

    /**
     * The newest version that counted points ({@code points} true) or stamps, current or ended: the rules
     * of a balance the member earned before the program changed mode.
     */
    @Role(Who.TILL)
    public Optional<Program> latest(boolean points) {
        return db.dsl().select(PROGRAM.ID).from(PROGRAM)
                .where(PROGRAM.MODE.eq((points ? Mode.POINTS : Mode.STAMPS).name()))
                .orderBy(PROGRAM.VERSION.desc()).limit(1)
                .fetchOptional(PROGRAM.ID).map(this::version);
    }

    /** Every version, newest first, read fresh. */
    @Role(Who.TILL)
    public List<Program> versions() {
        return db.dsl().select(PROGRAM.ID).from(PROGRAM).orderBy(PROGRAM.VERSION.desc())
                .fetch(PROGRAM.ID).stream().map(id -> read(db.dsl(), id)).toList();
    }

    /**
     * Starts a new version of a stamp-card program (one stamp per visit, a reward after
     * {@code stampsForReward}); the previous version, if any, ends now. For the first-run wizard, which
     * sets the owner's PIN in the same step, so it asks no owner mode.
     */
    @Role(Who.OWNER)
    public Program startStampCard(int stampsForReward, String rewardDescription, Currency currency) {
        gate.require();
        return insert(ProgramRules.stampCard(stampsForReward, rewardDescription == null ? null : rewardDescription.strip(),
                currency));
    }

    /**
     * Owner only: starts a new version with {@code rules}; the version in force ends now. Stamps already
     * earned keep pointing at the version they were earned under.
     *
     * @throws app.stempel.owner.OwnerOnlyException outside owner mode (nothing is written)
     * @throws IllegalArgumentException if the rules have {@link ProgramRules#problems() problems}
     */
    @Role(Who.OWNER)
    public Program save(ProgramRules rules) {
        gate.require();
        return insert(rules);
    }

    private Program insert(ProgramRules rules) {
        List<ProgramRules.Problem> problems = rules.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the rules cannot be saved: " + problems);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = db.write(tx -> {
            Integer last = tx.select(PROGRAM.VERSION.max()).from(PROGRAM).fetchOne(0, Integer.class);
            tx.update(PROGRAM).set(PROGRAM.VALID_TO, now).where(PROGRAM.VALID_TO.isNull()).execute();
            ProgramRecord r = tx.newRecord(PROGRAM);
            r.setVersion(last == null ? 1 : last + 1);
            r.setValidFrom(now);
            write(r, rules);
            r.store();
            int position = 0;
            for (PointReward pr : rules.pointRewards()) {
                tx.insertInto(POINT_REWARD)
                        .set(POINT_REWARD.PROGRAM_ID, r.getId())
                        .set(POINT_REWARD.POSITION, position++)
                        .set(POINT_REWARD.POINTS, pr.points())
                        .set(POINT_REWARD.DESCRIPTION, pr.description().strip())
                        .execute();
            }
            return r.getId();
        });
        byId.clear();
        return version(id);
    }

    private static void write(ProgramRecord r, ProgramRules rules) {
        r.setMode(rules.mode().name());
        r.setStampsPerVisit(rules.stampsPerVisit());
        r.setAmountPerStamp(rules.amountPerStamp());
        r.setStampsForReward(rules.stampsForReward());
        r.setRewardDescription(rules.rewardDescription() == null ? "" : rules.rewardDescription().strip());
        r.setStampValueMinor(rules.stampValueMinor());
        r.setPointValueMinor(rules.pointValueMinor());
        r.setPointsPerUnit(rules.pointsPerUnit());
        r.setExpiryKind(rules.expiry().kind().name());
        r.setExpiryDays(rules.expiry().on() ? rules.expiry().days() : null);
        r.setCouponOn(rules.coupon().on());
        r.setCouponPercent(rules.coupon().percent());
        r.setCouponText(blankToNull(rules.coupon().text()));
        r.setCouponDays(rules.coupon().days());
        r.setBirthdayOn(rules.birthday().on());
        r.setBirthdayReward(blankToNull(rules.birthday().description()));
        Tiers t = rules.tiers();
        r.setTierWindowDays(t.windowDays());
        r.setRegularVisits(t.regularVisits());
        r.setLoyalVisits(t.loyalVisits());
        r.setNewPermille(t.newPermille());
        r.setRegularPermille(t.regularPermille());
        r.setLoyalPermille(t.loyalPermille());
        r.setCurrency(rules.currency().getCurrencyCode());
    }

    private static Program read(DSLContext dsl, long id) {
        ProgramRecord r = dsl.selectFrom(PROGRAM).where(PROGRAM.ID.eq(id)).fetchOne();
        if (r == null) {
            throw new IllegalArgumentException("no program version " + id);
        }
        List<PointReward> rewards = dsl.select(POINT_REWARD.POINTS, POINT_REWARD.DESCRIPTION).from(POINT_REWARD)
                .where(POINT_REWARD.PROGRAM_ID.eq(id)).orderBy(POINT_REWARD.POSITION)
                .fetch(x -> new PointReward(x.value1(), x.value2()));
        ExpiryKind kind = ExpiryKind.valueOf(r.getExpiryKind());
        if (kind == ExpiryKind.NONE && r.getExpiryDays() != null) {
            kind = ExpiryKind.AGE; // a version 1 row that set only the days
        }
        ProgramRules rules = new ProgramRules(Mode.valueOf(r.getMode()), r.getStampsPerVisit(), r.getAmountPerStamp(),
                r.getStampsForReward(), r.getRewardDescription(), r.getPointsPerUnit(), rewards,
                kind == ExpiryKind.NONE ? Expiry.NONE : new Expiry(kind, r.getExpiryDays()),
                new Coupon(r.getCouponOn(), r.getCouponPercent(), r.getCouponText(), r.getCouponDays()),
                new Birthday(r.getBirthdayOn(), r.getBirthdayReward()),
                new Tiers(r.getTierWindowDays(), r.getRegularVisits(), r.getLoyalVisits(), r.getNewPermille(),
                        r.getRegularPermille(), r.getLoyalPermille()),
                r.getStampValueMinor(), r.getPointValueMinor(), Currency.getInstance(r.getCurrency()));
        return new Program(r.getId(), r.getVersion(), r.getValidFrom(), r.getValidTo(), rules);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // --- liability

    /**
     * What the shop owes in rewards now: open stamps and points of active members, valued at the
     * current version's worth of one stamp and one point, and how many members are one stamp short of
     * their next reward (counted against the current version's stamps for a reward).
     */
    public record Liability(long openStamps, long openPoints, long valueMinor, long oneStampAway, Currency currency) {
    }

    /** The reward liability, in one aggregate query over the balances (nothing loaded per member). */
    @Role(Who.OWNER)
    public Optional<Liability> liability() {
        gate.require();
        return current().map(p -> {
            ProgramRules rules = p.rules();
            int n = rules.stampsForReward();
            Record r = db.dsl().select(
                            coalesce(sum(BALANCE.STAMPS), BigDecimal.ZERO),
                            coalesce(sum(BALANCE.POINTS), BigDecimal.ZERO),
                            count().filterWhere(BALANCE.STAMPS.gt(0)
                                    .and(BALANCE.STAMPS.mod(inline(n)).eq(inline(n - 1)))))
                    .from(BALANCE).join(MEMBER).on(MEMBER.ID.eq(BALANCE.MEMBER_ID))
                    .where(MEMBER.STATUS.eq(MemberStatus.ACTIVE))
                    .fetchOne();
            long stamps = Math.max(0, r.get(0, BigDecimal.class).longValue());
            long points = Math.max(0, r.get(1, BigDecimal.class).longValue());
            long oneAway = rules.mode() == Mode.STAMPS ? r.get(2, Integer.class) : 0;
            long value = stamps * rules.stampValueMinor() + points * rules.pointValueMinor();
            return new Liability(stamps, points, value, oneAway, rules.currency());
        });
    }
}
