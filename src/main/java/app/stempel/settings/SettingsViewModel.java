package app.stempel.settings;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Consumer;

import app.stempel.core.Language;
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
import java.time.Clock;
import org.slf4j.LoggerFactory;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.IntegerProperty;
import java.util.concurrent.Callable;

/**
 * The settings screen: the language, how soon owner mode ends, how often the quick survey asks, the owner's PIN, backing up now, restoring
 * a backup. All of it is the owner's; the service refuses it outside owner mode.
 */
public final class SettingsViewModel {

    private final AdminService admin;
    private final Clock clock;
    private final OwnerSession owner;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Consumer<Language> languageChanged;
    private final AdminService.Restorer restorer;

    private final ObjectProperty<Language> language = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Path> pendingRestore = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty idleMinutes = new SimpleIntegerProperty();
    private final StringProperty surveyDays = new SimpleStringProperty("");
    private final StringProperty repeatMinutes = new SimpleStringProperty("");
    private final StringProperty oldPin = new SimpleStringProperty("");
    private final StringProperty newPin = new SimpleStringProperty("");
    private final StringProperty newPinAgain = new SimpleStringProperty("");

    public SettingsViewModel(AdminService admin, OwnerSession owner, TaskRunner tasks, I18n i18n, Clock clock,
            Consumer<Language> languageChanged, AdminService.Restorer restorer) {
        this.clock = Objects.requireNonNull(clock);
        this.admin = Objects.requireNonNull(admin);
        this.owner = Objects.requireNonNull(owner);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.languageChanged = Objects.requireNonNull(languageChanged);
        this.restorer = Objects.requireNonNull(restorer);
        language.set(i18n.language());
        idleMinutes.set((int) owner.idleLimit().toMinutes());
        tasks.run(admin::surveyDays, days -> surveyDays.set(String.valueOf(days)), e -> LoggerFactory.getLogger(SettingsViewModel.class)
                .warn("Could not read the survey setting", e));
        tasks.run(admin::repeatStampMinutes, m -> repeatMinutes.set(String.valueOf(m)), e -> LoggerFactory
                .getLogger(SettingsViewModel.class).warn("Could not read the repeat stamp setting", e));
    }

    /** Minutes after a visit in which another stamp for the same member asks the cashier first, as typed. */
    public StringProperty repeatMinutesProperty() {
        return repeatMinutes;
    }

    /** Stores how long after a visit another stamp for the same member asks the cashier first. */
    public void applyRepeatMinutes() {
        int minutes = whole(repeatMinutes.get(), AdminService.REPEAT_MINUTES_MIN, AdminService.REPEAT_MINUTES_MAX);
        if (minutes < 0) {
            say(true, i18n.get("settings.repeat.invalid"));
            return;
        }
        run(() -> {
            admin.setRepeatStampMinutes(minutes);
            return minutes;
        }, m -> say(false, m == 0 ? i18n.get("settings.repeat.off") : i18n.plural("settings.repeat.done", m)),
                "error.unexpected");
    }

    /** A typed whole number from {@code min} to {@code max}, or -1 for anything else. */
    private static int whole(String typed, int min, int max) {
        String text = typed == null ? "" : typed.strip();
        int n = text.matches("\\d{1,9}") ? Integer.parseInt(text) : -1;
        return n >= min && n <= max ? n : -1;
    }

    /** After how many days the counter's quick survey asks a member again, as typed; 0 never asks. */
    public StringProperty surveyDaysProperty() {
        return surveyDays;
    }

    /** Stores how often the quick survey asks a member. */
    public void applySurveyDays() {
        int days = whole(surveyDays.get(), AdminService.SURVEY_DAYS_MIN, AdminService.SURVEY_DAYS_MAX);
        if (days < 0) {
            say(true, i18n.get("settings.survey.invalid"));
            return;
        }
        run(() -> {
            admin.setSurveyDays(days);
            return days;
        }, d -> say(false, d == 0 ? i18n.get("settings.survey.off") : i18n.plural("settings.survey.done", d)),
                "error.unexpected");
    }

    /** Minutes of no activity after which owner mode ends by itself. */
    public IntegerProperty idleMinutesProperty() {
        return idleMinutes;
    }

    public StringProperty oldPinProperty() {
        return oldPin;
    }

    public StringProperty newPinProperty() {
        return newPin;
    }

    public StringProperty newPinAgainProperty() {
        return newPinAgain;
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
        return "stempel-" + LocalDate.now(clock) + ".zip";
    }

    /** Stores the chosen language for the shop and switches the window to it. */
    public void applyLanguage() {
        Language chosen = language.get();
        if (chosen == null || chosen == i18n.language()) {
            return;
        }
        run(() -> {
            admin.setLanguage(chosen);
            return chosen;
        }, languageChanged::accept, "error.unexpected");
    }

    /** Stores how soon owner mode ends by itself. */
    public void applyIdleMinutes() {
        int minutes = idleMinutes.get();
        if (minutes < AdminService.IDLE_MIN || minutes > AdminService.IDLE_MAX) {
            say(true, i18n.get("settings.owner.idle.invalid"));
            return;
        }
        run(() -> {
            admin.setOwnerIdleMinutes(minutes);
            return minutes;
        }, m -> say(false, i18n.plural("settings.owner.idle.done", m)), "error.unexpected");
    }

    /** Changes the owner's PIN: the old one, then the new one twice. */
    public void changePin() {
        String old = oldPin.get() == null ? "" : oldPin.get().strip();
        String now = newPin.get() == null ? "" : newPin.get().strip();
        if (!Pins.isValidOwner(now)) {
            say(true, i18n.get("setup.error.pin"));
            return;
        }
        if (!now.equals(newPinAgain.get() == null ? "" : newPinAgain.get().strip())) {
            say(true, i18n.get("setup.error.pinAgain"));
            return;
        }
        run(() -> owner.changePin(old, now), changed -> {
            if (changed) {
                oldPin.set("");
                newPin.set("");
                newPinAgain.set("");
            }
            say(!changed, i18n.get(changed ? "settings.owner.pin.done" : "settings.owner.pin.wrong"));
        }, "error.unexpected");
    }

    /** Writes a consistent backup to {@code file} while the shop keeps working. */
    public void backupNow(Path file) {
        run(() -> {
            return admin.backup(file);
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
            admin.restore(zip, restorer);
            return zip;
        }, z -> { }, "settings.restore.failed");
    }

    private <T> void run(Callable<T> work, Consumer<T> done, String failureKey) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        tasks.run(work, r -> {
            busy.set(false);
            done.accept(r);
        }, e -> {
            busy.set(false);
            say(true, i18n.failure(e, failureKey));
        });
    }

    private void say(boolean failure, String text) {
        failed.set(failure);
        message.set(text);
    }
}
