package app.stempel.members;

import static app.stempel.members.MembersViewModel.blank;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import app.stempel.members.MemberDirectory.Group;
import app.stempel.members.MemberDirectory.Profile;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The profile's edit tab: the member's details as a form, checked before saving, and blocking. */
public final class MemberEditViewModel {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-/.]{3,40}");
    /** The chooser's "no group". */
    public static final Group NO_GROUP = new Group(-1, "");

    private final MembersViewModel screen;
    private final MemberDirectory directory;
    private final Clock clock;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty birthday = new SimpleStringProperty("");
    private final BooleanProperty consent = new SimpleBooleanProperty(false);
    private final ObjectProperty<Group> group = new SimpleObjectProperty<>(NO_GROUP);
    private final StringProperty note = new SimpleStringProperty("");
    private final ObservableList<Group> groups = FXCollections.observableArrayList(NO_GROUP);

    MemberEditViewModel(MembersViewModel screen, MemberDirectory directory, Clock clock) {
        this.screen = Objects.requireNonNull(screen);
        this.directory = Objects.requireNonNull(directory);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The groups to choose from, after "no group". */
    void offer(List<Group> all) {
        groups.setAll(NO_GROUP);
        groups.addAll(all);
    }

    /** Fills the form with {@code p}. */
    void show(Profile p) {
        name.set(p.name());
        phone.set(orEmpty(p.phone()));
        email.set(orEmpty(p.email()));
        birthday.set(p.birthday() == null ? "" : p.birthday().toString());
        consent.set(p.marketingConsent());
        note.set(orEmpty(p.note()));
        group.set(groups.stream().filter(g -> p.groupId() != null && g.id() == p.groupId()).findFirst()
                .orElse(NO_GROUP));
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty emailProperty() {
        return email;
    }

    /** The birthday as typed, YYYY-MM-DD, or empty. */
    public StringProperty birthdayProperty() {
        return birthday;
    }

    public BooleanProperty consentProperty() {
        return consent;
    }

    /** The member's group; {@link #NO_GROUP} for none. */
    public ObjectProperty<Group> groupProperty() {
        return group;
    }

    public ObservableList<Group> groups() {
        return groups;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** Checks the form and saves it; a problem is said and nothing is saved. */
    public void save() {
        Profile p = screen.profileProperty().get();
        if (p == null) {
            return;
        }
        String problem = null;
        LocalDate born = null;
        if (name.get() == null || name.get().isBlank()) {
            problem = "members.invalid.name";
        } else if (!blank(email.get()) && !EMAIL.matcher(email.get().strip()).matches()) {
            problem = "members.invalid.email";
        } else if (!blank(phone.get()) && (!PHONE.matcher(phone.get().strip()).matches()
                || phone.get().chars().filter(Character::isDigit).count() < 3)) {
            problem = "members.invalid.phone";
        } else if (!blank(birthday.get())) {
            try {
                born = LocalDate.parse(birthday.get().strip());
                if (born.isAfter(LocalDate.now(clock))) {
                    problem = "members.invalid.birthdayFuture";
                }
            } catch (DateTimeParseException e) {
                problem = "members.invalid.birthday";
            }
        }
        if (problem != null) {
            screen.refuse(problem);
            return;
        }
        Group g = group.get();
        MemberDirectory.Changes changes = new MemberDirectory.Changes(name.get(), phone.get(), email.get(), born,
                consent.get(), g == null || g == NO_GROUP ? null : g.id(), note.get());
        long id = p.id();
        screen.run(() -> {
            directory.edit(id, changes);
            return Boolean.TRUE;
        }, ok -> screen.refresh("members.saved"), "members.failed.save");
    }

    /** Blocks an active member, or unblocks a blocked one. */
    public void toggleBlocked() {
        Profile p = screen.profileProperty().get();
        if (p == null || p.gone()) {
            return;
        }
        boolean block = p.active();
        screen.run(() -> {
            directory.setBlocked(p.id(), block);
            return Boolean.TRUE;
        }, ok -> screen.refresh(block ? "members.blocked.done" : "members.unblocked.done"), "members.failed.save");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
