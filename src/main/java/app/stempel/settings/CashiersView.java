package app.stempel.settings;

import java.util.Objects;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import app.stempel.settings.CashierService.Staff;
import app.stempel.ui.Forms;
import app.stempel.ui.I18n;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The owner's list of cashiers beside a small form: add, rename, PIN, leaving. Binds to its view model. */
public final class CashiersView {

    private final HBox root;

    public CashiersView(CashiersViewModel model, I18n i18n) {
        Objects.requireNonNull(model);
        ListView<Staff> list = new ListView<>(model.staff());
        list.setId("cashiers-list");
        list.setPrefSize(260, 260);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Staff s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().remove(Styles.TEXT_MUTED);
                if (empty || s == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(s.name() + (s.active() ? "" : " · " + i18n.get("settings.cashiers.gone")));
                setGraphic(s.hasPin() ? new FontIcon(Feather.LOCK) : null);
                if (!s.active()) {
                    getStyleClass().add(Styles.TEXT_MUTED);
                }
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(now);
            }
        });

        TextField name = new TextField();
        name.setId("cashiers-name");
        name.textProperty().bindBidirectional(model.nameProperty());
        PasswordField pin = new PasswordField();
        pin.setId("cashiers-pin");
        pin.setPromptText(i18n.get("settings.cashiers.pinPrompt"));
        pin.textProperty().bindBidirectional(model.pinProperty());
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(10);
        form.addRow(0, new Label(i18n.get("settings.cashiers.name")), name);
        form.addRow(1, new Label(i18n.get("settings.cashiers.pin")), pin);

        Button add = button("cashiers-add", i18n.get("cashier.add"), Feather.USER_PLUS, model::add);
        Button rename = button("cashiers-rename", i18n.get("settings.cashiers.rename"), Feather.EDIT_2, model::rename);
        Button setPin = button("cashiers-set-pin", "", Feather.KEY, model::setPin);
        setPin.textProperty().bind(Bindings.when(model.pinProperty().isEmpty())
                .then(i18n.get("settings.cashiers.removePin")).otherwise(i18n.get("settings.cashiers.setPin")));
        Button leave = button("cashiers-leave", "", Feather.USER_X, model::toggleActive);
        leave.textProperty().bind(Bindings.createStringBinding(() -> {
            Staff s = model.selectedProperty().get();
            return i18n.get(s != null && !s.active() ? "settings.cashiers.comeBack" : "settings.cashiers.leave");
        }, model.selectedProperty()));
        var none = model.selectedProperty().isNull();
        rename.disableProperty().bind(none);
        setPin.disableProperty().bind(none);
        leave.disableProperty().bind(none);
        VBox buttons = new VBox(8, add, rename, setPin, leave);

        Label text = new Label(i18n.get("settings.cashiers.text"));
        text.setWrapText(true);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        Label message = Forms.outcome("cashiers-message", model.messageProperty(), model.failedProperty());
        VBox side = new VBox(14, text, form, buttons, message);
        side.setMaxWidth(420);
        root = new HBox(18, list, side);
        root.setAlignment(Pos.TOP_LEFT);
        root.setId("settings-cashiers");
        model.load();
    }

    private static Button button(String id, String text, Feather icon, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> action.run());
        return b;
    }

    public Node root() {
        return root;
    }
}
