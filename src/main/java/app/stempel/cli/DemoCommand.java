package app.stempel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;

import app.stempel.owner.OwnerGate;
import app.stempel.Main;
import app.stempel.data.DemoData;
import app.stempel.store.DataDir;
import app.stempel.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code demo}: fills an empty shop with believable members and years of visits. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Fill an empty shop with demo members, cards and visits.")
public final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Option(names = "--members", paramLabel = "N", defaultValue = "2000",
            description = "Number of members (default: ${DEFAULT-VALUE}).")
    private int members;

    @Option(names = "--years", paramLabel = "Y", defaultValue = "2",
            description = "Years of history up to today (default: ${DEFAULT-VALUE}).")
    private int years;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed; the same seed gives the same shop (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--visits", paramLabel = "V",
            description = "Total number of visits to aim at (default: the natural rhythm of a café).")
    private Long visits;

    @Option(names = "--currency", paramLabel = "CODE", defaultValue = "PLN",
            description = "Currency of the program and the purchases (default: ${DEFAULT-VALUE}).")
    private String currency;

    @Option(names = "--force", description = "Add demo members even though the shop already has members.")
    private boolean force;

    @Option(names = "--no-compact",
            description = "Leave the database file as the load left it instead of compacting it (faster, larger).")
    private boolean noCompact;

    /** Shows the share of visits written, held below 100 % until the last member is done. */
    private static void show(ProgressLine line, long done, long total, long visitsDone, long expected) {
        String detail = String.format(Locale.ROOT, "%,d/%,d members, %,d visits", done, total, visitsDone);
        if (done == total) {
            line.show(1, 1, detail);
        } else {
            line.show(Math.min(visitsDone, expected * 99 / 100), expected, detail);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public Integer call() {
        DemoData.Settings settings;
        try {
            settings = new DemoData.Settings(members, years, seed, visits, currency, force);
        } catch (IllegalArgumentException e) {
            throw new UserError("demo: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Database db = Database.open(DataDir.resolve(main.options().dataDir()))) {
            ProgressLine line = new ProgressLine(err, System.console() != null, System::nanoTime);
            long start = System.nanoTime();
            DemoData.Result result;
            try {
                result = new DemoData(db, Clock.systemDefaultZone(), OwnerGate.TRUSTED).fill(settings,
                        (done, total, visitsDone, expected) -> show(line, done, total, visitsDone, expected));
            } catch (DemoData.NotEmptyException e) {
                throw new UserError(String.format(Locale.ROOT,
                        "demo: the shop already has %,d members; demo data goes into an empty shop "
                        + "(--force adds anyway)", e.members()));
            } catch (IllegalArgumentException e) {
                throw new UserError("demo: " + e.getMessage());
            } finally {
                line.finish();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String file = "";
            if (!noCompact) {
                err.println("Compacting the database file...");
                err.flush();
                long compactStart = System.nanoTime();
                db.closeCompacting();
                file = String.format(Locale.ROOT, "; file compacted to %,.1f MB in %.1f s",
                        size(db.file()) / 1048576.0, (System.nanoTime() - compactStart) / 1e9);
            }
            out.printf(Locale.ROOT, "Demo shop ready: %,d members, %,d visits, %,d rewards redeemed in %.1f s "
                    + "(%,d visits/s)%s.%n", result.members(), result.visits(), result.redemptions(), seconds,
                    Math.round(result.visits() / Math.max(seconds, 1e-3)), file);
            out.flush();
            return 0;
        }
    }
}
