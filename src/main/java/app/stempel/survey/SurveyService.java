package app.stempel.survey;

import static app.stempel.store.schema.Tables.SURVEY_ANSWER;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.core.Actor;
import app.stempel.settings.SettingsService;
import app.stempel.store.Database;

/**
 * The quick survey at the counter: "would you recommend us to a friend?", 0 to 10, now and then. Each
 * time it is offered and answered or skipped, one {@code survey_answer} row records it (a skip with no
 * score); the reports compute NPS from those rows.
 *
 * <p><b>When a member is asked.</b> The owner sets "ask again after N days"
 * ({@link SettingsService#surveyDays()}, {@value SettingsService#SURVEY_DAYS_DEFAULT} unless set; 0 means
 * never). A member is due when N is above 0 and they have no row, answered or skipped, in the last N days,
 * counted as N × 24 hours back from now: a row exactly N days old no longer counts, so a member asked at
 * 10:00 is due again at 10:00 N days later. A member who has never been asked (one who just joined) is due
 * at once.
 */
public final class SurveyService {

    /** Lowest and highest answer. */
    public static final int LOWEST = 0;
    public static final int HIGHEST = 10;

    private final Database db;
    private final Clock clock;
    private final SettingsService settings;

    public SurveyService(Database db, Clock clock, SettingsService settings) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
    }

    /** Whether the survey should be offered to the member now (see the class comment). */
    @Role(Who.TILL)
    public boolean due(long memberId) {
        int days = settings.surveyDays();
        if (days <= 0) {
            return false;
        }
        OffsetDateTime since = OffsetDateTime.now(clock).minus(Duration.ofDays(days));
        return !db.dsl().fetchExists(SURVEY_ANSWER,
                SURVEY_ANSWER.MEMBER_ID.eq(memberId).and(SURVEY_ANSWER.ANSWERED_AT.gt(since)));
    }

    /**
     * Records the member's answer.
     *
     * @throws IllegalArgumentException if {@code score} is not 0 to 10; nothing is written then
     */
    @Role(Who.TILL)
    public void answer(long memberId, int score, Actor actor) {
        if (score < LOWEST || score > HIGHEST) {
            throw new IllegalArgumentException("a survey answer is 0 to 10, not " + score);
        }
        record(memberId, score, actor);
    }

    /** Records that the survey was offered to the member and skipped. */
    @Role(Who.TILL)
    public void skip(long memberId, Actor actor) {
        record(memberId, null, actor);
    }

    private void record(long memberId, Integer score, Actor actor) {
        Objects.requireNonNull(actor);
        db.write(tx -> tx.insertInto(SURVEY_ANSWER)
                .set(SURVEY_ANSWER.MEMBER_ID, memberId)
                .set(SURVEY_ANSWER.SCORE, score)
                .set(SURVEY_ANSWER.ANSWERED_AT, OffsetDateTime.now(clock))
                .set(SURVEY_ANSWER.TILL, actor.till())
                .set(SURVEY_ANSWER.CASHIER_ID, actor.cashierId())
                .execute());
    }
}
