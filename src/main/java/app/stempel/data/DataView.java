package app.stempel.data;

import java.util.Objects;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import app.stempel.data.CsvImport.Kind;
import app.stempel.data.ExportViewModel.What;
import app.stempel.ui.FilePicker;
import app.stempel.ui.Forms;
import app.stempel.ui.I18n;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Import and export on the settings page: a section of buttons, and the import preview, which takes
 * the page's place while an import is open.
 */
public final class DataView {

    private final ImportViewModel imports;
    private final VBox section;
    private final ImportView importView;

    public DataView(ImportViewModel imports, ExportViewModel exports, I18n i18n, FilePicker files) {
        this.imports = Objects.requireNonNull(imports);
        Objects.requireNonNull(exports);
        Label title = new Label(i18n.get("data.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Label text = new Label(i18n.get("data.text"));
        text.setWrapText(true);
        text.getStyleClass().add(Styles.TEXT_MUTED);

        Button importMembers = button("data-import-members", i18n.get("data.importMembers"), Feather.USER_PLUS);
        importMembers.setOnAction(e -> files.open(i18n.get("data.importMembers"), "csv", "txt")
                .ifPresent(f -> imports.open(Kind.MEMBERS, f)));
        Button importVisits = button("data-import-visits", i18n.get("data.importVisits"), Feather.CALENDAR);
        importVisits.setOnAction(e -> files.open(i18n.get("data.importVisits"), "csv", "txt")
                .ifPresent(f -> imports.open(Kind.VISITS, f)));
        FlowPane importRow = new FlowPane(10, 10, importMembers, importVisits);

        Button exportMembers = exportButton("data-export-members", "data.exportMembers", What.MEMBERS, exports, i18n,
                files);
        Button exportVisits = exportButton("data-export-visits", "data.exportVisits", What.VISITS, exports, i18n, files);
        Button exportLedger = exportButton("data-export-ledger", "data.exportLedger", What.LEDGER, exports, i18n, files);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("data-busy");
        busy.setPrefSize(24, 24);
        busy.visibleProperty().bind(exports.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        FlowPane exportRow = new FlowPane(10, 10, exportMembers, exportVisits, exportLedger, busy);
        exportRow.setAlignment(Pos.CENTER_LEFT);

        Label message = Forms.outcome("data-message", exports.messageProperty(), exports.failedProperty());

        section = new VBox(12, title, text, importRow, exportRow, message);
        section.setId("settings-data");
        importView = new ImportView(imports, i18n);
    }

    /** The section of the settings page. */
    public Node section() {
        return section;
    }

    /**
     * {@code page} in a scroll pane, replaced by the import preview while an import is open; this is
     * what the window shows.
     */
    public Node around(Node page) {
        StackPane centred = new StackPane(page);
        centred.setAlignment(Pos.TOP_CENTER);
        centred.getStyleClass().add("settings-scroll-content");
        ScrollPane scroll = new ScrollPane(centred);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        Node preview = importView.root();
        StackPane both = new StackPane(scroll, preview);
        Runnable swap = () -> {
            boolean open = imports.stageProperty().get() != ImportViewModel.Stage.CLOSED;
            scroll.setVisible(!open);
            preview.setVisible(open);
        };
        imports.stageProperty().addListener((obs, old, now) -> swap.run());
        swap.run();
        return both;
    }

    private static Button exportButton(String id, String key, What what, ExportViewModel exports, I18n i18n,
            FilePicker files) {
        Button b = button(id, i18n.get(key), Feather.DOWNLOAD);
        b.setOnAction(e -> files.save(i18n.get(key), exports.suggestedName(what), "csv")
                .ifPresent(f -> exports.export(what, f)));
        b.disableProperty().bind(exports.busyProperty());
        return b;
    }

    private static Button button(String id, String text, Feather icon) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
