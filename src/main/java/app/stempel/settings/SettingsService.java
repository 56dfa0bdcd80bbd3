package app.stempel.settings;

import static app.stempel.store.schema.Tables.SETTING;

import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.store.Database;
import app.stempel.core.Language;
import java.util.Map;
import java.time.LocalDate;
import java.time.Duration;

/** The shop's settings, stored as keys and values in the database so every till shares them. */
public final class SettingsService {

    /** Keys of the settings. */
    public static final String SHOP_NAME = "shop.name";
    public static final String CURRENCY = "shop.currency";
    public static final String LANGUAGE = "shop.language";
    public static final String OWNER_PIN = "owner.pin";
    /** Seconds after an action in which the counter's undo key still cancels it. */
    public static final String UNDO_GRACE_SECONDS = "shop.undoGraceSeconds";
    /** Wrong owner PINs in a row, and until when owner mode is locked out (an instant, or empty). */
    public static final String OWNER_FAILURES = "owner.failures";
    public static final String OWNER_LOCKED_UNTIL = "owner.lockedUntil";
    /** When the owner was asked to lengthen a PIN shorter than new ones must be (asked once). */
    public static final String OWNER_PIN_SHORT_ASKED = "owner.pinShortAsked";
    /** Idle minutes after which owner mode ends by itself. */
    public static final String OWNER_IDLE_MINUTES = "owner.idleMinutes";
    /** Days without a visit after which a member no longer counts as active in the reports. */
    public static final String REPORTS_ACTIVE_DAYS = "reports.activeDays";
    /** Days after which the counter's quick survey asks a member again; 0 never asks. */
    public static final String SURVEY_DAYS = "survey.askAgainDays";
    /** {@link #SURVEY_DAYS} when the owner has not set it. */
    public static final int SURVEY_DAYS_DEFAULT = 90;
    /** Minutes after a visit in which a further stamp for the same member asks the cashier first; 0 never asks. */
    public static final String REPEAT_STAMP_MINUTES = "counter.repeatStampMinutes";
    /** {@link #REPEAT_STAMP_MINUTES} when the owner has not set it. */
    public static final int REPEAT_STAMP_MINUTES_DEFAULT = 10;

    /** The day the shop's daily expiry sweep last ran. */
    public static final String EXPIRY_SWEPT_ON = "expiry.sweptOn";

    private final Database db;

    public SettingsService(Database db) {
        this.db = Objects.requireNonNull(db);
    }

    @Role(Who.TILL)
    public Optional<String> get(String key) {
        return db.dsl().select(SETTING.SETTING_VALUE).from(SETTING).where(SETTING.SETTING_KEY.eq(key))
                .fetchOptional(SETTING.SETTING_VALUE);
    }

    /**
     * Stores several settings in one durable transaction. Only this package writes settings: the owner's
     * through {@link AdminService}, the PIN's bookkeeping through {@link OwnerSession}, the first run through
     * {@link SetupService}; so no other code can change a setting, or clear a PIN lock-out, past the owner.
     */
    void putAll(Map<String, String> values) {
        db.write(tx -> {
            values.forEach((key, value) -> {
                if (tx.fetchExists(SETTING, SETTING.SETTING_KEY.eq(key))) {
                    tx.update(SETTING).set(SETTING.SETTING_VALUE, value).where(SETTING.SETTING_KEY.eq(key)).execute();
                } else {
                    tx.insertInto(SETTING).set(SETTING.SETTING_KEY, key).set(SETTING.SETTING_VALUE, value).execute();
                }
            });
            return null;
        });
    }

    /** The day the whole shop's expiry last ran (the program's own bookkeeping), if ever. */
    @Role(Who.TILL)
    public Optional<String> expirySweptOn() {
        return get(EXPIRY_SWEPT_ON);
    }

    /** Notes that the whole shop's expiry ran on {@code day}. */
    @Role(Who.TILL)
    public void setExpirySweptOn(LocalDate day) {
        putAll(Map.of(EXPIRY_SWEPT_ON, day.toString()));
    }

    /** True once the first-run setup has been done. */
    @Role(Who.TILL)
    public boolean isSetUp() {
        return get(SHOP_NAME).isPresent();
    }

    @Role(Who.TILL)
    public Optional<Language> language() {
        return get(LANGUAGE).map(Language::fromCode);
    }

    /** The undo grace period, if the owner set one; a value that is not a number of seconds counts as none. */
    @Role(Who.TILL)
    public Optional<Duration> undoGrace() {
        return whole(UNDO_GRACE_SECONDS).filter(n -> n >= 0).map(Duration::ofSeconds);
    }

    /** How long owner mode may stay idle, if the owner set it; a value that is not a number counts as none. */
    @Role(Who.TILL)
    public Optional<Duration> ownerIdle() {
        return whole(OWNER_IDLE_MINUTES).filter(n -> n > 0).map(Duration::ofMinutes);
    }

    /**
     * After how many days the quick survey asks a member again, 0 for never; {@value #SURVEY_DAYS_DEFAULT}
     * when not set or not a number of days.
     */
    @Role(Who.TILL)
    public int surveyDays() {
        return whole(SURVEY_DAYS).filter(n -> n >= 0 && n <= Integer.MAX_VALUE).map(Long::intValue)
                .orElse(SURVEY_DAYS_DEFAULT);
    }

    /**
     * How long after a visit a further stamp for the same member asks the cashier to confirm it; zero for
     * never, {@value #REPEAT_STAMP_MINUTES_DEFAULT} minutes when not set or not a number of minutes.
     */
    @Role(Who.TILL)
    public Duration repeatStampWindow() {
        return Duration.ofMinutes(whole(REPEAT_STAMP_MINUTES).filter(n -> n >= 0 && n <= 24 * 60)
                .orElse((long) REPEAT_STAMP_MINUTES_DEFAULT));
    }

    private Optional<Long> whole(String key) {
        return get(key).flatMap(v -> {
            try {
                return Optional.of(Long.parseLong(v.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    @Role(Who.TILL)
    public Optional<Currency> currency() {
        return get(CURRENCY).map(Currency::getInstance);
    }
}
