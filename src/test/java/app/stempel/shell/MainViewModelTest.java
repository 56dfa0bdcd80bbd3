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
        try (Services seed = app.stempel.testing.TestShop.open(dir, Clock.systemUTC())) {
            app.stempel.testing.TestShop.putSettings(seed.db(), java.util.Map.of(app.stempel.settings.SettingsService.OWNER_PIN,
                    app.stempel.settings.PinHasher.hash("2468")));
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
        app.stempel.testing.MutableClock clock = app.stempel.testing.MutableClock.at("2026-03-10T21:00:00Z");
        try (Services seed = app.stempel.testing.TestShop.open(dir, clock)) {
            app.stempel.testing.TestShop.enrol(seed, "Kari");
        }
        MainViewModel<Services> model = new MainViewModel<>(new SameThreadTaskRunner(), new I18n(Language.ENGLISH),
                () -> Services.open(dir, clock));
        model.takeDailyBackups();
        model.open();
        try (Services s = model.shopProperty().get()) {
            Path folder = dir.resolve(app.stempel.store.Backups.FOLDER);
            assertThat(folder.resolve("stempel-2026-03-10.zip")).as("taken when the shop opened").exists();
            model.backupIfDue();
            clock.advance(java.time.Duration.ofHours(5));
            model.backupIfDue();
            assertThat(folder.resolve("stempel-2026-03-11.zip")).as("taken after midnight, the till still open").exists();
            clock.advance(java.time.Duration.ofDays(1));
            model.backupIfDue();
            assertThat(folder.resolve("stempel-2026-03-12.zip")).exists();
            try (var files = java.nio.file.Files.list(folder)) {
                assertThat(files).hasSize(3);
            }
            assertThat(model.errorProperty().get()).isEmpty();
        }
    }

    @Test
    void aShopWhoseFileIsDamagedOffersItsNewestGoodBackupAndOpensAgainFromIt() throws Exception {
        app.stempel.testing.MutableClock clock = app.stempel.testing.MutableClock.at("2026-03-10T09:00:00Z");
        try (Services seed = app.stempel.testing.TestShop.open(dir, clock)) {
            app.stempel.testing.TestShop.withStamps(seed, "Kari", 2);
            new app.stempel.store.Backups(dir, clock).daily(seed.db(), false);
        }
        Path file = dir.resolve(app.stempel.store.Database.FILE_NAME + ".mv.db");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
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
        app.stempel.testing.MutableClock clock = app.stempel.testing.MutableClock.at("2026-03-10T09:00:00Z");
        MainViewModel<Services> model = new MainViewModel<>(new SameThreadTaskRunner(), new I18n(Language.ENGLISH),
                () -> Services.open(dir, clock));
        model.takeDailyBackups();
        model.open();
        try (Services s = model.shopProperty().get()) {
            assertThat(model.phaseProperty().get()).isEqualTo(MainViewModel.Phase.SETUP);
            model.backupIfDue();
            Path today = dir.resolve(app.stempel.store.Backups.FOLDER).resolve("stempel-2026-03-10.zip");
            assertThat(today).as("nothing to keep while the wizard is open").doesNotExist();

            s.setup().apply(new app.stempel.settings.SetupService.Setup("Kafé", java.util.Currency.getInstance("PLN"),
                    Language.POLISH, 8, "Kawa", "246810", "Ola"), true);
            model.setupDone(Language.POLISH);
            assertThat(today).exists();
            Path restored = dir.resolve("restored");
            new app.stempel.store.Backups(restored, clock).restore(today, db -> true);
            try (Services back = Services.open(restored, clock)) {
                assertThat(back.settings().isSetUp()).as("the first backup holds the finished setup").isTrue();
            }
        }
    }
}
