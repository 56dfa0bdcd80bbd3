package app.stempel.ui;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

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
