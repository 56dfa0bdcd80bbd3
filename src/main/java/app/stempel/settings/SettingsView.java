package app.stempel.settings;

import java.util.Objects;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import app.stempel.core.Language;
import app.stempel.ui.FilePicker;
import app.stempel.ui.Forms;
import app.stempel.ui.I18n;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.layout.GridPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TabPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.PasswordField;
import javafx.beans.property.StringProperty;
import javafx.beans.binding.Bindings;

/**
 * The settings screen, the owner's, in tabs: the shop (language, owner mode's idle time, how often the quick
 * survey asks, the owner's PIN),
 * the cashiers, backups (back up now, restore) and the data section (import and export) it is given.
 */
public final class SettingsView {

    private final VBox root;

    /**
     * @param cashiers the cashiers section
     * @param data the import and export section, shown last
     */
    public SettingsView(SettingsViewModel model, I18n i18n, FilePicker files, Node cashiers, Node data) {
        Objects.requireNonNull(model);
        Label title = new Label(i18n.get("nav.settings"), new FontIcon(Feather.SETTINGS));
        title.getStyleClass().add(Styles.TITLE_2);

        ComboBox<Language> language = Forms.languages("settings-language", i18n, model.languageProperty());
        Button apply = new Button(i18n.get("settings.language.apply"));
        apply.setId("settings-language-apply");
        apply.setOnAction(e -> model.applyLanguage());
        HBox languageRow = new HBox(10, new Label(i18n.get("setup.language")), language, apply);
        languageRow.setAlignment(Pos.CENTER_LEFT);

        Spinner<Integer> idle = new Spinner<>(AdminService.IDLE_MIN,
                AdminService.IDLE_MAX, model.idleMinutesProperty().get());
        idle.setId("settings-owner-idle");
        idle.setEditable(true);
        idle.setPrefWidth(90);
        idle.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.idleMinutesProperty().set(now);
            }
        });
        Button applyIdle = new Button(i18n.get("settings.owner.idle.apply"));
        applyIdle.setId("settings-owner-idle-apply");
        applyIdle.setOnAction(e -> model.applyIdleMinutes());
        HBox idleRow = new HBox(10, new Label(i18n.get("settings.owner.idle")), idle, applyIdle);
        idleRow.setAlignment(Pos.CENTER_LEFT);

        Node surveyRow = numberRow(i18n.get("settings.survey"), "settings-survey-days", model.surveyDaysProperty(),
                i18n.get("settings.survey.apply"), "settings-survey-apply", model::applySurveyDays);
        Node repeatRow = numberRow(i18n.get("settings.repeat"), "settings-repeat-minutes", model.repeatMinutesProperty(),
                i18n.get("settings.survey.apply"), "settings-repeat-apply", model::applyRepeatMinutes);

        Label pinTitle = new Label(i18n.get("settings.owner.pin"));
        pinTitle.getStyleClass().add(Styles.TITLE_4);
        GridPane pins = new GridPane();
        pins.setHgap(10);
        pins.setVgap(8);
        pins.addRow(0, new Label(i18n.get("settings.owner.pin.old")), pinField("settings-pin-old", model.oldPinProperty()));
        pins.addRow(1, new Label(i18n.get("settings.owner.pin.new")), pinField("settings-pin-new", model.newPinProperty()));
        pins.addRow(2, new Label(i18n.get("settings.owner.pin.again")), pinField("settings-pin-again", model.newPinAgainProperty()));
        Button changePin = new Button(i18n.get("settings.owner.pin.change"), new FontIcon(Feather.KEY));
        changePin.setId("settings-pin-change");
        changePin.setOnAction(e -> model.changePin());
        pins.add(changePin, 1, 3);
        VBox shop = new VBox(16, languageRow, idleRow, surveyRow, repeatRow, pinTitle, pins);

        Label backupsText = new Label(i18n.get("settings.backups.text"));
        backupsText.setWrapText(true);
        backupsText.getStyleClass().add(Styles.TEXT_MUTED);
        Button backup = new Button(i18n.get("settings.backup"), new FontIcon(Feather.DOWNLOAD));
        backup.setId("settings-backup");
        backup.setOnAction(e -> files.save(i18n.get("settings.backup"), model.suggestedBackupName(), "zip")
                .ifPresent(model::backupNow));
        Button restore = new Button(i18n.get("settings.restore"), new FontIcon(Feather.UPLOAD));
        restore.setId("settings-restore");
        restore.setOnAction(e -> files.open(i18n.get("settings.restore"), "zip").ifPresent(model::chooseRestore));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("settings-busy");
        busy.setPrefSize(24, 24);
        busy.visibleProperty().bind(model.busyProperty());
        HBox backupRow = new HBox(10, backup, restore, busy);
        backupRow.setAlignment(Pos.CENTER_LEFT);
        backup.disableProperty().bind(model.busyProperty());
        restore.disableProperty().bind(model.busyProperty());

        Label confirmText = new Label();
        confirmText.setId("settings-restore-question");
        confirmText.setWrapText(true);
        confirmText.textProperty().bind(Bindings.createStringBinding(
                () -> model.pendingRestoreProperty().get() == null ? ""
                        : i18n.get("settings.restore.confirm", model.pendingRestoreProperty().get().toString()),
                model.pendingRestoreProperty()));
        Button yes = new Button(i18n.get("settings.restore.yes"));
        yes.setId("settings-restore-yes");
        yes.getStyleClass().add(Styles.DANGER);
        yes.setOnAction(e -> model.confirmRestore());
        Button no = new Button(i18n.get("enrol.cancel"));
        no.setId("settings-restore-no");
        no.setOnAction(e -> model.cancelRestore());
        VBox confirm = new VBox(10, confirmText, new HBox(10, yes, no));
        confirm.getStyleClass().add("restore-confirm");
        confirm.visibleProperty().bind(model.pendingRestoreProperty().isNotNull());
        confirm.managedProperty().bind(confirm.visibleProperty());

        Label message = Forms.outcome("settings-message", model.messageProperty(), model.failedProperty());

        VBox backups = new VBox(16, backupsText, backupRow, confirm);
        TabPane tabs = new TabPane(
                Forms.tab("settings-tab-shop", i18n.get("settings.tab.shop"), Feather.HOME, shop),
                Forms.tab("settings-tab-cashiers", i18n.get("settings.tab.cashiers"), Feather.USERS, cashiers),
                Forms.tab("settings-tab-backups", i18n.get("settings.backups"), Feather.ARCHIVE, backups),
                Forms.tab("settings-tab-data", i18n.get("settings.tab.data"), Feather.FILE_TEXT, data));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root = new VBox(16, title, message, tabs);
        root.setId("page-settings");
        root.getStyleClass().add("settings-page");
        root.setMaxWidth(760);
    }

    /** A label, a short number field and its Save button; Enter in the field saves too. */
    private static Node numberRow(String label, String id, StringProperty value, String apply,
            String applyId, Runnable save) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(5);
        field.setMinWidth(Region.USE_PREF_SIZE);
        field.textProperty().bindBidirectional(value);
        field.setOnAction(e -> save.run());
        Button button = new Button(apply);
        button.setId(applyId);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> save.run());
        Label text = new Label(label);
        text.setWrapText(true);
        HBox row = new HBox(10, text, field, button);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static PasswordField pinField(String id, StringProperty value) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setPrefColumnCount(8);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    public Node root() {
        return root;
    }
}
