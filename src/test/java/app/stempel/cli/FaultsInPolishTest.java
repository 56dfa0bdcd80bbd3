package app.stempel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.store.Database;
import app.stempel.store.FullDisk;
import app.stempel.testing.Console;
import app.stempel.testing.TestShop;
import app.stempel.store.schema.Tables;
import app.stempel.store.FaultsTestAccess;

/** Every error line of the commands in the person's language: Polish here, under {@code --lang pl}. */
class FaultsInPolishTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final Console console = new Console();

    @AfterEach
    void realDisk() {
        FullDisk.uninstall();
    }

    private int pl(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--lang";
        all[1] = "pl";
        all[2] = "--data-dir";
        all[3] = dir.resolve("shop").toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return console.run(all);
    }

    private String err() {
        return console.err().strip();
    }

    private void shop() {
        try (Services s = TestShop.open(dir.resolve("shop"), Clock.systemUTC())) {
            TestShop.enrol(s, "Ola");
        }
    }

    @Test
    void anUnknownMember() {
        shop();
        assertThat(pl("export", "member", "999", dir.resolve("m.csv").toString())).isEqualTo(Cli.FAILED);
        assertThat(err()).isEqualTo("Żaden klient nie ma karty o numerze ani identyfikatora 999.");
    }

    @Test
    void aBadDate() {
        shop();
        assertThat(pl("cards", "pdf", dir.resolve("c.pdf").toString(), "--since", "1.3.2025")).isEqualTo(Cli.FAILED);
        assertThat(err()).isEqualTo("Nie można odczytać daty „1.3.2025”: zapisz ją jako RRRR-MM-DD, np. 2025-03-01.");
    }

    @Test
    void aBadMonthAndAReversedPeriod() {
        shop();
        assertThat(pl("report", "cohorts", "--from", "2011-13", "--to", "2011-12")).isEqualTo(Cli.FAILED);
        assertThat(err()).isEqualTo("--from 2011-13 nie jest miesiącem: zapisz go jako RRRR-MM, np. 2011-01.");
        console.reset();
        assertThat(pl("report", "cohorts", "--from", "2011-12", "--to", "2011-01")).isEqualTo(Cli.FAILED);
        assertThat(err()).isEqualTo("--to 2011-01 jest przed --from 2011-12.");
    }

    @Test
    void aMissingFileAndAFolderInsteadOfAFile() {
        assertThat(pl("import", "members", dir.resolve("nie-ma.csv").toString())).isEqualTo(Cli.FAILED);
        assertThat(err()).isEqualTo(dir.resolve("nie-ma.csv") + " nie jest plikiem.");
        console.reset();
        assertThat(pl("restore", dir.toString())).isEqualTo(Cli.FAILED);
        assertThat(err()).isEqualTo(dir + " nie jest kopią zapasową Stempla albo jest uszkodzony. Niczego nie zmieniono.");
    }

    @Test
    void aBadOptionValueAndAnUnknownOption() {
        assertThat(pl("demo", "--members", "dużo")).isEqualTo(Cli.USAGE);
        assertThat(err()).isEqualTo("--members: „dużo” nie jest poprawną wartością. Zobacz: stempel demo --help");
        console.reset();
        assertThat(pl("check", "--szybko")).isEqualTo(Cli.USAGE);
        assertThat(err()).isEqualTo("„--szybko” nie jest opcją ani poleceniem stempel check. Zobacz: stempel check --help");
    }

    @Test
    void theDatabaseInUse() {
        shop();
        try (Database open = Database.open(dir.resolve("shop"))) {
            assertThat(pl("check")).isEqualTo(Cli.FAILED);
        }
        assertThat(err()).startsWith("Stempel jest już otwarty na tym komputerze.");
    }

    @Test
    void aDamagedFileNamesTheNewestGoodBackupToRestore() throws Exception {
        Path data = dir.resolve("shop");
        try (Services s = TestShop.open(data, Clock.systemUTC())) {
            for (int i = 0; i < 300; i++) {
                TestShop.withStamps(s, "Klient " + i, 1);
            }
        }
        assertThat(pl("backup")).isZero();
        Path backup;
        try (var files = Files.list(data.resolve("backups"))) {
            backup = files.filter(f -> f.toString().endsWith(".zip")).findFirst().orElseThrow();
        }
        FaultsTestAccess.flip(data.resolve("stempel.mv.db"), 60, 4096);
        console.reset();

        assertThat(pl("check")).isEqualTo(Cli.FAILED);
        assertThat(err()).isEqualTo("Plik sklepu jest uszkodzony. Przywróć najnowszą dobrą kopię zapasową: stempel restore "
                + backup);
        console.reset();
        assertThat(pl("restore", backup.toString())).isZero();
        console.reset();
        assertThat(pl("check")).isZero();
        assertThat(console.out()).contains("OK: 300 klientów");
    }

    @Test
    void aFullDiskDuringADemoSaysWhatTheShopNowHolds() {
        FullDisk.install();
        shop();
        FullDisk.fillAfter(2_000_000);
        assertThat(pl("demo", "--members", "3000", "--force", "--no-compact")).isEqualTo(Cli.FAILED);
        assertThat(err()).matches("Dysk jest pełny: demo zatrzymało się\\. Sklep ma [0-9\\s\\u00a0\\u202f]+ z 3.000 klientów "
                + "demonstracyjnych, ze wszystkimi ich wizytami; reszty nie dodano\\. Zwolnij trochę miejsca\\.|"
                + "Dysk jest pełny: demo zatrzymało się i niczego nie dodało; sklep jest taki jak przedtem\\. "
                + "Zwolnij trochę miejsca\\.|Dysk jest pełny: demo zatrzymało się\\. Zwolnij trochę miejsca, a potem "
                + "uruchom „stempel check”, aby zobaczyć, co jest w sklepie\\.");
        FullDisk.free();
        console.reset();
        assertThat(pl("check")).isZero();
    }

    @Test
    void aFullDiskDuringAnImportLeavesTheShopAsItWas() throws Exception {
        FullDisk.install();
        shop();
        StringBuilder csv = new StringBuilder("name,phone\n");
        for (int i = 0; i < 3000; i++) {
            csv.append("Klient ").append(i).append(",+48 600 000 ").append(String.format("%03d", i % 1000)).append('\n');
        }
        Path file = Files.writeString(dir.resolve("klienci.csv"), csv);
        FullDisk.fillAfter(200_000);
        assertThat(pl("import", "members", file.toString())).isEqualTo(Cli.FAILED);
        assertThat(err()).endsWith("Dysk jest pełny: niczego nie zaimportowano, sklep jest taki jak przedtem. "
                + "Zwolnij trochę miejsca i zaimportuj ponownie.");
        FullDisk.free();
        try (Database db = Database.open(dir.resolve("shop"))) {
            assertThat(db.dsl().fetchCount(Tables.MEMBER)).isEqualTo(1);
        }
    }

    @Test
    void aFileWhoseRowsAreAllBadSaysNothingWasImportedAndWhy() throws Exception {
        Path file = Files.writeString(dir.resolve("zle.csv"), "customer_id,timestamp,amount\nA,2024-01-02,-1\n"
                + "B,2024-01-02,-1\nC,2024-01-02,-1\n");
        assertThat(pl("import", "visits", file.toString())).isEqualTo(Cli.FAILED);
        assertThat(console.out()).contains("zle.csv: 3 wiersze z wizytami");
        assertThat(err()).contains("Wiersz 2:")
                .endsWith("Żadnego z 3 wierszy pliku " + file
                        + " nie da się zaimportować (pierwsze problemy są wyżej); niczego nie zaimportowano.");
    }

    @Test
    void reportHelpHasNoPicocliWarnings() {
        assertThat(console.run("report", "--help")).isZero();
        assertThat(console.out()).contains("in %)");
        assertThat(console.out() + console.err()).doesNotContain("WARN");
        console.reset();
        assertThat(console.run("report", "cohorts", "--help")).isZero();
        assertThat(console.out() + console.err()).doesNotContain("WARN");
    }
}
