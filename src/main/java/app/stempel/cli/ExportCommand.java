package app.stempel.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import app.stempel.Main;
import app.stempel.data.CsvExport;
import app.stempel.store.Fault;
import app.stempel.ui.I18n;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import app.stempel.Services;

/**
 * {@code export members|visits|ledger FILE} and {@code export member CARD_OR_ID FILE}: CSV for the
 * spreadsheet of the shop's language.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export CSV (UTF-8 with BOM; ';' and decimal comma unless the shop speaks English).",
        subcommands = {ExportCommand.Members.class, ExportCommand.Visits.class, ExportCommand.Ledger.class,
                ExportCommand.OneMember.class})
public final class ExportCommand {

    @ParentCommand
    private Main main;

    /** {@code export members FILE}. */
    @Command(name = "members", mixinStandardHelpOptions = true,
            description = "Every member with their card and balance.")
    static final class Members extends Run {
        @Override
        long export(CsvExport export, Path file) {
            return export.members(file);
        }
    }

    /** {@code export visits FILE}. */
    @Command(name = "visits", mixinStandardHelpOptions = true,
            description = "Every visit (customer_id, timestamp, amount); 'import visits' reads it back.")
    static final class Visits extends Run {
        @Override
        long export(CsvExport export, Path file) {
            return export.visits(file);
        }
    }

    /** {@code export ledger FILE}. */
    @Command(name = "ledger", mixinStandardHelpOptions = true, description = "Every ledger entry.")
    static final class Ledger extends Run {
        @Override
        long export(CsvExport export, Path file) {
            return export.ledger(file);
        }
    }

    private static UserError cannotWrite(UncheckedIOException e, Path file) {
        return Fault.of(e) == Fault.DISK_FULL ? new UserError("cli.file.diskFull", file.toString())
                : new UserError("cli.file.cannotWrite", file.toString());
    }

    /** What the whole-table exports share. */
    abstract static class Run implements Callable<Integer> {
        @ParentCommand
        private ExportCommand parent;

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The CSV file to write (replaced if it exists).")
        private Path file;

        abstract long export(CsvExport export, Path file);

        @Override
        public Integer call() {
            try (Services shop = parent.main.openShop()) {
                I18n i18n = I18n.forLanguage(parent.main.options().language());
                PrintWriter err = spec.commandLine().getErr();
                err.println(i18n.get(switch (spec.name()) {
                    case "members" -> "cli.export.running.members";
                    case "visits" -> "cli.export.running.visits";
                    default -> "cli.export.running.ledger";
                }));
                err.flush();
                long start = System.nanoTime();
                long rows;
                try {
                    rows = export(shop.exports(), file);
                } catch (UncheckedIOException e) {
                    throw cannotWrite(e, file);
                }
                spec.commandLine().getOut().println(i18n.get("cli.export.done", i18n.plural("cli.rows.count", rows),
                        file.toAbsolutePath().toString(), i18n.decimal((System.nanoTime() - start) / 1e9, 1)));
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }

    /** {@code export member CARD_OR_ID FILE}. */
    @Command(name = "member", mixinStandardHelpOptions = true,
            description = "One member's data: profile, cards and ledger.")
    static final class OneMember implements Callable<Integer> {
        @ParentCommand
        private ExportCommand parent;

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CARD_OR_ID", description = "A card number of the member, or their id.")
        private String member;

        @Parameters(index = "1", paramLabel = "FILE", description = "The CSV file to write.")
        private Path file;

        @Override
        public Integer call() {
            try (Services shop = parent.main.openShop()) {
                boolean found;
                try {
                    found = shop.exports().member(member, file);
                } catch (UncheckedIOException e) {
                    throw cannotWrite(e, file);
                }
                if (!found) {
                    throw new UserError("cli.export.noMember", member);
                }
                spec.commandLine().getOut().println(I18n.forLanguage(parent.main.options().language())
                        .get("cli.export.member.done", member, file.toAbsolutePath().toString()));
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }
}
