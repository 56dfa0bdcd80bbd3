package app.stempel.settings;

import java.util.Objects;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import app.stempel.settings.CashierService.Cashier;
import app.stempel.ui.I18n;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.binding.Bindings;

/**
 * "Who is at the till?": one big button per cashier (a cashier with a PIN types it), and a row where the
 * owner adds a cashier with the owner PIN. Every ledger entry then records the chosen cashier.
 */
public final class CashierChoiceView {

    private final VBox root;
    private final FlowPane names = new FlowPane(12, 12);
    private final CashierChoiceViewModel model;
    private final PasswordField pin = new PasswordField();
    private final I18n i18n;

    public CashierChoiceView(CashierChoiceViewModel model, I18n i18n) {
        this.model = Objects.requireNonNull(model);
        this.i18n = Objects.requireNonNull(i18n);
        Label title = new Label(i18n.get("cashier.title"), new FontIcon(Feather.USER));
        title.getStyleClass().add(Styles.TITLE_2);
        names.setId("cashier-names");
        names.setAlignment(Pos.CENTER);

        pin.setId("cashier-pin");
        pin.setPrefColumnCount(8);
        pin.textProperty().bindBidirectional(model.pinProperty());
        pin.setOnAction(e -> model.checkPin());
        Button pinOk = new Button(i18n.get("cashier.pin.ok"));
        pinOk.setId("cashier-pin-ok");
        pinOk.setOnAction(e -> model.checkPin());
        Label pinFor = new Label();
        pinFor.textProperty().bind(Bindings.createStringBinding(() -> model.askingProperty().get() == null
                ? "" : i18n.get("cashier.pin.for", model.askingProperty().get().name()), model.askingProperty()));
        HBox pinRow = new HBox(10, pinFor, pin, pinOk);
        pinRow.setAlignment(Pos.CENTER);
        pinRow.visibleProperty().bind(model.askingProperty().isNotNull());
        pinRow.managedProperty().bind(pinRow.visibleProperty());
        model.askingProperty().addListener((obs, old, now) -> {
            if (now != null) {
                pin.requestFocus();
            }
        });

        TextField newName = new TextField();
        newName.setId("cashier-new");
        newName.setPromptText(i18n.get("cashier.new.prompt"));
        newName.textProperty().bindBidirectional(model.newNameProperty());
        PasswordField ownerPin = new PasswordField();
        ownerPin.setId("cashier-owner-pin");
        ownerPin.setPromptText(i18n.get("owner.pin.prompt"));
        ownerPin.setPrefColumnCount(8);
        ownerPin.textProperty().bindBidirectional(model.ownerPinProperty());
        Button add = new Button(i18n.get("cashier.add"), new FontIcon(Feather.USER_PLUS));
        add.setId("cashier-add");
        add.setOnAction(e -> model.add());
        ownerPin.setOnAction(e -> model.add());
        Label addText = new Label(i18n.get("cashier.add.text"));
        addText.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        addText.setWrapText(true);
        HBox adding = new HBox(10, newName, ownerPin, add);
        adding.setAlignment(Pos.CENTER);
        Label error = new Label();
        error.setId("cashier-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        VBox addBox = new VBox(6, adding, addText);
        addBox.setAlignment(Pos.CENTER);
        root = new VBox(20, title, names, pinRow, error, addBox);
        root.setId("cashier-choice");
        root.setAlignment(Pos.CENTER);
        root.setMaxWidth(760);
        root.setMaxHeight(Region.USE_PREF_SIZE);
        model.loadedProperty().addListener((obs, was, loaded) -> show(newName));
        model.errorProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty() && model.askingProperty().get() != null) {
                pin.requestFocus();
            }
        });
        model.load();
    }

    public Node root() {
        return root;
    }

    private void show(TextField newName) {
        names.getChildren().clear();
        for (Cashier c : model.active()) {
            Button b = new Button(c.name(), c.hasPin() ? new FontIcon(Feather.LOCK) : null);
            b.getStyleClass().addAll("cashier-button", Styles.LARGE);
            b.setId("cashier-" + c.id());
            b.setOnAction(e -> model.choose(c));
            names.getChildren().add(b);
        }
        if (model.active().isEmpty()) {
            Label none = new Label(i18n.get("cashier.none"));
            none.getStyleClass().add(Styles.TEXT_MUTED);
            names.getChildren().add(none);
            newName.requestFocus();
        } else {
            names.getChildren().get(0).requestFocus();
        }
    }
}
