package app.stempel.survey;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.stempel.core.Actor;
import app.stempel.ui.I18n;
import app.stempel.ui.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import java.util.concurrent.Callable;

/**
 * The quick survey's offer at the counter, for the member on the panel: asked after a stamp when the
 * member is {@link SurveyService#due due}, answered with one tap (0 to 10) or skipped with one key. The
 * counter's next scan or search {@link #dismiss() replaces} an open offer, and then nothing is recorded.
 * It never touches the search box, so typed digits and scans keep going to the counter.
 */
public final class SurveyViewModel {

    /** What the survey strip shows. */
    public enum Stage {
        /** Nothing. */
        NONE,
        /** The question and its eleven answers. */
        ASKING,
        /** An answer is being saved. */
        SAVING,
        /** A short thanks after an answer. */
        THANKS
    }

    private static final Logger LOG = LoggerFactory.getLogger(SurveyViewModel.class);

    private final SurveyService survey;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Supplier<Actor> actor;
    private final Consumer<String> problem;

    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(Stage.NONE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper typed = new ReadOnlyIntegerWrapper(-1);
    private int running;
    private long generation;
    private long memberId;

    /**
     * @param problem shows a short message when an answer could not be saved
     */
    public SurveyViewModel(SurveyService survey, TaskRunner tasks, I18n i18n, Supplier<Actor> actor,
            Consumer<String> problem) {
        this.survey = Objects.requireNonNull(survey);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.actor = Objects.requireNonNull(actor);
        this.problem = Objects.requireNonNull(problem);
    }

    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** A check or a write of the survey is under way in the background. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The answer typed at the counter so far (Enter gives it), -1 for none: its button is highlighted. */
    public ReadOnlyIntegerProperty typedProperty() {
        return typed.getReadOnlyProperty();
    }

    /** The counter's search box holds {@code score} (0 to 10) while the survey asks, or -1. */
    public void typed(int score) {
        typed.set(isAsking() && score >= SurveyService.LOWEST && score <= SurveyService.HIGHEST ? score : -1);
    }

    /** The question is showing and waits for an answer or a skip. */
    public boolean isAsking() {
        return stage.get() == Stage.ASKING;
    }

    /** After a visit of {@code member}: asks in the background whether the survey is due, and offers it if so. */
    public void offerIfDue(long member) {
        if (stage.get() != Stage.NONE && memberId == member) {
            return; // already offered (or just answered) for this member
        }
        dismiss();
        long gen = generation;
        run(() -> survey.due(member), due -> {
            if (gen == generation && due) {
                memberId = member;
                stage.set(Stage.ASKING);
            }
        }, e -> LOG.error("Could not tell whether the survey is due for member {}", member, e));
    }

    /** The member's answer, 0 to 10: saved in the background, then a short thanks. */
    public void answer(int score) {
        if (!isAsking() || score < SurveyService.LOWEST || score > SurveyService.HIGHEST) {
            return;
        }
        long member = memberId;
        long gen = generation;
        Actor who = actor.get();
        typed.set(-1);
        stage.set(Stage.SAVING);
        run(() -> {
            survey.answer(member, score, who);
            return score;
        }, saved -> {
            if (gen == generation) {
                stage.set(Stage.THANKS);
            }
        }, e -> {
            LOG.error("Could not save the survey answer of member {}", member, e);
            if (gen == generation) {
                stage.set(Stage.NONE);
            }
            problem.accept(i18n.get("survey.failed"));
        });
    }

    /** Skips the survey (Esc or the skip button): recorded as offered, with no answer; the strip goes at once. */
    public void skip() {
        if (!isAsking()) {
            return;
        }
        long member = memberId;
        Actor who = actor.get();
        dismiss();
        run(() -> {
            survey.skip(member, who);
            return member;
        }, skipped -> { }, e -> LOG.error("Could not record the skipped survey of member {}", member, e));
    }

    private <T> void run(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        running++;
        busy.set(true);
        tasks.run(work, r -> {
            finished();
            done.accept(r);
        }, e -> {
            finished();
            failed.accept(e);
        });
    }

    private void finished() {
        running--;
        busy.set(running > 0);
    }

    /** The thanks has been shown long enough. */
    public void thanksShown() {
        if (stage.get() == Stage.THANKS) {
            stage.set(Stage.NONE);
        }
    }

    /** The counter moved on (another scan, a search, the panel cleared): the offer goes, nothing is recorded. */
    public void dismiss() {
        generation++;
        stage.set(Stage.NONE);
        typed.set(-1);
    }
}
