package app.stempel.cards;

import java.util.Objects;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import app.stempel.cards.CardsViewModel.Batch;
import app.stempel.search.MemberSearch.MemberRow;
import app.stempel.ui.FilePicker;
import app.stempel.ui.Forms;
import app.stempel.ui.I18n;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.collections.ObservableList;
import javafx.beans.property.ObjectProperty;

/** The Cards screen: the card's design beside its live preview, printing batches, and a new card for a lost one. */
public final class CardsView {

    private static final double PREVIEW_WIDTH = 400;

    private final BorderPane root;
    private final CardsViewModel model;
    private final I18n i18n;
    private final FilePicker files;

    public CardsView(CardsViewModel model, I18n i18n, FilePicker files) {
        this.model = Objects.requireNonNull(model);
        this.i18n = Objects.requireNonNull(i18n);
        this.files = Objects.requireNonNull(files);
        Label title = new Label(i18n.get("nav.cards"), new FontIcon(Feather.CREDIT_CARD));
        title.getStyleClass().add(Styles.TITLE_2);

        TabPane tabs = new TabPane(tab("cards-tab-design", "cards.design", Feather.EDIT_3, design()),
                tab("cards-tab-print", "cards.print", Feather.PRINTER, batch()),
                tab("cards-tab-lost", "cards.reissue", Feather.REFRESH_CW, lost()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox content = new VBox(12, title, tabs);
        content.setId("page-cards");
        content.getStyleClass().add("cards-page");

        Label message = Forms.outcome("cards-message", model.messageProperty(), model.failedProperty());
        Button pdfInstead = new Button(i18n.get("cards.savePdf"), new FontIcon(Feather.FILE_TEXT));
        pdfInstead.setId("cards-pdf-instead");
        pdfInstead.setOnAction(e -> savePdf());
        pdfInstead.visibleProperty().bind(model.noPrinterProperty());
        pdfInstead.managedProperty().bind(pdfInstead.visibleProperty());
        pdfInstead.setMinWidth(Region.USE_PREF_SIZE);
        HBox footer = new HBox(12, message, pdfInstead);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add("cards-footer");
        footer.visibleProperty().bind(model.messageProperty().isNotEmpty());
        footer.managedProperty().bind(footer.visibleProperty());

        root = new BorderPane(content);
        root.setBottom(footer);
        model.load();
    }

    public Node root() {
        return root;
    }

    private Node design() {
        ImageView preview = new ImageView();
        preview.setId("cards-preview");
        preview.setFitWidth(PREVIEW_WIDTH);
        preview.setPreserveRatio(true);
        preview.setSmooth(true);
        preview.imageProperty().bind(model.previewProperty());
        VBox card = new VBox(preview);
        card.getStyleClass().add("card-preview");
        card.setMinSize(PREVIEW_WIDTH, PREVIEW_WIDTH * CardRenderer.CARD_HEIGHT_MM / CardRenderer.CARD_WIDTH_MM);
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);

        TextField name = text("cards-design-name", "cards.design.name.prompt", 22);
        name.textProperty().bindBidirectional(model.shopNameProperty());
        TextField line = text("cards-design-line", "cards.design.line.prompt", 22);
        line.textProperty().bindBidirectional(model.lineProperty());
        ColorPicker panel = colour("cards-design-panel", model.panelColourProperty());
        ColorPicker text = colour("cards-design-text", model.textColourProperty());
        Button defaults = new Button(i18n.get("cards.design.defaultColours"));
        defaults.setId("cards-design-default-colours");
        defaults.getStyleClass().add(Styles.FLAT);
        defaults.setOnAction(e -> model.defaultColours());
        Label contrast = new Label(i18n.get("cards.design.lowContrast"), new FontIcon(Feather.ALERT_TRIANGLE));
        contrast.setId("cards-design-low-contrast");
        contrast.setWrapText(true);
        contrast.getStyleClass().add(Styles.WARNING);
        contrast.visibleProperty().bind(model.lowContrastProperty());
        contrast.managedProperty().bind(contrast.visibleProperty());

        Button logo = new Button(i18n.get("cards.design.logo.choose"), new FontIcon(Feather.IMAGE));
        logo.setId("cards-design-logo");
        logo.setOnAction(e -> files.open(i18n.get("cards.design.logo.choose"), "png", "jpg", "jpeg")
                .ifPresent(model::chooseLogo));
        Button noLogo = new Button(i18n.get("cards.design.logo.remove"));
        noLogo.setId("cards-design-logo-remove");
        noLogo.disableProperty().bind(model.hasLogoProperty().not());
        CheckBox member = new CheckBox(i18n.get("cards.design.memberName"));
        member.setId("cards-design-member-name");
        member.selectedProperty().bindBidirectional(model.memberNameProperty());
        member.setWrapText(true);
        CheckBox barcode = new CheckBox(i18n.get("cards.design.code128"));
        barcode.setId("cards-design-code128");
        barcode.selectedProperty().bindBidirectional(model.code128Property());
        barcode.setWrapText(true);
        noLogo.setOnAction(e -> model.removeLogo());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        form.addRow(row++, label("cards.design.name", name), name);
        form.addRow(row++, label("cards.design.line", line), line);
        form.addRow(row++, label("cards.design.panelColour", panel), panel);
        form.addRow(row++, label("cards.design.textColour", text), flow(text, defaults));
        form.add(contrast, 1, row++);
        form.addRow(row++, new Label(i18n.get("cards.design.logo")), flow(logo, noLogo));
        form.add(member, 0, row++, 2, 1);
        form.add(barcode, 0, row, 2, 1);
        form.disableProperty().bind(model.designLoadedProperty().not());

        FlowPane both = new FlowPane(24, 16, card, form);
        form.setPrefWidth(440);
        both.setAlignment(Pos.TOP_LEFT);
        return both;
    }

    private Node batch() {
        ToggleGroup which = new ToggleGroup();
        RadioButton all = radio(which, Batch.ALL, "cards-batch-all", "cards.batch.all");
        RadioButton today = radio(which, Batch.TODAY, "cards-batch-today", "cards.batch.today");
        RadioButton chosen = radio(which, Batch.CHOSEN, "cards-batch-chosen", "cards.batch.chosen");
        which.selectToggle(which.getToggles().stream().filter(t -> t.getUserData() == model.batchProperty().get())
                .findFirst().orElse(all));
        which.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.batchProperty().set((Batch) now.getUserData());
            }
        });
        model.batchProperty().addListener((obs, old, now) -> which.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(which::selectToggle));

        TextField search = text("cards-member-search", "cards.batch.search.prompt", 24);
        search.textProperty().bindBidirectional(model.memberQueryProperty());
        ListView<MemberRow> found = members("cards-found", model.found());
        search.setOnAction(e -> model.choose(found.getSelectionModel().getSelectedItem() != null
                ? found.getSelectionModel().getSelectedItem() : model.found().isEmpty() ? null : model.found().get(0)));
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !model.found().isEmpty()) {
                found.requestFocus();
                found.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        found.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                model.choose(found.getSelectionModel().getSelectedItem());
            }
        });
        found.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.choose(found.getSelectionModel().getSelectedItem());
                search.requestFocus();
            }
        });
        Button add = new Button(i18n.get("cards.batch.add"), new FontIcon(Feather.PLUS));
        add.setId("cards-add-member");
        add.disableProperty().bind(found.getSelectionModel().selectedItemProperty().isNull());
        add.setOnAction(e -> model.choose(found.getSelectionModel().getSelectedItem()));

        ListView<MemberRow> picked = members("cards-chosen", model.chosen());
        picked.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                model.unchoose(picked.getSelectionModel().getSelectedItem());
            }
        });
        Button remove = new Button(i18n.get("cards.batch.remove"), new FontIcon(Feather.X));
        remove.setId("cards-remove-member");
        remove.disableProperty().bind(picked.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> model.unchoose(picked.getSelectionModel().getSelectedItem()));
        Label count = new Label();
        count.setId("cards-chosen-count");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.plural("cards.batch.count", model.chosen().size()), model.chosen()));

        VBox left = new VBox(8, search, found, add);
        VBox right = new VBox(8, count, picked, remove);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox picker = new HBox(16, left, right);
        picker.setId("cards-member-picker");
        picker.visibleProperty().bind(model.batchProperty().isEqualTo(Batch.CHOSEN));
        picker.managedProperty().bind(picker.visibleProperty());

        CheckBox sheets = new CheckBox(i18n.get("cards.sheets"));
        sheets.setId("cards-sheets");
        sheets.selectedProperty().bindBidirectional(model.sheetsProperty());
        Button print = new Button(i18n.get("cards.printButton"), new FontIcon(Feather.PRINTER));
        print.setId("cards-print");
        print.getStyleClass().add(Styles.ACCENT);
        print.setOnAction(e -> model.print());
        Button pdf = new Button(i18n.get("cards.savePdf"), new FontIcon(Feather.FILE_TEXT));
        pdf.setId("cards-save-pdf");
        pdf.setOnAction(e -> savePdf());
        for (Button b : new Button[] {print, pdf}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.disableProperty().bind(model.busyProperty()
                    .or(model.batchProperty().isEqualTo(Batch.CHOSEN).and(Bindings.isEmpty(model.chosen()))));
        }
        ProgressBar progress = new ProgressBar();
        progress.setId("cards-progress");
        progress.setPrefWidth(220);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        FlowPane actions = new FlowPane(12, 10, print, pdf, progress);
        actions.setAlignment(Pos.CENTER_LEFT);

        return new VBox(14, new FlowPane(20, 8, all, today, chosen), picker, sheets, actions);
    }

    private Node lost() {
        TextField lost = text("cards-lost-number", "cards.reissue.prompt", 16);
        lost.textProperty().bindBidirectional(model.lostNumberProperty());
        lost.setOnAction(e -> model.reissue());
        Button reissue = new Button(i18n.get("cards.reissue.button"), new FontIcon(Feather.REFRESH_CW));
        reissue.setId("cards-reissue");
        reissue.disableProperty().bind(model.busyProperty());
        reissue.setOnAction(e -> model.reissue());
        reissue.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, lost, reissue);
        row.setAlignment(Pos.CENTER_LEFT);
        Label text = new Label(i18n.get("cards.reissue.text"));
        text.setWrapText(true);
        text.setMaxWidth(640);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(14, text, row);
    }

    private void savePdf() {
        files.save(i18n.get("cards.savePdf"), model.suggestedFileName(), "pdf").ifPresent(model::savePdf);
    }

    private Tab tab(String id, String key, Feather icon, Node content) {
        return Forms.tab(id, i18n.get(key), icon, content);
    }

    private Label label(String key, Node field) {
        Label l = new Label(i18n.get(key));
        l.setLabelFor(field);
        return l;
    }

    private TextField text(String id, String promptKey, int columns) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(i18n.get(promptKey));
        t.setPrefColumnCount(columns);
        return t;
    }

    private static ColorPicker colour(String id, ObjectProperty<Color> value) {
        ColorPicker picker = new ColorPicker();
        picker.setId(id);
        picker.valueProperty().bindBidirectional(value);
        picker.setMinWidth(Region.USE_PREF_SIZE);
        return picker;
    }

    private static FlowPane flow(Node... nodes) {
        FlowPane f = new FlowPane(8, 8, nodes);
        f.setAlignment(Pos.CENTER_LEFT);
        return f;
    }

    private RadioButton radio(ToggleGroup group, Batch value, String id, String key) {
        RadioButton r = new RadioButton(i18n.get(key));
        r.setId(id);
        r.setToggleGroup(group);
        r.setUserData(value);
        return r;
    }

    private ListView<MemberRow> members(String id, ObservableList<MemberRow> items) {
        ListView<MemberRow> list = new ListView<>(items);
        list.setId(id);
        list.setPrefHeight(170);
        list.setPlaceholder(new Label(""));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(MemberRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : i18n.get("cards.batch.member", row.name(), row.cardNumber()));
            }
        });
        return list;
    }
}
