package app.stempel.testing;

import static app.stempel.store.schema.Tables.SETTING;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Currency;
import java.util.Map;

import app.stempel.Services;
import app.stempel.core.Actor;
import app.stempel.core.Language;
import app.stempel.data.CsvExport;
import app.stempel.ledger.LedgerService;
import app.stempel.members.MemberCorrections;
import app.stempel.owner.OwnerGate;
import app.stempel.settings.SetupService;
import app.stempel.store.Database;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.members.MemberService.NewMember;
import app.stempel.members.MemberService;
import app.stempel.cards.CardService;
import app.stempel.cards.CardNumbers;
import java.util.TreeMap;
import app.stempel.reports.ReportSummary;
import app.stempel.reports.ReportService;
import app.stempel.program.ProgramService;

/** A small shop on a real H2 file for tests: a 5-stamp "Free coffee" program in PLN. */
public final class TestShop {

    public static final Actor TILL = Actor.system("Till 1");

    private TestShop() {
    }

    /** The owner's PIN in every test shop. */
    public static final String OWNER_PIN = "135790";

    /** Name of the cashier every test shop has. */
    public static final String CASHIER = "Anna";

    /** Opens the shop in {@code dir}, set up as the first-run wizard would, with cashier {@value #CASHIER}. */
    public static Services open(Path dir, Clock clock) {
        Services s = Services.open(dir, clock);
        if (!s.settings().isSetUp()) {
            s.setup().apply(new SetupService.Setup("Kafé Test", Currency.getInstance("PLN"), Language.ENGLISH, 5,
                    "Free coffee", OWNER_PIN, CASHIER), true);
        }
        return s;
    }

    public static Enrolled enrol(Services s, String name) {
        return s.members().enrol(NewMember.named(name));
    }

    /** A member who already has {@code stamps} stamps (one visit each). */
    public static Enrolled withStamps(Services s, String name, int stamps) {
        Enrolled e = enrol(s, name);
        for (int i = 0; i < stamps; i++) {
            s.counter().stamp(e.memberId(), null, TILL);
        }
        return e;
    }

    /** The owner's corrections (void, adjust, merge, erase) on the shop, behind {@code gate}. */
    public static MemberCorrections corrections(Services s, Clock clock, OwnerGate gate) {
        return new MemberCorrections(s.db(), clock, new LedgerService(s.db(), clock, gate), new CsvExport(s.db(), clock, s.settings(), gate),
                gate);
    }

    /**
     * Writes settings straight into the shop's table, as a test's given state (the program itself writes them
     * only through the settings package, behind the owner).
     */
    public static void putSettings(Database db, Map<String, String> values) {
        db.write(tx -> {
            values.forEach((key, value) -> {
                tx.deleteFrom(SETTING).where(SETTING.SETTING_KEY.eq(key)).execute();
                tx.insertInto(SETTING).set(SETTING.SETTING_KEY, key).set(SETTING.SETTING_VALUE, value).execute();
            });
            return null;
        });
    }

    /** The shop's reports at {@code clock}, behind {@code gate}. */
    public static ReportService reports(Services s, Clock clock, OwnerGate gate) {
        return new ReportService(s.db(), clock, gate,
                new ProgramService(s.db(), clock, OwnerGate.TRUSTED), s.settings(),
                new ReportSummary(s.db(), clock.getZone()));
    }

    /** Enrolment on {@code db} alone, with card numbers drawn from {@code numbers}: for tests of the store and the ledger. */
    public static MemberService members(Database db, Clock clock, CardNumbers numbers) {
        return new MemberService(db, clock, new CardService(db, clock, numbers, OwnerGate.NEVER));
    }

    /** Every row of every table of the shop, as text, by table: to compare a shop before and after. */
    public static Map<String, String> everyRow(Database db) {
        Map<String, String> tables = new TreeMap<>();
        for (String t : db.dsl().fetch("select table_name from information_schema.tables where table_schema = 'PUBLIC'")
                .getValues(0, String.class)) {
            tables.put(t, db.dsl().fetch("select * from \"" + t + "\"").formatCSV());
        }
        return tables;
    }
}
