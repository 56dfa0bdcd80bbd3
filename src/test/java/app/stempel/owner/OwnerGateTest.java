package app.stempel.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.cards.CardDesign;
import app.stempel.cards.CardDesignStore;
import app.stempel.cards.CardNumbers;
import app.stempel.core.Language;
import app.stempel.data.CsvExport;
import app.stempel.data.CsvImport;
import app.stempel.data.DemoData;
import app.stempel.cards.CardService;
import app.stempel.cards.PrintableCards;
import app.stempel.members.MemberDirectory;
import app.stempel.settings.OwnerSession;
import app.stempel.settings.SettingsService;
import app.stempel.settings.SetupService;
import app.stempel.testing.TestShop;
import java.util.List;

/**
 * Every owner function refuses at the service boundary while owner mode is closed, and writes nothing:
 * settings, cashiers, imports, exports, the card design, backups and restore. The same calls work once
 * the owner has typed the PIN.
 */
class OwnerGateTest {

    @TempDir
    Path dir;
    private Services shop;
    private final Clock clock = Clock.systemUTC();

    @BeforeEach
    void open() {
        shop = TestShop.open(dir.resolve("shop"), clock);
        TestShop.withStamps(shop, "Kari Nordmann", 2);
    }

    @AfterEach
    void close() {
        shop.close();
    }

    private void refused(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(OwnerOnlyException.class);
    }

    @Test
    void settingsAndCashiersAreTheOwners() {
        long anna = shop.cashiers().active().get(0).id();
        refused(() -> shop.admin().setLanguage(Language.POLISH));
        refused(() -> shop.admin().setOwnerIdleMinutes(3));
        refused(() -> shop.cashiers().add("Piotr", null));
        refused(() -> shop.cashiers().rename(anna, "Hanna"));
        refused(() -> shop.cashiers().setPin(anna, "4321"));
        refused(() -> shop.cashiers().setActive(anna, false));
        refused(() -> shop.cashiers().all());
        assertThat(shop.settings().language()).contains(Language.ENGLISH);
        assertThat(shop.settings().ownerIdle()).isEmpty();
        assertThat(shop.cashiers().active()).singleElement()
                .satisfies(c -> assertThat(c).extracting(c2 -> c2.name(), c2 -> c2.hasPin()).containsExactly("Anna", false));

        shop.owner().unlock(TestShop.OWNER_PIN);
        shop.cashiers().add("Piotr", "2468");
        shop.cashiers().rename(anna, "Hanna");
        shop.admin().setLanguage(Language.POLISH);
        assertThat(shop.cashiers().all()).extracting(s -> s.name()).containsExactly("Hanna", "Piotr");
        assertThat(shop.settings().language()).contains(Language.POLISH);
    }

    @Test
    void backupsAndRestoreAreTheOwners() {
        Path zip = dir.resolve("now.zip");
        AtomicBoolean restored = new AtomicBoolean();
        refused(() -> shop.admin().backup(zip));
        refused(() -> shop.admin().restore(zip, z -> restored.set(true)));
        assertThat(zip).doesNotExist();
        assertThat(restored).isFalse();
    }

    @Test
    void exportsAreTheOwners() {
        CsvExport export = new CsvExport(shop.db(), clock, shop.settings(), shop.owner());
        Path file = dir.resolve("out.csv");
        refused(() -> export.members(file));
        refused(() -> export.visits(file));
        refused(() -> export.ledger(file));
        refused(() -> export.member("1", file));
        assertThat(file).doesNotExist();
        shop.owner().unlock(TestShop.OWNER_PIN);
        assertThat(export.members(file)).isEqualTo(1);
    }

    @Test
    void importsAreTheOwners() throws Exception {
        Path csv = Files.writeString(dir.resolve("members.csv"), "name,stamps\nOla,3\n", StandardCharsets.UTF_8);
        CsvImport closed = new CsvImport(shop.db(), clock, new CardNumbers(new SecureRandom()), shop.owner());
        refused(() -> closed.preview(csv, CsvImport.Kind.MEMBERS, Map.of()));
        shop.owner().unlock(TestShop.OWNER_PIN);
        CsvImport.Preview preview = closed.preview(csv, CsvImport.Kind.MEMBERS, Map.of());
        shop.owner().end();
        refused(() -> closed.commit(preview, false, (done, total) -> { }));
        assertThat(shop.members().count()).isEqualTo(1);
    }

