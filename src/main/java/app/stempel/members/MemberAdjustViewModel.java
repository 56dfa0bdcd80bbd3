package app.stempel.members;

import static app.stempel.members.MembersViewModel.blank;

import java.util.Objects;
import java.util.function.Supplier;

import app.stempel.core.Actor;
import app.stempel.members.MemberDirectory.Profile;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The profile's corrections tab: the owner adds or takes off stamps and points, with a reason. */
public final class MemberAdjustViewModel {

    private final MembersViewModel screen;
    private final MemberCorrections corrections;
    private final Supplier<Actor> actor;

    private final StringProperty stamps = new SimpleStringProperty("");
    private final StringProperty points = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");

    MemberAdjustViewModel(MembersViewModel screen, MemberCorrections corrections, Supplier<Actor> actor) {
        this.screen = Objects.requireNonNull(screen);
        this.corrections = Objects.requireNonNull(corrections);
        this.actor = Objects.requireNonNull(actor);
    }

    /** Empties the form. */
    void reset() {
        stamps.set("");
        points.set("");
        reason.set("");
    }

    public StringProperty stampsProperty() {
        return stamps;
    }

    public StringProperty pointsProperty() {
        return points;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** Adds the typed stamps and points (negative to take off) with the reason (owner only). */
    public void adjust() {
        Profile p = screen.profileProperty().get();
        if (p == null) {
            return;
        }
        Integer addStamps = whole(stamps.get());
        Integer addPoints = whole(points.get());
        if (addStamps == null || addPoints == null) {
            screen.refuse("members.adjust.invalid");
            return;
        }
        if (addStamps == 0 && addPoints == 0) {
            screen.refuse("members.refused.nothing");
            return;
        }
        if (blank(reason.get())) {
            screen.refuse("members.refused.reason");
            return;
        }
        String why = reason.get();
        screen.run(() -> corrections.adjust(p.id(), addStamps, addPoints, why, actor.get()), id -> {
            reset();
            screen.refresh("members.adjust.done");
        }, "members.failed.save");
    }

    private static Integer whole(String s) {
        if (blank(s)) {
            return 0;
        }
        try {
            return Integer.parseInt(s.strip().replace("+", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
