package app.stempel.counter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import app.stempel.counter.CustomerDisplayModel.Card;
import app.stempel.survey.SurveyService;
import app.stempel.survey.SurveyViewModel;
import app.stempel.ui.I18n;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.ScaleTransition;
import javafx.animation.SequentialTransition;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import javafx.scene.control.ContentDisplay;

/**
 * What the customer sees on the second screen, facing them across the counter: the shop's welcome while
 * nobody is at the counter; their first name and stamp card (or points) while the cashier has them
 * chosen, with a large "+1" when a stamp lands; the quick survey's eleven big answer buttons; and a thanks.
 * It only binds to the {@link CustomerDisplayModel}, which decides what to show and holds nothing but the
 * first name.
 *
 * <p>Everything is sized in {@code em} in {@code customer-display.css}; the root's font size steps with
 * the window (pseudo-classes {@code size-s} to {@code size-xxl}), so the same screen reads well from a
 * 800 × 600 tablet to a 1920 × 1080 monitor.
 */
public final class CustomerDisplayView {

    /** Most slots drawn on the card; a longer card shows its count only beyond this. */
    public static final int MAX_SLOTS = 30;
    /** Most slots in one row of the card. */
    public static final int ROW_SLOTS = 10;
    /** Below this width per answer button the eleven buttons go in two rows. */
    static final double ONE_ROW_BUTTON = 72;
    /** The size steps of the root's font, smallest first (pseudo-classes of the root). */
    static final List<String> SIZES = List.of("size-s", "size-m", "size-l", "size-xl", "size-xxl");

    private static final PseudoClass FILLED = PseudoClass.getPseudoClass("filled");
    private static final PseudoClass TYPED = PseudoClass.getPseudoClass("typed");
    private static final Duration PLUS_IN = Duration.millis(250);
    private static final Duration PLUS_STAY = Duration.millis(1100);
    private static final Duration PLUS_OUT = Duration.millis(700);

    private final CustomerDisplayModel model;
    private final I18n i18n;
    private final StackPane root = new StackPane();

    private final ImageView logo = new ImageView();

    private final Label hello = label("display-hello", "display-hello");
    private final VBox card = new VBox();
    private final Label count = label("display-count", "display-count");
    private final Label points = label("display-points", "display-points");
    private final Label ready = label("display-ready", "display-ready");
    private final Label next = label("display-next", "display-next");
    private final Label plus = label("display-plus", "display-plus");
    private final SequentialTransition plusShow;

    private final List<Button> scores = new ArrayList<>();
    private final HBox firstRow = new HBox();
    private final HBox secondRow = new HBox();
    private int perRow;

    public CustomerDisplayView(CustomerDisplayModel model, I18n i18n) {
        this.model = Objects.requireNonNull(model);
        this.i18n = Objects.requireNonNull(i18n);
        root.setId("customer-display");
        root.getStyleClass().add("customer-display");

        Node idle = idle();
        Node member = member();
        Node survey = survey();
        Node thanks = thanks();
        showOn(idle, CustomerDisplayModel.Stage.IDLE);
        showOn(member, CustomerDisplayModel.Stage.MEMBER);
        showOn(survey, CustomerDisplayModel.Stage.SURVEY);
        showOn(thanks, CustomerDisplayModel.Stage.THANKS);

        // "+1": over whatever shows, never in the way of a tap, gone after about two seconds
        plus.setVisible(false);
        plus.setMouseTransparent(true);
        plus.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(plus, Pos.TOP_RIGHT);
        ScaleTransition pop = new ScaleTransition(PLUS_IN, plus);
        pop.setFromX(0.6);
        pop.setFromY(0.6);
        pop.setToX(1);
        pop.setToY(1);
        FadeTransition fade = new FadeTransition(PLUS_OUT, plus);
        fade.setFromValue(1);
        fade.setToValue(0);
        plusShow = new SequentialTransition(pop, new PauseTransition(PLUS_STAY), fade);
        plusShow.setOnFinished(e -> plus.setVisible(false));
        model.landedProperty().addListener((obs, old, now) -> landed());
        model.stageProperty().addListener((obs, old, now) -> {
            if (now == CustomerDisplayModel.Stage.IDLE) {
                plusShow.stop();
                plus.setVisible(false);
            }
        });

        root.getChildren().addAll(idle, member, survey, thanks, plus);
        root.widthProperty().addListener((obs, old, now) -> resized());
        root.heightProperty().addListener((obs, old, now) -> resized());
        resized();
    }

    public Node root() {
        return root;
    }

    /** The shop's logo above the welcome; null for none. */
    public void setLogo(Image image) {
        logo.setImage(image);
    }

    // --- the four stages

