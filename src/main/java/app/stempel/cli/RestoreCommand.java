package app.stempel.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import app.stempel.Main;
import app.stempel.ledger.IntegrityCheck;
import app.stempel.store.Backups;
import app.stempel.store.DataDir;
import app.stempel.ui.I18n;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code restore FILE}: puts a backup in place of the database, after checking it opens and passes the
 * integrity check; the database it replaces is kept aside in the data folder.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup. It is checked first; the current database is kept aside, never deleted.",
                "Close Stempel on this computer first."})
public final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The backup (.zip) to restore.")
    private Path file;

    @Override
    public Integer call() throws IOException {
        Path dataDir = DataDir.resolve(main.options().dataDir());
        try {
            var aside = new Backups(dataDir, Clock.systemDefaultZone())
                    .restore(file, IntegrityCheck::passes);
            I18n i18n = I18n.forLanguage(main.options().language());
            spec.commandLine().getOut().println(aside
                    .map(p -> i18n.get("cli.restore.doneKept", file.toAbsolutePath().toString(), p.toString()))
                    .orElseGet(() -> i18n.get("cli.restore.done", file.toAbsolutePath().toString())));
            return 0;
        } catch (Backups.RestoreException e) {
            throw new UserError(switch (e.reason()) {
                case NOT_A_BACKUP -> "cli.restore.notABackup";
                case FAILS_CHECK -> "cli.restore.failsCheck";
            }, file.toString());
        }
    }
}
