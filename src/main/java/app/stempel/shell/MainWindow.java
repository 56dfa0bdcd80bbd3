package app.stempel.shell;

import app.stempel.ui.I18n;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import javafx.stage.Window;
import javafx.scene.layout.HBox;
import javafx.scene.control.PasswordField;
import javafx.application.Platform;
import javafx.animation.Timeline;
import javafx.animation.KeyFrame;
import javafx.animation.Animation;

/**
 * The main window's content: navigation on the left, the chosen screen in the middle, a status line at
 * the bottom, and a message bar for errors. Binds to {@link MainViewModel}; decides nothing itself.
 */
public final class MainWindow {

    private final MainViewModel<?> model;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final Map<Page, Node> pages = new EnumMap<>(Page.class);
    private final Runnable quit;
    private final ScreenFactory screens;

    public MainWindow(MainViewModel<?> model, I18n i18n, ScreenFactory screens, Runnable quit) {
        this.model = Objects.requireNonNull(model);
        this.i18n = Objects.requireNonNull(i18n);
        this.screens = Objects.requireNonNull(screens);
        this.quit = Objects.requireNonNull(quit);
        root.getStyleClass().add("main-window");
        root.setLeft(navigation());
        root.setCenter(centre());
        root.setBottom(statusLine());
    }

    public Parent root() {
        return root;
    }

