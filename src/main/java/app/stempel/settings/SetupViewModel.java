package app.stempel.settings;

import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

import app.stempel.core.Language;
import app.stempel.settings.SetupService.Setup;
import app.stempel.ui.I18n;
import app.stempel.ui.TaskRunner;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.application.Platform;
import java.util.function.DoubleConsumer;
import java.util.function.Consumer;
import java.util.Locale;

/**
 * The first-run wizard: shop name, currency, language, the stamp card, the owner's PIN and the first
 * cashier; or the same with a believable demo shop filled in behind it.
 */
public final class SetupViewModel {

    /** Currencies offered first; any ISO code may be typed. */
    public static final List<String> CURRENCIES = List.of("PLN", "NOK", "EUR", "RUB", "SEK", "DKK", "GBP", "USD");

    /** Fills a demo shop; reports progress from 0 to 1. */
    public interface DemoFiller {
        /** @param reward what a full card gives, as typed in the wizard (in the shop's language) */
        void fill(Currency currency, String reward, DoubleConsumer progress) throws Exception;
    }

    private final SetupService setup;
    private final DemoFiller demo;
    private final TaskRunner tasks;
    private final I18n i18n;

    private final StringProperty shopName = new SimpleStringProperty("");
    private final StringProperty currency = new SimpleStringProperty();
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>();
    private final StringProperty stamps = new SimpleStringProperty("10");
    private final StringProperty reward = new SimpleStringProperty();
    private final StringProperty pin = new SimpleStringProperty("");
    private final StringProperty pinAgain = new SimpleStringProperty("");
    private final StringProperty cashier = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);

    public SetupViewModel(SetupService setup, DemoFiller demo, TaskRunner tasks, I18n i18n) {
        this.setup = Objects.requireNonNull(setup);
        this.demo = Objects.requireNonNull(demo);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        language.set(i18n.language());
        currency.set(switch (i18n.language()) {
            case POLISH -> "PLN";
            case NORWEGIAN -> "NOK";
            case RUSSIAN -> "RUB";
            case ENGLISH -> "EUR";
        });
        reward.set(i18n.get("setup.reward.default"));
    }

    public StringProperty shopNameProperty() {
        return shopName;
    }

    /** ISO 4217 code. */
    public StringProperty currencyProperty() {
        return currency;
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public StringProperty stampsProperty() {
        return stamps;
    }

    public StringProperty rewardProperty() {
        return reward;
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public StringProperty pinAgainProperty() {
        return pinAgain;
    }

    public StringProperty cashierProperty() {
        return cashier;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Progress of the demo data, 0 to 1. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** Sets the shop up as typed; {@code onDone} receives the chosen language. */
    public void start(Consumer<Language> onDone) {
        run(false, onDone);
    }

    /** Sets the shop up and fills it with a demo shop of 2,000 members and two years of visits. */
    public void startWithDemo(Consumer<Language> onDone) {
        run(true, onDone);
    }

    private void run(boolean withDemo, Consumer<Language> onDone) {
        if (busy.get()) {
            return;
        }
        Setup s;
        try {
            s = checked();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        error.set("");
        busy.set(true);
        progress.set(withDemo ? 0 : -1);
        Callable<Language> work = () -> {
            if (withDemo) {
                demo.fill(s.currency(), s.reward(), p -> Platform.runLater(() -> progress.set(p)));
            }
            setup.apply(s, !withDemo);
            return s.language();
        };
        tasks.run(work, chosen -> {
            busy.set(false);
            onDone.accept(chosen);
        }, e -> {
            busy.set(false);
            error.set(i18n.get("error.unexpected"));
        });
    }

    private Setup checked() {
        String name = shopName.get() == null ? "" : shopName.get().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new IllegalArgumentException(i18n.get("setup.error.name"));
        }
        Currency cur;
        try {
            cur = Currency.getInstance(currency.get() == null ? "" : currency.get().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(i18n.get("setup.error.currency", String.valueOf(currency.get())));
        }
        int n;
        try {
            n = Integer.parseInt(stamps.get().strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 50) {
            throw new IllegalArgumentException(i18n.get("setup.error.stamps", String.valueOf(stamps.get())));
        }
        String r = reward.get() == null ? "" : reward.get().strip();
        if (r.isEmpty() || r.length() > 200) {
            throw new IllegalArgumentException(i18n.get("setup.error.reward"));
        }
        if (!Pins.isValidOwner(pin.get())) {
            throw new IllegalArgumentException(i18n.get("setup.error.pin"));
        }
        if (!pin.get().equals(pinAgain.get())) {
            throw new IllegalArgumentException(i18n.get("setup.error.pinAgain"));
        }
        return new Setup(name, cur, language.get(), n, r, pin.get(), cashier.get());
    }
}
