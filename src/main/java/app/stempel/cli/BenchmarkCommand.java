package app.stempel.cli;

import static app.stempel.store.schema.Tables.CARD;
import static app.stempel.store.schema.Tables.MEMBER;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import org.jooq.Record2;
import org.jooq.impl.DSL;

import app.stempel.Main;
import app.stempel.core.Actor;
import app.stempel.counter.CounterService;
import app.stempel.reports.Dashboard;
import app.stempel.reports.Period;
import app.stempel.reports.ReportService;
import app.stempel.reports.ReportSummary;
import app.stempel.reports.VisitArrays;
import app.stempel.ledger.LedgerService;
import app.stempel.members.MemberService;
import app.stempel.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import app.stempel.Services;
import java.util.stream.IntStream;
import app.stempel.core.CardStatus;

/**
 * {@code benchmark}: measures the product's performance targets on the database in the data folder, each
 * figure next to a reference measured in the same run, as a ratio. The work is split into named
 * {@link Part parts}; {@code --only stamp} runs one of them. A new part is one more entry in
 * {@link #PARTS}.
 *
 * <p>The stamp part writes real ledger entries (till {@value #TILL}, balances kept in step, so the
 * integrity check still passes): run it on a test or demo data folder ({@code --data-dir}), not on a
 * shop's live database.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Measure the performance targets against a reference measured in the same run.",
                "Writes benchmark stamps (till '" + BenchmarkCommand.TILL + "'): use a test data folder."})
public final class BenchmarkCommand implements Callable<Integer> {

    /** Till name on every ledger entry the benchmark writes. */
    public static final String TILL = "benchmark";
    /** Exit code when a measured figure misses its target. */
    public static final int TARGET_MISSED = 3;

    /** The parts, in the order they run; keys are the names {@code --only} accepts. */
    static final Map<String, Part> PARTS = new LinkedHashMap<>();
    static {
        PARTS.put("stamp", new StampPart());
        PARTS.put("counter", new CounterPart());
        PARTS.put("report", new ReportPart());
    }

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Option(names = "--only", paramLabel = "PART", split = ",",
            description = "Run only these parts (comma-separated): ${COMPLETION-CANDIDATES}.",
            completionCandidates = PartNames.class)
    private List<String> only;

    @Option(names = {"-n", "--stamps"}, paramLabel = "N", defaultValue = "2000",
            description = "Single durable stamps to time (default: ${DEFAULT-VALUE}).")
    private int stamps;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "300",
            description = "Untimed repetitions of each operation first, so the JIT has compiled it (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Override
    public Integer call() {
        if (stamps < 1 || warmup < 0) {
            throw new UserError("cli.benchmark.counts");
        }
        List<String> selected = only == null || only.isEmpty() ? List.copyOf(PARTS.keySet()) : only;
        for (String name : selected) {
            if (!PARTS.containsKey(name)) {
                throw new UserError("cli.benchmark.part", name, String.join(", ", PARTS.keySet()));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean allMet = true;
        try (Services shop = main.openShop()) {
            out.printf("Stempel benchmark on %s%n", shop.db().file());
            for (String name : selected) {
                Result result = PARTS.get(name).run(shop, new Settings(stamps, warmup), err);
                print(out, name, result);
                allMet &= result.targetMet();
            }
        }
        out.flush();
        return allMet ? 0 : TARGET_MISSED;
    }

    private static void print(PrintWriter out, String name, Result r) {
        Timings ref = r.rows().get(r.referenceRow()).timings();
        out.printf("%n== %s: %s%n", name, r.title());
        out.printf(Locale.ROOT, "%-48s %8s %8s %8s %8s %8s   %s%n", "operation", "n", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "ratio p50 / p99 to the reference");
        for (Row row : r.rows()) {
            Timings t = row.timings();
            out.printf(Locale.ROOT, "%-48s %8d %8.3f %8.3f %8.3f %8.3f   %s%n", row.label(), t.count(), t.p(50), t.p(95),
                    t.p(99), t.max(), row == r.rows().get(r.referenceRow()) ? "(reference)"
                            : String.format(Locale.ROOT, "%.1fx / %.1fx", t.p(50) / ref.p(50), t.p(99) / ref.p(99)));
        }
        out.printf("%s: %s%n", r.targetMet() ? "TARGET MET" : "TARGET MISSED", r.target());
    }

    /** Options shared by the parts. */
    public record Settings(int count, int warmup) {
    }

    /** One benchmark part. */
    public interface Part {
        /**
         * Runs the measurement.
         *
         * @param progress where to say what is running (standard error)
         */
        Result run(Services shop, Settings settings, PrintWriter progress);
    }

    /** What a part measured: rows, one of them the reference, and its target. */
    public record Result(String title, List<Row> rows, int referenceRow, String target, boolean targetMet) {
    }

    /** One measured operation. */
    public record Row(String label, Timings timings) {
    }

    /** Latencies in nanoseconds, sorted. */
    public record Timings(long[] sortedNanos) {
        public static Timings of(long[] nanos) {
            long[] copy = nanos.clone();
            Arrays.sort(copy);
            return new Timings(copy);
        }

        public int count() {
            return sortedNanos.length;
        }

        /** The percentile in milliseconds (nearest rank). */
        public double p(double percentile) {
            int rank = (int) Math.ceil(percentile / 100.0 * sortedNanos.length);
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
        }

        public double max() {
            return sortedNanos[sortedNanos.length - 1] / 1e6;
        }
    }

    /**
     * Stamp, key to durable commit: {@link LedgerService#stamp} timed one call at a time; references in
     * the same run: the same insert + balance update + commit without {@code CHECKPOINT SYNC}, and a bare
     * indexed lookup of a card number with plain JDBC.
     */
    static final class StampPart implements Part {
        static final int MIN_MEMBERS = 20;
        static final double TARGET_P99_MS = 25;

        @Override
        public Result run(Services shop, Settings s, PrintWriter progress) {
            Database db = shop.db();
            SplittableRandom random = new SplittableRandom();
            List<Record2<Long, Long>> cards = ensureMembers(shop, progress);
            List<String> numbers = db.dsl().select(CARD.CARD_NUMBER).from(CARD).where(CARD.STATUS.eq(CardStatus.ACTIVE))
                    .limit(10_000).fetch(CARD.CARD_NUMBER);
            LedgerService ledger = shop.ledger();
            Actor actor = Actor.system(TILL);

            progress.printf("stamp: %,d durable stamps (after %,d untimed)...%n", s.count(), s.warmup());
            progress.flush();
            long[] durable = time(s, () -> {
                Record2<Long, Long> c = cards.get(random.nextInt(cards.size()));
                ledger.stamp(c.value1(), c.value2(), 1, null, null, actor);
            });
            progress.printf("stamp: %,d commits without CHECKPOINT SYNC...%n", s.count());
            progress.flush();
            long[] noSync = time(s, () -> {
                Record2<Long, Long> c = cards.get(random.nextInt(cards.size()));
                var entry = new LedgerService.StampEntry(c.value1(), c.value2(), 1, null, null, actor,
                        OffsetDateTime.now());
                db.dsl().transactionResult(cfg -> LedgerService.appendStamp(cfg.dsl(), entry));
            });
            db.syncToDisk(); // the reference's stamps are real too: put them on the disk before going on
            progress.printf("stamp: %,d card lookups...%n", s.count());
            progress.flush();
            long[] lookup = db.dsl().connectionResult(conn -> timeLookups(conn, numbers, s, random));

            Timings stamp = Timings.of(durable);
            List<Row> rows = List.of(
                    new Row("LedgerService.stamp (durable commit)", stamp),
                    new Row("same insert+update+commit, no CHECKPOINT SYNC", Timings.of(noSync)),
                    new Row("bare indexed card-number lookup (JDBC)", Timings.of(lookup)));
            return new Result(String.format(Locale.ROOT, "%,d single stamps over %,d members", s.count(), cards.size()),
                    rows, 2, "stamp p99 <= " + TARGET_P99_MS + " ms", stamp.p(99) <= TARGET_P99_MS);
        }

        private static List<Record2<Long, Long>> ensureMembers(Services shop, PrintWriter progress) {
            var query = shop.db().dsl().select(CARD.MEMBER_ID, CARD.ID).from(CARD).where(CARD.STATUS.eq(CardStatus.ACTIVE)).limit(10_000);
            List<Record2<Long, Long>> cards = query.fetch();
            if (cards.size() < MIN_MEMBERS) {
                progress.printf("stamp: enrolling %d benchmark members...%n", MIN_MEMBERS - cards.size());
                MemberService members = shop.members();
                for (int i = cards.size(); i < MIN_MEMBERS; i++) {
                    members.enrol(MemberService.NewMember.named("Benchmark member " + (i + 1)));
                }
                cards = query.fetch();
            }
            return cards;
        }

        static long[] time(Settings s, Runnable op) {
            for (int i = 0; i < s.warmup(); i++) {
                op.run();
            }
            long[] nanos = new long[s.count()];
            for (int i = 0; i < nanos.length; i++) {
                long t0 = System.nanoTime();
                op.run();
                nanos[i] = System.nanoTime() - t0;
            }
            return nanos;
        }

        static long[] timeLookups(Connection conn, List<String> numbers, Settings s, SplittableRandom random)
                throws SQLException {
            try (PreparedStatement ps = conn.prepareStatement("SELECT member_id FROM card WHERE card_number = ?")) {
                long[] nanos = new long[s.count()];
                long found = 0;
                for (int i = -s.warmup(); i < nanos.length; i++) {
                    String number = numbers.get(random.nextInt(numbers.size()));
                    long t0 = System.nanoTime();
                    ps.setString(1, number);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            found += rs.getLong(1);
                        }
                    }
                    if (i >= 0) {
                        nanos[i] = System.nanoTime() - t0;
                    }
                }
                if (found == 0) {
                    throw new IllegalStateException("lookups found nothing");
                }
                return nanos;
            }
        }
    }

    /**
     * The counter at this database's size: a scan (card number to the full member panel, as
     * {@link CounterService#lookupCard} builds it) and type-ahead search, one sample per keystroke of a
     * member's name typed letter by letter. Reference in the same run: the bare indexed card lookup.
     * Reads only.
     */
    static final class CounterPart implements Part {
        static final double SCAN_P99_MS = 50;
        static final double SEARCH_P95_MS = 30;
        static final int MAX_PREFIX = 8;

        @Override
        public Result run(Services shop, Settings s, PrintWriter progress) {
            Database db = shop.db();
            SplittableRandom random = new SplittableRandom();
            CounterService counter = shop.counter();
            Long maxId = db.dsl().select(DSL.max(CARD.ID)).from(CARD).fetchOne(0, Long.class);
            long maxCard = maxId == null ? 0 : maxId;
            if (maxCard == 0) {
                throw new UserError("cli.benchmark.noMembers");
            }
            List<String> numbers = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int round = 0; numbers.size() < 2_000; round++) {
                if (round == 1_000) {
                    throw new UserError("cli.benchmark.fewCards");
                }
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    ids.add(1 + random.nextLong(maxCard));
                }
                db.dsl().select(CARD.CARD_NUMBER, MEMBER.DISPLAY_NAME).from(CARD).join(MEMBER).on(MEMBER.ID.eq(CARD.MEMBER_ID))
                        .where(CARD.ID.in(ids)).and(CARD.STATUS.eq(CardStatus.ACTIVE)).fetch()
                        .forEach(r -> {
                            numbers.add(r.value1());
                            names.add(r.value2());
                        });
            }
            int members = db.dsl().fetchCount(MEMBER);
            progress.printf("counter: %,d scans over %,d members...%n", s.count(), members);
            progress.flush();
            long[] scans = StampPart.time(s, () -> {
                if (!counter.lookupCard(numbers.get(random.nextInt(numbers.size()))).isFound()) {
                    throw new IllegalStateException("a sampled card was not found");
                }
            });
            progress.printf("counter: type-ahead, %,d keystrokes...%n", s.count());
            progress.flush();
            List<String> keystrokes = new ArrayList<>();
            while (keystrokes.size() < s.count() + s.warmup()) {
                String name = names.get(random.nextInt(names.size()));
                for (int len = 1; len <= Math.min(MAX_PREFIX, name.length()); len++) {
                    keystrokes.add(name.substring(0, len));
                }
            }
            int[] next = {0};
            long[] searches = StampPart.time(s, () -> counter.search(keystrokes.get(next[0]++), null, 25));
            long[] lookup = db.dsl().connectionResult(conn -> StampPart.timeLookups(conn, numbers, s, random));

            Timings scan = Timings.of(scans);
            Timings search = Timings.of(searches);
            List<Row> rows = List.of(
                    new Row("scan: card number to member panel", scan),
                    new Row("type-ahead search, one keystroke", search),
                    new Row("bare indexed card-number lookup (JDBC)", Timings.of(lookup)));
            boolean met = scan.p(99) <= SCAN_P99_MS && search.p(95) <= SEARCH_P95_MS;
            return new Result(String.format(Locale.ROOT, "counter over %,d members", members), rows, 2,
                    "scan p99 <= " + SCAN_P99_MS + " ms and search p95 <= " + SEARCH_P95_MS + " ms", met);
        }
    }

    /** Names for {@code --only}'s help and completion. */
    static final class PartNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        PartNames() {
            super(PARTS.keySet());
        }
    }

    /**
     * The report dashboard (all tiles and charts of the last 12 months): {@link ReportService#dashboard} from
     * the summaries, timed call by call once they are up to date; reference in the same run: the same
     * computation over every visit held in plain Java arrays ({@link VisitArrays}, read straight from the
     * ledger, loading not timed). Both must give the same dashboard. Target: 1 s at chain size (more than
     * 20,000 members), 300 ms at shop size.
     */
    static final class ReportPart implements Part {
        static final int SHOP_MEMBERS = 20_000;
        static final double SHOP_MS = 300;
        static final double CHAIN_MS = 1_000;
        static final int RUNS = 20;

        @Override
        public Result run(Services shop, Settings s, PrintWriter progress) {
            Database db = shop.db();
            ReportService reports = shop.reports();
            progress.printf("report: bringing the summaries up to date...%n");
            progress.flush();
            long start = System.nanoTime();
            long read = reports.refresh(ReportSummary.Progress.NONE);
            progress.printf(Locale.ROOT, "report: %,d ledger entries read in %.1f s%n", read, (System.nanoTime() - start) / 1e9);
            Period period = Period.lastMonths(12, reports.today());
            int runs = Math.min(RUNS, s.count());
            int warm = Math.min(3, s.warmup());
            progress.printf("report: %d dashboards (after %d untimed)...%n", runs, warm);
            progress.flush();
            Dashboard[] last = new Dashboard[1];
            long[] dashboards = StampPart.time(new Settings(runs, warm),
                    () -> last[0] = reports.dashboard(period, ReportSummary.Progress.NONE));
            progress.printf("report: reading every visit into arrays (not timed)...%n");
            progress.flush();
            VisitArrays arrays = VisitArrays.load(db, shop.clock().getZone());
            Dashboard[] reference = new Dashboard[1];
            long[] overArrays = StampPart.time(new Settings(runs, warm),
                    () -> reference[0] = reports.dashboard(period, arrays));
            if (!sameFigures(last[0], reference[0])) {
                throw new IllegalStateException("the dashboard from the summaries differs from the one over the ledger's visits");
            }
            int members = db.dsl().fetchCount(MEMBER);
            double target = members > SHOP_MEMBERS ? CHAIN_MS : SHOP_MS;
            Timings timed = Timings.of(dashboards);
            List<Row> rows = List.of(
                    new Row(String.format(Locale.ROOT, "dashboard, 12 months, %,d persons", arrays.persons()), timed),
                    new Row(String.format(Locale.ROOT, "same over arrays, %,d visits", arrays.visits()),
                            Timings.of(overArrays)));
            return new Result("report dashboard (" + members + " members)", rows, 1,
                    String.format(Locale.ROOT, "dashboard p95 <= %.0f ms (same figures as over the arrays: yes)", target),
                    timed.p(95) <= target);
        }

        private static boolean sameFigures(Dashboard a, Dashboard b) {
            return a.tiles().equals(b.tiles()) && a.visits().equals(b.visits()) && a.active().equals(b.active())
                    && a.tiers().equals(b.tiers()) && a.segments().equals(b.segments())
                    && a.cohorts().size() == b.cohorts().size()
                    && IntStream.range(0, a.cohorts().size()).allMatch(i ->
                            a.cohorts().get(i).size() == b.cohorts().get(i).size()
                            && Arrays.equals(a.cohorts().get(i).retained(), b.cohorts().get(i).retained()));
        }
    }
}
