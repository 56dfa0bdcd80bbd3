package app.stempel.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import app.stempel.Main;
import app.stempel.ledger.IntegrityCheck;
import app.stempel.store.DataDir;
import app.stempel.store.Database;
import app.stempel.store.PageCheck;
import app.stempel.ui.I18n;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code check}: reads every page of the database file (so damage anywhere in it is found, not only where a
 * query happens to look), then recomputes every balance from the ledger; exit code 2 if any differs. A
 * damaged file fails as damage: the line names the newest backup that passes this same check.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Read every page of the database file, recompute every balance from the ledger and report "
                + "any damage or difference.")
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
        Path dataDir = DataDir.resolve(main.options().dataDir());
        I18n i18n = I18n.forLanguage(main.options().language());
        PageCheck.Result pages = Database.checkFile(dataDir);
        try (Database db = Database.open(dataDir)) {
            IntegrityCheck.Result result = new IntegrityCheck(db).run();
            var out = spec.commandLine().getOut();
            if (result.ok()) {
                out.println(i18n.get("cli.check.pages", pages.maps(), pages.entries()));
                out.println(i18n.plural("cli.check.ok", result.membersChecked()));
                return 0;
            }
            out.println(i18n.plural("cli.check.differences", result.differences().size()));
            result.differences().stream().limit(SHOWN).forEach(d -> out.println("  " + i18n.get("cli.check.difference",
                    String.valueOf(d.memberId()), d.field(), d.balance(), d.ledger())));
            if (result.differences().size() > SHOWN) {
                out.println("  " + i18n.plural("cli.check.more", result.differences().size() - SHOWN));
            }
            org.slf4j.LoggerFactory.getLogger(CheckCommand.class).info("Integrity check: {}", result.differences());
            return DIFFERENCES;
        }
    }
}