    @Test
    void theCardDesignIsTheOwners() {
        CardDesignStore store = new CardDesignStore(shop.db(), clock, shop.owner());
        CardDesign before = store.load();
        refused(() -> store.save(before.withLine("Ten stamps, one coffee")));
        assertThat(store.load().line()).isEqualTo(before.line());
    }

    @Test
    void aFinishedShopIsNotSetUpAgainWithoutTheOwnersPin() {
        SetupService.Setup again = new SetupService.Setup("Other shop", Currency.getInstance("EUR"), Language.NORWEGIAN, 8,
                "Free bun", "999999", "Mallory");
        refused(() -> shop.setup().apply(again, true));
        refused(() -> shop.programs().startStampCard(1, "Everything free", Currency.getInstance("EUR")));
        assertThat(shop.settings().get(SettingsService.SHOP_NAME)).contains("Kafé Test");
        assertThat(shop.owner().unlock("999999")).isInstanceOf(OwnerSession.Attempt.Wrong.class);
        assertThat(shop.programs().current().orElseThrow().rules().stampsForReward()).isEqualTo(5);

        shop.owner().unlock(TestShop.OWNER_PIN);
        shop.setup().apply(again, false);
        assertThat(shop.settings().get(SettingsService.SHOP_NAME)).contains("Other shop");
    }

    @Test
    void aNewShopIsSetUpOnceByWhoeverSetsItUp() {
        try (Services fresh = Services.open(dir.resolve("fresh"), clock)) {
            assertThat(fresh.owner().isOpen()).as("open while nobody owns the shop yet").isTrue();
            fresh.setup().apply(new SetupService.Setup("Bakeriet", Currency.getInstance("NOK"), Language.NORWEGIAN, 8,
                    "Gratis bolle", "246810", "Kari"), true);
            assertThat(fresh.owner().isOpen()).as("closed once it has an owner").isFalse();
            refused(() -> fresh.setup().apply(new SetupService.Setup("Mine now", Currency.getInstance("NOK"),
                    Language.NORWEGIAN, 8, "x", "135791", "Mallory"), true));
            refused(() -> new DemoData(fresh.db(), clock, fresh.owner()).fill(
                    new DemoData.Settings(10, 1, 1L, null, "NOK", false, null), (m, t, v, e) -> { }));
            assertThat(fresh.members().count()).isZero();
        }
    }

    @Test
    void membersDataAndCardListsAreTheOwners() {
        MemberDirectory directory = new MemberDirectory(shop.db(), clock, shop.search(), shop.owner());
        PrintableCards printable = shop.printableCards();
        long kari = shop.counter().search("Kari", null, 1).rows().get(0).id();
        refused(() -> directory.browse(null, null, 10));
        refused(() -> directory.browse("Kari", null, 10));
        refused(() -> directory.profile(kari));
        refused(() -> directory.history(kari, null, 10));
        refused(() -> printable.activeCards(null));
        refused(() -> printable.byNumbers(List.of("2000000000001")));
        String card = shop.counter().panel(kari).cardNumber();
        refused(() -> shop.cards().reissue(kari, CardService.Reason.LOST));
        assertThat(shop.counter().panel(kari).cardNumber()).isEqualTo(card);

        shop.owner().unlock(TestShop.OWNER_PIN);
        assertThat(directory.profile(kari).name()).isEqualTo("Kari Nordmann");
        assertThat(printable.activeCards(null)).hasSize(1);
        assertThat(shop.cards().reissue(kari, CardService.Reason.LOST).replacedNumber()).isEqualTo(card);
    }

    @Test
    void correctionsStraightOnTheLedgerAreTheOwners() {
        long kari = shop.counter().search("Kari", null, 1).rows().get(0).id();
        refused(() -> shop.ledger().adjust(kari, 5, 0, "gift", TestShop.TILL));
        assertThat(shop.counter().panel(kari).stamps()).isEqualTo(2);
        shop.owner().unlock(TestShop.OWNER_PIN);
        shop.ledger().adjust(kari, 5, 0, "gift", TestShop.TILL);
        assertThat(shop.counter().panel(kari).stamps()).isEqualTo(7);
    }
}
