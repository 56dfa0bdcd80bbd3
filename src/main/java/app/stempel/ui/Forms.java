package app.stempel.ui;

import app.stempel.core.Language;
import atlantafx.base.theme.Styles;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.feather.Feather;
import javafx.scene.layout.VBox;
import javafx.scene.control.Tab;
import javafx.scene.control.ScrollPane;
import javafx.geometry.Insets;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableBooleanValue;

/** The pieces every form is made of: labelled rows, bound text fields, an error line. */
public final class Forms {

    private Forms() {
    }

    /** A grid of label and input columns; the inputs take the spare width. */
    public static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(10);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), inputs);
        return grid;
    }

    /** A text field bound both ways to {@code value}. */
    public static TextField text(String id, StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    /** Adds a row: the label never shrinks, so no language's words are cut. */
    public static void row(GridPane grid, int row, String label, Node input) {
        Label l = new Label(label);
        l.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(l, 0, row);
        grid.add(input, 1, row);
    }

    /** A choice of the four languages, each named in its own language, bound both ways to {@code value}. */
    public static ComboBox<Language> languages(String id, I18n i18n, ObjectProperty<Language> value) {
        ComboBox<Language> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(Language.values());
        box.valueProperty().bindBidirectional(value);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Language l) {
                return l == null ? "" : i18n.get(switch (l) {
                    case ENGLISH -> "language.en";
                    case POLISH -> "language.pl";
                    case NORWEGIAN -> "language.nb";
                    case RUSSIAN -> "language.ru";
                });
            }

            @Override
            public Language fromString(String s) {
                return null;
            }
        });
        return box;
    }

    /**
     * The outcome of the last action: green, or red while {@code failed}; taking no room while empty.
     */
    public static Label outcome(String id, ObservableStringValue message,
            ObservableBooleanValue failed) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(message);
        label.getStyleClass().add(failed.get() ? Styles.DANGER : Styles.SUCCESS);
        failed.addListener((obs, old, now) -> {
            label.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            label.getStyleClass().add(now ? Styles.DANGER : Styles.SUCCESS);
        });
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** A tab whose content scrolls if the window is too small for it. */
    public static Tab tab(String id, String text, Feather icon,
            Node content) {
        VBox box = new VBox(content);
        box.setPadding(new Insets(16, 16, 16, 4));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        Tab tab = new Tab(text, scroll);
        tab.setId(id);
        tab.setGraphic(new FontIcon(icon));
        return tab;
    }

    /** A red line showing {@code message}, taking no room while it is empty. */
    public static Label error(String id, ReadOnlyStringProperty message) {
        Label error = new Label();
        error.setId(id);
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(message);
        error.visibleProperty().bind(message.isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }
}
