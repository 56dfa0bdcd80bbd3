package app.stempel.cli;

import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static app.stempel.store.schema.Tables.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.testing.TestShop;
import app.stempel.testing.Console;
import app.stempel.settings.SettingsService;
import app.stempel.store.Database;
import org.jooq.impl.DSL;

class ImportExportCommandTest {

    private static final Path RETAIL = Path.of("../shared/data/online_retail_visits.csv");
    private static final Path CDNOW = Path.of("../shared/data/cdnow_visits.csv");

    @TempDir
    Path dir;

    @RegisterExtension
    final Console console = new Console();

    private int run(String... args) {
        return console.run(args);
    }

    private String errText() {
        return console.err();
    }

    /** Members, visits and the sum of the visits' amounts in minor units. */
    private record Counts(long members, long visits, long amount) {
    }

    private static Counts counts(Path data) {
        try (Database db = Database.open(data)) {
            var sums = db.dsl().select(DSL.sum(LEDGER_ENTRY.VISITS), DSL.sum(LEDGER_ENTRY.AMOUNT_MINOR))
                    .from(LEDGER_ENTRY).fetchOne();
            return new Counts(db.dsl().fetchCount(MEMBER), value(sums.value1()), value(sums.value2()));
        }
    }

    private static long value(BigDecimal d) {
        return d == null ? 0 : d.longValueExact();
    }

    @Test
    void theOnlineRetailVisitsImportExportAndImportAgainWithTheSameCounts() {
        Path first = dir.resolve("first");
        assertThat(run("import", "visits", RETAIL.toString(), "--data-dir", first.toString())).isZero();
        Counts imported = counts(first);
        assertThat(imported.members()).isEqualTo(4_339);
        assertThat(imported.visits()).isEqualTo(18_536);
        assertThat(run("check", "--data-dir", first.toString())).isZero();

        Path csv = dir.resolve("visits-export.csv");
        assertThat(run("export", "visits", csv.toString(), "--data-dir", first.toString())).isZero();
        Path second = dir.resolve("second");
        assertThat(run("import", "visits", csv.toString(), "--data-dir", second.toString())).isZero();
        assertThat(counts(second)).isEqualTo(imported);
        assertThat(run("check", "--data-dir", second.toString())).isZero();
    }

    @Test
    void theCdnowVisitsImportWithTheirCounts() {
        assertThat(run("import", "visits", CDNOW.toString(), "--data-dir", dir.toString())).isZero();
        Counts c = counts(dir);
        assertThat(c.members()).isEqualTo(23_570);
        assertThat(c.visits()).isEqualTo(69_659);
        assertThat(run("check", "--data-dir", dir.toString())).isZero();
    }

    @Test
    void theSameFileASecondTimeIsRefusedUnlessAgain() throws Exception {
        Path csv = Files.writeString(dir.resolve("v.csv"), "customer_id,timestamp,amount\nA,2024-01-02 10:00,3.50\n");
        Path data = dir.resolve("data");
        assertThat(run("import", "visits", csv.toString(), "--data-dir", data.toString())).isZero();
        assertThat(run("import", "visits", csv.toString(), "--data-dir", data.toString())).isEqualTo(Cli.FAILED);
        assertThat(errText()).contains("was imported before").contains("--again");
        assertThat(counts(data).visits()).isEqualTo(1);
        assertThat(run("import", "visits", csv.toString(), "--again", "--data-dir", data.toString())).isZero();
        assertThat(counts(data)).isEqualTo(new Counts(1, 2, 700));
    }

    @Test
    void aDryRunWritesNothingAndAMapOverrideIsUsed() throws Exception {
        Path csv = Files.writeString(dir.resolve("v.csv"), "Wer;Wann;Wieviel\nA;02.01.2024;3,50\n");
        Path data = dir.resolve("data");
        assertThat(run("import", "visits", csv.toString(), "--dry-run", "--map", "Wer=member", "--map", "Wann=timestamp",
                "--map", "Wieviel=amount", "--data-dir", data.toString())).isZero();
        assertThat(console.out()).contains("v.csv: 1 row of visits").contains("Dry run");
        assertThat(counts(data)).isEqualTo(new Counts(0, 0, 0));
    }

    @Test
    void problemsAreListedWithLineNumbersAtMostTwentyThenHowManyMore() throws Exception {
        StringBuilder csv = new StringBuilder("customer_id,timestamp,amount\n");
        for (int i = 0; i < 25; i++) {
            csv.append("A,2024-01-02,-1\n");
        }
        Path file = Files.writeString(dir.resolve("v.csv"), csv);
        Path data = dir.resolve("data");
        assertThat(run("import", "visits", file.toString(), "--data-dir", data.toString())).isEqualTo(Cli.FAILED);
        String text = errText();
        assertThat(text).contains("  Line 2: The amount \"-1\" is negative.", "  Line 21: ", "  ... and 5 more",
                "None of the 25 rows of " + file + " can be imported (the first problems are above); nothing was imported.");
        assertThat(text).doesNotContain("Line 22:");
        assertThat(counts(data)).isEqualTo(new Counts(0, 0, 0));
    }

    @Test
    void aBinaryFileIsOneClearProblemInThePersonsLanguage() throws Exception {
        Path file = Files.write(dir.resolve("photo.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        assertThat(run("import", "members", file.toString(), "--lang", "pl", "--data-dir", dir.resolve("d").toString()))
                .isEqualTo(Cli.FAILED);
        assertThat(errText()).contains("Wiersz 1: To nie jest plik tekstowy CSV");
    }

    @Test
    void exportsOpenInThePolishSpreadsheetAndOneMembersDataCanBeExported() throws Exception {
        Path data = dir.resolve("data");
        Path members = Files.writeString(dir.resolve("m.csv"), "name,card,stamps\n\"Nowak, Anna\",OLD1,3\n");
        Path visits = Files.writeString(dir.resolve("v.csv"), "card,timestamp,amount\nOLD1,2024-01-02 10:00,3.50\n");
        assertThat(run("import", "members", members.toString(), "--data-dir", data.toString())).isZero();
        assertThat(run("import", "visits", visits.toString(), "--data-dir", data.toString())).isZero();
        try (Database db = Database.open(data)) {
            TestShop.putSettings(db, Map.of(SettingsService.LANGUAGE, "pl"));
        }
        Path export = dir.resolve("members-export.csv");
        assertThat(run("export", "members", export.toString(), "--data-dir", data.toString())).isZero();
        byte[] bytes = Files.readAllBytes(export);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFcard;customer_id;name;").contains("OLD1;;Nowak, Anna;;;;3;1;3,50;");

        Path one = dir.resolve("one.csv");
        assertThat(run("export", "member", "OLD1", one.toString(), "--data-dir", data.toString())).isZero();
        assertThat(Files.readString(one)).contains("Nowak, Anna", "cards", "ledger", "IMPORT");
        assertThat(run("export", "member", "NOPE", one.toString(), "--data-dir", data.toString())).isEqualTo(Cli.FAILED);
        assertThat(run("export", "ledger", dir.resolve("ledger.csv").toString(), "--data-dir", data.toString())).isZero();
        assertThat(Files.readAllLines(dir.resolve("ledger.csv"))).hasSize(3);
    }

    @Test
    void everyCommandHasHelp() {
        assertThat(run("import", "visits", "--help")).isZero();
        assertThat(run("export", "members", "--help")).isZero();
        assertThat(console.out()).contains("--dry-run", "--map", "--again", "FILE");
    }
}
