package app.stempel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import app.stempel.Main;
import app.stempel.ui.I18n;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import app.stempel.Services;
import app.stempel.store.Fault;
import org.jooq.exception.DataAccessException;

/** {@code backup [FILE]}: a consistent copy of the database, to FILE or into the data folder's backups. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Back the database up: to FILE, or as today's backup in the data folder (rotated).")
public final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Where to write the backup (a .zip).")
    private Path file;

    @Override
    public Integer call() throws IOException {
        try (Services shop = main.openShop()) {
            Path written;
            try {
                written = file != null ? shop.admin().backup(file).toAbsolutePath() : shop.admin().backupNow();
            } catch (IOException | DataAccessException e) {
                if (Fault.of(e) == Fault.DISK_FULL) {
                    throw new UserError("cli.backup.diskFull");
                }
                throw file == null ? new UserError("cli.backup.failed")
                        : new UserError("cli.backup.failedTo", file.toString());
            }
            I18n i18n = I18n.forLanguage(main.options().language());
            spec.commandLine().getOut().println(i18n.get("cli.backup.written", written.toString(),
                    i18n.decimal(Files.size(written) / 1048576.0, 1)));
            return 0;
        }
    }
}
