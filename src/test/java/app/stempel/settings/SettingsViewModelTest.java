package app.stempel.settings;

import static app.stempel.store.schema.Tables.SETTING;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.core.Language;
import app.stempel.testing.MutableClock;
import app.stempel.testing.TestShop;
import app.stempel.ui.I18n;
import app.stempel.ui.SameThreadTaskRunner;

/** The Settings screen's model: how often the quick survey asks, the owner's only. */
class SettingsViewModelTest {

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-06-01T10:00:00Z");
    private Services shop;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir, clock);
    }

    @AfterEach
    void close() {
        shop.close();
    }

    private SettingsViewModel model(Language language) {
        return new SettingsViewModel(shop.admin(), shop.owner(), new SameThreadTaskRunner(), new I18n(language), clock,
                l -> { }, zip -> { });
    }

    private int settingRows() {
        return shop.db().dsl().fetchCount(SETTING);
    }

    @Test
    void withOwnerModeClosedChangingHowOftenIsRefusedWithAShortMessageAndNothingIsWritten() {
        int before = settingRows();
        SettingsViewModel model = model(Language.ENGLISH);
        assertThat(model.surveyDaysProperty().get()).as("not even read for the cashier").isEmpty();
        model.surveyDaysProperty().set("30");
        model.applySurveyDays();
        assertThat(model.messageProperty().get()).isEqualTo("Owner mode is needed for this. Unlock it with the owner PIN.");
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(shop.settings().get(SettingsService.SURVEY_DAYS)).isEmpty();
        assertThat(settingRows()).isEqualTo(before);
    }

    @Test
    void theOwnerSeesTheCurrentDaysAndChangesThem() {
        assertThat(shop.owner().unlock(TestShop.OWNER_PIN)).isInstanceOf(OwnerSession.Attempt.Opened.class);
        SettingsViewModel model = model(Language.POLISH);
        assertThat(model.surveyDaysProperty().get()).isEqualTo("90");

        model.surveyDaysProperty().set(" 22 ");
        model.applySurveyDays();
        assertThat(model.failedProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo("Szybka ankieta zapyta teraz klienta ponownie po 22 dniach.");
        assertThat(shop.settings().surveyDays()).isEqualTo(22);

        for (String bad : new String[] {"", "-1", "3651", "1,5", "dużo"}) {
            model.surveyDaysProperty().set(bad);
            model.applySurveyDays();
            assertThat(model.messageProperty().get()).as(bad).isEqualTo("Wybierz od 0 do 3650 dni.");
            assertThat(model.failedProperty().get()).isTrue();
        }
        assertThat(shop.settings().surveyDays()).isEqualTo(22);

        model.surveyDaysProperty().set("1");
        model.applySurveyDays();
        assertThat(model.messageProperty().get()).isEqualTo("Szybka ankieta zapyta teraz klienta ponownie po 1 dniu.");
        model.surveyDaysProperty().set("0");
        model.applySurveyDays();
        assertThat(model.messageProperty().get()).isEqualTo("Szybka ankieta jest wyłączona: nikt nie jest pytany.");
        assertThat(shop.settings().surveyDays()).isZero();
    }
}
