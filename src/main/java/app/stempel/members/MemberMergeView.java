package app.stempel.members;

import static app.stempel.members.MemberParts.orDash;

import java.util.function.Function;

import org.kordamp.ikonli.feather.Feather;

import app.stempel.members.MemberDirectory.Profile;
import app.stempel.search.MemberSearch.MemberRow;
import app.stempel.ui.I18n;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The profile's merge tab: find the other record, see both side by side, merge after a confirmation. */
final class MemberMergeView {

    private final VBox root;
    private final MemberMergeViewModel merging;
    private final MemberParts parts;
    private final I18n i18n;

    MemberMergeView(MembersViewModel model, MemberParts parts, I18n i18n) {
        this.merging = model.mergeTab();
        this.parts = parts;
        this.i18n = i18n;
        TextField search = parts.field("members-merge-search", merging.queryProperty(), "members.merge.search.prompt");
        ListView<MemberRow> found = new ListView<>(merging.found());
        found.setId("members-merge-found");
        found.setCellFactory(v -> new MemberCell(model));
        found.setPrefHeight(150);
        found.setPlaceholder(new Label(""));
        found.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> merging.choose(now));

        GridPane sides = MemberParts.form();
        sides.setId("members-merge-sides");
        Label thisTitle = new Label(i18n.get("members.merge.this"));
        Label otherTitle = new Label(i18n.get("members.merge.other"));
        thisTitle.getStyleClass().add(Styles.TEXT_BOLD);
        otherTitle.getStyleClass().add(Styles.TEXT_BOLD);
        sides.addRow(0, new Label(), thisTitle, otherTitle);
        int row = 1;
        row = side(sides, row, "members.field.name", "name", p -> model.displayName(p.name()));
        row = side(sides, row, "members.field.phone", "phone", p -> orDash(p.phone()));
        row = side(sides, row, "members.field.email", "email", p -> orDash(p.email()));
        row = side(sides, row, "members.field.card", "card", p -> p.activeCard().orElse("—"));
        row = side(sides, row, "members.stat.stamps", "stamps", p -> i18n.number(p.stamps()));
        row = side(sides, row, "members.stat.visits", "visits", p -> i18n.number(p.visits()));
        side(sides, row, "members.stat.lastVisit", "last", p -> model.dateText(p.lastVisit()));
        sides.visibleProperty().bind(merging.otherProperty().isNotNull());

        Button merge = parts.button("members-merge", "members.merge", Feather.GIT_MERGE);
        merge.setOnAction(e -> merging.ask());
        merge.disableProperty().bind(merging.otherProperty().isNull().or(merging.askedProperty()));
        Button confirm = parts.button("members-merge-confirm", "members.merge.confirm", Feather.CHECK);
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.setOnAction(e -> merging.confirm());
        Button cancel = parts.button("members-merge-cancel", "members.cancel", null);
        cancel.setOnAction(e -> merging.cancel());
        for (Button b : new Button[] {confirm, cancel}) {
            b.visibleProperty().bind(merging.askedProperty());
            b.managedProperty().bind(b.visibleProperty());
        }
        HBox buttons = new HBox(10, merge, confirm, cancel);
        VBox left = new VBox(10, parts.text("members.merge.text"), search, found);
        left.setPrefWidth(300);
        left.setMinWidth(240);
        HBox both = new HBox(16, left, sides);
        root = new VBox(12, both, buttons);
        root.setPadding(new Insets(12, 0, 0, 0));
        parts.disableWhenGone(root);
    }

    Node root() {
        return root;
    }

    /** A row of the side-by-side view: this member's {@code value} beside the other record's. */
    private int side(GridPane grid, int row, String labelKey, String id, Function<Profile, String> value) {
        Label mine = new Label();
        mine.setId("members-merge-this-" + id);
        mine.textProperty().bind(parts.text(value));
        Label other = new Label();
        other.setId("members-merge-other-" + id);
        other.textProperty().bind(Bindings.createStringBinding(() -> merging.otherProperty().get() == null ? ""
                : value.apply(merging.otherProperty().get()), merging.otherProperty()));
        Label label = new Label(i18n.get(labelKey));
        label.getStyleClass().add(Styles.TEXT_MUTED);
        grid.addRow(row, label, mine, other);
        return row + 1;
    }
}
