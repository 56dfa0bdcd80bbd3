package app.stempel.members;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import app.stempel.search.MemberSearch.MemberRow;
import app.stempel.ui.I18n;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The list of members: search as you type, open one, more on demand. */
final class MemberListView {

    private final VBox root;

    MemberListView(MembersViewModel model, MemberParts parts, I18n i18n) {
        MemberListViewModel list = model.list();
        Label title = new Label(i18n.get("nav.members"), new FontIcon(Feather.USERS));
        title.getStyleClass().add(Styles.TITLE_2);
        TextField search = new TextField();
        search.setId("members-search");
        search.setPromptText(i18n.get("members.search.prompt"));
        search.textProperty().bindBidirectional(list.queryProperty());
        HBox.setHgrow(search, Priority.ALWAYS);

        ListView<MemberRow> members = new ListView<>(list.members());
        members.setId("members-list");
        members.setCellFactory(v -> new MemberCell(model));
        members.setPlaceholder(new Label(i18n.get("members.list.empty")));
        VBox.setVgrow(members, Priority.ALWAYS);
        Runnable openSelected = () -> {
            MemberRow row = members.getSelectionModel().getSelectedItem();
            if (row != null) {
                model.open(row.id());
            }
        };
        members.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected.run();
            }
        });
        members.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected.run();
            }
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !list.members().isEmpty()) {
                members.requestFocus();
                members.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        Button open = parts.button("members-open", "members.open", Feather.USER);
        open.disableProperty().bind(members.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> openSelected.run());
        Button more = parts.button("members-more", "members.more", Feather.CHEVRONS_DOWN);
        more.disableProperty().bind(list.moreProperty().not());
        more.setOnAction(e -> list.loadMore());
        Label shown = new Label();
        shown.setId("members-shown");
        shown.getStyleClass().add(Styles.TEXT_MUTED);
        shown.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.plural("members.shown", list.members().size()), list.members()));
        HBox buttons = new HBox(10, open, more, shown);
        buttons.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(12, title, search, members, buttons);
    }

    Node root() {
        return root;
    }
}
