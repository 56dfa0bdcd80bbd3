package app.stempel;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

import org.slf4j.LoggerFactory;

import app.stempel.cards.CardDesignStore;
import app.stempel.cards.CardNumbers;
import app.stempel.cards.CardService;
import app.stempel.cards.PrintableCards;
import app.stempel.counter.CounterService;
import app.stempel.data.CsvExport;
import app.stempel.data.CsvImport;
import app.stempel.data.DemoData;
import app.stempel.ledger.IntegrityCheck;
import app.stempel.ledger.LedgerService;
import app.stempel.members.MemberCorrections;
import app.stempel.members.MemberDirectory;
import app.stempel.members.MemberService;
import app.stempel.owner.OwnerGate;
import app.stempel.program.ExpiryService;
import app.stempel.program.GroupService;
import app.stempel.program.ProgramService;
import app.stempel.reports.ReportService;
import app.stempel.reports.ReportSummary;
import app.stempel.search.MemberSearch;
import app.stempel.settings.AdminService;
import app.stempel.settings.CashierService;
import app.stempel.settings.OwnerSession;
import app.stempel.settings.SettingsService;
import app.stempel.settings.SetupService;
import app.stempel.shell.MainViewModel;
import app.stempel.shell.OpenShop;
import app.stempel.store.Backups;
import app.stempel.store.Database;
import app.stempel.store.GoodBackups;
import app.stempel.survey.SurveyService;

/**
 * The composition root: the object graph of one open shop, every service built once, here and nowhere else,
 * for the window ({@link #open}) and for every command ({@link #forCommandLine}). Closing it closes the
 * database.
 */
public record Services(Path dataDir, Clock clock, Database db, SettingsService settings, OwnerSession owner,
        CardService cards, CardDesignStore cardDesigns, PrintableCards printableCards, MemberService members,
        MemberSearch search, MemberDirectory directory, MemberCorrections corrections, LedgerService ledger,
        ProgramService programs, ExpiryService expiry, GroupService groups, CounterService counter,
        IntegrityCheck integrity, CashierService cashiers, SetupService setup, AdminService admin,
        SurveyService survey, ReportSummary summaries, ReportService reports, CsvImport imports, CsvExport exports,
        DemoData demo) implements OpenShop {

    /**
     * Opens the database in {@code dataDir} (slow: call it off the JavaFX thread) and wires the services for
     * the window, where owner work waits for the owner's PIN ({@link OwnerSession}).
     */
    public static Services open(Path dataDir, Clock clock) {
        Database db = Database.open(dataDir);
        SettingsService settings = new SettingsService(db);
        OwnerSession session = new OwnerSession(settings, clock);
        return wire(dataDir, clock, db, settings, session, session);
    }

    /**
     * The same graph for a command: whoever runs a command on the shop's computer, with its data folder, is
     * the owner (commands are the owner's tools), so no service asks for a PIN.
     */
    public static Services forCommandLine(Path dataDir, Clock clock) {
        Database db = Database.open(dataDir);
        SettingsService settings = new SettingsService(db);
        return wire(dataDir, clock, db, settings, new OwnerSession(settings, clock), OwnerGate.TRUSTED);
    }

    private static Services wire(Path dataDir, Clock clock, Database db, SettingsService settings,
            OwnerSession session, OwnerGate gate) {
        CardNumbers numbers = new CardNumbers(new SecureRandom());
        LedgerService ledger = new LedgerService(db, clock, gate);
        CardService cards = new CardService(db, clock, numbers, gate);
        CardDesignStore designs = new CardDesignStore(db, clock, gate);
        MemberService members = new MemberService(db, clock, cards);
        MemberSearch search = new MemberSearch(db);
        ProgramService programs = new ProgramService(db, clock, gate);
        CashierService cashiers = new CashierService(db, clock, gate);
        ExpiryService expiry = new ExpiryService(db, clock, programs, settings, gate);
        CsvExport exports = new CsvExport(db, clock, settings, gate);
        ReportSummary summaries = new ReportSummary(db, clock.getZone());
        return new Services(dataDir, clock, db, settings, session, cards, designs,
                new PrintableCards(db, clock, designs, gate), members, search,
                new MemberDirectory(db, clock, search, gate), new MemberCorrections(db, clock, ledger, exports, gate),
                ledger, programs, expiry, new GroupService(db, gate),
                new CounterService(db, clock, ledger, programs, members, expiry, settings, search),
                new IntegrityCheck(db), cashiers, new SetupService(settings, programs::startStampCard, cashiers, session),
                new AdminService(db, settings, gate, session, new Backups(dataDir, clock)), new SurveyService(db, clock, settings),
                summaries, new ReportService(db, clock, gate, programs, settings, summaries),
                new CsvImport(db, clock, numbers, gate), exports, new DemoData(db, clock, gate));
    }

    /**
     * How the window recovers a shop whose file is damaged: the newest backup that reads whole and passes the
     * integrity check, restored in place of the file (which is kept aside).
     */
    public static MainViewModel.Recovery recovery(Path dataDir, Clock clock) {
        return new MainViewModel.Recovery() {
            @Override
            public Optional<Path> newestGoodBackup() {
                return new GoodBackups(dataDir, clock).newest(IntegrityCheck::passes);
            }

            @Override
            public void restore(Path backup) throws IOException {
                new Backups(dataDir, clock).restore(backup, IntegrityCheck::passes);
            }
        };
    }

    @Override
    public int memberCount() {
        return members.count();
    }

    @Override
    public boolean isSetUp() {
        return settings.isSetUp();
    }

    @Override
    public Optional<Path> dailyBackup() throws IOException {
        return admin.dailyBackup();
    }

    @Override
    public void startOfDay() {
        try {
            expiry.sweepIfDue();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Services.class).error("Expiry sweep failed", e);
        }
        reports.catchUp();
    }

    @Override
    public void close() {
        db.close();
    }
}
