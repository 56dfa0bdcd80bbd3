package app.stempel.settings;

import java.util.Objects;
import java.util.function.Consumer;

import app.stempel.settings.CashierService.Cashier;
import app.stempel.ui.I18n;
import app.stempel.ui.TaskRunner;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * "Who is at the till?": the active cashiers; choosing one (a cashier with a PIN types it first); and the
 * owner adding a cashier with the owner's PIN, owner mode opening for that alone. Plain Java, testable
 * without a screen; the work runs in the background.
 */
public final class CashierChoiceViewModel {

    private final CashierService cashiers;
    private final OwnerSession owner;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Consumer<Cashier> onChosen;
    private final ObservableList<Cashier> active = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Cashier> asking = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final StringProperty pin = new SimpleStringProperty("");
    private final StringProperty newName = new SimpleStringProperty("");
    private final StringProperty ownerPin = new SimpleStringProperty("");

    /** @param onChosen told the cashier who is at the till now */
    public CashierChoiceViewModel(CashierService cashiers, OwnerSession owner, TaskRunner tasks, I18n i18n,
            Consumer<Cashier> onChosen) {
        this.cashiers = Objects.requireNonNull(cashiers);
        this.owner = Objects.requireNonNull(owner);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.onChosen = Objects.requireNonNull(onChosen);
    }

    /** Reads the active cashiers. */
    public void load() {
        tasks.run(cashiers::active, list -> {
            active.setAll(list);
            loaded.set(true);
        }, e -> error.set(i18n.get("error.unexpected")));
    }

    /** True once the cashiers have been read (the list may be empty). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ObservableList<Cashier> active() {
        return active;
    }

    /** The cashier whose PIN is asked for now, or null. */
    public ReadOnlyObjectProperty<Cashier> askingProperty() {
        return asking.getReadOnlyProperty();
    }

    /** Why the last step did nothing, empty if it did. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The chosen cashier's PIN, as typed. */
    public StringProperty pinProperty() {
        return pin;
    }

    /** The name of a cashier the owner adds. */
    public StringProperty newNameProperty() {
        return newName;
    }

    /** The owner's PIN, as typed for adding a cashier. */
    public StringProperty ownerPinProperty() {
        return ownerPin;
    }

    /** A cashier without a PIN is at the till at once; one with a PIN is asked for it. */
    public void choose(Cashier c) {
        error.set("");
        if (!c.hasPin()) {
            onChosen.accept(c);
            return;
        }
        pin.set("");
        asking.set(c);
    }

    /** Checks the PIN typed for the cashier asked for. */
    public void checkPin() {
        Cashier c = asking.get();
        if (c == null) {
            return;
        }
        String typed = pin.get();
        tasks.run(() -> cashiers.pinMatches(c.id(), typed), ok -> {
            pin.set("");
            if (ok) {
                asking.set(null);
                onChosen.accept(c);
            } else {
                error.set(i18n.get("cashier.pin.wrong"));
            }
        }, e -> error.set(i18n.get("error.unexpected")));
    }

    /** The owner adds a cashier, who is then at the till: owner mode opens for it and ends at once after. */
    public void add() {
        String n = newName.get() == null ? "" : newName.get().strip();
        if (n.isEmpty()) {
            error.set(i18n.get("cashier.error.name"));
            return;
        }
        error.set("");
        String typed = ownerPin.get();
        boolean wasOpen = owner.isOpen();
        tasks.run(() -> {
            OwnerSession.Attempt attempt = owner.unlock(typed);
            if (!(attempt instanceof OwnerSession.Attempt.Opened)) {
                return new Added(null, attempt);
            }
            try {
                return new Added(cashiers.add(n, null), attempt);
            } finally {
                if (!wasOpen) {
                    owner.end();
                }
            }
        }, added -> {
            ownerPin.set("");
            if (added.cashier() != null) {
                newName.set("");
                onChosen.accept(added.cashier());
            } else {
                error.set(PinMessages.of(added.attempt(), i18n));
            }
        }, e -> error.set(i18n.get("error.unexpected")));
    }

    private record Added(Cashier cashier, OwnerSession.Attempt attempt) {
    }
}
