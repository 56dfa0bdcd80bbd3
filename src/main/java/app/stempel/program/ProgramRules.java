package app.stempel.program;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Everything one version of the reward program says: how stamps or points are earned, what they buy,
 * when they expire, the come-back coupon, the birthday reward, the tiers and what an open stamp or
 * point is worth. Immutable; {@link ProgramService#save} stores it as a new version.
 *
 * @param amountPerStamp when not null, one stamp per this much spent (minor units) instead of
 *        {@code stampsPerVisit} per visit, rounded down (19.99 at one per 10.00 is one stamp)
 * @param pointsPerUnit points mode: points per currency unit spent, the product rounded down
 * @param stampValueMinor value of one open stamp in minor units, for the reward liability
 * @param pointValueMinor value of one open point in minor units
 */
public record ProgramRules(Mode mode, int stampsPerVisit, Long amountPerStamp, int stampsForReward,
        String rewardDescription, int pointsPerUnit, List<PointReward> pointRewards, Expiry expiry, Coupon coupon,
        Birthday birthday, Tiers tiers, long stampValueMinor, long pointValueMinor, Currency currency) {

    /** Stamps on a card, or points with several rewards. */
    public enum Mode { STAMPS, POINTS }

    /** What makes stamps or points expire. */
    public enum ExpiryKind {
        /** They never expire. */
        NONE,
        /** Everything open expires once the member has not visited for {@code days} days. */
        INACTIVITY,
        /** Stamps or points earned {@code days} days ago or earlier expire, oldest first. */
        AGE
    }

    /**
     * When stamps and points expire. A stamp is expired once it is {@code days} days old to the second
     * (exactly {@code days} × 24 h old counts as expired; one second less does not).
     */
    public record Expiry(ExpiryKind kind, int days) {
        public static final Expiry NONE = new Expiry(ExpiryKind.NONE, 0);

        public Expiry {
            Objects.requireNonNull(kind, "kind");
        }

        public boolean on() {
            return kind != ExpiryKind.NONE;
        }
    }

    /**
     * The come-back coupon: after a visit, the member's next visit on one of the following {@code days}
     * days gets {@code percent} % off, or what {@code text} says (text wins when both are given).
     */
    public record Coupon(boolean on, Integer percent, String text, int days) {
        public static final Coupon OFF = new Coupon(false, null, null, 14);
    }

    /** The birthday reward, offered in the member's birthday week (the birthday and the six days after). */
    public record Birthday(boolean on, String description) {
        public static final Birthday OFF = new Birthday(false, null);
    }

    /**
     * Tiers new → regular → loyal by visits in the trailing {@code windowDays}, each with its stamp
     * multiplier in per mille (1000 = 1×, 2000 = double stamps).
     */
    public record Tiers(int windowDays, int regularVisits, int loyalVisits, int newPermille, int regularPermille,
            int loyalPermille) {
        public static final Tiers DEFAULT = new Tiers(180, 3, 10, 1000, 1000, 1000);

        public Tier of(int visitsInWindow) {
            if (visitsInWindow >= loyalVisits) {
                return Tier.LOYAL;
            }
            return visitsInWindow >= regularVisits ? Tier.REGULAR : Tier.NEW;
        }

        public int permille(Tier tier) {
            return switch (tier) {
                case NEW -> newPermille;
                case REGULAR -> regularPermille;
                case LOYAL -> loyalPermille;
            };
        }
    }

    /** Something points buy. */
    public record PointReward(int points, String description) {
    }

    public ProgramRules {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(currency, "currency");
        pointRewards = List.copyOf(pointRewards == null ? List.of() : pointRewards);
        expiry = expiry == null ? Expiry.NONE : expiry;
        coupon = coupon == null ? Coupon.OFF : coupon;
        birthday = birthday == null ? Birthday.OFF : birthday;
        tiers = tiers == null ? Tiers.DEFAULT : tiers;
    }

    /** A plain stamp card: one stamp per visit, a reward after {@code stampsForReward}, nothing else. */
    public static ProgramRules stampCard(int stampsForReward, String reward, Currency currency) {
        return new ProgramRules(Mode.STAMPS, 1, null, stampsForReward, reward, 1, List.of(), Expiry.NONE, Coupon.OFF,
                Birthday.OFF, Tiers.DEFAULT, 0, 0, currency);
    }

    // --- copies with one part changed

    public ProgramRules withReward(int stamps, String description) {
        return new ProgramRules(mode, stampsPerVisit, amountPerStamp, stamps, description, pointsPerUnit, pointRewards,
                expiry, coupon, birthday, tiers, stampValueMinor, pointValueMinor, currency);
    }

    public ProgramRules withEarning(int perVisit, Long perAmount) {
        return new ProgramRules(mode, perVisit, perAmount, stampsForReward, rewardDescription, pointsPerUnit,
                pointRewards, expiry, coupon, birthday, tiers, stampValueMinor, pointValueMinor, currency);
    }

    public ProgramRules withPoints(int perUnit, List<PointReward> rewards) {
        return new ProgramRules(Mode.POINTS, stampsPerVisit, amountPerStamp, stampsForReward, rewardDescription,
                perUnit, rewards, expiry, coupon, birthday, tiers, stampValueMinor, pointValueMinor, currency);
    }

    public ProgramRules withExpiry(Expiry e) {
        return new ProgramRules(mode, stampsPerVisit, amountPerStamp, stampsForReward, rewardDescription, pointsPerUnit,
                pointRewards, e, coupon, birthday, tiers, stampValueMinor, pointValueMinor, currency);
    }

    public ProgramRules withCoupon(Coupon c) {
        return new ProgramRules(mode, stampsPerVisit, amountPerStamp, stampsForReward, rewardDescription, pointsPerUnit,
                pointRewards, expiry, c, birthday, tiers, stampValueMinor, pointValueMinor, currency);
    }

    public ProgramRules withBirthday(Birthday b) {
        return new ProgramRules(mode, stampsPerVisit, amountPerStamp, stampsForReward, rewardDescription, pointsPerUnit,
                pointRewards, expiry, coupon, b, tiers, stampValueMinor, pointValueMinor, currency);
    }

    public ProgramRules withTiers(Tiers t) {
        return new ProgramRules(mode, stampsPerVisit, amountPerStamp, stampsForReward, rewardDescription, pointsPerUnit,
                pointRewards, expiry, coupon, birthday, t, stampValueMinor, pointValueMinor, currency);
    }

    public ProgramRules withValues(long stampValue, long pointValue) {
        return new ProgramRules(mode, stampsPerVisit, amountPerStamp, stampsForReward, rewardDescription, pointsPerUnit,
                pointRewards, expiry, coupon, birthday, tiers, stampValue, pointValue, currency);
    }

    // --- earning

    /**
     * Stamps a visit earns before multipliers: {@code stampsPerVisit}, or one per {@code amountPerStamp}
     * spent rounded down (none when no amount was typed).
     */
    public int baseStamps(Long amountMinor) {
        if (amountPerStamp == null) {
            return stampsPerVisit;
        }
        return amountMinor == null ? 0 : (int) Math.min(Integer.MAX_VALUE, amountMinor / amountPerStamp);
    }

    /** Points a purchase earns before multipliers: {@code pointsPerUnit} per currency unit, rounded down (30.50 at 2 per unit: 61). */
    public int basePoints(Long amountMinor) {
        if (amountMinor == null) {
            return 0;
        }
        long unit = minorPerUnit(currency);
        return (int) Math.min(Integer.MAX_VALUE, amountMinor * pointsPerUnit / unit);
    }

    /**
     * Applies the tier's and the group's multipliers (per mille) to a base count. The rounding rule is one
     * and only one: the exact product is rounded half up at the end (1 × 1.5 = 1.5 → 2; 3 × 1.5 = 4.5 → 5;
     * anything × 0 = 0).
     */
    public static int multiply(int base, int tierPermille, int groupPermille) {
        long product = (long) base * tierPermille * groupPermille; // in millionths
        return (int) Math.min(Integer.MAX_VALUE, (product + 500_000) / 1_000_000);
    }

    static long minorPerUnit(Currency currency) {
        long unit = 1;
        for (int i = 0; i < Math.max(0, currency.getDefaultFractionDigits()); i++) {
            unit *= 10;
        }
        return unit;
    }

    // --- validation

    /** What is wrong with these rules, as problem codes (empty when they can be saved). */
    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        if (mode == Mode.STAMPS) {
            if (amountPerStamp == null && (stampsPerVisit < 1 || stampsPerVisit > 100)) {
                out.add(Problem.STAMPS_PER_VISIT);
            }
            if (amountPerStamp != null && amountPerStamp < 1) {
                out.add(Problem.AMOUNT_PER_STAMP);
            }
            if (stampsForReward < 1 || stampsForReward > 100) {
                out.add(Problem.STAMPS_FOR_REWARD);
            }
            if (blank(rewardDescription)) {
                out.add(Problem.REWARD_DESCRIPTION);
            }
        } else {
            if (pointsPerUnit < 1 || pointsPerUnit > 1000) {
                out.add(Problem.POINTS_PER_UNIT);
            }
            if (pointRewards.isEmpty() || pointRewards.stream().anyMatch(r -> r.points() < 1 || blank(r.description()))) {
                out.add(Problem.POINT_REWARDS);
            }
        }
        if (expiry.on() && (expiry.days() < 1 || expiry.days() > 3650)) {
            out.add(Problem.EXPIRY_DAYS);
        }
        if (coupon.on() && ((coupon.percent() == null && blank(coupon.text()))
                || (coupon.percent() != null && (coupon.percent() < 1 || coupon.percent() > 100))
                || coupon.days() < 1 || coupon.days() > 365)) {
            out.add(Problem.COUPON);
        }
        if (birthday.on() && blank(birthday.description())) {
            out.add(Problem.BIRTHDAY);
        }
        if (tiers.windowDays() < 1 || tiers.windowDays() > 3650 || tiers.regularVisits() < 1
                || tiers.loyalVisits() <= tiers.regularVisits()) {
            out.add(Problem.TIERS);
        }
        if (tiers.newPermille() < 0 || tiers.regularPermille() < 0 || tiers.loyalPermille() < 0
                || tiers.newPermille() > 10_000 || tiers.regularPermille() > 10_000 || tiers.loyalPermille() > 10_000) {
            out.add(Problem.MULTIPLIER);
        }
        if (stampValueMinor < 0 || pointValueMinor < 0) {
            out.add(Problem.VALUE);
        }
        return out;
    }

    /** One thing that keeps the rules from being saved. */
    public enum Problem {
        STAMPS_PER_VISIT, AMOUNT_PER_STAMP, STAMPS_FOR_REWARD, REWARD_DESCRIPTION, POINTS_PER_UNIT, POINT_REWARDS,
        EXPIRY_DAYS, COUPON, BIRTHDAY, TIERS, MULTIPLIER, VALUE
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
