package app.stempel.settings;

import java.util.Objects;
import java.util.function.Consumer;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import app.stempel.core.Language;
import app.stempel.ui.Forms;
import app.stempel.ui.I18n;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.application.Platform;

/** The first-run wizard's one page. */
public final class SetupView {

    private final VBox root;

    public SetupView(SetupViewModel model, I18n i18n, Consumer<Language> onDone) {
        Objects.requireNonNull(model);
        Label title = new Label(i18n.get("setup.title"), new FontIcon(Feather.AWARD));
        title.getStyleClass().add(Styles.TITLE_2);
        Label intro = new Label(i18n.get("setup.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);

        TextField shop = Forms.text("setup-shop", model.shopNameProperty());
        ComboBox<String> currency = new ComboBox<>();
        currency.setId("setup-currency");
        currency.setEditable(true);
        currency.getItems().setAll(SetupViewModel.CURRENCIES);
        currency.valueProperty().bindBidirectional(model.currencyProperty());
        ComboBox<Language> language = Forms.languages("setup-language", i18n, model.languageProperty());
        TextField stamps = Forms.text("setup-stamps", model.stampsProperty());
        stamps.setPrefColumnCount(4);
        TextField reward = Forms.text("setup-reward", model.rewardProperty());
        PasswordField pin = new PasswordField();
        pin.setId("setup-pin");
        pin.textProperty().bindBidirectional(model.pinProperty());
        PasswordField pinAgain = new PasswordField();
        pinAgain.setId("setup-pin-again");
        pinAgain.textProperty().bindBidirectional(model.pinAgainProperty());
        TextField cashier = Forms.text("setup-cashier", model.cashierProperty());

        GridPane grid = Forms.grid();
        int row = 0;
        Forms.row(grid, row++, i18n.get("setup.shop"), shop);
        Forms.row(grid, row++, i18n.get("setup.currency"), currency);
        Forms.row(grid, row++, i18n.get("setup.language"), language);
        Forms.row(grid, row++, i18n.get("setup.stamps"), stamps);
        Forms.row(grid, row++, i18n.get("setup.reward"), reward);
        Forms.row(grid, row++, i18n.get("setup.pin"), pin);
        Forms.row(grid, row++, i18n.get("setup.pinAgain"), pinAgain);
        Forms.row(grid, row, i18n.get("setup.cashier"), cashier);

        Label error = Forms.error("setup-error", model.errorProperty());

        ProgressBar progress = new ProgressBar();
        progress.setId("setup-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());

        Button start = new Button(i18n.get("setup.start"), new FontIcon(Feather.CHECK));
        start.setId("setup-start");
        start.getStyleClass().add(Styles.ACCENT);
        start.setDefaultButton(true);
        start.disableProperty().bind(model.busyProperty());
        start.setOnAction(e -> model.start(onDone));
        Button demo = new Button(i18n.get("setup.demo"), new FontIcon(Feather.PLAY));
        demo.setId("setup-demo");
        demo.disableProperty().bind(model.busyProperty());
        demo.setOnAction(e -> model.startWithDemo(onDone));
        HBox buttons = new HBox(12, demo, start);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        root = new VBox(16, title, intro, grid, error, progress, buttons);
        root.setId("setup");
        root.getStyleClass().add("setup");
        root.setMaxWidth(680);
        root.setMaxHeight(Region.USE_PREF_SIZE);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                Platform.runLater(shop::requestFocus);
            }
        });
    }

    public Node root() {
        return root;
    }


}
