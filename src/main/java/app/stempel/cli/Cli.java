package app.stempel.cli;

import java.io.PrintWriter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.stempel.Main;
import app.stempel.store.DataDir;
import app.stempel.store.DatabaseException;
import app.stempel.ui.I18n;
import app.stempel.ui.Logging;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Runs the command line: sets up logging in the data folder, runs the command, and turns any failure
 * into one clear line on standard error and a non-zero exit code. Details go to the log file.
 */
public final class Cli {

    /** Exit code for a failure the person can fix (bad input, database in use). */
    public static final int FAILED = 1;

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
        if (e instanceof DatabaseException de) {
            return i18n.get(de.messageKey());
        }
        if (e instanceof UserError ue) {
            return ue.getMessage();
        }
        return i18n.get("error.unexpected");
    }
}
