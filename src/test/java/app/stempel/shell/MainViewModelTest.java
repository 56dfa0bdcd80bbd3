package app.stempel.shell;

import app.stempel.ui.I18n;
import app.stempel.ui.SameThreadTaskRunner;
import app.stempel.core.Language;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.members.MemberService.NewMember;
import app.stempel.store.DatabaseException;
import java.util.Map;
import java.util.Currency;
import java.time.Duration;
import java.nio.file.Files;
import java.io.RandomAccessFile;
import app.stempel.testing.TestShop;
import app.stempel.testing.MutableClock;
import app.stempel.store.Database;
import app.stempel.store.Backups;
import app.stempel.settings.SetupService;
import app.stempel.settings.SettingsService;
import app.stempel.settings.PinHasher;

class MainViewModelTest {

    @TempDir
    Path dir;

    @Test
    void openingShowsTheShopSizeAndTheDataFolder() {
        try (Services seed = Services.open(dir, Clock.systemUTC())) {
            seed.members().enrol(NewMember.named("Kari"));
            seed.members().enrol(NewMember.named("Piotr"));
        }
        MainViewModel<Services> model = new MainViewModel<>(new SameThreadTaskRunner(), new I18n(Language.ENGLISH),
                () -> Services.open(dir, Clock.systemUTC()));
        assertThat(model.phaseProperty().get()).isEqualTo(MainViewModel.Phase.OPENING);

        model.open();

        try (Services s = model.shopProperty().get()) {
            assertThat(model.phaseProperty().get()).isEqualTo(MainViewModel.Phase.SETUP);
            assertThat(model.statusProperty().get()).isEqualTo("2 members");
            assertThat(model.locationProperty().get()).contains(dir.toString());
            assertThat(model.errorProperty().get()).isEmpty();
            assertThat(s).isNotNull();
        }
    }

    @Test
    void aDatabaseInUseFailsWithAMessageInThePersonsLanguage() {
        MainViewModel<Services> model = new MainViewModel<>(new SameThreadTaskRunner(), new I18n(Language.NORWEGIAN), () -> {
            throw new DatabaseException(DatabaseException.Reason.IN_USE, "locked", null);
        });
        model.open();
        assertThat(model.phaseProperty().get()).isEqualTo(MainViewModel.Phase.FAILED);
        assertThat(model.errorProperty().get()).startsWith("Stempel er allerede åpent");
        assertThat(model.statusProperty().get()).isEqualTo("Stempel kan ikke starte");
    }