    private Node idle() {
        logo.setId("display-logo");
        logo.setPreserveRatio(true);
        logo.setSmooth(true);
        logo.fitHeightProperty().bind(root.heightProperty().multiply(0.25));
        logo.fitWidthProperty().bind(root.widthProperty().multiply(0.5));
        logo.visibleProperty().bind(logo.imageProperty().isNotNull());
        logo.managedProperty().bind(logo.visibleProperty());

        Label welcome = label("display-welcome", "display-welcome");
        welcome.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.get("display.welcome", model.shopNameProperty().get()), model.shopNameProperty()));
        Label hint = label("display-idle-hint", "display-idle-hint");
        hint.setText(i18n.get("display.idleHint"));
        hint.setGraphic(icon(Feather.CREDIT_CARD, false));
        return layer("display-idle", logo, welcome, hint);
    }

    private Node member() {
        card.setId("display-card");
        card.getStyleClass().add("display-card");
        card.setAlignment(Pos.CENTER);
        card.setMinHeight(Region.USE_PREF_SIZE);
        ready.setGraphic(icon(Feather.GIFT, false));
        next.setGraphic(icon(Feather.AWARD, false));
        model.cardProperty().addListener((obs, old, now) -> show(now));
        show(model.cardProperty().get());
        return layer("display-member", hello, card, count, points, ready, next);
    }

    private void show(Card c) {
        if (c == null) {
            return; // idle: the member layer is hidden; its last card goes with the next member
        }
        hello.setText(i18n.get("display.hello", c.firstName()));
        boolean stamps = !c.pointsMode();
        shown(card, stamps);
        shown(count, stamps);
        shown(points, !stamps);
        shown(ready, stamps && c.rewardsReady() > 0);
        shown(next, stamps && c.rewardsReady() == 0 && c.stampsForReward() > c.stampsOnCard());
        if (stamps) {
            fill(c.stampsOnCard(), c.stampsForReward());
            count.setText(i18n.get("counter.stampCount", c.stampsOnCard(), c.stampsForReward()));
            ready.setText(i18n.plural("counter.readyCount", c.rewardsReady()));
            next.setText(i18n.plural("counter.rewardsNext", c.stampsForReward() - c.stampsOnCard(),
                    c.rewardDescription() == null ? "" : c.rewardDescription()));
        } else {
            points.setText(i18n.plural("counter.points", c.points()));
        }
    }

    /** The card's slots, in rows of at most {@value #ROW_SLOTS}, the first {@code filled} of them stamped. */
    private void fill(int filled, int slots) {
        List<Integer> rows = rowSizes(slots);
        if (!rows.equals(card.getChildren().stream().map(r -> ((HBox) r).getChildren().size()).toList())) {
            card.getChildren().clear();
            for (int n : rows) {
                HBox row = new HBox();
                row.getStyleClass().add("display-card-row");
                row.setAlignment(Pos.CENTER);
                for (int i = 0; i < n; i++) {
                    Region slot = new Region();
                    slot.getStyleClass().add("display-stamp");
                    row.getChildren().add(slot);
                }
                card.getChildren().add(row);
            }
        }
        int i = 0;
        for (Node row : card.getChildren()) {
            for (Node slot : ((HBox) row).getChildren()) {
                slot.pseudoClassStateChanged(FILLED, i++ < filled);
            }
        }
    }

    private Node survey() {
        Label question = label("display-survey-question", "display-survey-question");
        question.setText(i18n.get("survey.question"));
        question.setGraphic(icon(Feather.MESSAGE_CIRCLE, false));
        Label scale = label("display-survey-scale", "display-survey-scale");
        scale.setText(i18n.get("survey.scale"));
        SurveyViewModel survey = model.survey();
        for (int s = SurveyService.LOWEST; s <= SurveyService.HIGHEST; s++) {
            int score = s;
            Button b = new Button(String.valueOf(s));
            b.setId("display-survey-" + s);
            b.getStyleClass().add("display-score");
            b.setFocusTraversable(false);
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
            b.disableProperty().bind(survey.stageProperty().isNotEqualTo(SurveyViewModel.Stage.ASKING));
            b.setOnAction(e -> model.answer(score));
            // the answer the cashier is typing at the counter, lit here as on the counter's strip
            survey.typedProperty().addListener((obs, old, now) -> b.pseudoClassStateChanged(TYPED, now.intValue() == score));
            b.pseudoClassStateChanged(TYPED, survey.typedProperty().get() == score);
            scores.add(b);
        }
        firstRow.getStyleClass().add("display-score-row");
        secondRow.getStyleClass().add("display-score-row");
        VBox rows = new VBox(firstRow, secondRow);
        rows.setId("display-survey-scores");
        rows.getStyleClass().add("display-score-rows");
        rows.setMaxWidth(Double.MAX_VALUE);
        VBox layer = layer("display-survey", question, scale, rows);
        layer.widthProperty().addListener((obs, old, now) -> arrange(layer));
        arrange(layer);
        return layer;
    }

    /** The eleven answers in one row where each gets {@value #ONE_ROW_BUTTON} pixels, otherwise in two. */
    private void arrange(VBox layer) {
        double width = layer.getWidth() - layer.snappedLeftInset() - layer.snappedRightInset();
        int n = scoresPerRow(width, firstRow.getSpacing(), scores.size());
        if (n == perRow) {
            return;
        }
        perRow = n;
        firstRow.getChildren().setAll(scores.subList(0, n));
        secondRow.getChildren().setAll(scores.subList(n, scores.size()));
        shown(secondRow, n < scores.size());
    }

    private Node thanks() {
        Label thanks = label("display-thanks", "display-thanks");
        thanks.setText(i18n.get("survey.thanks"));
        thanks.setGraphic(icon(Feather.HEART, true));
        thanks.setContentDisplay(ContentDisplay.TOP);
        return layer("display-thanks-layer", thanks);
    }

    // --- behaviour of the view itself

    private void landed() {
        int added = model.addedProperty().get();
        if (added <= 0) {
            return;
        }
        plus.setText(i18n.get("display.plus", added));
        plus.setOpacity(1);
        plus.setVisible(true);
        plusShow.playFromStart();
    }

    private void resized() {
        String size = sizeStep(root.getWidth(), root.getHeight());
        for (String s : SIZES) {
            root.pseudoClassStateChanged(PseudoClass.getPseudoClass(s), s.equals(size));
        }
    }

    private void showOn(Node layer, CustomerDisplayModel.Stage stage) {
        layer.visibleProperty().bind(model.stageProperty().isEqualTo(stage));
        layer.managedProperty().bind(layer.visibleProperty()); // a hidden stage does not hold the window's size
    }

    // --- pure helpers, tested on their own

    /**
     * The size step for a window of {@code width} × {@code height}: the smaller of its scales against a
     * 1280 × 800 screen, in steps ({@code size-s} at 800 × 600, {@code size-m} at 1024 × 768, {@code size-l} at
     * 1280 × 800, {@code size-xl} at 1920 × 1080, {@code size-xxl} from about 2560 × 1440).
     */
    static String sizeStep(double width, double height) {
        double scale = Math.min(width / 1280, height / 800);
        if (scale < 0.72) {
            return SIZES.get(0);
        } else if (scale < 0.9) {
            return SIZES.get(1);
        } else if (scale < 1.2) {
            return SIZES.get(2);
        } else if (scale < 1.7) {
            return SIZES.get(3);
        }
        return SIZES.get(4);
    }

    /** Slots per row for a card of {@code slots} stamps: at most {@value #MAX_SLOTS} slots, balanced rows of at most {@value #ROW_SLOTS}. */
    static List<Integer> rowSizes(int slots) {
        int n = Math.max(0, Math.min(slots, MAX_SLOTS));
        if (n == 0) {
            return List.of();
        }
        int rows = (n + ROW_SLOTS - 1) / ROW_SLOTS;
        List<Integer> sizes = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            sizes.add((n - sumOf(sizes) + (rows - r) - 1) / (rows - r));
        }
        return sizes;
    }

    private static int sumOf(List<Integer> sizes) {
        return sizes.stream().mapToInt(Integer::intValue).sum();
    }

    /** How many of {@code buttons} answers go in the first row of a {@code width} wide survey. */
    static int scoresPerRow(double width, double gap, int buttons) {
        double each = (width - (buttons - 1) * gap) / buttons;
        return each >= ONE_ROW_BUTTON || width <= 0 ? buttons : (buttons + 1) / 2;
    }

    private static VBox layer(String id, Node... children) {
        VBox layer = new VBox(children);
        layer.setId(id);
        layer.getStyleClass().add("display-layer");
        layer.setAlignment(Pos.CENTER);
        layer.setFillWidth(true);
        layer.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        return layer;
    }

    /** An icon beside a label's text; {@code large} for the thanks. Its size is in the stylesheet. */
    private static FontIcon icon(Feather which, boolean large) {
        FontIcon icon = new FontIcon(which);
        icon.getStyleClass().add(large ? "display-icon-large" : "display-icon");
        return icon;
    }

    private static Label label(String id, String styleClass) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        l.setTextAlignment(TextAlignment.CENTER);
        l.setAlignment(Pos.CENTER);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static void shown(Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }
}
