package app.stempel.members;

import java.util.Objects;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import app.stempel.ui.FilePicker;
import app.stempel.ui.Forms;
import app.stempel.ui.I18n;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Members screen: the list of members (search, more on demand), and in its place a member's profile
 * with tabs for the overview, editing, the history (with voiding), corrections, merging and erasure, each
 * built by its own view; the screen's message sits below both.
 */
public final class MembersView {

    private final BorderPane root;
    private final MembersViewModel model;
    private final I18n i18n;
    private final MemberParts parts;

    public MembersView(MembersViewModel model, I18n i18n, FilePicker files) {
        this.model = Objects.requireNonNull(model);
        this.i18n = Objects.requireNonNull(i18n);
        this.parts = new MemberParts(model, i18n, Objects.requireNonNull(files));

        Node list = new MemberListView(model, parts, i18n).root();
        Node profile = profile();
        list.visibleProperty().bind(model.profileProperty().isNull());
        profile.visibleProperty().bind(model.profileProperty().isNotNull());
        StackPane pages = new StackPane(list, profile);
        pages.setId("page-members");

        Label message = Forms.outcome("members-message", model.messageProperty(), model.failedProperty());
        BorderPane.setMargin(message, new Insets(8, 0, 0, 0));

        root = new BorderPane(pages);
        root.setBottom(message);
        model.reload();
    }

    public Node root() {
        return root;
    }

    /** The member's name and status above the six tabs; the first tab is shown for each member opened. */
    private Node profile() {
        Button back = parts.button("members-back", "members.back", Feather.ARROW_LEFT);
        back.getStyleClass().add(Styles.FLAT);
        back.setOnAction(e -> model.close());
        Label name = new Label();
        name.setId("members-profile-name");
        name.getStyleClass().add(Styles.TITLE_3);
        name.textProperty().bind(parts.text(p -> model.displayName(p.name())));
        Label status = new Label();
        status.setId("members-profile-status");
        status.textProperty().bind(parts.text(p -> model.statusText(p.status())));
        status.getStyleClass().add(Styles.TEXT_MUTED);
        HBox header = new HBox(12, back, name, status);
        header.setAlignment(Pos.CENTER_LEFT);

        TabPane tabs = new TabPane(
                tab("members-tab-overview", "members.tab.overview", Feather.USER,
                        new MemberOverviewView(model, parts, i18n).root()),
                tab("members-tab-edit", "members.tab.edit", Feather.EDIT_3,
                        new MemberEditView(model, parts, i18n).root()),
                tab("members-tab-history", "members.tab.history", Feather.LIST,
                        new MemberHistoryView(model, parts, i18n).root()),
                tab("members-tab-correct", "members.tab.correct", Feather.SLIDERS,
                        new MemberAdjustView(model, parts).root()),
                tab("members-tab-merge", "members.tab.merge", Feather.GIT_MERGE,
                        new MemberMergeView(model, parts, i18n).root()),
                tab("members-tab-erase", "members.tab.erase", Feather.TRASH_2,
                        new MemberEraseView(model, parts, i18n).root()));
        tabs.setId("members-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        model.profileProperty().addListener((obs, old, now) -> {
            if (now == null || old == null || old.id() != now.id()) {
                tabs.getSelectionModel().selectFirst();
            }
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);
        return new VBox(8, header, tabs);
    }

    private Tab tab(String id, String key, Feather icon, Node content) {
        // the tab sets its content's disable, so content that binds its own sits inside a holder
        VBox holder = new VBox(content);
        VBox.setVgrow(content, Priority.ALWAYS);
        Tab t = new Tab(i18n.get(key), holder);
        t.setId(id);
        t.setGraphic(new FontIcon(icon));
        return t;
    }
}
