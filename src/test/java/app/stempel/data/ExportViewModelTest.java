package app.stempel.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.owner.OwnerGate;
import app.stempel.Services;
import app.stempel.core.Language;
import app.stempel.data.ExportViewModel.What;
import app.stempel.settings.SettingsService;
import app.stempel.testing.TestShop;
import app.stempel.ui.I18n;
import app.stempel.ui.SameThreadTaskRunner;

/** Exports from the window on a real shop: the files, and what the person is told. */
class ExportViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneId.of("Europe/Oslo"));

    @TempDir
    Path dir;
    private Services shop;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir.resolve("shop"), CLOCK);
        TestShop.withStamps(shop, "Kari Nordmann", 2);
        TestShop.withStamps(shop, "Łukasz Żółć", 1);
        TestShop.enrol(shop, "Ola");
    }

    @AfterEach
    void close() {
        shop.close();
    }

    private ExportViewModel model(Language language) {
        return new ExportViewModel(new CsvExport(shop.db(), CLOCK, shop.settings(), OwnerGate.TRUSTED), new SameThreadTaskRunner(), new I18n(language), CLOCK);
    }

    private static List<String> lines(Path f) throws Exception {
        return List.of(Files.readString(f, StandardCharsets.UTF_8).split("\r\n"));
    }

    @Test
    void membersAreExportedForAnEnglishSpreadsheetAndThePersonIsToldHowMany() throws Exception {
        ExportViewModel model = model(Language.ENGLISH);
        Path f = dir.resolve(model.suggestedName(What.MEMBERS));
        assertThat(f.getFileName().toString()).isEqualTo("members-2025-03-01.csv");

        model.export(What.MEMBERS, f);

        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.failedProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo("3 members exported to " + f + ".");
        byte[] bytes = Files.readAllBytes(f);
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = lines(f);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("\uFEFFcard,customer_id,name,");
        assertThat(lines.subList(1, 4)).anySatisfy(l -> assertThat(l).contains(",Łukasz Żółć,"));
    }

    @Test
    void aPolishShopGetsSemicolonsAndAPolishMessage() throws Exception {
        TestShop.putSettings(shop.db(), Map.of(SettingsService.LANGUAGE, "pl"));
        ExportViewModel model = model(Language.POLISH);
        Path visits = dir.resolve(model.suggestedName(What.VISITS));
        assertThat(visits.getFileName().toString()).isEqualTo("wizyty-2025-03-01.csv");
        model.export(What.VISITS, visits);
        assertThat(model.messageProperty().get()).isEqualTo("Wyeksportowano 3 wizyty do " + visits + ".");
        assertThat(lines(visits).get(0)).isEqualTo("\uFEFFcustomer_id;timestamp;amount");

        Path ledger = dir.resolve(model.suggestedName(What.LEDGER));
        model.export(What.LEDGER, ledger);
        assertThat(model.messageProperty().get()).isEqualTo("Wyeksportowano 3 wpisy historii do " + ledger + ".");
        assertThat(lines(ledger)).hasSize(4);
    }

    @Test
    void aFolderThatIsNotThereGivesAShortMessageAndNoFile() {
        ExportViewModel model = model(Language.NORWEGIAN);
        Path f = dir.resolve("no-such-folder").resolve("medlemmer.csv");
        model.export(What.MEMBERS, f);
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo("Filen kunne ikke skrives der. Velg en annen mappe, "
                + "og sjekk at det er plass; detaljene står i loggfilen.");
        assertThat(f).doesNotExist();

        model.export(What.MEMBERS, dir.resolve("medlemmer.csv"));
        assertThat(model.failedProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo("3 medlemmer eksportert til " + dir.resolve("medlemmer.csv") + ".");
    }
}
