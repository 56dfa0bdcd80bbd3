package app.stempel.counter;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import app.stempel.core.Actor;
import app.stempel.counter.CounterService.MemberPanel;
import app.stempel.members.MemberService.NewMember;
import app.stempel.ui.I18n;
import app.stempel.ui.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.LoggerFactory;
import java.util.stream.Stream;
import java.time.format.ResolverStyle;

/**
 * The enrolment form: name required; phone, e-mail, birthday and paper stamps optional; marketing
 * consent. Checks what was typed, then enrols in the background and hands the new member over.
 */
public final class EnrolViewModel {

    /** Most paper stamps a customer can bring over. */
    public static final int MAX_PAPER_STAMPS = 100;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{5,25}");
    private static final List<DateTimeFormatter> DATES = Stream.of("uuuu-M-d", "d.M.uuuu", "d/M/uuuu")
            .map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT))
            .toList();

    private final CounterService counter;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Clock clock;
    private final Supplier<Actor> actor;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty birthday = new SimpleStringProperty("");
    private final StringProperty paperStamps = new SimpleStringProperty("");
    private final BooleanProperty consent = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);

    public EnrolViewModel(CounterService counter, TaskRunner tasks, I18n i18n, Clock clock, Supplier<Actor> actor) {
        this.counter = Objects.requireNonNull(counter);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.clock = Objects.requireNonNull(clock);
        this.actor = Objects.requireNonNull(actor);
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

    /** As typed: 1990-04-02, 2.4.1990 or 2/4/1990. */
    public StringProperty birthdayProperty() {
        return birthday;
    }

    public StringProperty paperStampsProperty() {
        return paperStamps;
    }

    public BooleanProperty consentProperty() {
        return consent;
    }

    /** What is wrong with the form, empty if nothing. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Empties the form, with a name to start from (what the cashier had typed in the search box). */
    public void reset(String startName) {
        name.set(startName == null ? "" : startName.strip());
        phone.set("");
        email.set("");
        birthday.set("");
        paperStamps.set("");
        consent.set(false);
        error.set("");
    }

    /** Checks the form and enrols; {@code onSaved} gets the new member's panel. */
    public void save(Consumer<MemberPanel> onSaved) {
        if (saving.get()) {
            return;
        }
        NewMember member;
        int paper;
        try {
            member = checked();
            paper = paper();
        } catch (FormError e) {
            error.set(e.getMessage());
            return;
        }
        error.set("");
        saving.set(true);
        Actor who = actor.get();
        tasks.run(() -> counter.enrol(member, paper, who), panel -> {
            saving.set(false);
            onSaved.accept(panel);
        }, e -> {
            saving.set(false);
            LoggerFactory.getLogger(EnrolViewModel.class).error("Enrolment failed", e);
            error.set(i18n.failure(e, "error.unexpected"));
        });
    }

    private NewMember checked() {
        String n = name.get().strip();
        if (n.isEmpty() || n.length() > 200) {
            throw new FormError(i18n.get("enrol.error.name"));
        }
        String p = phone.get().strip();
        if (!p.isEmpty() && !PHONE.matcher(p).matches()) {
            throw new FormError(i18n.get("enrol.error.phone", p));
        }
        String m = email.get().strip();
        if (!m.isEmpty() && (m.length() > 200 || !EMAIL.matcher(m).matches())) {
            throw new FormError(i18n.get("enrol.error.email", m));
        }
        return new NewMember(n, p, m, birthdayValue(), consent.get());
    }

    private LocalDate birthdayValue() {
        String b = birthday.get().strip();
        if (b.isEmpty()) {
            return null;
        }
        for (DateTimeFormatter f : DATES) {
            try {
                LocalDate d = LocalDate.parse(b, f);
                if (d.isAfter(LocalDate.now(clock)) || d.getYear() < 1900) {
                    break;
                }
                return d;
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        throw new FormError(i18n.get("enrol.error.birthday", b));
    }

    private int paper() {
        String s = paperStamps.get().strip();
        if (s.isEmpty()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(s);
            if (n >= 0 && n <= MAX_PAPER_STAMPS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new FormError(i18n.get("enrol.error.paper", s, MAX_PAPER_STAMPS));
    }

    /** A field that needs fixing; its message is for the person. */
    private static final class FormError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FormError(String message) {
            super(message, null, false, false);
        }
    }
}
