package app.stempel.members;

import org.kordamp.ikonli.feather.Feather;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The profile's corrections tab: stamps and points to add or take off, with the reason. */
final class MemberAdjustView {

    private final VBox root;

    MemberAdjustView(MembersViewModel model, MemberParts parts) {
        MemberAdjustViewModel adjusting = model.adjustTab();
        TextField stamps = parts.field("members-adjust-stamps", adjusting.stampsProperty(),
                "members.adjust.stamps.prompt");
        TextField points = parts.field("members-adjust-points", adjusting.pointsProperty(),
                "members.adjust.points.prompt");
        TextField reason = parts.field("members-adjust-reason", adjusting.reasonProperty(),
                "members.adjust.reason.prompt");
        stamps.setPrefColumnCount(6);
        points.setPrefColumnCount(6);
        GridPane grid = MemberParts.form();
        grid.addRow(0, parts.label("members.adjust.stamps", stamps), stamps);
        grid.addRow(1, parts.label("members.adjust.points", points), points);
        grid.addRow(2, parts.label("members.adjust.reason", reason), reason);
        Button adjust = parts.button("members-adjust", "members.adjust", Feather.SLIDERS);
        adjust.getStyleClass().add(Styles.ACCENT);
        adjust.setOnAction(e -> adjusting.adjust());
        adjust.disableProperty().bind(model.busyProperty());
        root = new VBox(14, parts.text("members.adjust.text"), grid, adjust, parts.text("members.void.text"));
        root.setPadding(new Insets(12, 0, 0, 0));
        root.setMaxWidth(640);
        parts.disableWhenGone(root);
    }

    Node root() {
        return root;
    }
}
