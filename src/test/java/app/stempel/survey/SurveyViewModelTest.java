package app.stempel.survey;

import static app.stempel.store.schema.Tables.SURVEY_ANSWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.core.Language;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.survey.SurveyViewModel.Stage;
import app.stempel.testing.MutableClock;
import app.stempel.testing.TestShop;
import app.stempel.ui.I18n;
import app.stempel.ui.SameThreadTaskRunner;

/** The survey offer's states, on a real shop, with the work run on the calling thread. */
class SurveyViewModelTest {

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-06-01T10:00:00Z");
    private Services shop;
    private SurveyViewModel model;
    private final List<String> problems = new ArrayList<>();
    private Enrolled ola;
    private boolean closed;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir, clock);
        ola = TestShop.enrol(shop, "Ola Nordmann");
        model = new SurveyViewModel(shop.survey(), new SameThreadTaskRunner(), new I18n(Language.NORWEGIAN),
                () -> TestShop.TILL, problems::add);
    }

    @AfterEach
    void close() {
        if (!closed) {
            shop.close();
        }
    }

    private int rows() {
        return shop.db().dsl().fetchCount(SURVEY_ANSWER);
    }

    @Test
    void aDueMemberIsAskedAnAnswerIsSavedThenThanks() {
        model.offerIfDue(ola.memberId());
        assertThat(model.stageProperty().get()).isEqualTo(Stage.ASKING);
        model.answer(11);
        model.answer(-1);
        assertThat(rows()).isZero();
        assertThat(model.isAsking()).isTrue();

        model.answer(6);
        assertThat(model.stageProperty().get()).isEqualTo(Stage.THANKS);
        assertThat(shop.db().dsl().select(SURVEY_ANSWER.SCORE).from(SURVEY_ANSWER).fetchOne().value1()).isEqualTo(6);
        model.answer(7);
        model.skip();
        assertThat(rows()).as("one offer, one row").isEqualTo(1);
        model.thanksShown();
        assertThat(model.stageProperty().get()).isEqualTo(Stage.NONE);

        model.offerIfDue(ola.memberId());
        assertThat(model.stageProperty().get()).as("asked already").isEqualTo(Stage.NONE);
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void dismissingRecordsNothingAndSkippingRecordsNoScore() {
        model.offerIfDue(ola.memberId());
        model.dismiss();
        assertThat(model.stageProperty().get()).isEqualTo(Stage.NONE);
        model.answer(10);
        model.skip();
        assertThat(rows()).isZero();

        model.offerIfDue(ola.memberId());
        model.skip();
        assertThat(model.stageProperty().get()).isEqualTo(Stage.NONE);
        assertThat(shop.db().dsl().select(SURVEY_ANSWER.SCORE).from(SURVEY_ANSWER).fetchOne().value1()).isNull();
    }

    @Test
    void anAnswerThatCannotBeSavedSaysSoBriefly() {
        model.offerIfDue(ola.memberId());
        shop.close();
        closed = true;
        model.answer(8);
        assertThat(model.stageProperty().get()).isEqualTo(Stage.NONE);
        assertThat(problems).containsExactly(
                "Svaret kunne ikke lagres. Fortsett som vanlig; undersøkelsen kommer igjen en annen gang.");
    }
}
