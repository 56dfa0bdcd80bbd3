package app.stempel.members;

import java.util.Objects;

import app.stempel.search.MemberSearch.MemberRow;
import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import app.stempel.core.MemberStatus;

/** A member in a list: name and status, then card, phone and e-mail. */
final class MemberCell extends ListCell<MemberRow> {

    private final MembersViewModel model;

    MemberCell(MembersViewModel model) {
        this.model = Objects.requireNonNull(model);
    }

    @Override
    protected void updateItem(MemberRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        Label name = new Label(model.displayName(row.name()));
        name.getStyleClass().add(Styles.TEXT_BOLD);
        HBox top = new HBox(8, name);
        if (row.status() != MemberStatus.ACTIVE) {
            Label status = new Label(model.statusText(row.status()));
            status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
            top.getChildren().add(status);
        }
        StringBuilder detail = new StringBuilder(row.cardNumber() == null ? "" : row.cardNumber());
        for (String s : new String[] {row.phone(), row.email()}) {
            if (s != null && !s.isBlank()) {
                detail.append(detail.length() > 0 ? " · " : "").append(s);
            }
        }
        Label details = new Label(detail.toString());
        details.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        setText(null);
        setGraphic(new VBox(2, top, details));
    }
}
