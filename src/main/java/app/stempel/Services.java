package app.stempel;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

import app.stempel.cards.CardNumbers;
import app.stempel.cards.CardService;
import app.stempel.counter.CounterService;
import app.stempel.ledger.IntegrityCheck;
import app.stempel.ledger.LedgerService;
import app.stempel.search.MemberSearch;
import app.stempel.members.MemberService;
import app.stempel.program.ExpiryService;
import app.stempel.program.GroupService;
import app.stempel.program.ProgramService;
import app.stempel.settings.AdminService;
import app.stempel.settings.CashierService;
import app.stempel.settings.OwnerSession;
import app.stempel.settings.SettingsService;
import app.stempel.reports.ReportService;
import app.stempel.settings.SetupService;
import app.stempel.store.Backups;
import app.stempel.store.Database;
import app.stempel.store.GoodBackups;
import app.stempel.shell.MainViewModel;
import app.stempel.survey.SurveyService;

/**
 * The object graph of one open shop, wired by hand in one place: the database and the services on it.
 * Closing it closes the database.
 */
public record Services(Path dataDir, Clock clock, Database db, CardService cards, MemberService members,
        MemberSearch search,
        LedgerService ledger,
        ProgramService programs, CounterService counter, IntegrityCheck integrity, SettingsService settings,
        CashierService cashiers, SetupService setup, OwnerSession owner, AdminService admin, ExpiryService expiry,
        GroupService groups, SurveyService survey, ReportService reports) implements AutoCloseable {

    /** Opens the database in {@code dataDir} (slow: call it off the JavaFX thread) and wires the services. */
    public static Services open(Path dataDir, Clock clock) {
        Database db = Database.open(dataDir);
        SettingsService settings = new SettingsService(db);
        OwnerSession owner = new OwnerSession(settings, clock);
        LedgerService ledger = new LedgerService(db, clock, owner);
        CardService cards = new CardService(db, clock, new CardNumbers(new SecureRandom()), owner);
        MemberService members = new MemberService(db, clock, cards);
        ProgramService programs = new ProgramService(db, clock, owner);
        CashierService cashiers = new CashierService(db, clock, owner);
        ExpiryService expiry = new ExpiryService(db, clock, programs, settings, owner);
        MemberSearch search = new MemberSearch(db);
        CounterService counter = new CounterService(db, clock, ledger, programs, members, expiry, settings, search);
        return new Services(dataDir, clock, db, cards, members, search, ledger, programs, counter,
                new IntegrityCheck(db), settings, cashiers, new SetupService(settings, programs::startStampCard, cashiers, owner), owner,
                new AdminService(db, settings, owner, new Backups(dataDir, clock)), expiry, new GroupService(db, owner),
                new SurveyService(db, clock, settings), new ReportService(db, clock, owner, programs, settings));
    }

    /**
     * How the window recovers a shop whose file is damaged: the newest backup that reads whole and passes the
     * integrity check, restored in place of the file (which is kept aside).
     */
    public static MainViewModel.Recovery recovery(Path dataDir, Clock clock) {
        return new MainViewModel.Recovery() {
            @Override
            public java.util.Optional<Path> newestGoodBackup() {
                return new GoodBackups(dataDir, clock).newest(IntegrityCheck::passes);
            }

            @Override
            public void restore(Path backup) throws java.io.IOException {
                new Backups(dataDir, clock).restore(backup, IntegrityCheck::passes);
            }
        };
    }

    @Override
    public void close() {
        db.close();
    }
}
