package app.stempel.cli;


import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import app.stempel.Main;
import app.stempel.data.DemoData;
import app.stempel.store.Database;
import app.stempel.store.Fault;
import app.stempel.ui.I18n;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import app.stempel.Services;
import org.slf4j.LoggerFactory;
import java.util.Currency;

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

    /** The options' values a demo shop cannot have, said in the person's language. */
    private void checkOptions() {
        if (members < 1) {
            throw new UserError("cli.demo.members", members);
        }
        if (years < 1 || years > DemoData.MAX_YEARS) {
            throw new UserError("cli.demo.years", years, DemoData.MAX_YEARS);
        }
        if (visits != null && visits < 1) {
            throw new UserError("cli.demo.visits", visits);
        }
        try {
            Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UserError("cli.demo.currency", currency);
        }
    }

    @Override
    public Integer call() {
        checkOptions();
        DemoData.Settings settings;
        try {
            settings = new DemoData.Settings(members, years, seed, visits, currency, force);
        } catch (IllegalArgumentException e) {
            throw new UserError("cli.demo.currency", currency);
        }
        I18n i18n = I18n.forLanguage(main.options().language());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Services shop = main.openShop()) {
            Database db = shop.db();
            ProgressLine line = new ProgressLine(err, System.console() != null, System::nanoTime);
            long start = System.nanoTime();
            int before = shop.members().count();
            DemoData.Result result;
            try {
                result = shop.demo().fill(settings,
                        (done, total, visitsDone, expected) -> show(line, done, total, visitsDone, expected));
            } catch (DemoData.NotEmptyException e) {
                throw UserError.plural("cli.demo.notEmpty", e.members());
            } catch (IllegalArgumentException e) {
                throw new UserError("cli.demo.visitsUnreachable", visits, members, years);
            } catch (RuntimeException e) {
                if (Fault.of(e) != Fault.DISK_FULL) {
                    throw e;
                }
                throw diskFull(shop, before, e);
            } finally {
                line.finish();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String file = "";
            if (!noCompact) {
                err.println(i18n.get("cli.demo.compacting"));
                err.flush();
                long compactStart = System.nanoTime();
                db.closeCompacting();
                file = " " + i18n.get("cli.demo.compacted", i18n.decimal(size(db.file()) / 1048576.0, 1),
                        i18n.decimal((System.nanoTime() - compactStart) / 1e9, 1));
            }
            out.println(i18n.get("cli.demo.ready", i18n.plural("cli.members.count", result.members()),
                    i18n.plural("cli.visits.count", result.visits()),
                    i18n.plural("cli.rewards.count", result.redemptions()), i18n.decimal(seconds, 1),
                    i18n.number(Math.round(result.visits() / Math.max(seconds, 1e-3)))) + file);
            out.flush();
            return 0;
        }
    }

    /**
     * The disk filled up during the load. Members are committed whole, so the shop holds some demo members
     * with all their visits and none of the rest: the message says how many, as the database now holds them
     * (it is opened again at its last state on the disk to count them).
     */
    private UserError diskFull(Services shop, int before, RuntimeException cause) {
        LoggerFactory.getLogger(DemoCommand.class).error("Demo stopped: the disk is full", cause);
        int now;
        try {
            now = shop.members().count();
        } catch (RuntimeException e) {
            return new UserError("cli.demo.diskFullUnknown");
        }
        int added = Math.max(0, now - before);
        return added == 0 ? new UserError("cli.demo.diskFullNothing")
                : UserError.plural("cli.demo.diskFull", added, members);
    }
}