    @Test
    void anUnexpectedFailureShowsNoTechnicalDetail() {
        MainViewModel<Services> model = new MainViewModel<>(new SameThreadTaskRunner(), new I18n(Language.ENGLISH), () -> {
            throw new IllegalStateException("java.lang.NullPointerException at Foo.bar(Foo.java:12)");
        });
        model.open();
        assertThat(model.errorProperty().get()).isEqualTo("Something went wrong. The details are in the log file.");
        model.dismissError();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void selectingAPageChangesIt() {
        MainViewModel<Services> model = new MainViewModel<>(new SameThreadTaskRunner(), new I18n(Language.ENGLISH), () -> null);
        model.select(Page.REPORTS);
        assertThat(model.pageProperty().get()).isEqualTo(Page.REPORTS);
    }

    @Test
    void anOwnerWithAShortPinFromAnOlderShopIsAskedOnceToLengthenIt() {
        try (Services seed = TestShop.open(dir, Clock.systemUTC())) {
            TestShop.putSettings(seed.db(), Map.of(SettingsService.OWNER_PIN,
                    PinHasher.hash("2468")));
        }
        MainViewModel<Services> model = new MainViewModel<>(new SameThreadTaskRunner(), new I18n(Language.ENGLISH),
                () -> Services.open(dir, Clock.systemUTC()));
        model.open();
        try (Services s = model.shopProperty().get()) {
            model.unlockOwner("2468");
            assertThat(model.ownerOpenProperty().get()).isTrue();
            assertThat(model.errorProperty().get()).startsWith("Your owner PIN has fewer than 6 digits.");
            model.endOwnerMode();
            model.dismissError();
            model.unlockOwner("2468");
            assertThat(model.ownerOpenProperty().get()).isTrue();
            assertThat(model.errorProperty().get()).as("asked once").isEmpty();
        }
    }

    @Test
    void aTillLeftOpenForDaysTakesItsDailyBackupEachDay() throws Exception {
        MutableClock clock = MutableClock.at("2026-03-10T21:00:00Z");
        try (Services seed = TestShop.open(dir, clock)) {
            TestShop.enrol(seed, "Kari");
        }
        MainViewModel<Services> model = new MainViewModel<>(new SameThreadTaskRunner(), new I18n(Language.ENGLISH),
                () -> Services.open(dir, clock));
        model.takeDailyBackups();
        model.open();
        try (Services s = model.shopProperty().get()) {
            Path folder = dir.resolve(Backups.FOLDER);
            assertThat(folder.resolve("stempel-2026-03-10.zip")).as("taken when the shop opened").exists();
            model.backupIfDue();
            clock.advance(Duration.ofHours(5));
            model.backupIfDue();
            assertThat(folder.resolve("stempel-2026-03-11.zip")).as("taken after midnight, the till still open").exists();
            clock.advance(Duration.ofDays(1));
            model.backupIfDue();
            assertThat(folder.resolve("stempel-2026-03-12.zip")).exists();
            try (var files = Files.list(folder)) {
                assertThat(files).hasSize(3);
            }
            assertThat(model.errorProperty().get()).isEmpty();
        }
    }

    @Test
    void aShopWhoseFileIsDamagedOffersItsNewestGoodBackupAndOpensAgainFromIt() throws Exception {
        MutableClock clock = MutableClock.at("2026-03-10T09:00:00Z");
        try (Services seed = TestShop.open(dir, clock)) {
            TestShop.withStamps(seed, "Kari", 2);
            new Backups(dir, clock).daily(seed.db(), false);
        }
        Path file = dir.resolve(Database.FILE_NAME + ".mv.db");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] bytes = new byte[8192];
            f.readFully(bytes);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) ~bytes[i];
            }
            f.seek(0);
            f.write(bytes);
        }
        MainViewModel<Services> model = new MainViewModel<>(new SameThreadTaskRunner(), new I18n(Language.ENGLISH),
                () -> Services.open(dir, clock));
        model.recoverWith(Services.recovery(dir, clock));
        model.open();
        assertThat(model.phaseProperty().get()).isEqualTo(MainViewModel.Phase.FAILED);
        assertThat(model.goodBackupProperty().get()).isNotNull();
        assertThat(model.errorProperty().get())
                .startsWith("The shop's file is damaged. The newest good backup is stempel-2026-03-10.zip");

        model.restoreGoodBackup();
        try (Services s = model.shopProperty().get()) {
            assertThat(model.phaseProperty().get()).isEqualTo(MainViewModel.Phase.CASHIER);
            assertThat(s.members().count()).isEqualTo(1);
            assertThat(s.integrity().run().ok()).isTrue();
            assertThat(model.errorProperty().get()).startsWith("The backup was restored and checked.");
            assertThat(model.goodBackupProperty().get()).isNull();
        }
    }

    @Test
    void aNewShopsFirstBackupIsTakenOnceTheWizardIsDoneNotBefore() throws Exception {
        MutableClock clock = MutableClock.at("2026-03-10T09:00:00Z");
        MainViewModel<Services> model = new MainViewModel<>(new SameThreadTaskRunner(), new I18n(Language.ENGLISH),
                () -> Services.open(dir, clock));
        model.takeDailyBackups();
        model.open();
        try (Services s = model.shopProperty().get()) {
            assertThat(model.phaseProperty().get()).isEqualTo(MainViewModel.Phase.SETUP);
            model.backupIfDue();
            Path today = dir.resolve(Backups.FOLDER).resolve("stempel-2026-03-10.zip");
            assertThat(today).as("nothing to keep while the wizard is open").doesNotExist();

            s.setup().apply(new SetupService.Setup("Kafé", Currency.getInstance("PLN"),
                    Language.POLISH, 8, "Kawa", "246810", "Ola"), true);
            model.setupDone(Language.POLISH);
            assertThat(today).exists();
            Path restored = dir.resolve("restored");
            new Backups(restored, clock).restore(today, db -> true);
            try (Services back = Services.open(restored, clock)) {
                assertThat(back.settings().isSetUp()).as("the first backup holds the finished setup").isTrue();
            }
        }
    }
}
