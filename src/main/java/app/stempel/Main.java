package app.stempel;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import app.stempel.cli.BackupCommand;
import app.stempel.cli.BenchmarkCommand;
import app.stempel.cli.ReportCommand;
import app.stempel.cli.RestoreCommand;
import app.stempel.cli.CardsCommand;
import app.stempel.cli.CheckCommand;
import app.stempel.cli.Cli;
import app.stempel.cli.DemoCommand;
import app.stempel.cli.ExportCommand;
import app.stempel.cli.ImportCommand;
import app.stempel.core.Language;
import app.stempel.store.DataDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Entry point. Without a sub-command it opens the window; with one it runs that command without a
 * window ({@code java -jar stempel.jar check}). Not the {@code Application} subclass, so the JavaFX
 * runtime can come from the class path.
 */
@Command(name = "stempel", mixinStandardHelpOptions = true, version = "Stempel 0.1",
        description = "Loyalty cards for a small shop. Without a command, opens the window.",
        subcommands = {CheckCommand.class, DemoCommand.class, ImportCommand.class, ExportCommand.class,
                CardsCommand.class, BackupCommand.class, RestoreCommand.class, BenchmarkCommand.class,
                ReportCommand.class})
public final class Main implements Callable<Integer> {

    private Path dataDirOption;
    private Language languageOption;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data folder (database, backups, log). Default: the per-user data folder, or $STEMPEL_DATA_DIR.")
    void setDataDir(Path dir) {
        this.dataDirOption = dir;
    }

    @Option(names = "--lang", paramLabel = "LANG", scope = ScopeType.INHERIT,
            description = "Language for this run: ${COMPLETION-CANDIDATES}.", converter = Language.Converter.class,
            completionCandidates = Language.Codes.class)
    void setLanguage(Language language) {
        this.languageOption = language;
    }

    public static void main(String[] args) {
        System.exit(Cli.execute(new Main(), args));
    }

    /** The options given before or after a sub-command. */
    public Options options() {
        return new Options(dataDirOption, languageOption);
    }

    /**
     * Opens the shop in the data folder for a command: the whole graph of {@link Services}, where the person
     * at the command line is the owner.
     */
    public Services openShop() {
        return Services.forCommandLine(DataDir.resolve(options().dataDir()), Clock.systemDefaultZone());
    }

    @Override
    public Integer call() {
        App.launchWith(options());
        return 0;
    }

    /** Global options; null where not given. */
    public record Options(Path dataDir, Language language) {
    }

    static CommandLine commandLine(Main main) {
        return new CommandLine(main);
    }
}
