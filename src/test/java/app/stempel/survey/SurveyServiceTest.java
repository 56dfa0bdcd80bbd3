package app.stempel.survey;

import static app.stempel.store.schema.Tables.SURVEY_ANSWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.core.Actor;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.owner.OwnerOnlyException;
import app.stempel.settings.AdminService;
import app.stempel.settings.OwnerSession;
import app.stempel.settings.SettingsService;
import app.stempel.store.schema.tables.records.SurveyAnswerRecord;
import app.stempel.testing.MutableClock;
import app.stempel.testing.TestShop;
import java.util.Map;
import app.stempel.store.Backups;

/** When the counter's quick survey is due, what answering and skipping write, and who may change how often. */
class SurveyServiceTest {

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-06-15T10:00:00Z");
    private Services shop;
    private SurveyService survey;
    private Actor anna;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir, clock);
        survey = shop.survey();
        long annaId = shop.cashiers().active().stream().filter(c -> c.name().equals(TestShop.CASHIER)).findFirst()
                .orElseThrow().id();
        anna = new Actor(annaId, "Till 1");
    }

    @AfterEach
    void close() {
        assertThat(shop.integrity().run().ok()).isTrue();
        shop.close();
    }

    private int rows() {
        return shop.db().dsl().fetchCount(SURVEY_ANSWER);
    }

    private void setDays(int days) {
        TestShop.putSettings(shop.db(), Map.of(SettingsService.SURVEY_DAYS, String.valueOf(days)));
    }

    @Test
    void aMemberWhoJustJoinedIsDueAndTheDefaultIsNinetyDays() {
        Enrolled ola = TestShop.withStamps(shop, "Ola Nordmann", 1);
        assertThat(shop.settings().surveyDays()).isEqualTo(90);
        assertThat(survey.due(ola.memberId())).isTrue();

        survey.answer(ola.memberId(), 9, anna);
        assertThat(survey.due(ola.memberId())).isFalse();
        clock.advance(Duration.ofDays(90).minusSeconds(1));
        assertThat(survey.due(ola.memberId())).as("a second before 90 days").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(survey.due(ola.memberId())).as("exactly 90 days after the answer").isTrue();
    }

    @Test
    void exactlyNDaysAfterTheLastOfferTheMemberIsDueAgain() {
        setDays(30);
        Enrolled ola = TestShop.enrol(shop, "Ola Nordmann");
        survey.answer(ola.memberId(), 4, anna);
        clock.advance(Duration.ofDays(29));
        assertThat(survey.due(ola.memberId())).isFalse();
        clock.advance(Duration.ofDays(1).minusMillis(1));
        assertThat(survey.due(ola.memberId())).as("1 ms before 30 days").isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(survey.due(ola.memberId())).as("exactly 30 days").isTrue();
        clock.advance(Duration.ofDays(400));
        assertThat(survey.due(ola.memberId())).isTrue();
    }

    @Test
    void aSkipCountsAsAnOfferJustLikeAnAnswer() {
        setDays(14);
        Enrolled ola = TestShop.enrol(shop, "Ola Nordmann");
        Enrolled kari = TestShop.enrol(shop, "Kari Hansen");
        survey.skip(ola.memberId(), anna);
        assertThat(survey.due(ola.memberId())).isFalse();
        assertThat(survey.due(kari.memberId())).as("another member's skip does not count for Kari").isTrue();
        clock.advance(Duration.ofDays(13));
        assertThat(survey.due(ola.memberId())).isFalse();
        clock.advance(Duration.ofDays(1));
        assertThat(survey.due(ola.memberId())).isTrue();

        // the latest offer counts: a skip, then an answer 14 days later starts the wait again
        survey.answer(ola.memberId(), 10, anna);
        clock.advance(Duration.ofDays(7));
        assertThat(survey.due(ola.memberId())).isFalse();
    }

    @Test
    void zeroDaysNeverAsks() {
        Enrolled ola = TestShop.enrol(shop, "Ola Nordmann");
        setDays(0);
        assertThat(survey.due(ola.memberId())).isFalse();
        clock.advance(Duration.ofDays(5000));
        assertThat(survey.due(ola.memberId())).isFalse();
        setDays(1);
        assertThat(survey.due(ola.memberId())).isTrue();
    }

    @Test
    void aSettingThatIsNotANumberOfDaysCountsAsTheDefault() {
        Enrolled ola = TestShop.enrol(shop, "Ola Nordmann");
        TestShop.putSettings(shop.db(), Map.of(SettingsService.SURVEY_DAYS, "soon"));
        assertThat(shop.settings().surveyDays()).isEqualTo(SettingsService.SURVEY_DAYS_DEFAULT);
        TestShop.putSettings(shop.db(), Map.of(SettingsService.SURVEY_DAYS, "-3"));
        assertThat(shop.settings().surveyDays()).isEqualTo(SettingsService.SURVEY_DAYS_DEFAULT);
        survey.skip(ola.memberId(), anna);
        clock.advance(Duration.ofDays(89));
        assertThat(survey.due(ola.memberId())).isFalse();
        clock.advance(Duration.ofDays(1));
        assertThat(survey.due(ola.memberId())).isTrue();
    }

    @Test
    void anAnswerAndASkipEachWriteOneRowWithTheTimeTillAndCashier() {
        Enrolled ola = TestShop.enrol(shop, "Ola Nordmann");
        Enrolled kari = TestShop.enrol(shop, "Kari Hansen");
        survey.answer(ola.memberId(), 0, anna);
        clock.advance(Duration.ofMinutes(3));
        survey.skip(kari.memberId(), new Actor(null, "Till 2"));
        clock.advance(Duration.ofMinutes(3));
        survey.answer(kari.memberId(), 10, anna);

        var rows = shop.db().dsl().selectFrom(SURVEY_ANSWER).orderBy(SURVEY_ANSWER.ID).fetch();
        assertThat(rows).hasSize(3);
        SurveyAnswerRecord first = rows.get(0);
        assertThat(first.getMemberId()).isEqualTo(ola.memberId());
        assertThat(first.getScore()).isZero();
        assertThat(first.getAnsweredAt().toInstant()).isEqualTo(Instant.parse("2026-06-15T10:00:00Z"));
        assertThat(first.getTill()).isEqualTo("Till 1");
        assertThat(first.getCashierId()).isEqualTo(anna.cashierId());
        SurveyAnswerRecord skipped = rows.get(1);
        assertThat(skipped.getMemberId()).isEqualTo(kari.memberId());
        assertThat(skipped.getScore()).isNull();
        assertThat(skipped.getAnsweredAt().toInstant()).isEqualTo(Instant.parse("2026-06-15T10:03:00Z"));
        assertThat(skipped.getTill()).isEqualTo("Till 2");
        assertThat(skipped.getCashierId()).isNull();
        assertThat(rows.get(2).getScore()).isEqualTo(10);
    }

    @Test
    void scoresOutsideZeroToTenAreRefusedAndNothingIsWritten() {
        Enrolled ola = TestShop.enrol(shop, "Ola Nordmann");
        assertThatThrownBy(() -> survey.answer(ola.memberId(), -1, anna))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 to 10");
        assertThatThrownBy(() -> survey.answer(ola.memberId(), 11, anna))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 to 10");
        assertThat(rows()).isZero();
        assertThat(survey.due(ola.memberId())).as("a refused answer is no offer").isTrue();
    }

    @Test
    void theOwnerSetsHowOftenAndClosedOwnerModeRefusesWritingNothing() {
        Enrolled ola = TestShop.enrol(shop, "Ola Nordmann");
        OwnerSession closed = new OwnerSession(shop.settings(), clock);
        AdminService cashiersAdmin = new AdminService(shop.db(), shop.settings(), closed, closed, new Backups(shop.dataDir(), clock));
        assertThatThrownBy(() -> cashiersAdmin.setSurveyDays(0)).isInstanceOf(OwnerOnlyException.class);
        assertThatThrownBy(cashiersAdmin::surveyDays).isInstanceOf(OwnerOnlyException.class);
        assertThat(shop.settings().get(SettingsService.SURVEY_DAYS)).isEmpty();
        assertThat(survey.due(ola.memberId())).isTrue();

        assertThat(shop.owner().unlock(TestShop.OWNER_PIN)).isInstanceOf(OwnerSession.Attempt.Opened.class);
        shop.admin().setSurveyDays(0);
        assertThat(shop.admin().surveyDays()).isZero();
        assertThat(survey.due(ola.memberId())).isFalse();
        shop.admin().setSurveyDays(7);
        assertThat(shop.settings().get(SettingsService.SURVEY_DAYS)).contains("7");
        assertThatThrownBy(() -> shop.admin().setSurveyDays(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> shop.admin().setSurveyDays(AdminService.SURVEY_DAYS_MAX + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(shop.admin().surveyDays()).isEqualTo(7);
    }

    @Test
    void theRepeatStampWindowIsTheOwnersToSet() {
        OwnerSession closed = new OwnerSession(shop.settings(), clock);
        AdminService cashiersAdmin = new AdminService(shop.db(), shop.settings(), closed, closed, new Backups(shop.dataDir(), clock));
        assertThatThrownBy(() -> cashiersAdmin.setRepeatStampMinutes(0)).isInstanceOf(OwnerOnlyException.class);
        assertThatThrownBy(cashiersAdmin::repeatStampMinutes).isInstanceOf(OwnerOnlyException.class);
        assertThat(shop.settings().repeatStampWindow()).isEqualTo(Duration.ofMinutes(10));

        assertThat(shop.owner().unlock(TestShop.OWNER_PIN)).isInstanceOf(OwnerSession.Attempt.Opened.class);
        shop.admin().setRepeatStampMinutes(0);
        assertThat(shop.settings().repeatStampWindow()).isZero();
        shop.admin().setRepeatStampMinutes(30);
        assertThat(shop.admin().repeatStampMinutes()).isEqualTo(30);
        assertThatThrownBy(() -> shop.admin().setRepeatStampMinutes(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> shop.admin().setRepeatStampMinutes(AdminService.REPEAT_MINUTES_MAX + 1))
                .isInstanceOf(IllegalArgumentException.class);
        TestShop.putSettings(shop.db(), Map.of(SettingsService.REPEAT_STAMP_MINUTES, "soon"));
        assertThat(shop.settings().repeatStampWindow()).as("garbage counts as the default").isEqualTo(Duration.ofMinutes(10));
    }
}
