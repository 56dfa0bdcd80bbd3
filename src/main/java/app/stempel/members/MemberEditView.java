package app.stempel.members;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import app.stempel.members.MemberDirectory.Group;
import app.stempel.ui.I18n;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The profile's edit tab: the member's details as a form, and blocking. */
final class MemberEditView {

    private final VBox root;

    MemberEditView(MembersViewModel model, MemberParts parts, I18n i18n) {
        MemberEditViewModel edit = model.editTab();
        TextField name = parts.field("members-edit-name", edit.nameProperty(), null);
        TextField phone = parts.field("members-edit-phone", edit.phoneProperty(), null);
        TextField email = parts.field("members-edit-email", edit.emailProperty(), null);
        TextField birthday = parts.field("members-edit-birthday", edit.birthdayProperty(), "members.birthday.prompt");
        CheckBox consent = new CheckBox(i18n.get("members.field.consent"));
        consent.setId("members-edit-consent");
        consent.selectedProperty().bindBidirectional(edit.consentProperty());
        ComboBox<Group> group = new ComboBox<>(edit.groups());
        group.setId("members-edit-group");
        group.valueProperty().bindBidirectional(edit.groupProperty());
        group.setConverter(new StringConverter<>() {
            @Override
            public String toString(Group g) {
                return g == null || g == MemberEditViewModel.NO_GROUP ? i18n.get("members.group.none") : g.name();
            }

            @Override
            public Group fromString(String s) {
                return null;
            }
        });
        TextField note = parts.field("members-edit-note", edit.noteProperty(), null);

        GridPane grid = MemberParts.form();
        grid.addRow(0, parts.label("members.field.name", name), name);
        grid.addRow(1, parts.label("members.field.phone", phone), phone);
        grid.addRow(2, parts.label("members.field.email", email), email);
        grid.addRow(3, parts.label("members.field.birthday", birthday), birthday);
        grid.addRow(4, parts.label("members.field.group", group), group);
        grid.addRow(5, parts.label("members.field.note", note), note);
        grid.add(consent, 1, 6);

        Button save = parts.button("members-save", "members.save", Feather.CHECK);
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(false);
        save.setOnAction(e -> edit.save());
        Button block = new Button();
        block.setId("members-block");
        block.textProperty().bind(parts.text(p -> i18n.get(p.active() ? "members.block" : "members.unblock")));
        block.setGraphic(new FontIcon(Feather.SLASH));
        block.setOnAction(e -> edit.toggleBlocked());
        Label blockText = new Label(i18n.get("members.block.text"));
        blockText.setWrapText(true);
        blockText.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        HBox buttons = new HBox(10, save, block);
        root = new VBox(14, grid, buttons, blockText);
        root.disableProperty().bind(Bindings.createBooleanBinding(() -> model.profileProperty().get() == null
                || model.profileProperty().get().gone() || model.busyProperty().get(),
                model.profileProperty(), model.busyProperty()));
        root.setPadding(new Insets(12, 0, 0, 0));
        root.setMaxWidth(640);
    }

    Node root() {
        return root;
    }
}
