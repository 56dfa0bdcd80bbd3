package app.stempel.members;

import org.kordamp.ikonli.feather.Feather;

import app.stempel.ui.I18n;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The profile's erase tab: export first if wanted, then erase after typing the name. */
final class MemberEraseView {

    private final VBox root;

    MemberEraseView(MembersViewModel model, MemberParts parts, I18n i18n) {
        MemberEraseViewModel erasing = model.eraseTab();
        Button export = parts.export("members-erase-export", "members.erase.exportFirst");
        Button erase = parts.button("members-erase", "members.erase", Feather.TRASH_2);
        erase.getStyleClass().add(Styles.DANGER);
        erase.setOnAction(e -> erasing.ask());
        erase.disableProperty().bind(erasing.askedProperty());

        Label ask = new Label();
        ask.setId("members-erase-ask");
        ask.setWrapText(true);
        ask.textProperty().bind(parts.text(p -> i18n.get("members.erase.ask", model.displayName(p.name()),
                MemberEraseViewModel.ERASE_WORD)));
        TextField typed = parts.field("members-erase-typed", erasing.typedProperty(), null);
        typed.setMaxWidth(320);
        Button confirm = parts.button("members-erase-confirm", "members.erase.confirm", Feather.TRASH_2);
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.disableProperty().bind(erasing.confirmedBinding().not());
        confirm.setOnAction(e -> erasing.confirm());
        Button cancel = parts.button("members-erase-cancel", "members.cancel", null);
        cancel.setOnAction(e -> erasing.cancel());
        VBox second = new VBox(10, ask, typed, new HBox(10, confirm, cancel));
        second.visibleProperty().bind(erasing.askedProperty());
        second.managedProperty().bind(second.visibleProperty());

        root = new VBox(14, parts.text("members.erase.text"), new HBox(10, export, erase), second);
        root.setPadding(new Insets(12, 0, 0, 0));
        root.setMaxWidth(640);
        parts.disableWhenGone(root);
    }

    Node root() {
        return root;
    }
}
