package app.stempel.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import app.stempel.Main;
import app.stempel.ledger.IntegrityCheck;
import app.stempel.store.DataDir;
import app.stempel.store.Database;
import app.stempel.store.FileCheck;
import app.stempel.ui.I18n;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import app.stempel.Services;
import org.slf4j.LoggerFactory;

/**
 * {@code check}: reads every page of the database file (so damage anywhere in it is found, not only where a
 * query happens to look; a damaged file fails as damage, naming the newest backup that passes this same
 * check), walks the ledger's hash chain and recomputes every balance from the ledger; names each entry
 * edited, removed or added behind the program's back and each balance that differs, in the person's
 * language, with exit code 2 if there is any.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Read every page of the database file, check that no ledger entry was changed, removed or "
                + "added outside Stempel, and recompute every balance from the ledger.")
public final class CheckCommand implements Callable<Integer> {

    /** Exit code when an entry was tampered with or a balance disagrees with its ledger. */
    public static final int DIFFERENCES = 2;
    private static final int SHOWN = 20;

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Path dataDir = DataDir.resolve(main.options().dataDir());
        FileCheck pages = Database.checkFile(dataDir);
        try (Services shop = main.openShop()) {
            I18n i18n = I18n.forLanguage(main.options().language() != null ? main.options().language()
                    : shop.settings().language().orElse(null));
            IntegrityCheck.Result result = shop.integrity().run();
            PrintWriter out = spec.commandLine().getOut();
            out.println(i18n.get("cli.check.pages", pages.maps(), pages.entries()));
            if (result.ok()) {
                out.println(i18n.plural("check.ok", result.membersChecked(), i18n.number(result.entriesChecked())));
                return 0;
            }
            if (!result.tampering().isEmpty()) {
                out.println(i18n.plural("check.tampered", result.tampering().size()));
                result.tampering().stream().limit(SHOWN).forEach(t -> out.println("  " + tampering(i18n, t)));
                more(out, i18n, result.tampering().size());
                out.println(i18n.get("check.tamperedAdvice"));
            }
            if (!result.differences().isEmpty()) {
                out.println(i18n.plural("check.differences", result.differences().size()));
                result.differences().stream().limit(SHOWN).forEach(d -> out.println("  " + difference(i18n, d)));
                more(out, i18n, result.differences().size());
            }
            LoggerFactory.getLogger(CheckCommand.class).info("Integrity check: tampering {}, differences {}",
                    result.tampering(), result.differences());
            return DIFFERENCES;
        }
    }

    private static void more(PrintWriter out, I18n i18n, int all) {
        if (all > SHOWN) {
            out.println("  " + i18n.get("check.more", all - SHOWN));
        }
    }

    static String tampering(I18n i18n, IntegrityCheck.Tampering t) {
        return switch (t.what()) {
            case EDITED -> i18n.get("check.tamper.edited", t.entryId(), who(i18n, t));
            case INSERTED -> i18n.get("check.tamper.inserted", t.entryId(), who(i18n, t));
            case DELETED -> t.nextEntryId() == null ? i18n.get("check.tamper.deletedLast", t.entryId())
                    : i18n.get("check.tamper.deleted", t.entryId(), Long.toString(t.nextEntryId()));
        };
    }

    private static String who(I18n i18n, IntegrityCheck.Tampering t) {
        String name = t.memberName() == null ? "-" : t.memberName();
        long member = t.memberId() == null ? 0 : t.memberId();
        return t.cardNumber() == null ? i18n.get("check.who", member, name)
                : i18n.get("check.who.card", member, name, t.cardNumber());
    }

    static String difference(I18n i18n, IntegrityCheck.Difference d) {
        String field = switch (d.field()) {
            case "stamps" -> i18n.get("check.field.stamps");
            case "points" -> i18n.get("check.field.points");
            case "rewards" -> i18n.get("check.field.rewards");
            case "visits" -> i18n.get("check.field.visits");
            case "spend" -> i18n.get("check.field.spend");
            case "first visit" -> i18n.get("check.field.firstVisit");
            case "last visit" -> i18n.get("check.field.lastVisit");
            case "balance" -> null;
            default -> d.field();
        };
        return field == null ? i18n.get("check.difference.noBalance", d.memberId())
                : i18n.get("check.difference", d.memberId(), field, d.balance(), d.ledger());
    }
}
