package app.stempel.settings;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import app.stempel.settings.CashierService.Cashier;
import app.stempel.ui.I18n;
import app.stempel.ui.TaskRunner;
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

/**
 * "Who is at the till?": one big button per cashier (a cashier with a PIN types it), and a row where the
 * owner adds a cashier with the owner PIN. Every ledger entry then records the chosen cashier.
 */
public final class CashierChoiceView {

    private final VBox root;
    private final FlowPane names = new FlowPane(12, 12);
    private final CashierService cashiers;
    private final OwnerSession owner;
    private final TaskRunner tasks;
    private final Consumer<Cashier> onChosen;
    private final Label error = new Label();
    private final TextField newName = new TextField();
    private final PasswordField ownerPin = new PasswordField();
    private final PasswordField pin = new PasswordField();
    private final Label pinFor = new Label();
    private final HBox pinRow;
    private final I18n i18n;
    private Cashier asking;

    public CashierChoiceView(CashierService cashiers, OwnerSession owner, TaskRunner tasks, I18n i18n,
            Consumer<Cashier> onChosen) {
        this.cashiers = Objects.requireNonNull(cashiers);
        this.owner = Objects.requireNonNull(owner);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.onChosen = Objects.requireNonNull(onChosen);
        Label title = new Label(i18n.get("cashier.title"), new FontIcon(Feather.USER));
        title.getStyleClass().add(Styles.TITLE_2);
        names.setId("cashier-names");
        names.setAlignment(Pos.CENTER);

        pin.setId("cashier-pin");
        pin.setPrefColumnCount(8);
        pin.setOnAction(e -> checkPin());
        Button pinOk = new Button(i18n.get("cashier.pin.ok"));
        pinOk.setId("cashier-pin-ok");
        pinOk.setOnAction(e -> checkPin());
        pinRow = new HBox(10, pinFor, pin, pinOk);
        pinRow.setAlignment(Pos.CENTER);
        pinRow.setVisible(false);
        pinRow.managedProperty().bind(pinRow.visibleProperty());

        newName.setId("cashier-new");
        newName.setPromptText(i18n.get("cashier.new.prompt"));
        ownerPin.setId("cashier-owner-pin");
        ownerPin.setPromptText(i18n.get("owner.pin.prompt"));
        ownerPin.setPrefColumnCount(8);
        Button add = new Button(i18n.get("cashier.add"), new FontIcon(Feather.USER_PLUS));
        add.setId("cashier-add");
        add.setOnAction(e -> add());
        ownerPin.setOnAction(e -> add());
        Label addText = new Label(i18n.get("cashier.add.text"));
        addText.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        addText.setWrapText(true);
        HBox adding = new HBox(10, newName, ownerPin, add);
        adding.setAlignment(Pos.CENTER);
        error.setId("cashier-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        VBox addBox = new VBox(6, adding, addText);
        addBox.setAlignment(Pos.CENTER);
        root = new VBox(20, title, names, pinRow, error, addBox);
        root.setId("cashier-choice");
        root.setAlignment(Pos.CENTER);
        root.setMaxWidth(760);
        root.setMaxHeight(Region.USE_PREF_SIZE);
        refresh();
    }

    public Node root() {
        return root;
    }

    private void refresh() {
        tasks.run(cashiers::active, this::show, e -> error.setText(i18n.get("error.unexpected")));
    }

    private void show(List<Cashier> list) {
        names.getChildren().clear();
        for (Cashier c : list) {
            Button b = new Button(c.name(), c.hasPin() ? new FontIcon(Feather.LOCK) : null);
            b.getStyleClass().addAll("cashier-button", Styles.LARGE);
            b.setId("cashier-" + c.id());
            b.setOnAction(e -> choose(c));
            names.getChildren().add(b);
        }
        if (list.isEmpty()) {
            Label none = new Label(i18n.get("cashier.none"));
            none.getStyleClass().add(Styles.TEXT_MUTED);
            names.getChildren().add(none);
            newName.requestFocus();
        } else {
            names.getChildren().get(0).requestFocus();
        }
    }

    private void choose(Cashier c) {
        error.setText("");
        if (!c.hasPin()) {
            onChosen.accept(c);
            return;
        }
        asking = c;
        pinFor.setText(i18n.get("cashier.pin.for", c.name()));
        pin.clear();
        pinRow.setVisible(true);
        pin.requestFocus();
    }

    private void checkPin() {
        Cashier c = asking;
        if (c == null) {
            return;
        }
        String typed = pin.getText();
        tasks.run(() -> cashiers.pinMatches(c.id(), typed), ok -> {
            pin.clear();
            if (ok) {
                onChosen.accept(c);
            } else {
                error.setText(i18n.get("cashier.pin.wrong"));
                pin.requestFocus();
            }
        }, e -> error.setText(i18n.get("error.unexpected")));
    }

    /** The owner adds a cashier: owner mode opens for it and ends at once after. */
    private void add() {
        String n = newName.getText() == null ? "" : newName.getText().strip();
        if (n.isEmpty()) {
            error.setText(i18n.get("cashier.error.name"));
            return;
        }
        error.setText("");
        String typed = ownerPin.getText();
        tasks.run(() -> {
            OwnerSession.Attempt attempt = owner.unlock(typed);
            if (!(attempt instanceof OwnerSession.Attempt.Opened)) {
                return new Added(null, attempt);
            }
            try {
                return new Added(cashiers.add(n, null), attempt);
            } finally {
                owner.end();
            }
        }, added -> {
            ownerPin.clear();
            if (added.cashier() != null) {
                onChosen.accept(added.cashier());
            } else {
                error.setText(PinMessages.of(added.attempt(), i18n));
            }
        }, e -> error.setText(i18n.get("error.unexpected")));
    }

    private record Added(Cashier cashier, OwnerSession.Attempt attempt) {
    }
}
