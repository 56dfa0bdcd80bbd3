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
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Who is at the till?": one big button per cashier, and a field to add oneself. Every ledger entry
 * then records the chosen cashier.
 */
public final class CashierChoiceView {

    private final VBox root;
    private final FlowPane names = new FlowPane(12, 12);
    private final CashierService cashiers;
    private final TaskRunner tasks;
    private final Consumer<Cashier> onChosen;
    private final Label error = new Label();
    private final TextField newName = new TextField();
    private final I18n i18n;

    public CashierChoiceView(CashierService cashiers, TaskRunner tasks, I18n i18n, Consumer<Cashier> onChosen) {
        this.cashiers = Objects.requireNonNull(cashiers);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.onChosen = Objects.requireNonNull(onChosen);
        Label title = new Label(i18n.get("cashier.title"), new FontIcon(Feather.USER));
        title.getStyleClass().add(Styles.TITLE_2);
        names.setId("cashier-names");
        names.setAlignment(Pos.CENTER);
        newName.setId("cashier-new");
        newName.setPromptText(i18n.get("cashier.new.prompt"));
        Button add = new Button(i18n.get("cashier.add"), new FontIcon(Feather.USER_PLUS));
        add.setId("cashier-add");
        add.setOnAction(e -> add(newName.getText()));
        newName.setOnAction(e -> add(newName.getText()));
        HBox adding = new HBox(10, newName, add);
        adding.setAlignment(Pos.CENTER);
        error.setId("cashier-error");
        error.getStyleClass().add(Styles.DANGER);
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        root = new VBox(20, title, names, adding, error);
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
            Button b = new Button(c.name());
            b.getStyleClass().addAll("cashier-button", Styles.LARGE);
            b.setId("cashier-" + c.id());
            b.setOnAction(e -> onChosen.accept(c));
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

    private void add(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            error.setText(i18n.get("cashier.error.name"));
            return;
        }
        error.setText("");
        tasks.run(() -> cashiers.add(n), onChosen, e -> error.setText(i18n.get("error.unexpected")));
    }
}
