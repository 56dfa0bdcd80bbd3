package app.stempel.counter;

import java.util.List;
import java.util.Objects;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import app.stempel.counter.CounterService.MemberPanel;
import app.stempel.search.MemberSearch.MemberRow;
import app.stempel.survey.SurveyView;
import app.stempel.ui.FilePicker;
import app.stempel.ui.I18n;
import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.text.TextAlignment;
import javafx.stage.WindowEvent;
import javafx.stage.Window;
import javafx.stage.Stage;
import javafx.scene.shape.Rectangle;
import javafx.scene.image.Image;
import javafx.scene.Scene;
import javafx.scene.Cursor;
import javafx.geometry.Insets;
import javafx.event.EventHandler;
import javafx.collections.ListChangeListener;
import javafx.beans.binding.Bindings;
import javafx.beans.Observable;
import javafx.beans.InvalidationListener;
import java.util.stream.Stream;
import java.util.Optional;
import java.util.Objects;
import java.util.Locale;
import java.io.ByteArrayInputStream;

/**
 * The cashier's screen: one search box that takes scans and names, the type-ahead list, and the member
 * panel with its stamp card and the stamp (F2), redeem (F3) and undo (F4) keys, and, after a stamp now
 * and then, the quick survey's strip (Esc skips it). Focus always returns to the search box, so the next
 * scan lands there.
 */
public final class CounterView {

    private static final PseudoClass FILLED = PseudoClass.getPseudoClass("filled");
    private static final PseudoClass OPEN = PseudoClass.getPseudoClass("open");

    private final CounterViewModel model;
    private final I18n i18n;
    private final ScanDetector detector;
    private final FilePicker files;
    private final VBox root = new VBox();
    private final TextField search = new TextField();
    private final TextField amount = new TextField();
    private final ListView<MemberRow> list = new ListView<>();
    private final SurveyView survey;
    private boolean swallowTyped;

