package app.stempel.members;

import static app.stempel.members.MemberParts.orDash;

import java.util.function.Function;

import app.stempel.members.MemberDirectory.Profile;
import app.stempel.ui.I18n;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The profile's overview tab: the figures as tiles, the member's details, and export. */
final class MemberOverviewView {

    private final VBox root;
    private final MemberParts parts;
    private final I18n i18n;

    MemberOverviewView(MembersViewModel model, MemberParts parts, I18n i18n) {
        this.parts = parts;
        this.i18n = i18n;
        GridPane grid = MemberParts.form();
        int row = 0;
        row = fact(grid, row, "members.field.phone", "members-overview-phone", p -> orDash(p.phone()));
        row = fact(grid, row, "members.field.email", "members-overview-email", p -> orDash(p.email()));
        row = fact(grid, row, "members.field.birthday", "members-overview-birthday",
                p -> p.birthday() == null ? "—" : p.birthday().toString());
        row = fact(grid, row, "members.field.group", "members-overview-group", p -> p.groupName() == null
                ? i18n.get("members.group.none") : p.groupName());
        row = fact(grid, row, "members.field.note", "members-overview-note", p -> orDash(p.note()));
        row = fact(grid, row, "members.field.cards", "members-overview-cards", p -> String.join("\n",
                p.cards().stream().map(model::cardText).toList()));
        row = fact(grid, row, "members.field.enrolled", "members-overview-enrolled",
                p -> model.dateText(p.enrolledAt()));
        fact(grid, row, "members.field.merged", "members-overview-merged", p -> {
            if (p.mergedInto() != null) {
                return i18n.get("members.mergedInto", p.mergedInto().id(), model.displayName(p.mergedInto().name()));
            }
            return p.mergedFrom().isEmpty() ? "—" : String.join(", ", p.mergedFrom().stream()
                    .map(l -> i18n.get("members.mergedFrom", l.id(), model.displayName(l.name()))).toList());
        });

        FlowPane stats = new FlowPane(10, 10,
                stat("members-stat-stamps", "members.stat.stamps", p -> i18n.number(p.stamps())),
                stat("members-stat-points", "members.stat.points", p -> i18n.number(p.points())),
                stat("members-stat-rewards", "members.stat.rewards", p -> i18n.number(p.rewards())),
                stat("members-stat-visits", "members.stat.visits", p -> i18n.number(p.visits())),
                stat("members-stat-spend", "members.stat.spend", p -> model.moneyText(p.spendMinor())),
                stat("members-stat-first", "members.stat.firstVisit", p -> model.dateText(p.firstVisit())),
                stat("members-stat-last", "members.stat.lastVisit", p -> model.dateText(p.lastVisit())));
        Button export = parts.export("members-export", "members.export");
        export.disableProperty().bind(model.busyProperty());
        root = new VBox(14, stats, grid, export);
        root.setPadding(new Insets(12, 0, 0, 0));
    }

    Node root() {
        return root;
    }

    private Node stat(String id, String key, Function<Profile, String> value) {
        Label number = new Label();
        number.setId(id);
        number.getStyleClass().add(Styles.TITLE_4);
        number.textProperty().bind(parts.text(value));
        Label caption = new Label(i18n.get(key));
        caption.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox tile = new VBox(2, number, caption);
        tile.setPadding(new Insets(6, 12, 6, 12));
        tile.setStyle(null);
        tile.getStyleClass().add("member-stat");
        tile.setMinWidth(Region.USE_PREF_SIZE);
        return tile;
    }

    private int fact(GridPane grid, int row, String labelKey, String id, Function<Profile, String> value) {
        Label v = new Label();
        v.setId(id);
        v.setWrapText(true);
        v.textProperty().bind(parts.text(value));
        Label label = new Label(i18n.get(labelKey));
        label.getStyleClass().add(Styles.TEXT_MUTED);
        grid.addRow(row, label, v);
        return row + 1;
    }
}
