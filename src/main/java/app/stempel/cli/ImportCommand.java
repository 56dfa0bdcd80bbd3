package app.stempel.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import app.stempel.Main;
import app.stempel.data.CsvImport;
import app.stempel.ui.I18n;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import app.stempel.Services;
import app.stempel.store.Fault;

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
                throw new UserError("cli.import.notAFile", file.toString());
            }
            Main main = parent.main;
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Services shop = main.openShop()) {
                I18n i18n = I18n.forLanguage(main.options().language() != null ? main.options().language()
                        : shop.settings().language().orElse(null));
                CsvImport importer = shop.imports();
                long start = System.nanoTime();
                CsvImport.Preview preview;
                try {
                    preview = importer.preview(file, kind, map);
                } catch (UncheckedIOException e) {
                    throw new UserError("cli.import.cannotRead", file.toString());
                } catch (IllegalArgumentException e) {
                    throw new UserError("cli.import.unknownField", e.getMessage());
                }
                out.println(i18n.get("cli.import.read", file.getFileName().toString(),
                        i18n.plural(kind == CsvImport.Kind.MEMBERS ? "cli.import.memberRows" : "cli.import.visitRows",
                                preview.fileRows())));
                preview.mapping().forEach((header, field) -> out.printf("  %-24s -> %s%n", header,
                        field == null ? i18n.get("cli.import.notRead") : field));
                if (!preview.ok()) {
                    printProblems(err, i18n, preview.problems());
                    throw refused(preview.problems(), preview.fileRows(), preview.rows());
                }
                preview.previous().ifPresent(p -> out.println(i18n.get("cli.import.before",
                        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(p.at()), p.fileName())));
                if (dryRun) {
                    out.println(i18n.get("cli.import.dryRun"));
                    out.flush();
                    return 0;
                }
                ProgressLine line = new ProgressLine(err, System.console() != null, System::nanoTime);
                CsvImport.Result result;
                try {
                    result = importer.commit(preview, again, (done, total) ->
                            line.show(done, total, String.format(Locale.ROOT, "%,d/%,d", done, total)));
                } catch (CsvImport.AlreadyImported e) {
                    throw new UserError("cli.import.again", file.toString(),
                            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(e.previous().at()));
                } catch (CsvImport.Refused e) {
                    printProblems(err, i18n, e.problems());
                    throw refused(e.problems(), preview.fileRows(), preview.rows());
                } catch (RuntimeException e) {
                    // one transaction: a failed commit (a full disk, say) leaves the shop as it was
                    if (Fault.of(e) == Fault.DISK_FULL) {
                        throw new UserError("cli.import.diskFull");
                    }
                    throw e;
                } finally {
                    line.finish();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (kind == CsvImport.Kind.MEMBERS) {
                    out.println(i18n.get("cli.import.membersDone", i18n.plural("cli.members.count",
                            result.membersCreated()), i18n.decimal(seconds, 1)));
                } else {
                    out.println(i18n.get("cli.import.visitsDone", i18n.plural("cli.visits.count", result.visits()),
                            i18n.decimal(result.amountMinor() / 100.0, 2), i18n.decimal(seconds, 1),
                            i18n.plural("cli.newMembers.count", result.membersCreated())));
                }
                out.flush();
                return 0;
            }
        }

        /**
         * Nothing was imported because of {@code problems}; a file none of whose rows can be read says so
         * plainly (the first problems are listed above the line).
         */
        private UserError refused(List<CsvImport.Problem> problems, int fileRows, int goodRows) {
            if (goodRows == 0) {
                return fileRows == 0 ? new UserError("cli.import.empty", file.toString())
                        : UserError.plural("cli.import.allBad", fileRows, file.toString());
            }
            return UserError.plural("cli.import.problems", problems.size(), file.toString());
        }

        private static void printProblems(PrintWriter err, I18n i18n, List<CsvImport.Problem> problems) {
            problems.stream().limit(SHOWN).forEach(p -> err.println("  " + i18n.get("import.problem.atLine", p.line(),
                    i18n.get(p.key(), p.args().toArray()))));
            if (problems.size() > SHOWN) {
                err.println("  " + i18n.plural("cli.more", problems.size() - SHOWN));
            }
            err.flush();
        }
    }
}