    public CounterView(CounterViewModel model, I18n i18n, ScanDetector detector, FilePicker files) {
        this.files = Objects.requireNonNull(files);
        this.model = Objects.requireNonNull(model);
        this.i18n = Objects.requireNonNull(i18n);
        this.detector = Objects.requireNonNull(detector);
        this.survey = new SurveyView(model.survey(), i18n, search::requestFocus);
        root.setId("page-counter");
        root.getStyleClass().add("counter");
        root.getChildren().addAll(searchBar(), messageLine(), body());
        VBox.setVgrow(root.getChildren().get(2), Priority.ALWAYS);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        // while a reward is being chosen, digits pick it and do not land in the search box
        root.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (!model.rewardChoices().isEmpty() || swallowTyped) {
                swallowTyped = false;
                e.consume();
            }
        });
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                Platform.runLater(search::requestFocus);
                watchMainWindow(scene);
            }
        });
        model.displayOpenProperty().addListener((obs, old, open) -> showDisplay(open));
    }

    // --- the customer display's window

    private CustomerDisplayWindow displayWindow;
    private Window mainWindow;
    private boolean leaving;

    private void showDisplay(boolean open) {
        if (!open) {
            if (displayWindow != null) {
                displayWindow.close();
            }
            return;
        }
        if (displayWindow == null) {
            CustomerDisplayView view = new CustomerDisplayView(model.customerDisplay(), i18n);
            model.customerDisplay().logoProperty().addListener((obs, old, logo) -> view.setLogo(
                    logo == null ? null : new Image(new ByteArrayInputStream(logo))));
            List<String> styles = root.getScene() == null ? List.of() : root.getScene().getStylesheets();
            displayWindow = new CustomerDisplayWindow(view, i18n, styles);
            displayWindow.forwardKeysTo(search, this::focusCounter);
            displayWindow.showingProperty().addListener((obs, was, showing) -> {
                if (!showing && !leaving && model.displayOpenProperty().get()) {
                    model.displayClosed(); // closed by the person, with the window's own button
                }
            });
        }
        displayWindow.show(this::focusCounter);
    }

    /** The main window closes or moves on: the display goes with it, still remembered as open. */
    private void leave() {
        leaving = true;
        if (displayWindow != null) {
            displayWindow.close();
        }
    }

    private void focusCounter() {
        if (mainWindow != null) {
            mainWindow.requestFocus();
        }
        search.requestFocus();
    }

    /**
     * The customer display lives as long as the main window shows this counter: it closes with the main
     * window, and when the window is rebuilt (another language, a restore), still remembered as open.
     */
    private void watchMainWindow(Scene scene) {
        if (mainWindow != null) {
            return;
        }
        if (scene.getWindow() == null) {
            scene.windowProperty().addListener(new InvalidationListener() {
                @Override
                public void invalidated(Observable o) {
                    scene.windowProperty().removeListener(this);
                    watchMainWindow(scene);
                }
            });
            return;
        }
        mainWindow = scene.getWindow();
        EventHandler<WindowEvent> hidden = e -> leave();
        mainWindow.addEventHandler(WindowEvent.WINDOW_HIDDEN, hidden);
        if (mainWindow instanceof Stage stage) {
            stage.sceneProperty().addListener(new InvalidationListener() {
                @Override
                public void invalidated(Observable o) {
                    if (stage.getScene() != scene) {
                        // the window now shows another scene: this counter is done, and lets go of the window
                        stage.sceneProperty().removeListener(this);
                        stage.removeEventHandler(WindowEvent.WINDOW_HIDDEN, hidden);
                        leave();
                    }
                }
            });
        }
        if (model.displayOpenProperty().get()) {
            showDisplay(true);
        }
    }

    public Node root() {
        return root;
    }

    /** The search box: global scan routing leaves keys typed here to the counter itself. */
    public TextField searchField() {
        return search;
    }

    private Node searchBar() {
        search.setId("counter-search");
        search.setPromptText(i18n.get("counter.search.prompt"));
        search.getStyleClass().addAll("counter-search", Styles.LARGE);
        search.textProperty().bindBidirectional(model.queryProperty());
        search.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (!e.getCharacter().isEmpty() && !Character.isISOControl(e.getCharacter().charAt(0))) {
                detector.onChar(e.getCharacter().charAt(0), System.nanoTime());
            }
        });
        FontIcon glass = new FontIcon(Feather.SEARCH);
        glass.getStyleClass().add("search-icon");
        HBox.setHgrow(search, Priority.ALWAYS);

        amount.setId("counter-amount");
        amount.setPromptText(i18n.get("counter.amount.prompt"));
        amount.getStyleClass().addAll("counter-amount", Styles.LARGE);
        amount.textProperty().bindBidirectional(model.amountProperty());
        amount.setOnAction(e -> {
            model.stamp();
            search.requestFocus();
        });

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("counter-busy");
        busy.getStyleClass().add("counter-busy");
        busy.visibleProperty().bind(model.busyProperty());

        Button enrol = new Button(i18n.get("counter.enrol"), new FontIcon(Feather.USER_PLUS));
        enrol.setId("counter-enrol");
        enrol.getStyleClass().addAll("counter-enrol", Styles.LARGE);
        enrol.setFocusTraversable(false);
        enrol.setOnAction(e -> model.openEnrol());
        enrol.setMinWidth(Region.USE_PREF_SIZE); // its key stays readable; the search box gives way

        Button display = new Button(null, new FontIcon(Feather.MONITOR));
        display.setId("counter-display");
        display.setTooltip(new Tooltip(i18n.get("counter.display")));
        display.getStyleClass().addAll("counter-display", Styles.LARGE, Styles.BUTTON_ICON);
        display.setFocusTraversable(false);
        display.setMinWidth(Region.USE_PREF_SIZE);
        display.setOnAction(e -> {
            model.toggleDisplay();
            search.requestFocus();
        });
        model.displayOpenProperty().addListener((obs, old, open) -> display.pseudoClassStateChanged(OPEN, open));

        HBox bar = new HBox(10, glass, search, amount, busy, enrol, display);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("search-bar");
        return bar;
    }

    private Node messageLine() {
        Label message = new Label();
        message.setId("counter-message");
        message.getStyleClass().add("counter-message");
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        model.toneProperty().addListener((obs, old, now) -> tone(message, now));
        tone(message, model.toneProperty().get());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }

    private static void tone(Label message, CounterViewModel.Tone tone) {
        message.getStyleClass().removeAll("tone-info", "tone-success", "tone-warning", "tone-danger");
        message.getStyleClass().add("tone-" + tone.name().toLowerCase(Locale.ROOT));
    }

    private Node body() {
        list.setId("counter-results");
        list.getStyleClass().add("counter-results");
        list.setItems(model.results());
        list.setFocusTraversable(false);
        list.setPlaceholder(new Label(""));
        list.setCellFactory(v -> new ResultCell());
        list.setOnMouseClicked(e -> {
            MemberRow row = list.getSelectionModel().getSelectedItem();
            if (row != null) {
                model.choose(row);
                search.requestFocus();
            }
        });
        model.results().addListener((ListChangeListener<MemberRow>) c -> {
            if (!model.results().isEmpty() && list.getSelectionModel().isEmpty()) {
                list.getSelectionModel().selectFirst();
            }
        });
        Button more = new Button(i18n.get("counter.more"));
        more.setId("counter-more");
        more.setFocusTraversable(false);
        more.setMaxWidth(Double.MAX_VALUE);
        more.visibleProperty().bind(model.moreResultsProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.setOnAction(e -> model.loadMore());
        VBox results = new VBox(6, list, more);
        VBox.setVgrow(list, Priority.ALWAYS);
        results.getStyleClass().add("results-column");
        results.visibleProperty().bind(Bindings.isNotEmpty(model.results()));
        results.managedProperty().bind(results.visibleProperty());

        StackPane panel = new StackPane();
        panel.getStyleClass().add("member-area");
        // beside the result list in a narrow window the (then dimmed) panel gives way and is cut at its edge,
        // rather than pushing the search bar out of the window
        panel.setMinWidth(0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(panel.widthProperty());
        clip.heightProperty().bind(panel.heightProperty());
        panel.setClip(clip);
        Label notice = detachedNotice();
        HBox.setHgrow(panel, Priority.ALWAYS);
        EnrolView form = new EnrolView(model.enrol(), i18n, model::saveEnrol, () -> {
            model.closeEnrol();
            search.requestFocus();
        });
        Runnable show = () -> {
            MemberPanel m = model.memberProperty().get();
            if (model.enrolOpenProperty().get()) {
                panel.getChildren().setAll(form.root());
                Platform.runLater(form::focus);
            } else {
                if (m == null) {
                    panel.getChildren().setAll(emptyPanel());
                } else {
                    panel.getChildren().setAll(memberPanel(m), notice);
                }
                search.requestFocus();
            }
        };
        model.memberProperty().addListener((obs, old, now) -> show.run());
        model.enrolOpenProperty().addListener((obs, old, now) -> show.run());
        show.run();
        HBox body = new HBox(16, results, panel);
        body.getStyleClass().add("counter-body");
        return body;
    }

    private Node emptyPanel() {
        FontIcon icon = new FontIcon(Feather.MAXIMIZE);
        icon.getStyleClass().add("placeholder-icon");
        Label hint = new Label(i18n.get("counter.hint"));
        hint.setId("counter-hint");
        hint.setWrapText(true);
        hint.setTextAlignment(TextAlignment.CENTER);
        hint.getStyleClass().addAll(Styles.TITLE_3, Styles.TEXT_MUTED);
        Label keys = new Label(i18n.get("counter.keys"));
        keys.setWrapText(true);
        keys.setTextAlignment(TextAlignment.CENTER);
        keys.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(16, icon, hint, keys);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(640);
        return box;
    }

    private Node memberPanel(MemberPanel m) {
        Label name = new Label(m.name());
        name.setId("member-name");
        name.getStyleClass().add("member-name");
        name.setWrapText(true);
        Label tier = new Label(model.tierText(m.tier()));
        tier.setId("member-tier");
        tier.setMinWidth(Region.USE_PREF_SIZE);
        tier.getStyleClass().addAll("tier-badge", "tier-" + m.tier().name().toLowerCase(Locale.ROOT));
        HBox head = new HBox(12, name, tier);
        head.setAlignment(Pos.CENTER_LEFT);
        if (m.birthdayToday()) {
            Label birthday = new Label(i18n.get("counter.birthday"), new FontIcon(Feather.GIFT));
            birthday.setId("member-birthday");
            birthday.getStyleClass().add("birthday");
            head.getChildren().add(birthday);
        }
        if (m.blocked()) {
            Label blocked = new Label(i18n.get("counter.memberBlocked"));
            blocked.setId("member-blocked");
            blocked.getStyleClass().addAll("tier-badge", "blocked");
            head.getChildren().add(blocked);
        }

        Label facts = new Label(model.visitsText(m) + " · " + model.lastVisitText(m)
                + (m.cardNumber() == null ? "" : " · " + i18n.get("counter.card", m.cardNumber())));
        facts.setId("member-facts");
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        facts.setWrapText(true);

        Label count = new Label(m.pointsMode() ? i18n.plural("counter.points", m.points())
                : i18n.get("counter.stampCount", CounterViewModel.stampsOnCard(m), m.stampsForReward()));
        count.setId("stamp-count");
        count.getStyleClass().add("stamp-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        HBox stamps = new HBox(20, count);
        if (!m.pointsMode()) {
            FlowPane card = stampCard(m);
            stamps.getChildren().add(card);
            HBox.setHgrow(card, Priority.ALWAYS);
        }
        stamps.setAlignment(Pos.CENTER_LEFT);

        Label rewards = new Label(model.rewardsText(m), new FontIcon(Feather.AWARD));
        rewards.setId("member-rewards");
        rewards.getStyleClass().add("rewards");
        // rewards ready (a full card, or more): loud, beside the next card's progress above
        rewards.pseudoClassStateChanged(FILLED, m.pointsMode() ? !m.affordable().isEmpty() : m.rewardsReady() > 0);
        rewards.setWrapText(true);

        VBox panel = new VBox(14, head, facts, stamps, rewards);
        String leftover = model.leftoverText(m);
        if (leftover != null) {
            Label earlier = new Label(leftover, new FontIcon(Feather.ARCHIVE));
            earlier.setId("member-leftover");
            earlier.getStyleClass().addAll("rewards", "leftover");
            earlier.pseudoClassStateChanged(FILLED, m.rewardsReady() > 0 || !m.affordable().isEmpty());
            earlier.setWrapText(true);
            panel.getChildren().add(earlier);
        }
        if (m.coupon() != null) {
            Label coupon = new Label(model.couponLine(m.coupon()), new FontIcon(Feather.TAG));
            coupon.setId("member-coupon");
            coupon.getStyleClass().addAll("rewards", "offer");
            coupon.pseudoClassStateChanged(FILLED, true);
            coupon.setWrapText(true);
            tappable(coupon, model::redeemCoupon);
            panel.getChildren().add(coupon);
        }
        if (m.birthdayReward() != null) {
            Label gift = new Label(i18n.get("counter.birthdayReward", m.birthdayReward()), new FontIcon(Feather.GIFT));
            gift.setId("member-birthday-reward");
            gift.getStyleClass().addAll("rewards", "offer");
            gift.pseudoClassStateChanged(FILLED, true);
            gift.setWrapText(true);
            tappable(gift, model::redeemBirthday);
            panel.getChildren().add(gift);
        }
        panel.getChildren().add(rewardChoice());
        if (m.note() != null && !m.note().isBlank()) {
            Label note = new Label(m.note(), new FontIcon(Feather.FILE_TEXT));
            note.setId("member-note");
            note.getStyleClass().add("member-note");
            note.setWrapText(true);
            panel.getChildren().add(note);
        }
        Region gap = new Region();
        VBox.setVgrow(gap, Priority.ALWAYS);
        panel.getChildren().add(gap);
        if (m.undoable() != null) {
            Label undoNext = new Label(i18n.get("counter.undoNext", model.undoableText(m.undoable())),
                    new FontIcon(Feather.ROTATE_CCW));
            undoNext.setId("member-undo");
            undoNext.getStyleClass().add(Styles.TEXT_MUTED);
            undoNext.setWrapText(true);
            panel.getChildren().add(undoNext);
        }
        panel.getChildren().addAll(survey.root(), actions(m));
        panel.setId("member-panel");
        panel.getStyleClass().add("member-panel");
        // the search box holds a new search: the last customer's panel fades and its keys do nothing
        panel.disableProperty().bind(model.onCounterProperty().not());
        panel.setMinWidth(0); // see the member area's clip
        return panel;
    }

    /** Over the faded panel of the last customer: how to choose a member again. */
    private Label detachedNotice() {
        Label notice = new Label(i18n.get("counter.detached"), new FontIcon(Feather.SEARCH));
        notice.setId("member-detached");
        notice.getStyleClass().add("detached-notice");
        notice.setWrapText(true);
        notice.visibleProperty().bind(model.onCounterProperty().not());
        StackPane.setAlignment(notice, Pos.CENTER);
        StackPane.setMargin(notice, new Insets(0, 24, 0, 24));
        return notice;
    }

    /** On a touchscreen an offer is taken by tapping it, as F7 / F8 take it from the keyboard. */
    private void tappable(Label offer, Runnable take) {
        offer.setCursor(Cursor.HAND);
        offer.setOnMouseClicked(e -> {
            take.run();
            search.requestFocus();
        });
    }

    /** Points mode: the rewards the member can afford, numbered for the digit keys, after the redeem key. */
    private Node rewardChoice() {
        VBox box = new VBox(4);
        box.setId("reward-choice");
        box.getStyleClass().add("reward-choice");
        Runnable fill = () -> {
            box.getChildren().clear();
            for (int i = 0; i < model.rewardChoices().size(); i++) {
                var r = model.rewardChoices().get(i);
                Label l = new Label(r.stampCard() ? i18n.get("counter.rewardChoice.card", i + 1, r.description())
                        : i18n.get("counter.rewardChoice", i + 1, r.description(), r.points().points()));
                l.setId("reward-choice-" + (i + 1));
                l.getStyleClass().add("reward-choice-item");
                l.pseudoClassStateChanged(PseudoClass.getPseudoClass("selected"), i == model.chosenRewardProperty().get());
                int number = i + 1;
                l.setOnMouseClicked(e -> {
                    model.pickReward(number);
                    search.requestFocus();
                });
                box.getChildren().add(l);
            }
        };
        model.rewardChoices().addListener((ListChangeListener<Object>) c -> fill.run());
        model.chosenRewardProperty().addListener((obs, old, now) -> fill.run());
        fill.run();
        box.visibleProperty().bind(Bindings.isNotEmpty(model.rewardChoices()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private FlowPane stampCard(MemberPanel m) {
        FlowPane card = new FlowPane(8, 8);
        card.setId("stamp-card");
        card.getStyleClass().add("stamp-card");
        int filled = CounterViewModel.stampsOnCard(m);
        int slots = Math.min(m.stampsForReward(), 30);
        for (int i = 0; i < slots; i++) {
            Circle c = new Circle(21);
            c.getStyleClass().add("stamp");
            c.pseudoClassStateChanged(FILLED, i < filled);
            card.getChildren().add(c);
        }
        card.setPrefWrapLength(10 * 50);
        return card;
    }

    private Node actions(MemberPanel m) {
        Button stamp = action("stamp", m.pointsMode() ? "counter.stamp.points" : "counter.stamp", Feather.CHECK_CIRCLE,
                model::stamp);
        stamp.getStyleClass().addAll(Styles.ACCENT, "stamp-button");
        String usual = stamp.getText();
        stamp.textProperty().bind(Bindings.when(model.repeatPendingProperty())
                .then(i18n.get("counter.stampAgain")).otherwise(usual));
        stamp.setDefaultButton(false);
        stamp.setDisable(m.blocked());
        Button redeem = action("redeem", "counter.redeem", Feather.GIFT, model::redeem);
        redeem.getStyleClass().add(Styles.SUCCESS);
        redeem.setDisable(m.blocked() || (m.rewardsReady() == 0 && m.affordable().isEmpty()));
        Button undo = action("undo", "counter.undo", Feather.ROTATE_CCW, model::undo);
        undo.setDisable(m.undoable() == null);
        Button print = action("print-card", "counter.printCard", Feather.PRINTER, () -> printCard(m));
        print.setDisable(m.cardNumber() == null || m.blocked());
        Button image = action("save-card", "counter.cardImage", Feather.IMAGE, () -> files.save(
                i18n.get("counter.cardImage"), i18n.get("counter.cardImage.file", m.cardNumber()), "png")
                .ifPresent(model::saveCardImage));
        image.setDisable(m.cardNumber() == null || m.blocked());
        // the card's buttons are secondary: icons with their words in a tooltip, so the three actions a
        // cashier uses all day keep their full labels in a 1024-pixel window
        for (Button b : List.of(print, image)) {
            b.setTooltip(new Tooltip(b.getText()));
            b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            b.getStyleClass().add("counter-card-action");
        }
        for (Button b : List.of(stamp, redeem, undo)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(10, stamp, redeem, undo, gap, print, image);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Prints the member's card; without a printer, offers it as a PDF. */
    private void printCard(MemberPanel m) {
        if (!model.printCard()) {
            files.save(i18n.get("counter.cardPdf"), i18n.get("counter.cardPdf.file", m.cardNumber()), "pdf")
                    .ifPresent(model::saveCardPdf);
        }
    }

    private Button action(String id, String key, Feather icon, Runnable command) {
        Button b = new Button(i18n.get(key), new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().add("counter-action");
        b.setFocusTraversable(false);
        b.setOnAction(e -> {
            command.run();
            search.requestFocus();
        });
        return b;
    }

    private void keys(KeyEvent e) {
        if (model.enrolOpenProperty().get()) {
            if (e.getCode() == KeyCode.ESCAPE) {
                model.closeEnrol();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                model.saveEnrol();
                e.consume();
            }
            return;
        }
        if (!model.rewardChoices().isEmpty()) {
            chooseReward(e);
            return;
        }
        switch (e.getCode()) {
            case F6 -> model.openEnrol();
            case F7 -> model.redeemCoupon();
            case F8 -> model.redeemBirthday();
            case F2 -> model.stamp();
            case F3 -> model.redeem();
            case F4 -> model.undo();
            case ESCAPE -> model.escape();
            case DOWN -> moveSelection(1);
            case UP -> moveSelection(-1);
            case ENTER -> {
                if (e.getTarget() == amount) {
                    return;
                }
                // a scan is the burst alone: a name half typed before the card was scanned is not part of it
                Optional<String> burst = detector.onEnter(System.nanoTime());
                if (burst.isPresent()) {
                    model.scanned(burst.get());
                } else {
                    model.submit(false, list.getSelectionModel().getSelectedItem());
                }
            }
            default -> {
                return;
            }
        }
        e.consume();
        if (e.getCode() != KeyCode.DOWN && e.getCode() != KeyCode.UP) {
            search.requestFocus();
        }
    }

    /** Keys while the reward choice is open: a digit picks, arrows move, Enter takes, Esc closes. */
    private void chooseReward(KeyEvent e) {
        KeyCode code = e.getCode();
        if (code.isDigitKey()) {
            swallowTyped = true; // the choice closes now; its character must not reach the search box
            int digit = code.getCode() - (code.isKeypadKey() ? KeyCode.NUMPAD0.getCode() : KeyCode.DIGIT0.getCode());
            model.pickReward(digit);
        } else if (code == KeyCode.DOWN) {
            model.moveReward(1);
        } else if (code == KeyCode.UP) {
            model.moveReward(-1);
        } else if (code == KeyCode.ENTER) {
            model.confirmReward();
        } else if (code == KeyCode.ESCAPE) {
            model.cancelReward();
        } else {
            return;
        }
        e.consume();
    }

    private void moveSelection(int step) {
        if (model.results().isEmpty()) {
            return;
        }
        int i = Math.max(0, Math.min(model.results().size() - 1, list.getSelectionModel().getSelectedIndex() + step));
        list.getSelectionModel().select(i);
        list.scrollTo(i);
    }

    /** A search result: the name, and what else identifies the person. */
    private final class ResultCell extends ListCell<MemberRow> {
        @Override
        protected void updateItem(MemberRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(row.name());
            name.getStyleClass().add("result-name");
            VBox lines = new VBox(2, name);
            // the card number on a line of its own, never cut; phone and e-mail after it
            if (row.cardNumber() != null) {
                Label card = new Label(row.cardNumber());
                card.getStyleClass().addAll("result-card", Styles.TEXT_SMALL);
                card.setMinWidth(Region.USE_PREF_SIZE);
                lines.getChildren().add(card);
            }
            String contact = Stream.of(row.phone(), row.email())
                    .filter(s -> s != null && !s.isBlank()).reduce((a, b) -> a + " · " + b).orElse("");
            if (!contact.isEmpty()) {
                Label more = new Label(contact);
                more.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                lines.getChildren().add(more);
            }
            setGraphic(lines);
            setText(null);
            setPrefWidth(0);
        }
    }
}
