package app.stempel.survey;

import java.util.Objects;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import app.stempel.ui.I18n;
import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.css.PseudoClass;
import javafx.beans.value.ChangeListener;

/**
 * The quick survey's strip in the counter's member panel: the question, eleven answer buttons 0 to 10 and
 * "Skip (Esc)"; after an answer, a short thanks. No part of it takes the focus, so the next scan still
 * lands in the counter's search box.
 */
public final class SurveyView {

    /** How long the thanks stays. */
    public static final Duration THANKS_TIME = Duration.seconds(3);

    private static final PseudoClass TYPED = PseudoClass.getPseudoClass("typed");

    private final StackPane root = new StackPane();

    /** @param back gives the focus back to the counter's search box after a tap */
    public SurveyView(SurveyViewModel model, I18n i18n, Runnable back) {
        Objects.requireNonNull(model);
        Objects.requireNonNull(back);
        root.setId("survey");
        root.getStyleClass().add("survey");

        Label question = new Label(i18n.get("survey.question"), new FontIcon(Feather.MESSAGE_CIRCLE));
        question.setId("survey-question");
        question.getStyleClass().add("survey-question");
        question.setWrapText(true);
        question.setMinHeight(Region.USE_PREF_SIZE);
        Label scale = new Label(i18n.get("survey.scale"));
        scale.setId("survey-scale");
        scale.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        scale.setWrapText(true);
        HBox.setHgrow(question, Priority.SOMETIMES);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button skip = button("survey-skip", i18n.get("survey.skip"), () -> model.skip(), back);
        skip.getStyleClass().addAll(Styles.FLAT, "survey-skip");
        skip.setMinWidth(Region.USE_PREF_SIZE);
        Label keys = new Label(i18n.get("survey.typeHint"));
        keys.setId("survey-type-hint");
        keys.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        keys.setWrapText(true);
        VBox hints = new VBox(0, scale, keys);
        hints.setAlignment(Pos.CENTER_RIGHT);
        HBox head = new HBox(10, question, gap, hints, skip);
        head.setAlignment(Pos.CENTER_LEFT);

        HBox scores = new HBox(6);
        scores.setId("survey-scores");
        for (int s = SurveyService.LOWEST; s <= SurveyService.HIGHEST; s++) {
            int score = s;
            Button b = button("survey-" + s, String.valueOf(s), () -> model.answer(score), back);
            b.getStyleClass().add("survey-score");
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
            b.disableProperty().bind(model.stageProperty().isNotEqualTo(SurveyViewModel.Stage.ASKING));
            ChangeListener<Number> mark = (obs, old, now) -> b.pseudoClassStateChanged(TYPED,
                    now.intValue() == score);
            model.typedProperty().addListener(mark);
            scores.getChildren().add(b);
        }
        VBox asking = new VBox(5, head, scores);
        asking.visibleProperty().bind(model.stageProperty().isEqualTo(SurveyViewModel.Stage.ASKING)
                .or(model.stageProperty().isEqualTo(SurveyViewModel.Stage.SAVING)));

        Label thanks = new Label(i18n.get("survey.thanks"), new FontIcon(Feather.HEART));
        thanks.setId("survey-thanks");
        thanks.getStyleClass().add("survey-thanks");
        thanks.setWrapText(true);
        thanks.visibleProperty().bind(model.stageProperty().isEqualTo(SurveyViewModel.Stage.THANKS));
        StackPane.setAlignment(thanks, Pos.CENTER_LEFT);

        root.getChildren().addAll(asking, thanks);
        root.visibleProperty().bind(model.stageProperty().isNotEqualTo(SurveyViewModel.Stage.NONE));
        root.managedProperty().bind(root.visibleProperty());

        PauseTransition pause = new PauseTransition(THANKS_TIME);
        pause.setOnFinished(e -> model.thanksShown());
        model.stageProperty().addListener((obs, old, now) -> {
            if (now == SurveyViewModel.Stage.THANKS) {
                pause.playFromStart();
            } else {
                pause.stop();
            }
        });
    }

    public Node root() {
        return root;
    }

    private static Button button(String id, String text, Runnable command, Runnable back) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false);
        b.setOnAction(e -> {
            command.run();
            back.run();
        });
        return b;
    }
}
