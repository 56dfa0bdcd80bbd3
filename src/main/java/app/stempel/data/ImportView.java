package app.stempel.data;

import java.util.Objects;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import app.stempel.data.ImportViewModel.Choice;
import app.stempel.data.ImportViewModel.Column;
import app.stempel.data.ImportViewModel.Stage;
import app.stempel.ui.I18n;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.control.ContentDisplay;
import javafx.collections.ListChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import java.util.List;

/**
 * The import preview: the file, how its columns are read (a choice per column), every problem with its
 * line, a note if the file was imported before, and the import with its progress. Binds to
 * {@link ImportViewModel}; decides nothing itself.
 */
final class ImportView {

    private static final double ROW = 40;
    private static final int ROWS_SHOWN = 5;

    private final VBox root;

    ImportView(ImportViewModel model, I18n i18n) {
        Objects.requireNonNull(model);
        BooleanBinding done = model.stageProperty().isEqualTo(Stage.DONE);
        BooleanBinding importing = model.stageProperty().isEqualTo(Stage.IMPORTING);

        Label title = new Label();
        title.setId("import-title");
        title.textProperty().bind(model.titleProperty());
        title.setGraphic(new FontIcon(Feather.UPLOAD));
        title.getStyleClass().add(Styles.TITLE_3);
        Label file = new Label();
        file.setId("import-file");
        file.textProperty().bind(model.fileSummaryProperty());
        file.setGraphic(new FontIcon(Feather.FILE_TEXT));
        file.setMinWidth(0);
        ProgressIndicator reading = new ProgressIndicator();
        reading.setId("import-reading");
        reading.setPrefSize(20, 20);
        reading.visibleProperty().bind(model.stageProperty().isEqualTo(Stage.READING));
        HBox fileRow = new HBox(10, file, reading);
        fileRow.setAlignment(Pos.CENTER_LEFT);

        Label previous = new Label();
        previous.setId("import-previous");
        previous.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        previous.setWrapText(true);
        previous.getStyleClass().addAll("import-note", Styles.WARNING);
        previous.textProperty().bind(model.previousProperty());
        showWhen(previous, model.previousProperty().isNotEmpty().and(done.not()));

        Label error = new Label();
        error.setId("import-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.errorProperty());
        showWhen(error, model.errorProperty().isNotEmpty());

        Label mappingTitle = new Label(i18n.get("import.mapping"));
        mappingTitle.getStyleClass().add(Styles.TITLE_4);
        Label mappingText = new Label(i18n.get("import.mapping.text"));
        mappingText.setWrapText(true);
        mappingText.getStyleClass().add(Styles.TEXT_MUTED);
        TableView<Column> mapping = mappingTable(model, i18n);

        Label problemsSummary = new Label();
        problemsSummary.setId("import-problems-summary");
        problemsSummary.setWrapText(true);
        problemsSummary.textProperty().bind(model.problemsSummaryProperty());
        problemsSummary.setGraphic(new FontIcon(Feather.CHECK_CIRCLE));
        model.problemsSummaryProperty().addListener((obs, old, now) -> {
            boolean bad = !model.problems().isEmpty();
            problemsSummary.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            problemsSummary.getStyleClass().add(bad ? Styles.DANGER : Styles.SUCCESS);
            problemsSummary.setGraphic(new FontIcon(bad ? Feather.ALERT_CIRCLE : Feather.CHECK_CIRCLE));
        });
        ListView<String> problems = new ListView<>(model.problems());
        problems.setId("import-problems");
        problems.setMinHeight(90);
        problems.setPrefHeight(150);
        problems.setCellFactory(list -> new WrappingCell(list));
        VBox.setVgrow(problems, Priority.ALWAYS);
        showWhen(problems, Bindings.isNotEmpty(model.problems()));

        for (Label l : new Label[] {previous, error, mappingText, problemsSummary}) {
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        VBox preview = new VBox(10, mappingTitle, mappingText, mapping, problemsSummary, problems);
        VBox.setVgrow(preview, Priority.ALWAYS);
        showWhen(preview, done.not());

        Label summary = new Label();
        summary.setId("import-summary");
        summary.setWrapText(true);
        summary.setGraphic(new FontIcon(Feather.CHECK_CIRCLE));
        summary.getStyleClass().addAll("import-summary", Styles.SUCCESS);
        summary.textProperty().bind(model.summaryProperty());
        summary.setMinHeight(Region.USE_PREF_SIZE);
        showWhen(summary, done);

        Label question = new Label(i18n.get("import.again.question"));
        question.setId("import-again-question");
        question.setWrapText(true);
        HBox.setHgrow(question, Priority.ALWAYS);
        question.setMaxWidth(Double.MAX_VALUE);
        question.setMinHeight(Region.USE_PREF_SIZE);
        Button again = new Button(i18n.get("import.again"));
        again.setId("import-again");
        again.getStyleClass().add(Styles.DANGER);
        again.setMinWidth(Region.USE_PREF_SIZE);
        again.setOnAction(e -> model.importAgain());
        Button keep = new Button(i18n.get("import.again.no"));
        keep.setId("import-again-no");
        keep.setMinWidth(Region.USE_PREF_SIZE);
        keep.setOnAction(e -> model.keepAsItIs());
        HBox ask = new HBox(10, question, again, keep);
        ask.setAlignment(Pos.CENTER_LEFT);
        ask.getStyleClass().add("import-ask");
        showWhen(ask, model.askingAgainProperty());

        ProgressBar progress = new ProgressBar();
        progress.setId("import-progress");
        progress.setPrefWidth(240);
        progress.progressProperty().bind(model.progressProperty());
        Label progressText = new Label();
        progressText.setId("import-progress-text");
        progressText.textProperty().bind(model.progressTextProperty());
        HBox progressBox = new HBox(10, progress, progressText);
        progressBox.setAlignment(Pos.CENTER_LEFT);
        showWhen(progressBox, importing);

        Button back = new Button();
        back.setId("import-back");
        back.setMinWidth(Region.USE_PREF_SIZE);
        back.textProperty().bind(Bindings.when(done).then(i18n.get("import.close")).otherwise(i18n.get("import.cancel")));
        back.disableProperty().bind(importing);
        back.setOnAction(e -> model.close());
        Button start = new Button(i18n.get("import.start"), new FontIcon(Feather.UPLOAD));
        start.setId("import-start");
        start.setMinWidth(Region.USE_PREF_SIZE);
        start.getStyleClass().add(Styles.ACCENT);
        start.textProperty().bind(Bindings.when(model.previousProperty().isEmpty())
                .then(i18n.get("import.start")).otherwise(i18n.get("import.startAgain")));
        start.disableProperty().bind(model.canImportBinding().not());
        start.setOnAction(e -> model.importNow());
        showWhen(start, done.not());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(10, progressBox, gap, back, start);
        buttons.setAlignment(Pos.CENTER_LEFT);

        root = new VBox(12, title, fileRow, previous, error, preview, summary, ask, buttons);
        root.setId("import-page");
        root.getStyleClass().add("import-page");
        root.setMaxWidth(900);
        model.stageProperty().addListener((obs, old, now) -> {
            if (now == Stage.PREVIEW && old == Stage.READING && start.getScene() != null && !start.isDisabled()) {
                start.requestFocus();
            }
        });
    }

    Node root() {
        return root;
    }

    private static TableView<Column> mappingTable(ImportViewModel model, I18n i18n) {
        TableView<Column> table = new TableView<>(model.columns());
        table.setId("import-mapping");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(ROW);
        table.setPlaceholder(new Label(""));
        TableColumn<Column, String> header = new TableColumn<>(i18n.get("import.column.header"));
        header.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().header()));
        header.setSortable(false);
        header.setPrefWidth(190);
        TableColumn<Column, String> example = new TableColumn<>(i18n.get("import.column.example"));
        example.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().example()));
        example.setSortable(false);
        example.setPrefWidth(200);
        TableColumn<Column, Column> field = new TableColumn<>(i18n.get("import.column.field"));
        field.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        field.setCellFactory(c -> new ChoiceCell(model));
        field.setSortable(false);
        field.setPrefWidth(260);
        table.getColumns().setAll(List.of(header, example, field));
        Runnable fit = () -> {
            double h = ROW * Math.max(1, Math.min(ROWS_SHOWN, model.columns().size())) + 46;
            table.setPrefHeight(h);
            // on a low window the table gives way first, down to two rows, and scrolls
            table.setMinHeight(Math.min(h, ROW * 2 + 46));
            table.setMaxHeight(h);
        };
        model.columns().addListener((ListChangeListener<Column>) c -> fit.run());
        fit.run();
        return table;
    }

    /** A choice of field for the column of its row, bound both ways to the column's choice. */
    private static final class ChoiceCell extends TableCell<Column, Column> {
        private final ComboBox<Choice> box = new ComboBox<>();
        private Column bound;

        ChoiceCell(ImportViewModel model) {
            box.setItems(model.choices());
            box.setMaxWidth(Double.MAX_VALUE);
            box.getStyleClass().add("import-field");
            box.disableProperty().bind(model.stageProperty().isNotEqualTo(Stage.PREVIEW)
                    .and(model.stageProperty().isNotEqualTo(Stage.READING)));
        }

        @Override
        protected void updateItem(Column item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                box.valueProperty().unbindBidirectional(bound.choiceProperty());
                bound = null;
            }
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            bound = item;
            box.setValue(item.choiceProperty().get());
            box.valueProperty().bindBidirectional(item.choiceProperty());
            box.setId("import-field-" + getIndex());
            setGraphic(box);
        }
    }

    /** A problem's text, wrapped to the list's width. */
    private static final class WrappingCell extends ListCell<String> {
        private final Label text = new Label();

        WrappingCell(ListView<String> list) {
            text.setWrapText(true);
            // the list's width less its padding and a vertical scroll bar
            text.prefWidthProperty().bind(list.widthProperty().subtract(44));
            text.setMinHeight(Region.USE_PREF_SIZE);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            text.setText(empty ? null : item);
            setGraphic(empty ? null : text);
        }
    }

    private static void showWhen(Node node, ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
    }
}
