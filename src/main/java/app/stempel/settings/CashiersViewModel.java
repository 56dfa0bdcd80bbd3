package app.stempel.settings;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.stempel.settings.CashierService.Staff;
import app.stempel.ui.I18n;
import app.stempel.ui.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The owner's list of cashiers: add one (with a PIN or without), rename, set or take away the PIN, and
 * let one leave or come back. Nobody is deleted: the history keeps their name.
 */
public final class CashiersViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(CashiersViewModel.class);

    private final CashierService cashiers;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final ObservableList<Staff> staff = FXCollections.observableArrayList();
    private final ObjectProperty<Staff> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty pin = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();

    public CashiersViewModel(CashierService cashiers, TaskRunner tasks, I18n i18n) {
        this.cashiers = Objects.requireNonNull(cashiers);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        selected.addListener((obs, old, now) -> {
            name.set(now == null ? "" : now.name());
            pin.set("");
        });
    }

    /** Everyone who works or worked at the till, active first. */
    public ObservableList<Staff> staff() {
        return staff;
    }

    public ObjectProperty<Staff> selectedProperty() {
        return selected;
    }

    /** The name typed for a new cashier or a new name for the chosen one. */
    public StringProperty nameProperty() {
        return name;
    }

    /** A PIN typed for a new cashier or for the chosen one; empty for none. */
    public StringProperty pinProperty() {
        return pin;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public void load() {
        tasks.run(cashiers::all, this::show, e -> fail(e, "error.unexpected"));
    }

    /** Adds a cashier with the typed name and PIN (if any). */
    public void add() {
        String n = validName();
        String p = validPin();
        if (n == null || p == null) {
            return;
        }
        change(() -> cashiers.add(n, p.isEmpty() ? null : p).name(), "settings.cashiers.added");
    }

    /** Gives the chosen cashier the typed name. */
    public void rename() {
        Staff s = selected.get();
        String n = validName();
        if (s == null || n == null) {
            return;
        }
        change(() -> {
            cashiers.rename(s.id(), n);
            return n;
        }, "settings.cashiers.renamed");
    }

    /** Gives the chosen cashier the typed PIN, or takes theirs away when none is typed. */
    public void setPin() {
        Staff s = selected.get();
        String p = validPin();
        if (s == null || p == null) {
            return;
        }
        change(() -> {
            cashiers.setPin(s.id(), p.isEmpty() ? null : p);
            return s.name();
        }, p.isEmpty() ? "settings.cashiers.pinRemoved" : "settings.cashiers.pinSet");
    }

    /** The chosen cashier leaves the till's list, or comes back to it. */
    public void toggleActive() {
        Staff s = selected.get();
        if (s == null) {
            return;
        }
        change(() -> {
            cashiers.setActive(s.id(), !s.active());
            return s.name();
        }, s.active() ? "settings.cashiers.left" : "settings.cashiers.back");
    }

    private String validName() {
        String n = name.get() == null ? "" : name.get().strip();
        if (n.isEmpty() || n.length() > CashierService.NAME_MAX) {
            say(true, i18n.get("cashier.error.name"));
            return null;
        }
        return n;
    }

    /** The typed PIN, "" for none, or null (with a message) when it is not 4 to 8 digits. */
    private String validPin() {
        String p = pin.get() == null ? "" : pin.get().strip();
        if (!p.isEmpty() && !Pins.isValidCashier(p)) {
            say(true, i18n.get("settings.cashiers.pinInvalid"));
            return null;
        }
        return p;
    }

    private void change(Callable<String> work, String doneKey) {
        tasks.run(() -> {
            String who = work.call();
            return new Changed(who, cashiers.all());
        }, changed -> {
            show(changed.staff());
            name.set("");
            pin.set("");
            say(false, i18n.get(doneKey, changed.who()));
        }, e -> fail(e, "error.unexpected"));
    }

    private void show(List<Staff> list) {
        Staff was = selected.get();
        staff.setAll(list);
        selected.set(was == null ? null : list.stream().filter(s -> s.id() == was.id()).findFirst().orElse(null));
    }

    private void fail(Throwable e, String key) {
        LOG.warn("Cashiers: {}", e.toString());
        say(true, i18n.failure(e, key));
    }

    private void say(boolean failure, String text) {
        failed.set(failure);
        message.set(text);
    }

    private record Changed(String who, List<Staff> staff) {
    }
}
