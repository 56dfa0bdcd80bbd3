package app.stempel.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import app.stempel.Services;
import app.stempel.core.Money;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.members.MemberService.NewMember;
import app.stempel.testing.MutableClock;
import app.stempel.testing.TestShop;

/**
 * Five members with visits on known days (UTC, at noon), and the figures worked out by hand, for the
 * Reports screen's tests. "Today" is {@link #TODAY}, 15 March 2026.
 *
 * <pre>
 * Anna  2025-12-10, 2026-01-10, 2026-02-10, 2026-03-10   10.00 each   regular
 * Bo    2026-03-05 (20.00), 2026-03-12 (30.00)                       occasional, new in March
 * Cyd   2025-06-01, 2025-07-01, 2025-08-01                5.00 each    at risk (usual 30.5 days, 226 away)
 * Dag   2025-12-01, 2025-12-10, 2025-12-19                no amount    at risk (usual 9 days, 86 away), consented
 * Eva   2025-05-01                                        no amount    lost
 * </pre>
 *
 * This month (1–15 March): visits 3 (Anna 1, Bo 2), new 1 (Bo), active on the 15th 3 (Anna, Bo, Dag:
 * 86 days ago, inside 90), active on the 1st 2 (Anna, Dag), of them back in March 1: CRR 50 %, churn
 * 50 %; RPR 1 of 2 (Bo); visits per member 3 / 2 = 1.5; spend per visit (10 + 20 + 30) / 3 = 20.00;
 * CLV so far 105.00 / 5 = 21.00; CLV projected none (nobody was active a year ago, so no yearly churn).
 * Last 3 months (1 January – 15 March): visits 5, new 1, active on 1 January 2 (Anna, Dag), back 1:
 * CRR 50 %; RPR 2 of 2; visits per member 2.5; spend per visit 80 / 5 = 16.00.
 * Last 12 months (1 April 2025 – 15 March 2026): visits 13, new 5.
 */
final class SmallShop {

    static final Instant TODAY = Instant.parse("2026-03-15T12:00:00Z");

    final Enrolled anna;
    final Enrolled bo;
    final Enrolled cyd;
    final Enrolled dag;
    final Enrolled eva;

    private final Services shop;
    private final MutableClock clock;

    private SmallShop(Services shop, MutableClock clock) {
        this.shop = shop;
        this.clock = clock;
        clock.set(Instant.parse("2025-04-20T12:00:00Z"));
        anna = TestShop.enrol(shop, "Anna Nowak");
        bo = TestShop.enrol(shop, "Bo Berg");
        cyd = shop.members().enrol(new NewMember("Cyd Wolski", "+48 600 100 200", null, null, false));
        dag = shop.members().enrol(new NewMember("Dag Lund", "+47 900 00 000", "dag@example.com", null, true));
        eva = TestShop.enrol(shop, "Eva Kim");
        visit(eva, "2025-05-01", 0);
        visit(cyd, "2025-06-01", 500);
        visit(cyd, "2025-07-01", 500);
        visit(cyd, "2025-08-01", 500);
        visit(dag, "2025-12-01", 0);
        visit(anna, "2025-12-10", 1000);
        visit(dag, "2025-12-10", 0);
        visit(dag, "2025-12-19", 0);
        visit(anna, "2026-01-10", 1000);
        visit(anna, "2026-02-10", 1000);
        visit(bo, "2026-03-05", 2000);
        visit(anna, "2026-03-10", 1000);
        visit(bo, "2026-03-12", 3000);
        clock.set(TODAY);
    }

    /** Fills {@code shop} (a fresh {@link TestShop}) and leaves {@code clock} on {@link #TODAY}. */
    static SmallShop fill(Services shop, MutableClock clock) {
        return new SmallShop(shop, clock);
    }

    private void visit(Enrolled m, String day, long amountMinor) {
        clock.set(Instant.parse(day + "T12:00:00Z"));
        Money amount = amountMinor == 0 ? null : Money.of(amountMinor, "PLN");
        assertThat(shop.counter().stamp(m.memberId(), amount, TestShop.TILL).done()).isTrue();
    }
}
