package app.stempel.counter;

import java.util.Objects;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import app.stempel.ui.Forms;
import app.stempel.ui.I18n;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Region;

/** The enrolment form shown over the counter: Enter saves, Esc cancels. */
final class EnrolView {

    private final VBox root;
    private final TextField name = new TextField();

    EnrolView(EnrolViewModel model, I18n i18n, Runnable save, Runnable cancel) {
        Objects.requireNonNull(model);
        Label title = new Label(i18n.get("enrol.title"), new FontIcon(Feather.USER_PLUS));
        title.getStyleClass().add(Styles.TITLE_3);

        name.setId("enrol-name");
        name.textProperty().bindBidirectional(model.nameProperty());
        TextField phone = Forms.text("enrol-phone", model.phoneProperty());
        TextField email = Forms.text("enrol-email", model.emailProperty());
        TextField birthday = Forms.text("enrol-birthday", model.birthdayProperty());
        birthday.setPromptText(i18n.get("enrol.birthday.prompt"));
        TextField paper = Forms.text("enrol-paper", model.paperStampsProperty());
        paper.setPromptText("0");
        CheckBox consent = new CheckBox(i18n.get("enrol.consent"));
        consent.setId("enrol-consent");
        consent.selectedProperty().bindBidirectional(model.consentProperty());
        consent.setWrapText(true);

        GridPane grid = Forms.grid();
        Forms.row(grid, 0, i18n.get("enrol.name"), name);
        Forms.row(grid, 1, i18n.get("enrol.phone"), phone);
        Forms.row(grid, 2, i18n.get("enrol.email"), email);
        Forms.row(grid, 3, i18n.get("enrol.birthday"), birthday);
        Forms.row(grid, 4, i18n.get("enrol.paper"), paper);
        grid.add(consent, 1, 5);

        Label error = Forms.error("enrol-error", model.errorProperty());

        Button ok = new Button(i18n.get("enrol.save"), new FontIcon(Feather.CHECK));
        ok.setId("enrol-save");
        ok.getStyleClass().add(Styles.ACCENT);
        ok.setDefaultButton(true);
        ok.disableProperty().bind(model.savingProperty());
        ok.setOnAction(e -> save.run());
        Button no = new Button(i18n.get("enrol.cancel"));
        no.setId("enrol-cancel");
        no.setCancelButton(true);
        no.setOnAction(e -> cancel.run());
        HBox buttons = new HBox(10, ok, no);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        root = new VBox(16, title, grid, error, buttons);
        root.setId("enrol-form");
        root.getStyleClass().add("enrol-form");
        root.setMaxWidth(620);
        root.setMaxHeight(Region.USE_PREF_SIZE);
    }

    Node root() {
        return root;
    }

    void focus() {
        name.requestFocus();
        name.end();
    }


}
