package app.stempel.cli;

import static app.stempel.store.schema.Tables.BALANCE;
import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.testing.Console;
import app.stempel.Services;
import app.stempel.core.Actor;
import app.stempel.members.MemberService.NewMember;
import app.stempel.store.Database;
import java.nio.file.Files;

class CliTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final Console console = new Console();

    private int run(String... args) {
        return console.run(args);
    }

    @Test
    void checkPassesOnAConsistentShop() {
        try (Services s = Services.open(dir, Clock.systemUTC())) {
            var e = s.members().enrol(NewMember.named("Kari"));
            s.ledger().stamp(e.memberId(), e.cardId(), 1, null, null, Actor.system("test"));
        }
        assertThat(run("check", "--data-dir", dir.toString())).isZero();
        assertThat(console.out()).contains("OK: 1 member,");
    }

    @Test
    void checkReportsADifferenceWithANonZeroExitCode() {
        try (Services s = Services.open(dir, Clock.systemUTC())) {
            var e = s.members().enrol(NewMember.named("Kari"));
            s.ledger().stamp(e.memberId(), e.cardId(), 1, null, null, Actor.system("test"));
            s.db().write(tx -> tx.update(BALANCE).set(BALANCE.STAMPS, 3).execute());
        }
        assertThat(run("--data-dir", dir.toString(), "check")).isEqualTo(CheckCommand.DIFFERENCES);
        assertThat(console.out()).contains("member 1: stamps is 3 but the ledger says 1");
    }

    @Test
    void checkNamesAnEntryEditedWithItsBalanceInThePersonsLanguage() {
        String card;
        long edited;
        try (Services s = Services.open(dir, Clock.systemUTC())) {
            var e = s.members().enrol(NewMember.named("Kari"));
            card = e.cardNumber();
            edited = s.ledger().stamp(e.memberId(), e.cardId(), 1, null, null, Actor.system("test"));
            s.ledger().stamp(e.memberId(), e.cardId(), 1, null, null, Actor.system("test"));
            s.db().write(tx -> {
                tx.update(LEDGER_ENTRY).set(LEDGER_ENTRY.STAMPS, 4).where(LEDGER_ENTRY.ID.eq(edited)).execute();
                return tx.update(BALANCE).set(BALANCE.STAMPS, 5).execute();
            });
        }
        assertThat(run("--data-dir", dir.toString(), "check")).isEqualTo(CheckCommand.DIFFERENCES);
        assertThat(console.out()).contains("1 ledger entry was changed, removed or added outside Stempel:",
                "Entry #" + edited + " (member #1 Kari, card " + card + ") was changed after it was written")
                .doesNotContain("between balances and the ledger");
        console.reset();
        assertThat(run("--lang", "pl", "--data-dir", dir.toString(), "check")).isEqualTo(CheckCommand.DIFFERENCES);
        assertThat(console.out()).contains("1 wpis w historii został zmieniony, usunięty lub dodany poza Stemplem:",
                "Wpis #" + edited + " (klient #1 Kari, karta " + card + ") zmieniono po zapisaniu");
    }

    @Test
    void aDatabaseInUseIsOneClearLineAndExitCodeOne() {
        try (Database other = Database.open(dir)) {
            assertThat(run("check", "--data-dir", dir.toString(), "--lang", "pl")).isEqualTo(Cli.FAILED);
        }
        String message = console.err().strip();
        assertThat(message).isEqualTo("Stempel jest już otwarty na tym komputerze. Przejdź do tamtego okna albo zamknij je i spróbuj ponownie.");
    }

    @Test
    void theCounterBenchmarkMeasuresScansAndSearchesOnADemoShop() {
        assertThat(run("demo", "--members", "300", "--years", "1", "--data-dir", dir.toString())).isZero();
        console.reset();
        assertThat(run("benchmark", "--only", "counter", "-n", "200", "--warmup", "20", "--data-dir", dir.toString()))
                .isIn(0, BenchmarkCommand.TARGET_MISSED);
        String report = console.out();
        assertThat(report).contains("counter over 300 members", "scan: card number to member panel",
                "type-ahead search, one keystroke", "(reference)");
        assertThat(run("check", "--data-dir", dir.toString())).isZero();
    }

    @Test
    void theReportBenchmarkTimesTheDashboardAgainstTheSameOverArrays() {
        assertThat(run("demo", "--members", "300", "--years", "1", "--data-dir", dir.toString())).isZero();
        console.reset();
        assertThat(run("benchmark", "--only", "report", "-n", "5", "--warmup", "1", "--data-dir", dir.toString()))
                .isIn(0, BenchmarkCommand.TARGET_MISSED);
        assertThat(console.out()).contains("report dashboard (300 members)", "dashboard, 12 months, ",
                "same over arrays", "(reference)", "dashboard p95 <= 300 ms");
    }

    @Test
    void theCounterBenchmarkOnAnEmptyShopSaysWhatToDo() {
        assertThat(run("benchmark", "--only", "counter", "--data-dir", dir.toString())).isEqualTo(Cli.FAILED);
        assertThat(console.err().strip())
                .isEqualTo("The counter benchmark needs members: run \"stempel demo\" on this data folder first.");
    }

    @Test
    void backupThenRestoreOnAnotherFolderGivesTheSameShop() throws Exception {
        assertThat(run("demo", "--members", "100", "--years", "1", "--data-dir", dir.toString())).isZero();
        Path zip = dir.resolveSibling(dir.getFileName() + "-backup.zip");
        assertThat(run("backup", zip.toString(), "--data-dir", dir.toString())).isZero();
        assertThat(console.out()).contains("Backup written: " + zip);
        Path other = dir.resolveSibling(dir.getFileName() + "-restored");
        assertThat(run("restore", zip.toString(), "--data-dir", other.toString())).isZero();
        console.reset();
        assertThat(run("check", "--data-dir", other.toString())).isZero();
        assertThat(console.out()).contains("OK: 100 members");
        assertThat(run("backup", "--data-dir", dir.toString())).isZero();
        assertThat(dir.resolve("backups")).isDirectoryContaining("glob:**stempel-*.zip");
    }

    @Test
    void restoringSomethingThatIsNotABackupIsOneClearLineAndChangesNothing() throws Exception {
        Path junk = Files.writeString(dir.resolveSibling(dir.getFileName() + "-junk.zip"), "junk");
        assertThat(run("restore", junk.toString(), "--data-dir", dir.toString())).isEqualTo(Cli.FAILED);
        assertThat(console.err().strip())
                .isEqualTo(junk + " is not a Stempel backup, or it is damaged. Nothing was changed.");
        assertThat(dir.resolve("stempel.mv.db")).doesNotExist();
    }

    @Test
    void anUnknownOptionIsRefusedWithWhereToLook() {
        assertThat(run("check", "--frobnicate")).isEqualTo(Cli.USAGE);
        assertThat(console.err().strip())
                .isEqualTo("\"--frobnicate\" is not an option or command of stempel check. See: stempel check --help");
    }
}
