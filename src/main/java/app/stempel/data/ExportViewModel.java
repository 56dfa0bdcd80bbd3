package app.stempel.data;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.stempel.ui.I18n;
import app.stempel.ui.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Exporting members, visits or the ledger from the window: as CSV for the spreadsheet of the shop's
 * language, written in the background; says how many rows went where, or briefly why not.
 */
public final class ExportViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ExportViewModel.class);

    /** What can be exported. */
    public enum What { MEMBERS, VISITS, LEDGER }

    private final CsvExport export;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Clock clock;

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);

    public ExportViewModel(CsvExport export, TaskRunner tasks, I18n i18n, Clock clock) {
        this.export = Objects.requireNonNull(export);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.clock = Objects.requireNonNull(clock);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The outcome of the last export, empty if none. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether {@link #messageProperty()} reports a failure. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** The file name offered in the save dialog, with today's date ("members-2025-03-01.csv"). */
    public String suggestedName(What what) {
        return i18n.get(switch (what) {
            case MEMBERS -> "export.members.file";
            case VISITS -> "export.visits.file";
            case LEDGER -> "export.ledger.file";
        }, LocalDate.now(clock).toString());
    }

    /** Writes {@code what} to {@code file} (replaced if it exists) in the background. */
    public void export(What what, Path file) {
        Objects.requireNonNull(file);
        if (busy.get()) {
            return;
        }
        busy.set(true);
        message.set("");
        tasks.run(() -> switch (what) {
            case MEMBERS -> export.members(file);
            case VISITS -> export.visits(file);
            case LEDGER -> export.ledger(file);
        }, rows -> {
            busy.set(false);
            failed.set(false);
            message.set(i18n.plural(switch (what) {
                case MEMBERS -> "export.done.members";
                case VISITS -> "export.done.visits";
                case LEDGER -> "export.done.ledger";
            }, rows, file.toString()));
        }, e -> {
            busy.set(false);
            LOG.warn("Export of {} to {} failed: {}", what, file, e.toString());
            failed.set(true);
            message.set(i18n.failure(e, "export.failed"));
        });
    }
}
