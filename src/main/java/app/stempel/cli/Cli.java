package app.stempel.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.stempel.Main;
import app.stempel.ledger.IntegrityCheck;
import app.stempel.store.DataDir;
import app.stempel.store.Fault;
import app.stempel.store.GoodBackups;
import app.stempel.ui.I18n;
import app.stempel.ui.Logging;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Runs the command line: sets up logging in the data folder, runs the command, and turns any failure
 * into one clear line on standard error, in the person's language, and a non-zero exit code. Details go
 * to the log file. The usage and help texts ({@code --help}) are picocli's and stay English.
 */
public final class Cli {

    /** Exit code for a failure the person can fix (bad input, database in use). */
    public static final int FAILED = 1;

    /** Exit code for a command line picocli cannot read (its own convention). */
    public static final int USAGE = 2;

    private Cli() {
    }

    public static int execute(Main main, String... args) {
        CommandLine cl = new CommandLine(main);
        cl.setExecutionStrategy(Cli::runWithLogging);
        cl.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            err.println(describe(e, main));
            err.flush();
            if (e instanceof UserError) {
                LoggerFactory.getLogger(Cli.class).info("Command {} refused: {}", cmd.getCommandName(), e.getMessage());
            } else {
                LoggerFactory.getLogger(Cli.class).error("Command {} failed", cmd.getCommandName(), e);
            }
            return FAILED;
        });
        cl.setParameterExceptionHandler((e, given) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println(describeUsage(e, main));
            err.flush();
            return USAGE;
        });
        return cl.execute(args);
    }

    private static int runWithLogging(ParseResult parseResult) {
        Main main = parseResult.commandSpec().commandLine().getCommand();
        Logging.init(DataDir.resolve(main.options().dataDir()));
        Logger log = LoggerFactory.getLogger(Cli.class);
        log.info("Stempel started: {}", parseResult.originalArgs());
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** One line a person can act on, in their language. */
    static String describe(Exception e, Main main) {
        I18n i18n = I18n.forLanguage(main.options().language());
        if (e instanceof UserError ue) {
            return ue.count() == null ? i18n.get(ue.key(), ue.args()) : i18n.plural(ue.key(), ue.count(), ue.args());
        }
        Fault fault = Fault.of(e);
        if (fault == Fault.DAMAGED) {
            Path dataDir = DataDir.resolve(main.options().dataDir());
            Optional<Path> backup = new GoodBackups(dataDir, Clock.systemDefaultZone())
                    .newest(IntegrityCheck::passes);
            return backup.map(b -> i18n.get("error.damaged.restoreCommand", b.toString()))
                    .orElseGet(() -> i18n.get("error.damaged.noBackup", dataDir.toString()));
        }
        return i18n.get(fault.messageKey());
    }

    /** A command line that cannot be read, said in the person's language (the usage stays in --help). */
    static String describeUsage(ParameterException e, Main main) {
        I18n i18n = I18n.forLanguage(main.options().language());
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            return i18n.get("cli.usage.unknown", u.getUnmatched().get(0), command);
        }
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            var missing = m.getMissing().get(0);
            String name = missing instanceof CommandLine.Model.OptionSpec o ? o.longestName() : missing.paramLabel();
            return i18n.get("cli.usage.missing", name, command);
        }
        if (e.getArgSpec() != null && e.getValue() != null) {
            var spec = e.getArgSpec();
            String name = spec instanceof CommandLine.Model.OptionSpec o ? o.longestName() : spec.paramLabel();
            return i18n.get("cli.usage.badValue", name, e.getValue(), command);
        }
        return i18n.get("cli.usage.other", command);
    }
}
