package app.stempel.settings;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import app.stempel.core.Language;
import app.stempel.store.Backups;
import app.stempel.store.Database;
import app.stempel.ui.I18n;
import app.stempel.ui.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/** The settings screen: the language, backing up now, restoring a backup. */
public final class SettingsViewModel {

    /** Restores a backup: closes the shop, restores, reopens; throws what went wrong. */
    public interface Restorer {
        void restore(Path zip) throws Exception;
    }

    private final Database db;
    private final SettingsService settings;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Consumer<Language> languageChanged;
    private final Restorer restorer;

    private final ObjectProperty<Language> language = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Path> pendingRestore = new ReadOnlyObjectWrapper<>();

    public SettingsViewModel(Database db, SettingsService settings, TaskRunner tasks, I18n i18n,
            Consumer<Language> languageChanged, Restorer restorer) {
        this.db = Objects.requireNonNull(db);
        this.settings = Objects.requireNonNull(settings);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.languageChanged = Objects.requireNonNull(languageChanged);
        this.restorer = Objects.requireNonNull(restorer);
        language.set(i18n.language());
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    /** The outcome of the last action, empty if none. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether {@link #messageProperty()} reports a failure. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** A backup chosen for restoring, waiting for the person to confirm; null if none. */
    public ReadOnlyObjectProperty<Path> pendingRestoreProperty() {
        return pendingRestore.getReadOnlyProperty();
    }

    /** File name offered for "back up now". */
    public String suggestedBackupName() {
        return "stempel-" + LocalDate.now() + ".zip";
    }

    /** Stores the chosen language for the shop and switches the window to it. */
    public void applyLanguage() {
        Language chosen = language.get();
        if (chosen == null || chosen == i18n.language()) {
            return;
        }
        run(() -> {
            settings.putAll(Map.of(SettingsService.LANGUAGE, chosen.code()));
            return chosen;
        }, languageChanged::accept, "error.unexpected");
    }

    /** Writes a consistent backup to {@code file} while the shop keeps working. */
    public void backupNow(Path file) {
        run(() -> {
            Backups.backup(db, file);
            return file;
        }, f -> say(false, i18n.get("settings.backup.done", f.toString())), "settings.backup.failed");
    }

    /** Asks to restore {@code zip}; nothing happens until {@link #confirmRestore()}. */
    public void chooseRestore(Path zip) {
        pendingRestore.set(zip);
        say(false, "");
    }

    public void cancelRestore() {
        pendingRestore.set(null);
    }

    /** Restores the chosen backup: the app closes the shop, restores, checks and reopens. */
    public void confirmRestore() {
        Path zip = pendingRestore.get();
        if (zip == null) {
            return;
        }
        pendingRestore.set(null);
        run(() -> {
            restorer.restore(zip);
            return zip;
        }, z -> { }, "settings.restore.failed");
    }

    private <T> void run(java.util.concurrent.Callable<T> work, Consumer<T> done, String failureKey) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        tasks.run(work, r -> {
            busy.set(false);
            done.accept(r);
        }, e -> {
            busy.set(false);
            say(true, e instanceof Backups.RestoreException re
                    ? i18n.get(re.reason() == Backups.RestoreException.Reason.FAILS_CHECK
                            ? "settings.restore.failsCheck" : "settings.restore.notABackup")
                    : i18n.get(failureKey));
        });
    }

    private void say(boolean failure, String text) {
        failed.set(failure);
        message.set(text);
    }
}
