package app.stempel.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import app.stempel.owner.OwnerGate;
import app.stempel.Main;
import app.stempel.cards.CardNumbers;
import app.stempel.data.CsvImport;
import app.stempel.settings.SettingsService;
import app.stempel.store.DataDir;
import app.stempel.store.Database;
import app.stempel.ui.I18n;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code import members|visits FILE}: reads a CSV file, lists its problems, and writes it all or nothing. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import members or past visits from a CSV file (all or nothing).",
        subcommands = {ImportCommand.Members.class, ImportCommand.Visits.class})
public final class ImportCommand {

    /** Problems printed before "... and N more". */
    static final int SHOWN = 20;

    @ParentCommand
    private Main main;

    /** {@code import members FILE}. */
    @Command(name = "members", mixinStandardHelpOptions = true,
            description = {"Import members: name, phone, e-mail, birthday, customer id, card number, stamps.",
                    "Headers are recognised in English, Polish, Norwegian and Russian; --map overrides them."})
    static final class Members extends Run {
        Members() {
            super(CsvImport.Kind.MEMBERS);
        }
    }

    /** {@code import visits FILE}. */
    @Command(name = "visits", mixinStandardHelpOptions = true,
            description = {"Import past visits: customer reference, timestamp, amount.",
                    "A reference no member has creates a member named by it, with a new card."})
    static final class Visits extends Run {
        Visits() {
            super(CsvImport.Kind.VISITS);
        }
    }

    /** What both kinds share. */
    abstract static class Run implements Callable<Integer> {
        private final CsvImport.Kind kind;

        @ParentCommand
        private ImportCommand parent;

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The CSV file (UTF-8, comma or semicolon).")
        private Path file;

        @Option(names = "--dry-run", description = "Check the file and show what would be imported; write nothing.")
        private boolean dryRun;

        @Option(names = "--map", paramLabel = "HEADER=FIELD",
                description = {"Read column HEADER as FIELD, or '-' to skip it. Repeatable.",
                        "Members: name, phone, email, birthday, ref, card, stamps. Visits: member, timestamp, amount."})
        private Map<String, String> map = new LinkedHashMap<>();

        @Option(names = "--again", description = "Import even though this very file was imported before.")
        private boolean again;

        Run(CsvImport.Kind kind) {
            this.kind = kind;
        }

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new UserError("import: " + file + " is not a file");
            }
            Main main = parent.main;
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Database db = Database.open(DataDir.resolve(main.options().dataDir()))) {
                I18n i18n = I18n.forLanguage(main.options().language() != null ? main.options().language()
                        : new SettingsService(db).language().orElse(null));
                CsvImport importer = new CsvImport(db, Clock.systemDefaultZone(), new CardNumbers(new SecureRandom()),
                        OwnerGate.TRUSTED);
                long start = System.nanoTime();
                CsvImport.Preview preview;
                try {
                    preview = importer.preview(file, kind, map);
                } catch (UncheckedIOException e) {
                    throw new UserError("import: cannot read " + file + ": " + e.getCause().getMessage());
                } catch (IllegalArgumentException e) {
                    throw new UserError("import: --map names an unknown field '" + e.getMessage() + "'");
                }
                out.printf(Locale.ROOT, "%s: %,d row(s) of %s%n", file.getFileName(), preview.rows(),
                        kind.name().toLowerCase(Locale.ROOT));
                preview.mapping().forEach((header, field) -> out.printf("  %-24s -> %s%n", header,
                        field == null ? "(not read)" : field));
                if (!preview.ok()) {
                    printProblems(err, i18n, preview.problems());
                    throw new UserError(String.format(Locale.ROOT, "import: %,d problem(s) in %s; nothing was imported.",
                            preview.problems().size(), file));
                }
                preview.previous().ifPresent(p -> out.printf("This file was imported before, on %s (as %s).%n",
                        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(p.at()), p.fileName()));
                if (dryRun) {
                    out.println("Dry run: no problems found; nothing was written.");
                    out.flush();
                    return 0;
                }
                ProgressLine line = new ProgressLine(err, System.console() != null, System::nanoTime);
                CsvImport.Result result;
                try {
                    result = importer.commit(preview, again, (done, total) ->
                            line.show(done, total, String.format(Locale.ROOT, "%,d/%,d rows", done, total)));
                } catch (CsvImport.AlreadyImported e) {
                    throw new UserError("import: " + file + " was imported before, on "
                            + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(e.previous().at())
                            + "; nothing was imported (--again imports it once more).");
                } catch (CsvImport.Refused e) {
                    printProblems(err, i18n, e.problems());
                    throw new UserError(String.format(Locale.ROOT, "import: %,d problem(s) in %s; nothing was imported.",
                            e.problems().size(), file));
                } finally {
                    line.finish();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (kind == CsvImport.Kind.MEMBERS) {
                    out.printf(Locale.ROOT, "Imported %,d members in %.1f s.%n", result.membersCreated(), seconds);
                } else {
                    out.printf(Locale.ROOT, "Imported %,d visits (%s in total) in %.1f s; %,d new members.%n",
                            result.visits(), java.math.BigDecimal.valueOf(result.amountMinor(), 2).toPlainString(),
                            seconds, result.membersCreated());
                }
                out.flush();
                return 0;
            }
        }

        private static void printProblems(PrintWriter err, I18n i18n, List<CsvImport.Problem> problems) {
            problems.stream().limit(SHOWN).forEach(p -> err.println("  " + i18n.get("import.problem.atLine", p.line(),
                    i18n.get(p.key(), p.args().toArray()))));
            if (problems.size() > SHOWN) {
                err.printf(Locale.ROOT, "  ... and %,d more%n", problems.size() - SHOWN);
            }
            err.flush();
        }
    }
}
