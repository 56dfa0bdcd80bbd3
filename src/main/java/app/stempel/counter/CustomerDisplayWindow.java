package app.stempel.counter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import app.stempel.ui.I18n;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.scene.input.KeyEvent;
import javafx.scene.Node;
import javafx.event.Event;

/**
 * The customer display's own window. With a second screen it covers that screen (the first one that is
 * not the primary), undecorated and maximised; with one screen it is an ordinary 800 × 600 window on the
 * primary screen, which the person can move and resize, for a tablet-sized monitor placed beside the till.
 *
 * <p>Opening a window takes the keyboard focus on most desktops, and JavaFX cannot open one without it:
 * give {@link #show(Runnable)} a step that gives the focus back to the main window, so the next scan still
 * lands in the counter's search box.
 */
public final class CustomerDisplayWindow {

    /** The window's size when it shares the one screen with the main window. */
    public static final double WIDTH = 800;
    public static final double HEIGHT = 600;

    /** Where the window goes: its bounds, and whether it has a screen of its own (then undecorated). */
    record Placement(Rectangle2D bounds, boolean ownScreen) {
    }

    private final CustomerDisplayView view;
    private final I18n i18n;
    private final List<String> stylesheets;
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(false);
    private Stage stage;
    private Node keyTarget;
    private Runnable refocus = () -> { };

    /** @param stylesheets the main window's stylesheets; the display's own is added to them */
    public CustomerDisplayWindow(CustomerDisplayView view, I18n i18n, List<String> stylesheets) {
        this.view = Objects.requireNonNull(view);
        this.i18n = Objects.requireNonNull(i18n);
        this.stylesheets = List.copyOf(stylesheets);
    }

    /**
     * Keys typed while the display has the focus (someone tapped it, or moved its window) go to
     * {@code target}, the counter's search box, and {@code refocus} gives the main window the focus back: a
     * scan is never lost to the display.
     */
    public void forwardKeysTo(Node target, Runnable refocus) {
        this.keyTarget = Objects.requireNonNull(target);
        this.refocus = Objects.requireNonNull(refocus);
    }

    /** Opens the window, or brings it to the front if it is open. */
    public void show() {
        show(null);
    }

    /**
     * Opens the window, or brings it to the front if it is open.
     *
     * @param afterShow run once the window is showing, typically to give the focus back to the main window;
     *        null for nothing
     */
    public void show(Runnable afterShow) {
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            after(afterShow);
            return;
        }
        List<Rectangle2D> screens = new ArrayList<>();
        Screen.getScreens().forEach(s -> screens.add(s.getVisualBounds()));
        Placement at = placement(screens, Screen.getPrimary().getVisualBounds());

        Stage s = new Stage(at.ownScreen() ? StageStyle.UNDECORATED : StageStyle.DECORATED);
        s.setTitle(i18n.get("display.title"));
        // a fresh holder each time: the view's root leaves the last window's scene for it
        StackPane holder = new StackPane(view.root());
        Scene scene = new Scene(holder, at.bounds().getWidth(), at.bounds().getHeight());
        scene.getStylesheets().addAll(stylesheets);
        scene.getStylesheets().add(CustomerDisplayWindow.class.getResource("/counter/customer-display.css")
                .toExternalForm());
        s.setScene(scene);
        scene.addEventFilter(KeyEvent.ANY, e -> {
            if (keyTarget != null) {
                e.consume();
                Event.fireEvent(keyTarget, e.copyFor(keyTarget, keyTarget));
                refocus.run();
            }
        });
        s.setX(at.bounds().getMinX());
        s.setY(at.bounds().getMinY());
        if (at.ownScreen()) {
            s.setWidth(at.bounds().getWidth());
            s.setHeight(at.bounds().getHeight());
            s.setMaximized(true);
        } else {
            s.setMinWidth(320);
            s.setMinHeight(240);
        }
        s.showingProperty().addListener((obs, old, now) -> {
            if (s == stage) {
                showing.set(now);
            }
        });
        stage = s;
        s.show();
        after(afterShow);
    }

    /** Closes the window; nothing happens if it is closed. */
    public void close() {
        if (stage != null) {
            stage.close();
        }
    }

    public boolean isShowing() {
        return showing.get();
    }

    /** The window is open; turns false also when the person closes it with the window's own close button. */
    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    /** The window's stage while it is open, for tests. */
    Stage stage() {
        return stage;
    }

    private static void after(Runnable afterShow) {
        if (afterShow != null) {
            // after the window system has handled the new window's own focus
            Platform.runLater(afterShow);
        }
    }

    /**
     * Where the display goes: on the first of {@code screens} (their visual bounds) that is not the
     * {@code primary} one, covering it; otherwise a {@value #WIDTH} × {@value #HEIGHT} window in the middle
     * of the primary screen, smaller if the screen is.
     */
    static Placement placement(List<Rectangle2D> screens, Rectangle2D primary) {
        for (Rectangle2D s : screens) {
            if (!s.equals(primary)) {
                return new Placement(s, true);
            }
        }
        double w = Math.min(WIDTH, primary.getWidth());
        double h = Math.min(HEIGHT, primary.getHeight());
        return new Placement(new Rectangle2D(primary.getMinX() + (primary.getWidth() - w) / 2,
                primary.getMinY() + (primary.getHeight() - h) / 2, w, h), false);
    }
}
