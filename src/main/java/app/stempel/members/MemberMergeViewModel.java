package app.stempel.members;

import static app.stempel.members.MembersViewModel.blank;

import java.util.Objects;
import java.util.function.Supplier;

import app.stempel.core.Actor;
import app.stempel.members.MemberDirectory.Profile;
import app.stempel.search.MemberSearch.MemberRow;
import app.stempel.ui.I18n;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The profile's merge tab: finding the other record of the same person, showing both side by side, and merging
 * it into the member shown once confirmed (owner only).
 */
public final class MemberMergeViewModel {

    /** Members listed when looking for the other record of a merge. */
    static final int FOUND = 8;

    private final MembersViewModel screen;
    private final MemberDirectory directory;
    private final MemberCorrections corrections;
    private final I18n i18n;
    private final Supplier<Actor> actor;

    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<MemberRow> found = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Profile> other = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper asked = new ReadOnlyBooleanWrapper(false);
    private long generation;

    MemberMergeViewModel(MembersViewModel screen, MemberDirectory directory, MemberCorrections corrections,
            I18n i18n, Supplier<Actor> actor) {
        this.screen = Objects.requireNonNull(screen);
        this.directory = Objects.requireNonNull(directory);
        this.corrections = Objects.requireNonNull(corrections);
        this.i18n = Objects.requireNonNull(i18n);
        this.actor = Objects.requireNonNull(actor);
        query.addListener((obs, old, now) -> search(now));
    }

    /** Forgets the search and the choice made for another member. */
    void reset() {
        query.set("");
        found.clear();
        other.set(null);
        asked.set(false);
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<MemberRow> found() {
        return found;
    }

    /** The record chosen to merge into the one shown, with its data for the side-by-side view. */
    public ReadOnlyObjectProperty<Profile> otherProperty() {
        return other.getReadOnlyProperty();
    }

    /** True once "Merge" was pressed and the merge waits for its confirmation. */
    public ReadOnlyBooleanProperty askedProperty() {
        return asked.getReadOnlyProperty();
    }

    private void search(String text) {
        long now = ++generation;
        Profile p = screen.profileProperty().get();
        if (p == null || blank(text)) {
            found.clear();
            return;
        }
        long self = p.id();
        screen.run(() -> directory.browse(text, null, FOUND), page -> {
            if (now == generation) {
                found.setAll(page.rows().stream().filter(r -> r.id() != self).toList());
            }
        }, "members.failed.load");
    }

    /** Shows {@code row} beside the member shown, ready to be merged into them. */
    public void choose(MemberRow row) {
        if (row == null) {
            return;
        }
        asked.set(false);
        screen.run(() -> directory.profile(row.id()), other::set, "members.failed.load");
    }

    /** The first step: asks to confirm the merge. */
    public void ask() {
        if (other.get() == null) {
            screen.refuse("members.merge.choose");
            return;
        }
        asked.set(true);
        Profile p = screen.profileProperty().get();
        screen.say(false, i18n.get("members.merge.confirmText", screen.displayName(other.get().name()),
                screen.displayName(p.name())));
    }

    public void cancel() {
        asked.set(false);
        screen.say(false, "");
    }

    /** Merges the chosen record into the member shown (owner only). */
    public void confirm() {
        Profile target = screen.profileProperty().get();
        Profile source = other.get();
        if (target == null || source == null || !asked.get()) {
            return;
        }
        asked.set(false);
        screen.run(() -> {
            corrections.merge(source.id(), target.id(), actor.get());
            return Boolean.TRUE;
        }, ok -> {
            other.set(null);
            query.set("");
            screen.refresh("members.merge.done", screen.displayName(source.name()));
        }, "members.failed.save");
    }
}
