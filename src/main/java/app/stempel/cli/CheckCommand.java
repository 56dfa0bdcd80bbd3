package app.stempel.cli;

import java.util.concurrent.Callable;

import app.stempel.Main;
import app.stempel.ledger.IntegrityCheck;
import app.stempel.store.DataDir;
import app.stempel.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code check}: recomputes every balance from the ledger; exit code 2 if any differs. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Recompute every balance from the ledger and report any difference.")
public final class CheckCommand implements Callable<Integer> {

    /** Exit code when a balance disagrees with its ledger. */
    public static final int DIFFERENCES = 2;
    private static final int SHOWN = 20;

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (Database db = Database.open(DataDir.resolve(main.options().dataDir()))) {
            IntegrityCheck.Result result = new IntegrityCheck(db).run();
            var out = spec.commandLine().getOut();
            if (result.ok()) {
                out.printf("OK: %,d members, every balance agrees with the ledger.%n", result.membersChecked());
                return 0;
            }
            out.printf("%,d difference(s) between balances and the ledger:%n", result.differences().size());
            result.differences().stream().limit(SHOWN).forEach(d -> out.println("  " + d));
            if (result.differences().size() > SHOWN) {
                out.printf("  ... and %,d more (see the log)%n", result.differences().size() - SHOWN);
            }
            org.slf4j.LoggerFactory.getLogger(CheckCommand.class).warn("Integrity check: {}", result.differences());
            return DIFFERENCES;
        }
    }
}
