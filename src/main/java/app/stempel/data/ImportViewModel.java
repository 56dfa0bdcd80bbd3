package app.stempel.data;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.stempel.data.CsvColumns.Field;
import app.stempel.data.CsvImport.Kind;
import app.stempel.data.CsvImport.Preview;
import app.stempel.data.CsvImport.Problem;
import app.stempel.settings.SettingsService;
import app.stempel.ui.I18n;
import app.stempel.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.math.BigDecimal;

/**
 * Importing a CSV file from the window: the file is read and checked in the background, the person
 * sees how each column is read (and can change it, which checks the file again), every problem with
 * its line, and a note if the same file was imported before; only a file without problems can be
 * imported, a file imported before only after a second "yes". The import itself runs in the background
 * with progress, all or nothing.
 */
public final class ImportViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ImportViewModel.class);

    /** Where the import stands. */
    public enum Stage {
        /** Nothing chosen: the import page is not shown. */
        CLOSED,
        /** The file is being read and checked. */
        READING,
        /** The preview is shown; changing a column's field reads the file again. */
        PREVIEW,
        /** The rows are being written. */
        IMPORTING,
        /** Written; the summary is shown. */
        DONE
    }

    /** A field a column can be read as, or none ({@link #field()} null: the column is skipped). */
    public record Choice(Field field, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** One column of the file: its header, its value in the first row, and what it is read as. */
    public static final class Column {
        private final String header;
        private final String example;
        private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>();

        Column(String header, String example, Choice choice) {
            this.header = header;
            this.example = example;
            this.choice.set(choice);
        }

        public String header() {
            return header;
        }

        /** The column's value in the first row, empty if the file has no row. */
        public String example() {
            return example;
        }

        /** What the column is read as; setting it reads the file again with that choice. */
        public ObjectProperty<Choice> choiceProperty() {
            return choice;
        }
    }

    private final CsvImport importer;
    private final SettingsService settings;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(Stage.CLOSED);
    private final ReadOnlyObjectWrapper<Kind> kind = new ReadOnlyObjectWrapper<>(Kind.MEMBERS);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fileSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final ObservableList<Column> columns = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<Choice> choicesView = FXCollections.unmodifiableObservableList(choices);
    private final ObservableList<Column> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyStringWrapper problemsSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper previous = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper askingAgain = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Preview> preview = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canImport;

    private Path file;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    /** Which reading of the file is the latest: an older one that finishes late is dropped. */
    private long reading;
    /** True while the columns are set from a preview, so that does not count as the person's choice. */
    private boolean showing;

    /** @param clock whose time zone the time of an earlier import is shown in */
    public ImportViewModel(CsvImport importer, SettingsService settings, TaskRunner tasks, I18n i18n, Clock clock) {
        this.importer = Objects.requireNonNull(importer);
        this.settings = Objects.requireNonNull(settings);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.clock = Objects.requireNonNull(clock);
        canImport = Bindings.createBooleanBinding(() -> stage.get() == Stage.PREVIEW && preview.get() != null
                && preview.get().ok() && !askingAgain.get(), stage, preview, askingAgain);
    }

    // ---- state

    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** "Import members" or "Import past visits". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The file's name and how many rows it has. */
    public ReadOnlyStringProperty fileSummaryProperty() {
        return fileSummary.getReadOnlyProperty();
    }

    /** What a column can be read as in this kind of import, "skip this column" last. */
    public ObservableList<Choice> choices() {
        return choicesView;
    }

    /** The file's columns, in file order. */
    public ObservableList<Column> columns() {
        return columnsView;
    }

    /** Every problem, "Line 7: …", in file order. */
    public ObservableList<String> problems() {
        return problemsView;
    }

    /** "No problems found…" or how many there are and what that means. */
    public ReadOnlyStringProperty problemsSummaryProperty() {
        return problemsSummary.getReadOnlyProperty();
    }

    /** When this very file was imported before; empty if it was not. */
    public ReadOnlyStringProperty previousProperty() {
        return previous.getReadOnlyProperty();
    }

    /** Whether the person is asked to confirm importing the same file again. */
    public ReadOnlyBooleanProperty askingAgainProperty() {
        return askingAgain.getReadOnlyProperty();
    }

    /** True when the checked file has no problems and nothing else is going on. */
    public BooleanBinding canImportBinding() {
        return canImport;
    }

    /** Progress of the import, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "12,000 of 18,536 rows" while importing. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** What the import wrote, once it is done. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the file could not be read or imported; empty if nothing went wrong. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    // ---- commands

    /** Reads and checks {@code chosen} as a {@code what} import, and shows the preview; writes nothing. */
    public void open(Kind what, Path chosen) {
        if (stage.get() == Stage.IMPORTING) {
            return;
        }
        kind.set(Objects.requireNonNull(what));
        file = Objects.requireNonNull(chosen);
        overrides.clear();
        title.set(i18n.get(what == Kind.MEMBERS ? "import.title.members" : "import.title.visits"));
        List<Choice> offered = new ArrayList<>();
        for (Field f : new CsvColumns(what).fields()) {
            offered.add(new Choice(f, fieldLabel(f)));
        }
        offered.add(new Choice(null, i18n.get("import.field.skip")));
        choices.setAll(offered);
        columns.clear();
        problems.clear();
        problemsSummary.set("");
        previous.set("");
        summary.set("");
        error.set("");
        askingAgain.set(false);
        preview.set(null);
        fileSummary.set(String.valueOf(chosen.getFileName()));
        check();
    }

    /** Starts the import; a file imported before first asks {@link #askingAgainProperty()}. */
    public void importNow() {
        if (!canImport.get()) {
            return;
        }
        if (preview.get().previous().isPresent()) {
            askingAgain.set(true);
            return;
        }
        commit(false);
    }

    /** Imports the file although it was imported before: the person said so. */
    public void importAgain() {
        if (!askingAgain.get()) {
            return;
        }
        askingAgain.set(false);
        commit(true);
    }

    /** Keeps the shop as it is after all. */
    public void keepAsItIs() {
        askingAgain.set(false);
    }

    /** Leaves the import page; nothing is written unless the import already ran. */
    public void close() {
        if (stage.get() == Stage.IMPORTING) {
            return;
        }
        reading++;
        stage.set(Stage.CLOSED);
        columns.clear();
        problems.clear();
        preview.set(null);
        askingAgain.set(false);
    }

    // ---- work

    private void check() {
        long mine = ++reading;
        Kind what = kind.get();
        Path chosen = file;
        Map<String, String> asked = Map.copyOf(overrides);
        stage.set(Stage.READING);
        askingAgain.set(false);
        tasks.run(() -> {
            Preview p = importer.preview(chosen, what, asked);
            return new Checked(p, problemTexts(p.problems()), previousText(p));
        }, checked -> {
            if (mine == reading) {
                show(checked);
            }
        }, e -> {
            if (mine == reading) {
                LOG.warn("Could not read {} for an import: {}", chosen, e.toString());
                preview.set(null);
                error.set(i18n.failure(e, e instanceof UncheckedIOException ? "import.readFailed" : "error.unexpected"));
                stage.set(Stage.PREVIEW);
            }
        });
    }

    /** A checked file with its texts, made in the background (a file can have many thousand problems). */
    private record Checked(Preview preview, List<String> problems, String previous) {
    }

    private void show(Checked checked) {
        Preview p = checked.preview();
        preview.set(p);
        error.set("");
        fileSummary.set(i18n.plural("import.file", p.fileRows(), p.fileName()));
        showing = true;
        try {
            List<String> headers = new ArrayList<>(p.mapping().keySet());
            boolean sameColumns = columns.size() == headers.size();
            for (int i = 0; sameColumns && i < headers.size(); i++) {
                sameColumns = columns.get(i).header().equals(headers.get(i));
            }
            if (!sameColumns) {
                List<Column> fresh = new ArrayList<>();
                for (String h : headers) {
                    Column c = new Column(h, p.examples().getOrDefault(h, ""), choiceFor(p.mapping().get(h)));
                    c.choiceProperty().addListener((obs, old, now) -> chosen(c, now));
                    fresh.add(c);
                }
                columns.setAll(fresh);
            } else {
                for (Column c : columns) {
                    c.choiceProperty().set(choiceFor(p.mapping().get(c.header())));
                }
            }
        } finally {
            showing = false;
        }
        problems.setAll(checked.problems());
        problemsSummary.set(p.ok() ? i18n.get("import.noProblems")
                : i18n.plural("import.problems", p.problems().size()));
        previous.set(checked.previous());
        stage.set(Stage.PREVIEW);
    }

    private void chosen(Column column, Choice now) {
        if (showing || now == null || stage.get() == Stage.IMPORTING) {
            return;
        }
        String code = now.field() == null ? "-" : now.field().code();
        if (now.field() != null) {
            // a field is read from one column: the one chosen last takes it from any other
            overrides.replaceAll((header, field) -> field.equals(code) ? "-" : field);
        }
        overrides.put(column.header(), code);
        check();
    }

    private Choice choiceFor(String code) {
        for (Choice c : choices) {
            if (c.field() == null ? code == null : c.field().code().equals(code)) {
                return c;
            }
        }
        return choices.get(choices.size() - 1);
    }

    private void commit(boolean again) {
        Preview p = preview.get();
        stage.set(Stage.IMPORTING);
        // indeterminate until the first rows are written (new members for the visits come first)
        progress.set(-1);
        progressText.set(i18n.get("import.importing"));
        tasks.run(() -> {
            CsvImport.Result r = importer.commit(p, again, (done, total) -> tasks.onFxThread(() -> {
                progress.set(total == 0 ? 1 : (double) done / total);
                progressText.set(i18n.get("import.progress", i18n.number(done), i18n.number(total)));
            }));
            return summaryOf(r, settings.currency());
        }, text -> {
            progress.set(1);
            summary.set(text);
            stage.set(Stage.DONE);
        }, e -> {
            if (e instanceof CsvImport.AlreadyImported) {
                stage.set(Stage.PREVIEW);
                askingAgain.set(true);
            } else if (e instanceof CsvImport.Refused refused) {
                // the shop changed since the preview: a card number or reference is taken now
                problems.setAll(problemTexts(refused.problems()));
                problemsSummary.set(i18n.plural("import.problems", refused.problems().size()));
                preview.set(null);
                stage.set(Stage.PREVIEW);
            } else {
                LOG.warn("Import of {} failed: {}", p.fileName(), e.toString());
                error.set(i18n.failure(e, "import.failed"));
                stage.set(Stage.PREVIEW);
            }
        });
    }

    private String summaryOf(CsvImport.Result r, Optional<Currency> currency) {
        if (r.kind() == Kind.MEMBERS) {
            return i18n.plural("import.done.members", r.membersCreated());
        }
        String amount = currency.map(c -> i18n.money(r.amountMinor(), c))
                .orElseGet(() -> BigDecimal.valueOf(r.amountMinor(), 2).toPlainString());
        return i18n.plural("import.done.visits", r.visits(), amount) + " "
                + (r.membersCreated() == 0 ? i18n.get("import.done.noNewMembers")
                        : i18n.plural("import.done.newMembers", r.membersCreated()));
    }

    private List<String> problemTexts(List<Problem> list) {
        List<String> out = new ArrayList<>(list.size());
        for (Problem p : list) {
            Object[] args = p.args().toArray();
            if (("import.problem.missingColumn".equals(p.key()) || "import.problem.tooLong".equals(p.key()))
                    && args.length > 0) {
                // the field's name as the person sees it in the column choices
                String code = String.valueOf(args[0]);
                for (Field f : Field.values()) {
                    if (f.code().equals(code)) {
                        args[0] = fieldLabel(f);
                    }
                }
            }
            out.add(i18n.get("import.problem.atLine", p.line(), i18n.get(p.key(), args)));
        }
        return out;
    }

    private String previousText(Preview p) {
        return p.previous().map(before -> i18n.get("import.previous",
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(i18n.language().locale()).format(before.at().atZoneSameInstant(clock.getZone())),
                before.fileName())).orElse("");
    }

    private String fieldLabel(Field f) {
        return i18n.get(switch (f) {
            case NAME -> "import.field.name";
            case PHONE -> "import.field.phone";
            case EMAIL -> "import.field.email";
            case BIRTHDAY -> "import.field.birthday";
            case REF -> "import.field.ref";
            case CARD -> "import.field.card";
            case STAMPS -> "import.field.stamps";
            case MEMBER -> "import.field.member";
            case TIMESTAMP -> "import.field.timestamp";
            case AMOUNT -> "import.field.amount";
        });
    }
}
