package app.stempel.members;

import java.util.Objects;
import java.util.function.Function;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import app.stempel.members.MemberDirectory.Profile;
import app.stempel.ui.FilePicker;
import app.stempel.ui.I18n;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The small parts the Members screen's views share: forms, buttons, texts of the member shown, export. */
final class MemberParts {

    private final MembersViewModel model;
    private final I18n i18n;
    private final FilePicker files;

    MemberParts(MembersViewModel model, I18n i18n, FilePicker files) {
        this.model = Objects.requireNonNull(model);
        this.i18n = Objects.requireNonNull(i18n);
        this.files = Objects.requireNonNull(files);
    }

    /** A button that asks where to save the member's data, then exports it there. */
    Button export(String id, String key) {
        Button export = button(id, key, Feather.DOWNLOAD);
        export.setOnAction(e -> files.save(i18n.get("members.export"), model.exportFileName(), "csv")
                .ifPresent(model::export));
        return export;
    }

    /** Disables {@code n} while no member is shown or the one shown is merged or erased. */
    void disableWhenGone(Node n) {
        n.disableProperty().bind(Bindings.createBooleanBinding(() -> model.profileProperty().get() == null
                || model.profileProperty().get().gone(), model.profileProperty()));
    }

    /** {@code value} of the member shown, or empty while none is. */
    StringBinding text(Function<Profile, String> value) {
        return Bindings.createStringBinding(() -> model.profileProperty().get() == null ? ""
                : value.apply(model.profileProperty().get()), model.profileProperty());
    }

    /** A muted paragraph explaining a tab. */
    Label text(String key) {
        Label l = new Label(i18n.get(key));
        l.setWrapText(true);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, values);
        return grid;
    }

    Label label(String key, Node field) {
        Label l = new Label(i18n.get(key));
        l.setLabelFor(field);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    TextField field(String id, StringProperty property, String promptKey) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(property);
        if (promptKey != null) {
            f.setPromptText(i18n.get(promptKey));
        }
        return f;
    }

    Button button(String id, String key, Feather icon) {
        Button b = new Button(i18n.get(key), icon == null ? null : new FontIcon(icon));
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
