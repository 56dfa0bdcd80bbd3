package app.stempel.members;

import java.util.function.Function;

import org.kordamp.ikonli.feather.Feather;

import app.stempel.members.MemberDirectory.HistoryRow;
import app.stempel.ui.I18n;
import atlantafx.base.theme.Styles;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The profile's history tab: every entry as a table row, more on demand, and voiding the entry chosen. */
final class MemberHistoryView {

    private final VBox root;
    private final I18n i18n;

    MemberHistoryView(MembersViewModel model, MemberParts parts, I18n i18n) {
        this.i18n = i18n;
        MemberHistoryViewModel history = model.historyTab();
        TableView<HistoryRow> table = new TableView<>(history.rows());
        table.setId("members-history");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(i18n.get("members.history.empty")));
        table.getColumns().add(column("members.history.id", 64, r -> "#" + r.id()));
        table.getColumns().add(column("members.history.when", 140, r -> history.timeText(r.at())));
        table.getColumns().add(column("members.history.what", 130, history::kindText));
        table.getColumns().add(column("members.history.change", 80, history::changeText));
        table.getColumns().add(column("members.history.amount", 100, history::amountText));
        table.getColumns().add(column("members.history.who", 120, history::whoText));
        table.getColumns().add(column("members.history.notes", 300, history::notesText));
        VBox.setVgrow(table, Priority.ALWAYS);
        Button more = parts.button("members-history-more", "members.more", Feather.CHEVRONS_DOWN);
        more.disableProperty().bind(history.moreProperty().not());
        more.setOnAction(e -> history.loadMore());

        TextField reason = parts.field("members-void-reason", history.voidReasonProperty(),
                "members.void.reason.prompt");
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button voidIt = parts.button("members-void", "members.void", Feather.X_CIRCLE);
        voidIt.getStyleClass().add(Styles.DANGER);
        voidIt.setOnAction(e -> history.voidEntry(table.getSelectionModel().getSelectedItem()));
        voidIt.disableProperty().bind(model.busyProperty());
        HBox voiding = new HBox(10, more, reason, voidIt);
        voiding.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(10, table, voiding);
        root.setPadding(new Insets(12, 0, 0, 0));
    }

    Node root() {
        return root;
    }

    private TableColumn<HistoryRow, String> column(String key, double width, Function<HistoryRow, String> value) {
        TableColumn<HistoryRow, String> c = new TableColumn<>(i18n.get(key));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 64));
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
