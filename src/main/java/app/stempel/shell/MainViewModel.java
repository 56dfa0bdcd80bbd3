package app.stempel.shell;

import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import java.time.LocalDate;
import app.stempel.ui.I18n;
import app.stempel.ui.TaskRunner;
import java.util.Objects;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.stempel.core.Language;
import app.stempel.settings.CashierService.Cashier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import java.util.Optional;
import java.nio.file.Path;
import app.stempel.settings.PinMessages;
import app.stempel.settings.OwnerSession;

/**
 * State of the main window: the database opening in the background, the chosen page, the status line
 * and the error a person should see. Knows nothing of the view.
 */
public final class MainViewModel<S extends OpenShop> {

    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);

    /** Where the start-up stands: opening, first-run setup, choosing the cashier, working, or failed. */
    public enum Phase { OPENING, SETUP, CASHIER, READY, FAILED }

    private final TaskRunner tasks;
    private final I18n i18n;
    private final Callable<S> opener;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.OPENING);
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(Page.COUNTER);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper location = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<S> shop = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Cashier> cashier = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Language> chosenLanguage = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper ownerOpen = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper ownerBusy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper ownerMessage = new ReadOnlyStringWrapper("");
    private int memberCount;

    public MainViewModel(TaskRunner tasks, I18n i18n, Callable<S> opener) {
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.opener = Objects.requireNonNull(opener);
        status.set(i18n.get("startup.opening"));
    }

    // --- properties

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    /** The left part of the status line: what the app is doing or how big the shop is. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The right part of the status line: where the data lives. */
    public ReadOnlyStringProperty locationProperty() {
        return location.getReadOnlyProperty();
    }

    /** The message a person should read now, empty if none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The open shop, once {@link Phase#READY}. */
    public ReadOnlyObjectProperty<S> shopProperty() {
        return shop.getReadOnlyProperty();
    }

    /** Who is at the till, once chosen. */
    public ReadOnlyObjectProperty<Cashier> cashierProperty() {
        return cashier.getReadOnlyProperty();
    }

    /** The language chosen in the first-run wizard, once it has run. */
    public ReadOnlyObjectProperty<Language> chosenLanguageProperty() {
        return chosenLanguage.getReadOnlyProperty();
    }

    /** Whether owner mode is open at this till. */
    public ReadOnlyBooleanProperty ownerOpenProperty() {
        return ownerOpen.getReadOnlyProperty();
    }

    /** True while a PIN is being checked. */
    public ReadOnlyBooleanProperty ownerBusyProperty() {
        return ownerBusy.getReadOnlyProperty();
    }

    /** Why the last PIN did not open owner mode, empty if it did or none was typed. */
    public ReadOnlyStringProperty ownerMessageProperty() {
        return ownerMessage.getReadOnlyProperty();
    }

    // --- owner mode

    /** Checks the owner's PIN in the background; owner mode opens if it is right. */
    public void unlockOwner(String pin) {
        S s = shop.get();
        if (s == null || ownerBusy.get()) {
            return;
        }
        ownerBusy.set(true);
        tasks.run(() -> s.owner().unlock(pin), attempt -> {
            ownerBusy.set(false);
            ownerMessage.set(PinMessages.of(attempt, i18n));
            ownerOpen.set(s.owner().isOpen());
            if (attempt instanceof OwnerSession.Attempt.Opened opened && opened.lengthen()) {
                showNotice("owner.pin.lengthen");
            }
        }, e -> {
            ownerBusy.set(false);
            showError(e);
        });
    }

    /** Ends owner mode now (the key, or the button). */
    public void endOwnerMode() {
        S s = shop.get();
        if (s != null) {
            s.owner().end();
        }
        ownerMessage.set("");
        ownerOpen.set(false);
    }

    /** The person did something: owner mode's idle time starts again. */
    public void activity() {
        S s = shop.get();
        if (s != null && ownerOpen.get()) {
            s.owner().touch();
        }
    }

    // --- the daily backup

    private boolean dailyBackups;
    private LocalDate backedUpOn;
    private boolean backingUp;

    /** Takes the automatic daily backup from now on (the window does; tests of other things need not). */
    public void takeDailyBackups() {
        dailyBackups = true;
        backupIfDue();
    }

    /**
     * Today's automatic backup in the background, if it has not been taken today: called when the shop opens
     * and every second, so a till left open for days still has one a day. Cheap when nothing is due.
     */
    public void backupIfDue() {
        S s = shop.get();
        // a shop still in its first-run wizard has nothing to keep yet: its first backup follows the setup
        boolean setUp = phase.get() == Phase.CASHIER || phase.get() == Phase.READY;
        if (!dailyBackups || s == null || backingUp || !setUp) {
            return;
        }
        LocalDate today = LocalDate.now(s.clock());
        if (today.equals(backedUpOn)) {
            return;
        }
        backingUp = true;
        tasks.run(() -> s.dailyBackup(), written -> {
            backingUp = false;
            backedUpOn = today;
            written.ifPresent(f -> LOG.info("Daily backup {}", f));
        }, e -> {
            backingUp = false;
            backedUpOn = today; // tried today: the backup on closing and tomorrow's try again
            LOG.error("Daily backup failed", e);
            if (s == shop.get()) {
                showProblem("error.backup");
            }
        });
    }

    /** Called now and then: notices that owner mode ended by itself. */
    public void checkOwner() {
        S s = shop.get();
        if (s != null && ownerOpen.get() && !s.owner().isOpen()) {
            ownerOpen.set(false);
            showNotice("owner.ended");
        }
    }

    // --- commands

    /** Opens the database in the background; the window is usable for reading meanwhile. */
    public void open() {
        phase.set(Phase.OPENING);
        status.set(i18n.get("startup.opening"));
        tasks.run(() -> {
            S s = opener.call();
            return new Opened<>(s, s.memberCount(), s.isSetUp());
        }, opened -> {
            shop.set(opened.shop());
            // before the first-run setup the gate lets the wizard work; owner mode itself opens with the PIN
            ownerOpen.set(opened.setUp() && opened.shop().owner().isOpen());
            memberCount = opened.memberCount();
            location.set(i18n.get("status.dataDir", opened.shop().dataDir().toString()));
            status.set(i18n.plural("status.members", memberCount));
            phase.set(opened.setUp() ? Phase.CASHIER : Phase.SETUP);
            backupIfDue();
            if (opened.setUp()) {
                startOfDay();
            }
        }, e -> {
            phase.set(Phase.FAILED);
            status.set(i18n.get("startup.failed"));
            showError(e);
        });
    }

    /** The first-run wizard finished; the shop's language is {@code language}. */
    public void setupDone(Language language) {
        chosenLanguage.set(language);
        refreshCount();
        phase.set(Phase.CASHIER);
        backupIfDue();
        startOfDay();
    }

    private void startOfDay() {
        S s = shop.get();
        tasks.run(() -> {
            s.startOfDay();
            return null;
        }, done -> { }, e -> LOG.error("The shop's start-of-day work failed", e));
    }

    /** The cashier at the till; the counter opens. */
    public void cashierChosen(Cashier c) {
        cashier.set(Objects.requireNonNull(c));
        status.set(i18n.get("status.cashier", c.name()) + " · " + i18n.plural("status.members", memberCount));
        page.set(Page.COUNTER);
        phase.set(Phase.READY);
    }

    /** Another cashier takes over the till. */
    public void changeCashier() {
        if (phase.get() == Phase.READY) {
            endOwnerMode();
            phase.set(Phase.CASHIER);
        }
    }

    private void refreshCount() {
        S s = shop.get();
        tasks.run(() -> s.memberCount(), n -> {
            memberCount = n;
            status.set(i18n.plural("status.members", n));
        }, this::showError);
    }

    /** Counts the members again for the status line, after members were added in bulk (an import). */
    public void membersChanged() {
        S s = shop.get();
        if (s == null) {
            return;
        }
        tasks.run(() -> s.memberCount(), n -> {
            memberCount = n;
            Cashier c = cashier.get();
            status.set((c == null ? "" : i18n.get("status.cashier", c.name()) + " · ")
                    + i18n.plural("status.members", n));
        }, this::showError);
    }

    public void select(Page p) {
        page.set(Objects.requireNonNull(p));
    }

    /** Shows a short message in the person's language; the details go to the log. */
    public void showError(Throwable e) {
        problem.set(true);
        error.set(i18n.failure(e, "error.unexpected"));
        LOG.error("Shown to the person as: {}", error.get(), e);
        if (I18n.damaged(e)) {
            findGoodBackup();
        }
    }

    // --- a damaged shop

    /** What the window can do about a damaged shop file. */
    public interface Recovery {
        /** The newest backup that reads whole and passes the check, if any (slow: every page of each is read). */
        Optional<Path> newestGoodBackup() throws Exception;

        /** Puts {@code backup} in place of the shop's file, which is kept aside; the shop must be closed. */
        void restore(Path backup) throws Exception;
    }

    private Recovery recovery;
    private boolean searching;
    private final ReadOnlyObjectWrapper<Path> goodBackup = new ReadOnlyObjectWrapper<>();

    /** How a damaged shop is recovered: given by the window (tests of other things need none). */
    public void recoverWith(Recovery r) {
        this.recovery = Objects.requireNonNull(r);
    }

    /** The backup offered after the shop's file turned out damaged while opening, or null. */
    public ReadOnlyObjectProperty<Path> goodBackupProperty() {
        return goodBackup.getReadOnlyProperty();
    }

    /** Damage named: finds the newest good backup in the background and says which it is. */
    private void findGoodBackup() {
        if (recovery == null || searching) {
            return;
        }
        searching = true;
        Recovery r = recovery;
        tasks.run(r::newestGoodBackup, found -> {
            searching = false;
            problem.set(true);
            if (found.isEmpty()) {
                error.set(i18n.get("error.damaged.noGoodBackup"));
            } else if (phase.get() == Phase.FAILED) {
                goodBackup.set(found.get());
                error.set(i18n.get("error.damaged.offer", found.get().getFileName().toString()));
            } else {
                error.set(i18n.get("error.damaged.whileOpen", found.get().getFileName().toString(),
                        found.get().toString()));
            }
        }, e -> {
            searching = false;
            LOG.warn("Could not look for a good backup", e);
        });
    }

    /** Restores the backup offered for a shop that could not open, then opens the shop again. */
    public void restoreGoodBackup() {
        Path zip = goodBackup.get();
        if (zip == null || recovery == null) {
            return;
        }
        goodBackup.set(null);
        error.set("");
        phase.set(Phase.OPENING);
        Recovery r = recovery;
        tasks.run(() -> {
            r.restore(zip);
            return zip;
        }, restored -> {
            LOG.info("Restored {} over a damaged shop", restored);
            open();
            showNotice("settings.restore.done");
        }, e -> {
            phase.set(Phase.FAILED);
            showError(e);
        });
    }

    /** Whether the message in {@link #errorProperty()} reports a problem (otherwise it is good news). */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Shows the message of {@code key}; for problems the person should know of but that stop nothing. */
    public void showProblem(String key) {
        problem.set(true);
        error.set(i18n.get(key));
    }

    /** Shows good news in the message bar (a restore that worked, say). */
    public void showNotice(String key) {
        problem.set(false);
        error.set(i18n.get(key));
    }

    /** Opens the counter for {@code c} at once if the shop asks for a cashier: after a restart. */
    public void resumeWith(Cashier c, Page at) {
        phase.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Phase> obs, Phase old, Phase now) {
                if (now == Phase.CASHIER || now == Phase.FAILED) {
                    phase.removeListener(this);
                    if (now == Phase.CASHIER) {
                        cashierChosen(c);
                        page.set(at);
                    }
                }
            }
        });
    }

    public void dismissError() {
        error.set("");
    }

    private record Opened<S>(S shop, int memberCount, boolean setUp) {
    }
}