    /** Ends owner mode at once. */
    public static final KeyCombination END_OWNER_MODE = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);

    /** Ctrl+1 … Ctrl+6 open the screens in navigation order. */
    public static KeyCombination shortcut(Page p) {
        return new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(p.ordinal() + 1)),
                KeyCombination.SHORTCUT_DOWN);
    }

    private Node navigation() {
        Label brand = new Label(i18n.get("app.title"), new FontIcon(Feather.AWARD));
        brand.getStyleClass().add("brand");
        VBox nav = new VBox(brand);
        nav.getStyleClass().add("navigation");
        ToggleGroup group = new ToggleGroup();
        for (Page p : Page.values()) {
            ToggleButton b = new ToggleButton(i18n.get(p.titleKey()), new FontIcon(p.icon()));
            if (p.ownerOnly()) {
                b.graphicProperty().bind(Bindings.createObjectBinding(
                        () -> new FontIcon(model.ownerOpenProperty().get() ? p.icon() : Feather.LOCK),
                        model.ownerOpenProperty()));
            }
            b.setId("nav-" + p.id());
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.getStyleClass().add("nav-button");
            b.setSelected(model.pageProperty().get() == p);
            b.setOnAction(e -> {
                model.select(p);
                b.setSelected(true);
            });
            model.pageProperty().addListener((obs, old, now) -> b.setSelected(now == p));
            b.disableProperty().bind(model.phaseProperty().isNotEqualTo(MainViewModel.Phase.READY));
            nav.getChildren().add(b);
        }
        return nav;
    }

    private Node centre() {
        Message banner = new Message(i18n.get("error.title"), "", new FontIcon(Feather.ALERT_TRIANGLE));
        banner.setId("error-banner");
        banner.getStyleClass().add(Styles.DANGER);
        model.problemProperty().addListener((obs, old, isProblem) -> {
            banner.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            banner.getStyleClass().add(isProblem ? Styles.DANGER : Styles.SUCCESS);
            banner.setTitle(i18n.get(isProblem ? "error.title" : "notice.title"));
        });
        banner.descriptionProperty().bind(model.errorProperty());
        banner.visibleProperty().bind(model.errorProperty().isNotEmpty()
                .and(model.phaseProperty().isNotEqualTo(MainViewModel.Phase.FAILED)));
        banner.managedProperty().bind(banner.visibleProperty());
        banner.setOnClose(e -> model.dismissError());

        StackPane content = new StackPane();
        content.getStyleClass().add("content");
        VBox.setVgrow(content, Priority.ALWAYS);
        Node opening = opening();
        Node failed = failed();
        Runnable show = () -> content.getChildren().setAll(switch (model.phaseProperty().get()) {
            case OPENING -> opening;
            case FAILED -> failed;
            case SETUP -> screens.setup();
            case CASHIER -> screens.cashierChoice();
            case READY -> {
                Page p = model.pageProperty().get();
                yield p.ownerOnly() && !model.ownerOpenProperty().get() ? locked(p)
                        : pages.computeIfAbsent(p, this::screen);
            }
        });
        model.phaseProperty().addListener((obs, old, now) -> show.run());
        model.pageProperty().addListener((obs, old, now) -> show.run());
        model.ownerOpenProperty().addListener((obs, old, open) -> {
            // screens that differ for the owner are made afresh: nothing the owner typed stays on show
            pages.keySet().removeIf(Page::dependsOnOwnerMode);
            show.run();
        });
        show.run();
        VBox centre = new VBox(banner, content);
        centre.getStyleClass().add("centre");
        return centre;
    }

    private Node opening() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("opening-progress");
        Label text = new Label(i18n.get("startup.opening"));
        VBox box = new VBox(16, spinner, text);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Node failed() {
        Label title = new Label(i18n.get("startup.failed"), new FontIcon(Feather.ALERT_OCTAGON));
        title.getStyleClass().addAll(Styles.TITLE_3, Styles.DANGER);
        Label text = new Label();
        text.setId("startup-error");
        text.textProperty().bind(model.errorProperty());
        text.setWrapText(true);
        text.setTextAlignment(TextAlignment.CENTER);
        text.setMaxWidth(560);
        Button quitButton = new Button(i18n.get("startup.quit"));
        quitButton.setId("quit");
        quitButton.setOnAction(e -> quit.run());
        Button restore = new Button(i18n.get("startup.restoreBackup"), new FontIcon(Feather.UPLOAD));
        restore.setId("restore-good-backup");
        restore.getStyleClass().add(Styles.ACCENT);
        restore.visibleProperty().bind(model.goodBackupProperty().isNotNull());
        // Enter restores when a good backup is offered, and quits otherwise
        restore.defaultButtonProperty().bind(restore.visibleProperty());
        quitButton.defaultButtonProperty().bind(restore.visibleProperty().not());
        restore.visibleProperty().addListener((obs, was, shown) -> (shown ? restore : quitButton).requestFocus());
        restore.managedProperty().bind(restore.visibleProperty());
        restore.setOnAction(e -> model.restoreGoodBackup());
        HBox buttons = new HBox(12, restore, quitButton);
        buttons.setAlignment(Pos.CENTER);
        VBox box = new VBox(16, title, text, buttons);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("startup-failed");
        return box;
    }

    /** An owner screen in cashier mode: what it is, and the owner's PIN to open it. */
    private Node locked(Page p) {
        FontIcon icon = new FontIcon(Feather.LOCK);
        icon.getStyleClass().add("placeholder-icon");
        Label title = new Label(i18n.get(p.titleKey()));
        title.getStyleClass().add(Styles.TITLE_2);
        Label text = new Label(i18n.get("owner.locked.text"));
        text.setWrapText(true);
        text.setTextAlignment(TextAlignment.CENTER);
        text.setMaxWidth(560);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        PasswordField pin = new PasswordField();
        pin.setId("owner-pin");
        pin.setPromptText(i18n.get("owner.pin.prompt"));
        pin.setPrefColumnCount(10);
        pin.setMaxWidth(200);
        Button unlock = new Button(i18n.get("owner.unlock"), new FontIcon(Feather.UNLOCK));
        unlock.setId("owner-unlock");
        unlock.setDefaultButton(true);
        Runnable submit = () -> {
            model.unlockOwner(pin.getText());
            pin.clear();
        };
        unlock.setOnAction(e -> submit.run());
        pin.setOnAction(e -> submit.run());
        unlock.disableProperty().bind(model.ownerBusyProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(model.ownerBusyProperty());
        HBox row = new HBox(10, pin, unlock, busy);
        row.setAlignment(Pos.CENTER);
        Label message = new Label();
        message.setId("owner-message");
        message.setWrapText(true);
        message.setMaxWidth(560);
        message.setTextAlignment(TextAlignment.CENTER);
        message.getStyleClass().add(Styles.DANGER);
        message.textProperty().bind(model.ownerMessageProperty());
        VBox box = new VBox(14, icon, title, text, row, message);
        box.setAlignment(Pos.CENTER);
        box.setId("owner-locked");
        box.getStyleClass().add("placeholder");
        Platform.runLater(pin::requestFocus);
        return box;
    }

    private Node screen(Page p) {
        Node built = screens.page(p);
        return built != null ? built : placeholder(p);
    }

    /** An honest "not built yet" screen saying what will be here. */
    private Node placeholder(Page p) {
        FontIcon icon = new FontIcon(p.icon());
        icon.getStyleClass().add("placeholder-icon");
        Label title = new Label(i18n.get(p.titleKey()));
        title.getStyleClass().add(Styles.TITLE_2);
        Label text = new Label(i18n.get(p.textKey()));
        text.setWrapText(true);
        text.setTextAlignment(TextAlignment.CENTER);
        text.setMaxWidth(560);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        Label soon = new Label(i18n.get("page.notYet"));
        soon.getStyleClass().addAll("pill", Styles.TEXT_SMALL);
        VBox box = new VBox(14, icon, title, text, soon);
        box.setAlignment(Pos.CENTER);
        box.setId("page-" + p.id());
        box.getStyleClass().add("placeholder");
        return box;
    }

    private Node statusLine() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        Label location = new Label();
        location.setId("location");
        location.textProperty().bind(model.locationProperty());
        location.setMinWidth(0);
        location.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        status.setMinWidth(Region.USE_PREF_SIZE);
        Button change = new Button(i18n.get("status.changeCashier"), new FontIcon(Feather.REPEAT));
        change.setId("change-cashier");
        change.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        change.setFocusTraversable(false);
        change.visibleProperty().bind(model.phaseProperty().isEqualTo(MainViewModel.Phase.READY));
        change.managedProperty().bind(change.visibleProperty());
        change.setOnAction(e -> model.changeCashier());
        Button endOwner = new Button(i18n.get("owner.end"), new FontIcon(Feather.LOCK));
        endOwner.setId("owner-end");
        endOwner.getStyleClass().addAll(Styles.SMALL, Styles.WARNING);
        endOwner.setFocusTraversable(false);
        endOwner.visibleProperty().bind(model.ownerOpenProperty()
                .and(model.phaseProperty().isEqualTo(MainViewModel.Phase.READY)));
        endOwner.managedProperty().bind(endOwner.visibleProperty());
        endOwner.setOnAction(e -> model.endOwnerMode());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox line = new HBox(12, status, change, endOwner, gap, location);
        Timeline idle = new Timeline();
        boolean[] shown = {false};
        idle.getKeyFrames().add(new KeyFrame(Duration.seconds(1), e -> {
            Window window = line.getScene() == null ? null : line.getScene().getWindow();
            if (window != null && window.isShowing()) {
                shown[0] = true;
            } else if (shown[0]) {
                idle.stop(); // this window was closed or replaced: stop, so it can be collected
                return;
            }
            model.checkOwner();
            model.backupIfDue();
        }));
        idle.setCycleCount(Animation.INDEFINITE);
        idle.play();
        line.getStyleClass().add("status-line");
        line.setAlignment(Pos.CENTER_LEFT);
        status.visibleProperty().bind(Bindings.isNotEmpty(status.textProperty()));
        return line;
    }
}
