package app.stempel.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import app.stempel.program.Tier;
import app.stempel.reports.Dashboard.Segment;
import app.stempel.reports.ReportExport.Chart;
import app.stempel.reports.ReportsViewModel.Tile;
import app.stempel.ui.FilePicker;
import app.stempel.ui.Forms;
import app.stempel.ui.I18n;
import atlantafx.base.theme.Styles;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import javafx.scene.text.Text;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Font;
import javafx.beans.property.ObjectProperty;
import java.util.ArrayList;
import java.time.format.DateTimeParseException;

/**
 * The owner's Reports screen: the period on top, then tabs: the tiles, visits and active members, the
 * cohort heat map, the retention curves, tiers and NPS, and the members at risk with the segments.
 * Every chart saves its picture (PNG) and its data (CSV); the whole report saves as PDF.
 */
public final class ReportsView {

    private static final Duration TIP_DELAY = Duration.millis(250);

    private final ReportsViewModel model;
    private final I18n i18n;
    private final FilePicker files;
    private final VBox root;

    private final StackedBarChart<String, Number> visits = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
    private final LineChart<String, Number> active = new LineChart<>(new CategoryAxis(), new NumberAxis());
    private final LineChart<Number, Number> curves = new LineChart<>(new NumberAxis(0, 12, 1), new NumberAxis(0, 100, 10));
    private final BarChart<String, Number> tiers = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final BarChart<String, Number> nps = new BarChart<>(new CategoryAxis(), new NumberAxis(-100, 100, 20));
    private final Label npsNone = new Label();
    private final GridPane heat = new GridPane();
    private final VBox heatMap;

