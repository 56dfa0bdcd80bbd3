package app.stempel.data;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How demo members behave. Most come once to three times; occasional customers come every few weeks;
 * a core of regulars comes several times a week, often at the same hour. Some occasional customers and
 * regulars drift away at some point and stop coming, which is what the at-risk report looks for.
 * Visit rates of occasional customers and regulars are multiplied by a scale, so a total number of
 * visits can be aimed at.
 */
final class VisitModel {

    /** What kind of customer a member is. */
    enum Kind { NEVER, RARE, OCCASIONAL, REGULAR }

    /** Member group, with the stamp multiplier in per mille. */
    enum Group {
        NONE(1000), STAFF(0), STUDENT(1500);

        final int permille;

        Group(int permille) {
            this.permille = permille;
        }
    }

    /** One member's behaviour, fixed at enrolment. */
    record Plan(Kind kind, Group group, long enrolDay, int enrolSecond, double ratePerDay, long lastDay,
            int preferredHour, int extraVisits) {
    }

    /** Receives the visits of one member in time order. */
    @FunctionalInterface
    interface VisitSink {
        void visit(long day, int second);
    }

    private static final double STAFF_SHARE = 0.003;
    private static final double STUDENT_SHARE = 0.06;
    private static final double MAX_SCALED_RATE = 3.0;

    private final ShopCalendar calendar;

    VisitModel(ShopCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar);
    }

    Plan plan(long enrolDay, SplittableRandom r) {
        double g = r.nextDouble();
        Group group = g < STAFF_SHARE ? Group.STAFF : g < STAFF_SHARE + STUDENT_SHARE ? Group.STUDENT : Group.NONE;
        double k = r.nextDouble();
        Kind kind;
        if (group == Group.STAFF) {
            kind = Kind.REGULAR;
        } else if (k < 0.02) {
            kind = Kind.NEVER;
        } else if (k < 0.60) {
            kind = Kind.RARE;
        } else if (k < 0.82) {
            kind = Kind.OCCASIONAL;
        } else {
            kind = Kind.REGULAR;
        }
        long day = enrolDay;
        while (day > calendar.firstDay() && r.nextDouble() * calendar.maxFactor() >= calendar.factor(day)) {
            day--;
        }
        int second = calendar.visitSecond(day, -1, r);
        while (!calendar.notAfterNow(day, second) || !calendar.isOpen(day)) {
            day--;
            second = calendar.visitSecond(day, -1, r);
        }
        double rate = 0;
        long lastDay = calendar.today();
        int preferredHour = -1;
        int extra = 0;
        switch (kind) {
            case RARE -> {
                double e = r.nextDouble();
                extra = e < 0.5 ? 0 : e < 0.8 ? 1 : 2;
            }
            case OCCASIONAL -> {
                rate = lognormal(r, 0.45) / 16.0;
                if (r.nextDouble() < 0.5) {
                    lastDay = Math.min(lastDay, day + (long) (r.nextExponential() * 300));
                }
                preferredHour = r.nextDouble() < 0.3 ? calendar.preferredHour(r) : -1;
            }
            case REGULAR -> {
                rate = Math.min(0.95, 0.45 * lognormal(r, 0.3));
                if (group != Group.STAFF && r.nextDouble() < 0.35) {
                    lastDay = Math.min(lastDay, day + 30 + (long) (r.nextExponential() * 450));
                }
                preferredHour = calendar.preferredHour(r);
            }
            case NEVER -> {
            }
        }
        return new Plan(kind, group, day, second, rate, lastDay, preferredHour, extra);
    }

    /**
     * Emits the member's visits in time order, none after the shop's "now", at most one per day.
     *
     * @return how many visits were emitted
     */
    int visits(Plan p, double scale, SplittableRandom r, VisitSink sink) {
        if (p.kind() == Kind.NEVER) {
            return 0;
        }
        sink.visit(p.enrolDay(), p.enrolSecond());
        int count = 1;
        long lastVisitDay = p.enrolDay();
        if (p.kind() == Kind.RARE) {
            for (int i = 0; i < p.extraVisits(); i++) {
                long day = lastVisitDay + 1 + (long) (r.nextExponential() * 35);
                while (day <= calendar.today() && r.nextDouble() * calendar.maxFactor() >= calendar.factor(day)) {
                    day++;
                }
                if (day > calendar.today()) {
                    break;
                }
                int second = calendar.visitSecond(day, -1, r);
                if (!calendar.notAfterNow(day, second)) {
                    break;
                }
                sink.visit(day, second);
                lastVisitDay = day;
                count++;
            }
            return count;
        }
        double max = calendar.maxFactor();
        double lambda = Math.min(p.ratePerDay() * scale, MAX_SCALED_RATE) * max;
        if (lambda <= 0) {
            return count;
        }
        long end = Math.min(p.lastDay(), calendar.today());
        double t = p.enrolDay() + 1.0;
        while (true) {
            t += r.nextExponential() / lambda;
            long day = (long) t;
            if (day > end) {
                break;
            }
            if (day == lastVisitDay || r.nextDouble() * max >= calendar.factor(day)) {
                continue;
            }
            int second = calendar.visitSecond(day, p.preferredHour(), r);
            if (!calendar.notAfterNow(day, second)) {
                break;
            }
            sink.visit(day, second);
            lastVisitDay = day;
            count++;
        }
        return count;
    }

    private static double lognormal(SplittableRandom r, double sigma) {
        return Math.exp(sigma * r.nextGaussian() - sigma * sigma / 2);
    }
}
