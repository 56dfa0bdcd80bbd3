package app.stempel.members;

import java.util.Objects;
import java.util.function.Function;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import app.stempel.search.MemberSearch.MemberRow;
import app.stempel.members.MemberDirectory.Group;
import app.stempel.members.MemberDirectory.HistoryRow;
import app.stempel.members.MemberDirectory.Profile;
import app.stempel.ui.Forms;
import app.stempel.ui.FilePicker;
import app.stempel.ui.I18n;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Members screen: the list of members (search, more on demand), and in its place a member's profile
 * with tabs for the overview, editing, the history (with voiding), corrections, merging and erasure.
 */
public final class MembersView {

    private final BorderPane root;
    private final MembersViewModel model;
    private final I18n i18n;
    private final FilePicker files;

    public MembersView(MembersViewModel model, I18n i18n, FilePicker files) {
        this.model = Objects.requireNonNull(model);
        this.i18n = Objects.requireNonNull(i18n);
        this.files = Objects.requireNonNull(files);

        Node list = list();
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

    // ---- the list

    private Node list() {
        Label title = new Label(i18n.get("nav.members"), new FontIcon(Feather.USERS));
        title.getStyleClass().add(Styles.TITLE_2);
        TextField search = new TextField();
        search.setId("members-search");
        search.setPromptText(i18n.get("members.search.prompt"));
        search.textProperty().bindBidirectional(model.queryProperty());
        HBox.setHgrow(search, Priority.ALWAYS);

        ListView<MemberRow> members = new ListView<>(model.members());
        members.setId("members-list");
        members.setCellFactory(v -> new MemberCell());
        members.setPlaceholder(new Label(i18n.get("members.list.empty")));
        VBox.setVgrow(members, Priority.ALWAYS);
        members.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected(members);
            }
        });
        members.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected(members);
            }
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !model.members().isEmpty()) {
                members.requestFocus();
                members.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        Button open = button("members-open", "members.open", Feather.USER);
        open.disableProperty().bind(members.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> openSelected(members));
        Button more = button("members-more", "members.more", Feather.CHEVRONS_DOWN);
        more.disableProperty().bind(model.moreProperty().not());
        more.setOnAction(e -> model.loadMore());
        Label shown = new Label();
        shown.setId("members-shown");
        shown.getStyleClass().add(Styles.TEXT_MUTED);
        shown.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.plural("members.shown", model.members().size()), model.members()));
        HBox buttons = new HBox(10, open, more, shown);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(12, title, search, members, buttons);
        return box;
    }

    private void openSelected(ListView<MemberRow> list) {
        MemberRow row = list.getSelectionModel().getSelectedItem();
        if (row != null) {
            model.open(row.id());
        }
    }

    /** A member in a list: name and status, then card, phone and e-mail. */
    private final class MemberCell extends ListCell<MemberRow> {
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
            if (!"ACTIVE".equals(row.status())) {
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

    // ---- the profile

    private Node profile() {
        Button back = button("members-back", "members.back", Feather.ARROW_LEFT);
        back.getStyleClass().add(Styles.FLAT);
        back.setOnAction(e -> model.close());
        Label name = new Label();
        name.setId("members-profile-name");
        name.getStyleClass().add(Styles.TITLE_3);
        name.textProperty().bind(text(p -> model.displayName(p.name())));
        Label status = new Label();
        status.setId("members-profile-status");
        status.textProperty().bind(text(p -> model.statusText(p.status())));
        status.getStyleClass().add(Styles.TEXT_MUTED);
        HBox header = new HBox(12, back, name, status);
        header.setAlignment(Pos.CENTER_LEFT);

        TabPane tabs = new TabPane(
                tab("members-tab-overview", "members.tab.overview", Feather.USER, overview()),
                tab("members-tab-edit", "members.tab.edit", Feather.EDIT_3, edit()),
                tab("members-tab-history", "members.tab.history", Feather.LIST, history()),
                tab("members-tab-correct", "members.tab.correct", Feather.SLIDERS, correct()),
                tab("members-tab-merge", "members.tab.merge", Feather.GIT_MERGE, merge()),
                tab("members-tab-erase", "members.tab.erase", Feather.TRASH_2, erase()));
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

    private Node overview() {
        GridPane grid = form();
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
        row = fact(grid, row, "members.field.enrolled", "members-overview-enrolled", p -> model.dateText(p.enrolledAt()));
        row = fact(grid, row, "members.field.merged", "members-overview-merged", p -> {
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
        Button export = button("members-export", "members.export", Feather.DOWNLOAD);
        export.setOnAction(e -> files.save(i18n.get("members.export"), model.exportFileName(), "csv")
                .ifPresent(model::export));
        export.disableProperty().bind(model.busyProperty());
        VBox box = new VBox(14, stats, grid, export);
        box.setPadding(new Insets(12, 0, 0, 0));
        return box;
    }

    private Node stat(String id, String key, Function<Profile, String> value) {
        Label number = new Label();
        number.setId(id);
        number.getStyleClass().add(Styles.TITLE_4);
        number.textProperty().bind(text(value));
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
        v.textProperty().bind(text(value));
        Label label = new Label(i18n.get(labelKey));
        label.getStyleClass().add(Styles.TEXT_MUTED);
        grid.addRow(row, label, v);
        return row + 1;
    }

    private Node edit() {
        TextField name = field("members-edit-name", model.nameProperty(), null);
        TextField phone = field("members-edit-phone", model.phoneProperty(), null);
        TextField email = field("members-edit-email", model.emailProperty(), null);
        TextField birthday = field("members-edit-birthday", model.birthdayProperty(), "members.birthday.prompt");
        CheckBox consent = new CheckBox(i18n.get("members.field.consent"));
        consent.setId("members-edit-consent");
        consent.selectedProperty().bindBidirectional(model.consentProperty());
        ComboBox<Group> group = new ComboBox<>(model.groups());
        group.setId("members-edit-group");
        group.valueProperty().bindBidirectional(model.groupProperty());
        group.setConverter(new StringConverter<>() {
            @Override
            public String toString(Group g) {
                return g == null || g == MembersViewModel.NO_GROUP ? i18n.get("members.group.none") : g.name();
            }

            @Override
            public Group fromString(String s) {
                return null;
            }
        });
        TextField note = field("members-edit-note", model.noteProperty(), null);

        GridPane grid = form();
        grid.addRow(0, label("members.field.name", name), name);
        grid.addRow(1, label("members.field.phone", phone), phone);
        grid.addRow(2, label("members.field.email", email), email);
        grid.addRow(3, label("members.field.birthday", birthday), birthday);
        grid.addRow(4, label("members.field.group", group), group);
        grid.addRow(5, label("members.field.note", note), note);
        grid.add(consent, 1, 6);

        Button save = button("members-save", "members.save", Feather.CHECK);
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(false);
        save.setOnAction(e -> model.save());
        Button block = new Button();
        block.setId("members-block");
        block.textProperty().bind(text(p -> i18n.get(p.active() ? "members.block" : "members.unblock")));
        block.setGraphic(new FontIcon(Feather.SLASH));
        block.setOnAction(e -> model.toggleBlocked());
        Label blockText = new Label(i18n.get("members.block.text"));
        blockText.setWrapText(true);
        blockText.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        HBox buttons = new HBox(10, save, block);
        VBox box = new VBox(14, grid, buttons, blockText);
        box.disableProperty().bind(Bindings.createBooleanBinding(() -> model.profileProperty().get() == null
                || model.profileProperty().get().gone() || model.busyProperty().get(),
                model.profileProperty(), model.busyProperty()));
        box.setPadding(new Insets(12, 0, 0, 0));
        box.setMaxWidth(640);
        return box;
    }

    private Node history() {
        TableView<HistoryRow> table = new TableView<>(model.history());
        table.setId("members-history");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(i18n.get("members.history.empty")));
        table.getColumns().add(column("members.history.id", 64, r -> "#" + r.id()));
        table.getColumns().add(column("members.history.when", 140, r -> model.timeText(r.at())));
        table.getColumns().add(column("members.history.what", 130, model::kindText));
        table.getColumns().add(column("members.history.change", 80, model::changeText));
        table.getColumns().add(column("members.history.amount", 100, model::amountText));
        table.getColumns().add(column("members.history.who", 120, model::whoText));
        table.getColumns().add(column("members.history.notes", 300, model::notesText));
        VBox.setVgrow(table, Priority.ALWAYS);
        Button more = button("members-history-more", "members.more", Feather.CHEVRONS_DOWN);
        more.disableProperty().bind(model.moreHistoryProperty().not());
        more.setOnAction(e -> model.loadMoreHistory());

        TextField reason = field("members-void-reason", model.voidReasonProperty(), "members.void.reason.prompt");
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button voidIt = button("members-void", "members.void", Feather.X_CIRCLE);
        voidIt.getStyleClass().add(Styles.DANGER);
        voidIt.setOnAction(e -> model.voidEntry(table.getSelectionModel().getSelectedItem()));
        voidIt.disableProperty().bind(model.busyProperty());
        HBox voiding = new HBox(10, more, reason, voidIt);
        voiding.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, table, voiding);
        box.setPadding(new Insets(12, 0, 0, 0));
        return box;
    }

    private TableColumn<HistoryRow, String> column(String key, double width, Function<HistoryRow, String> value) {
        TableColumn<HistoryRow, String> c = new TableColumn<>(i18n.get(key));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 64));
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private Node correct() {
        TextField stamps = field("members-adjust-stamps", model.adjustStampsProperty(), "members.adjust.stamps.prompt");
        TextField points = field("members-adjust-points", model.adjustPointsProperty(), "members.adjust.points.prompt");
        TextField reason = field("members-adjust-reason", model.adjustReasonProperty(), "members.adjust.reason.prompt");
        stamps.setPrefColumnCount(6);
        points.setPrefColumnCount(6);
        GridPane grid = form();
        grid.addRow(0, label("members.adjust.stamps", stamps), stamps);
        grid.addRow(1, label("members.adjust.points", points), points);
        grid.addRow(2, label("members.adjust.reason", reason), reason);
        Button adjust = button("members-adjust", "members.adjust", Feather.SLIDERS);
        adjust.getStyleClass().add(Styles.ACCENT);
        adjust.setOnAction(e -> model.adjust());
        adjust.disableProperty().bind(model.busyProperty());
        VBox box = new VBox(14, text("members.adjust.text"), grid, adjust, text("members.void.text"));
        box.setPadding(new Insets(12, 0, 0, 0));
        box.setMaxWidth(640);
        disableWhenGone(box);
        return box;
    }

    private Node merge() {
        TextField search = field("members-merge-search", model.mergeQueryProperty(), "members.merge.search.prompt");
        ListView<MemberRow> found = new ListView<>(model.mergeFound());
        found.setId("members-merge-found");
        found.setCellFactory(v -> new MemberCell());
        found.setPrefHeight(150);
        found.setPlaceholder(new Label(""));
        found.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.chooseMerge(now));

        GridPane sides = form();
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
        sides.visibleProperty().bind(model.mergeOtherProperty().isNotNull());

        Button merge = button("members-merge", "members.merge", Feather.GIT_MERGE);
        merge.setOnAction(e -> model.askMerge());
        merge.disableProperty().bind(model.mergeOtherProperty().isNull().or(model.mergeAskedProperty()));
        Button confirm = button("members-merge-confirm", "members.merge.confirm", Feather.CHECK);
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.setOnAction(e -> model.confirmMerge());
        Button cancel = button("members-merge-cancel", "members.cancel", null);
        cancel.setOnAction(e -> model.cancelMerge());
        for (Button b : new Button[] {confirm, cancel}) {
            b.visibleProperty().bind(model.mergeAskedProperty());
            b.managedProperty().bind(b.visibleProperty());
        }
        HBox buttons = new HBox(10, merge, confirm, cancel);
        VBox left = new VBox(10, text("members.merge.text"), search, found);
        left.setPrefWidth(300);
        left.setMinWidth(240);
        HBox both = new HBox(16, left, sides);
        VBox box = new VBox(12, both, buttons);
        box.setPadding(new Insets(12, 0, 0, 0));
        disableWhenGone(box);
        return box;
    }

    private int side(GridPane grid, int row, String labelKey, String id, Function<Profile, String> value) {
        Label mine = new Label();
        mine.setId("members-merge-this-" + id);
        mine.textProperty().bind(text(value));
        Label other = new Label();
        other.setId("members-merge-other-" + id);
        other.textProperty().bind(Bindings.createStringBinding(() -> model.mergeOtherProperty().get() == null ? ""
                : value.apply(model.mergeOtherProperty().get()), model.mergeOtherProperty()));
        Label label = new Label(i18n.get(labelKey));
        label.getStyleClass().add(Styles.TEXT_MUTED);
        grid.addRow(row, label, mine, other);
        return row + 1;
    }

    private Node erase() {
        Button export = button("members-erase-export", "members.erase.exportFirst", Feather.DOWNLOAD);
        export.setOnAction(e -> files.save(i18n.get("members.export"), model.exportFileName(), "csv")
                .ifPresent(model::export));
        Button erase = button("members-erase", "members.erase", Feather.TRASH_2);
        erase.getStyleClass().add(Styles.DANGER);
        erase.setOnAction(e -> model.askErase());
        erase.disableProperty().bind(model.eraseAskedProperty());

        Label ask = new Label();
        ask.setId("members-erase-ask");
        ask.setWrapText(true);
        ask.textProperty().bind(text(p -> i18n.get("members.erase.ask", model.displayName(p.name()),
                MembersViewModel.ERASE_WORD)));
        TextField typed = field("members-erase-typed", model.eraseTypedProperty(), null);
        typed.setMaxWidth(320);
        Button confirm = button("members-erase-confirm", "members.erase.confirm", Feather.TRASH_2);
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.disableProperty().bind(model.eraseConfirmedBinding().not());
        confirm.setOnAction(e -> model.confirmErase());
        Button cancel = button("members-erase-cancel", "members.cancel", null);
        cancel.setOnAction(e -> model.cancelErase());
        VBox second = new VBox(10, ask, typed, new HBox(10, confirm, cancel));
        second.visibleProperty().bind(model.eraseAskedProperty());
        second.managedProperty().bind(second.visibleProperty());

        VBox box = new VBox(14, text("members.erase.text"), new HBox(10, export, erase), second);
        box.setPadding(new Insets(12, 0, 0, 0));
        box.setMaxWidth(640);
        disableWhenGone(box);
        return box;
    }

    // ---- small parts

    private void disableWhenGone(Node n) {
        n.disableProperty().bind(Bindings.createBooleanBinding(() -> model.profileProperty().get() == null
                || model.profileProperty().get().gone(), model.profileProperty()));
    }

    private javafx.beans.binding.StringBinding text(Function<Profile, String> value) {
        return Bindings.createStringBinding(() -> model.profileProperty().get() == null ? ""
                : value.apply(model.profileProperty().get()), model.profileProperty());
    }

    private Label text(String key) {
        Label l = new Label(i18n.get(key));
        l.setWrapText(true);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, values);
        return grid;
    }

    private Label label(String key, Node field) {
        Label l = new Label(i18n.get(key));
        l.setLabelFor(field);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private TextField field(String id, javafx.beans.property.StringProperty property, String promptKey) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(property);
        if (promptKey != null) {
            f.setPromptText(i18n.get(promptKey));
        }
        return f;
    }

    private Button button(String id, String key, Feather icon) {
        Button b = new Button(i18n.get(key), icon == null ? null : new FontIcon(icon));
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
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
