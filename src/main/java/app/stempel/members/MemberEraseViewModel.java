package app.stempel.members;

import java.util.Objects;

import app.stempel.members.MemberDirectory.Profile;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The profile's erase tab: erasing the member's personal data (owner only), asked twice: once by pressing
 * "Erase", then by typing the member's name or {@value #ERASE_WORD}.
 */
public final class MemberEraseViewModel {

    /** What may be typed instead of the member's name to confirm erasure. */
    public static final String ERASE_WORD = "ERASE";

    private final MembersViewModel screen;
    private final MemberCorrections corrections;

    private final ReadOnlyBooleanWrapper asked = new ReadOnlyBooleanWrapper(false);
    private final StringProperty typed = new SimpleStringProperty("");
    private final BooleanBinding confirmed;

    MemberEraseViewModel(MembersViewModel screen, MemberCorrections corrections) {
        this.screen = Objects.requireNonNull(screen);
        this.corrections = Objects.requireNonNull(corrections);
        confirmed = Bindings.createBooleanBinding(() -> {
            Profile p = screen.profileProperty().get();
            String text = typed.get() == null ? "" : typed.get().strip();
            return p != null && asked.get()
                    && (text.equals(ERASE_WORD) || (!text.isEmpty() && text.equalsIgnoreCase(p.name().strip())));
        }, screen.profileProperty(), typed, asked);
    }

    /** Takes back the question, as for another member. */
    void reset() {
        asked.set(false);
        typed.set("");
    }

    public ReadOnlyBooleanProperty askedProperty() {
        return asked.getReadOnlyProperty();
    }

    /** What the person typed to confirm: the member's name or {@value #ERASE_WORD}. */
    public StringProperty typedProperty() {
        return typed;
    }

    /** True when the typed confirmation matches. */
    public BooleanBinding confirmedBinding() {
        return confirmed;
    }

    /** The first time of asking. */
    public void ask() {
        Profile p = screen.profileProperty().get();
        if (p == null || p.gone()) {
            return;
        }
        typed.set("");
        asked.set(true);
    }

    public void cancel() {
        reset();
    }

    /** Erases the member once both confirmations are given (owner only). */
    public void confirm() {
        Profile p = screen.profileProperty().get();
        if (p == null || !confirmed.get()) {
            screen.refuse("members.erase.typeName");
            return;
        }
        screen.run(() -> {
            corrections.erase(p.id());
            return Boolean.TRUE;
        }, ok -> {
            reset();
            screen.refresh("members.erase.done");
        }, "members.failed.save");
    }
}