    public ReportsView(ReportsViewModel model, I18n i18n, FilePicker files) {
        this.model = Objects.requireNonNull(model);
        this.i18n = Objects.requireNonNull(i18n);
        this.files = Objects.requireNonNull(files);

        Label title = new Label(i18n.get("nav.reports"), new FontIcon(Feather.BAR_CHART_2));
        title.getStyleClass().add(Styles.TITLE_3);
        title.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button pdf = new Button(i18n.get("reports.exportPdf"), new FontIcon(Feather.FILE_TEXT));
        pdf.setId("reports-pdf");
        pdf.setMinWidth(Region.USE_PREF_SIZE);
        pdf.getStyleClass().add(Styles.SMALL);
        pdf.disableProperty().bind(model.dashboardProperty().isNull().or(model.exportingProperty()).or(model.busyProperty()));
        pdf.setOnAction(e -> files.save(i18n.get("reports.exportPdf"), model.suggestedPdfName(), "pdf")
                .ifPresent(model::exportPdf));
        HBox head = new HBox(10, title, periodChoice());
        head.setAlignment(Pos.CENTER_LEFT);

        Label range = new Label();
        range.setId("reports-range");
        range.getStyleClass().add(Styles.TEXT_MUTED);
        range.textProperty().bind(model.periodTextProperty());
        range.setMinWidth(Region.USE_PREF_SIZE);
        ProgressBar progress = new ProgressBar();
        progress.setId("reports-progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty().or(model.exportingProperty()));
        progress.setPrefWidth(160);
        Label message = Forms.outcome("reports-message", model.messageProperty(), model.failedProperty());
        message.setMinWidth(0);
        HBox status = new HBox(12, range, progress, message, gap, pdf);
        status.setAlignment(Pos.CENTER_LEFT);

        heatMap = new VBox(8, chartTitle("reports.chart.cohorts"), heat);
        heatMap.setId("reports-chart-cohorts");
        heatMap.getStyleClass().add("heat-map");
        heat.getStyleClass().add("heat-grid");

        TabPane tabs = new TabPane(
                tab("reports-tab-overview", "reports.tab.overview", Feather.GRID, overview()),
                tab("reports-tab-visits", "reports.tab.visits", Feather.BAR_CHART, pair(
                        card(visits, Chart.VISITS, visits), card(active, Chart.ACTIVE, active))),
                tab("reports-tab-cohorts", "reports.tab.cohorts", Feather.LAYERS, card(heatMap, Chart.COHORTS, heatMap)),
                tab("reports-tab-retention", "reports.tab.retention", Feather.TRENDING_DOWN,
                        card(curves, Chart.RETENTION, curves)),
                tab("reports-tab-members", "reports.tab.members", Feather.AWARD, pair(
                        card(tiers, Chart.TIERS, tiers), card(new StackPane(nps, npsNone), Chart.NPS, nps))),
                tab("reports-tab-at-risk", "reports.tab.atRisk", Feather.ALERT_TRIANGLE, atRisk()));
        tabs.setId("reports-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        setUpCharts();
        root = new VBox(10, head, status, tabs);
        root.setId("page-reports");
        root.getStyleClass().add("reports-page");
        root.getStylesheets().add(ReportsView.class.getResource("/reports/reports.css").toExternalForm());
        model.dashboardProperty().addListener((obs, old, now) -> {
            if (now != null) {
                show(now);
            }
        });
        model.refresh();
    }

    public Node root() {
        return root;
    }

    // ---- the period ----

    private Node periodChoice() {
        ComboBox<Period.Choice> choice = new ComboBox<>();
        choice.setId("reports-period");
        choice.getItems().setAll(Period.Choice.values());
        choice.setConverter(converter(model::choiceText));
        choice.valueProperty().bindBidirectional(model.choiceProperty());
        choice.setMinWidth(Region.USE_PREF_SIZE);

        ComboBox<Integer> year = new ComboBox<>(model.years());
        year.setId("reports-year");
        year.valueProperty().bindBidirectional(model.yearProperty());
        year.visibleProperty().bind(model.choiceProperty().isEqualTo(Period.Choice.YEAR));
        year.managedProperty().bind(year.visibleProperty());

        DatePicker from = datePicker("reports-from", model.fromProperty());
        DatePicker to = datePicker("reports-to", model.toProperty());
        Label dash = new Label("–");
        HBox custom = new HBox(6, from, dash, to);
        custom.setAlignment(Pos.CENTER_LEFT);
        custom.visibleProperty().bind(model.choiceProperty().isEqualTo(Period.Choice.CUSTOM));
        custom.managedProperty().bind(custom.visibleProperty());

        HBox box = new HBox(8, choice, year, custom);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private DatePicker datePicker(String id, ObjectProperty<LocalDate> value) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPrefWidth(150);
        picker.setMinWidth(Region.USE_PREF_SIZE);
        var format = model.shortDates();
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : format.format(d);
            }

            @Override
            public LocalDate fromString(String s) {
                try {
                    return s == null || s.isBlank() ? null : LocalDate.parse(s.strip(), format);
                } catch (DateTimeParseException e) {
                    return value.get();
                }
            }
        });
        picker.valueProperty().bindBidirectional(value);
        return picker;
    }

    // ---- the tabs ----

    private Tab tab(String id, String key, Feather icon, Node content) {
        Tab tab = new Tab(i18n.get(key), content);
        tab.setId(id);
        tab.setGraphic(new FontIcon(icon));
        return tab;
    }

    private Node overview() {
        TilePane tiles = new TilePane(12, 12);
        tiles.setId("reports-tiles");
        tiles.setPrefTileWidth(182);
        tiles.setPrefColumns(4);
        tiles.setTileAlignment(Pos.TOP_LEFT);
        for (Tile t : Tile.values()) {
            tiles.getChildren().add(tile(t));
        }
        Button csv = csvButton(Chart.TILES);
        HBox tools = new HBox(csv);
        tools.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(10, tiles, tools);
        box.setPadding(new Insets(14, 4, 8, 4));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    private Node tile(Tile t) {
        String id = "reports-tile-" + t.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Label label = new Label(model.tileLabel(t));
        label.getStyleClass().addAll("tile-label", "tile-label-two-lines");
        label.setWrapText(true);
        label.setAlignment(Pos.TOP_LEFT);
        Label value = new Label();
        value.setId(id + "-value");
        value.getStyleClass().add("tile-value");
        value.textProperty().bind(model.valueProperty(t));
        Label note = new Label();
        note.setId(id + "-note");
        note.getStyleClass().add("tile-note");
        note.textProperty().bind(model.noteProperty(t));
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        VBox box = new VBox(2, label, value, note);
        box.setId(id);
        box.getStyleClass().add("report-tile");
        box.setMaxWidth(Double.MAX_VALUE);
        Tooltip tip = tooltip();
        tip.textProperty().bind(model.tileHelpProperty(t));
        Tooltip.install(box, tip);
        return box;
    }

    /** Two charts side by side, sharing the width. */
    private static Node pair(Node left, Node right) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
        }
        grid.add(left, 0, 0);
        grid.add(right, 1, 0);
        GridPane.setVgrow(left, Priority.ALWAYS);
        GridPane.setVgrow(right, Priority.ALWAYS);
        GridPane.setHalignment(left, HPos.CENTER);
        grid.setPadding(new Insets(10, 0, 0, 0));
        return grid;
    }

    /** A chart with its PNG and CSV buttons in the top right corner; the picture is {@code picture}. */
    private Node card(Node chart, Chart which, Node picture) {
        Button png = new Button(null, new FontIcon(Feather.IMAGE));
        png.setId("reports-png-" + which.slug());
        png.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        png.setTooltip(new Tooltip(i18n.get("reports.exportPng")));
        png.disableProperty().bind(model.dashboardProperty().isNull().or(model.exportingProperty()));
        png.setOnAction(e -> files.save(i18n.get("reports.exportPng"), model.suggestedName(which, "png"), "png")
                .ifPresent(f -> {
                    var image = picture.snapshot(new SnapshotParameters(), null);
                    model.exportPng(SwingFXUtils.fromFXImage(image, null), f);
                }));
        HBox tools = new HBox(4, png, csvButton(which));
        tools.setAlignment(Pos.TOP_RIGHT);
        tools.setPickOnBounds(false);
        tools.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane card = new StackPane(chart, tools);
        StackPane.setAlignment(tools, Pos.TOP_RIGHT);
        card.getStyleClass().add("chart-card");
        card.setMinSize(0, 0);
        return card;
    }

    private Button csvButton(Chart which) {
        Button csv = new Button(i18n.get("reports.csv"), new FontIcon(Feather.DOWNLOAD));
        csv.setId("reports-csv-" + which.slug());
        csv.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        csv.setMinWidth(Region.USE_PREF_SIZE);
        csv.setTooltip(new Tooltip(i18n.get("reports.exportCsv")));
        csv.disableProperty().bind(model.dashboardProperty().isNull().or(model.exportingProperty()));
        csv.setOnAction(e -> files.save(i18n.get("reports.exportCsv"), model.suggestedName(which, "csv"), "csv")
                .ifPresent(f -> model.exportCsv(which, f)));
        return csv;
    }

    private Node atRisk() {
        HBox segments = new HBox(8);
        segments.setId("reports-segments");
        for (Segment s : Segment.values()) {
            Label name = new Label(model.segmentLabel(s));
            name.getStyleClass().add("tile-label");
            Label count = new Label();
            count.setId("reports-segment-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            count.getStyleClass().add("segment-count");
            count.textProperty().bind(model.segmentProperty(s));
            VBox box = new VBox(0, name, count);
            box.getStyleClass().addAll("report-tile", "segment", "segment-" + s.name().toLowerCase(Locale.ROOT));
            box.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(box, Priority.ALWAYS);
            Tooltip tip = tooltip();
            tip.setText(model.segmentHelp(s));
            Tooltip.install(box, tip);
            segments.getChildren().add(box);
        }

        Label title = new Label(i18n.get("reports.atRisk.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Label text = new Label(i18n.get("reports.atRisk.text"));
        text.getStyleClass().add(Styles.TEXT_MUTED);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        VBox words = new VBox(2, title, text);
        HBox.setHgrow(words, Priority.ALWAYS);
        Button segmentsCsv = csvButton(Chart.SEGMENTS);
        segmentsCsv.setText(i18n.get("reports.segments.csv"));
        Button csv = csvButton(Chart.AT_RISK);
        csv.setText(i18n.get("reports.atRisk.csv"));
        HBox head = new HBox(8, words, segmentsCsv, csv);
        head.setAlignment(Pos.CENTER_LEFT);

        TableView<AtRisk> table = new TableView<>(model.atRisk());
        table.setId("reports-at-risk");
        table.getStyleClass().addAll(Styles.DENSE, "at-risk-table");
        table.setPlaceholder(new Label(i18n.get("reports.atRisk.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("reports.atRisk.name", 125,
                a -> a.name() == null ? i18n.get("reports.atRisk.erased") : a.name()));
        table.getColumns().add(column("reports.atRisk.phone", 95, a -> a.phone() == null ? "" : a.phone()));
        table.getColumns().add(column("reports.atRisk.email", 110, a -> a.email() == null ? "" : a.email()));
        table.getColumns().add(numeric("reports.atRisk.visits", 65, a -> model.number(a.visits())));
        table.getColumns().add(numeric("reports.atRisk.usual", 95, a -> model.days(a.usualDays())));
        table.getColumns().add(numeric("reports.atRisk.days", 80, a -> model.number(a.daysSince())));
        table.getColumns().add(column("reports.atRisk.last", 95, a -> model.shortDate(a.lastVisit())));
        TableColumn<AtRisk, String> value = numeric("reports.atRisk.value", 100, a -> {
            Dashboard d = model.dashboardProperty().get();
            return d == null ? "" : model.amount(d, a.value());
        });
        table.getColumns().add(value);
        model.dashboardProperty().addListener((obs, old, now) -> ((Label) value.getGraphic())
                .setText(i18n.get("reports.atRisk.valueIn", model.currencyCode())));
        VBox.setVgrow(table, Priority.ALWAYS);
        segments.setMinHeight(Region.USE_PREF_SIZE);
        head.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(10, segments, head, table);
        box.setPadding(new Insets(12, 0, 0, 0));
        return box;
    }

    /** A column whose header wraps onto a second line rather than being cut. */
    private TableColumn<AtRisk, String> column(String key, double width, Function<AtRisk, String> text) {
        TableColumn<AtRisk, String> c = new TableColumn<>();
        Label header = new Label(i18n.get(key));
        header.setWrapText(true);
        header.getStyleClass().add("column-header-text");
        c.setGraphic(header);
        // never narrower than the header's longest word, so words wrap whole in every language
        Text probe = new Text();
        probe.setFont(Font.font(null, FontWeight.BOLD, 11));
        double longest = 0;
        for (String word : header.getText().split("\\s+")) {
            probe.setText(word);
            longest = Math.max(longest, probe.getLayoutBounds().getWidth());
        }
        c.setMinWidth(Math.ceil(longest) + 24);
        header.prefWidthProperty().bind(c.widthProperty().subtract(12));
        header.setMinWidth(Region.USE_PREF_SIZE);
        header.setAlignment(Pos.CENTER);
        c.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(text.apply(row.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private TableColumn<AtRisk, String> numeric(String key, double width, Function<AtRisk, String> text) {
        TableColumn<AtRisk, String> c = column(key, width, text);
        c.getStyleClass().add("numeric");
        return c;
    }

    // ---- the charts ----

    private void setUpCharts() {
        visits.setId("reports-chart-visits");
        active.setId("reports-chart-active");
        curves.setId("reports-chart-retention");
        tiers.setId("reports-chart-tiers");
        nps.setId("reports-chart-nps");
        for (XYChart<?, ?> c : List.<XYChart<?, ?>>of(visits, active, curves, tiers, nps)) {
            c.setAnimated(false);
            c.getStyleClass().add("report-chart");
            c.setMinSize(0, 0);
        }
        for (XYChart<?, ?> c : List.<XYChart<?, ?>>of(visits, active, tiers, nps)) {
            ((NumberAxis) c.getYAxis()).setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number n) {
                    return model.number(n.longValue());
                }

                @Override
                public Number fromString(String s) {
                    return null;
                }
            });
        }
        active.setTitle(i18n.get("reports.chart.active"));
        active.setLegendVisible(false);
        active.setCreateSymbols(false);
        curves.setTitle(i18n.get("reports.chart.retention"));
        curves.getXAxis().setLabel(i18n.get("reports.axis.month"));
        ((NumberAxis) curves.getYAxis()).setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return model.wholePercent(n.doubleValue() / 100);
            }

            @Override
            public Number fromString(String s) {
                return null;
            }
        });
        tiers.setTitle(i18n.get("reports.chart.tiers"));
        tiers.setLegendVisible(false);
        nps.setTitle(i18n.get("reports.chart.nps"));
        nps.setLegendVisible(false);
        npsNone.setId("reports-nps-none");
        npsNone.setText(i18n.get("reports.nps.none"));
        npsNone.getStyleClass().addAll(Styles.TEXT_MUTED, "chart-empty");
        npsNone.setWrapText(true);
        npsNone.setMouseTransparent(true);
    }

    private void show(Dashboard d) {
        boolean weekly = d.period().weekly();
        visits.setTitle(i18n.get(weekly ? "reports.chart.visitsWeekly" : "reports.chart.visitsMonthly"));
        XYChart.Series<String, Number> fresh = new XYChart.Series<>();
        fresh.setName(i18n.get("reports.chart.new"));
        XYChart.Series<String, Number> returning = new XYChart.Series<>();
        returning.setName(i18n.get("reports.chart.returning"));
        for (Dashboard.VisitBucket b : d.visits()) {
            String label = model.bucketLabel(b, weekly);
            fresh.getData().add(new XYChart.Data<>(label, b.newVisits()));
            returning.getData().add(new XYChart.Data<>(label, b.returningVisits()));
        }
        ((CategoryAxis) visits.getXAxis()).getCategories().clear();
        visits.getData().setAll(List.of(fresh, returning));
        barTips(fresh);
        barTips(returning);

        XYChart.Series<String, Number> line = new XYChart.Series<>();
        for (Dashboard.ActivePoint p : d.active()) {
            line.getData().add(new XYChart.Data<>(model.dayLabel(p.day(), weekly), p.active()));
        }
        active.getData().setAll(List.of(line));

        showHeatMap(d);

        List<XYChart.Series<Number, Number>> curveSeries = new ArrayList<>();
        for (CohortReport.Cohort c : d.curveCohorts()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(model.month(c.month()));
            for (int k = 0; k < CohortReport.MONTHS && d.known(c, k); k++) {
                s.getData().add(new XYChart.Data<>(k, 100 * c.share(k)));
            }
            curveSeries.add(s);
        }
        curves.getData().setAll(curveSeries);

        XYChart.Series<String, Number> tierSeries = new XYChart.Series<>();
        for (Tier t : Tier.values()) {
            tierSeries.getData().add(new XYChart.Data<>(model.tierLabel(t), d.tiers().getOrDefault(t, 0)));
        }
        tiers.getData().setAll(List.of(tierSeries));
        barTips(tierSeries);

        XYChart.Series<String, Number> npsSeries = new XYChart.Series<>();
        for (Dashboard.NpsPoint p : d.nps()) {
            XYChart.Data<String, Number> bar = new XYChart.Data<>(model.month(p.month()), p.nps() == null ? 0 : p.nps());
            npsSeries.getData().add(bar);
        }
        npsNone.setVisible(d.nps().stream().allMatch(p -> p.answers() == 0));
        ((CategoryAxis) nps.getXAxis()).getCategories().clear();
        nps.getData().setAll(List.of(npsSeries));
        for (int i = 0; i < d.nps().size(); i++) {
            XYChart.Data<String, Number> bar = npsSeries.getData().get(i);
            String help = model.npsHelp(d.nps().get(i));
            if (bar.getNode() != null) {
                Tooltip.install(bar.getNode(), tooltip(help));
                Integer score = d.nps().get(i).nps();
                if (score != null && score < 0) {
                    bar.getNode().getStyleClass().add("negative");
                }
            }
        }
    }

    /** A tooltip on each bar of {@code series}: its series, its category and its number. */
    private void barTips(XYChart.Series<String, Number> series) {
        for (XYChart.Data<String, Number> bar : series.getData()) {
            if (bar.getNode() != null) {
                String n = model.number(bar.getYValue().longValue());
                Tooltip.install(bar.getNode(), tooltip(series.getName() == null
                        ? i18n.get("reports.bar.tip", bar.getXValue(), n)
                        : i18n.get("reports.bar.tipSeries", bar.getXValue(), series.getName(), n)));
            }
        }
    }

    private void showHeatMap(Dashboard d) {
        heat.getChildren().clear();
        heat.getColumnConstraints().clear();
        heat.add(header(i18n.get("reports.heat.cohort")), 0, 0);
        heat.add(header(i18n.get("reports.heat.size")), 1, 0);
        for (int k = 0; k < CohortReport.MONTHS; k++) {
            Label h = header(Integer.toString(k));
            h.setMaxWidth(Double.MAX_VALUE);
            h.setAlignment(Pos.CENTER);
            heat.add(h, k + 2, 0);
        }
        heat.getColumnConstraints().add(new ColumnConstraints());
        heat.getColumnConstraints().add(new ColumnConstraints());
        for (int k = 0; k < CohortReport.MONTHS; k++) {
            ColumnConstraints c = new ColumnConstraints(34, 48, 80);
            c.setHgrow(Priority.ALWAYS);
            heat.getColumnConstraints().add(c);
        }
        int row = 1;
        for (CohortReport.Cohort c : d.cohorts()) {
            Label month = new Label(model.month(c.month()));
            month.getStyleClass().add("heat-row");
            month.setMinWidth(Region.USE_PREF_SIZE);
            heat.add(month, 0, row);
            Label size = new Label(model.number(c.size()));
            size.getStyleClass().add("heat-size");
            size.setMinWidth(Region.USE_PREF_SIZE);
            heat.add(size, 1, row);
            for (int k = 0; k < CohortReport.MONTHS; k++) {
                Label cell = new Label(model.cellText(d, c, k));
                cell.setId("reports-cell-" + c.month() + "-" + k);
                cell.getStyleClass().add("heat-cell");
                cell.setMaxWidth(Double.MAX_VALUE);
                cell.setAlignment(Pos.CENTER);
                if (d.known(c, k)) {
                    // the square root spreads the usual shares (20 to 60 %) over more shades
                    int level = (int) Math.round(Math.sqrt(c.share(k)) * 10);
                    cell.getStyleClass().add("heat-" + level);
                    cell.setTooltip(tooltip(model.cellHelp(d, c, k)));
                } else {
                    cell.getStyleClass().add("heat-unknown");
                }
                heat.add(cell, k + 2, row);
            }
            row++;
        }
        Label axis = new Label(i18n.get("reports.axis.month"));
        axis.getStyleClass().add(Styles.TEXT_MUTED);
        heat.add(axis, 2, row, CohortReport.MONTHS, 1);
        GridPane.setHalignment(axis, HPos.CENTER);
        if (d.cohorts().isEmpty()) {
            heat.add(new Label(i18n.get("reports.cohorts.none")), 0, 1, CohortReport.MONTHS + 2, 1);
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("heat-header");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private Label chartTitle(String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add("chart-title");
        l.setMaxWidth(Double.MAX_VALUE);
        l.setAlignment(Pos.CENTER);
        return l;
    }

    private static Tooltip tooltip() {
        Tooltip tip = new Tooltip();
        tip.setShowDelay(TIP_DELAY);
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        return tip;
    }

    private static Tooltip tooltip(String text) {
        Tooltip tip = tooltip();
        tip.setText(text);
        return tip;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
