package app.stempel.ui;

import app.stempel.core.Language;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Currency;
import java.math.BigDecimal;
import app.stempel.store.Fault;
import app.stempel.store.DatabaseException;
import app.stempel.store.Backups;
import app.stempel.owner.OwnerOnlyException;

/**
 * Text a person reads, from the {@code i18n/messages} bundles, with {@link MessageFormat} arguments
 * and proper plural forms ({@code key.one}, {@code key.few}, {@code key.many}, {@code key.other}).
 */
public final class I18n {

    /** Base name of the bundles under {@code resources/}. */
    public static final String BUNDLE = "i18n.messages";

    private final Language language;
    private final ResourceBundle bundle;

    public I18n(Language language) {
        this.language = Objects.requireNonNull(language);
        // no fallback to the computer's own locale: English stays English on a Polish computer
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The given language, or the computer's if none was given. */
    public static I18n forLanguage(Language language) {
        return new I18n(language != null ? language : Language.ofSystem());
    }

    public Language language() {
        return language;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** The text for {@code key}, with {@code args} formatted for the language. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(args);
    }

    /**
     * The text a person reads when work failed with {@code e}: "owner mode is needed" when it was refused
     * outside owner mode; the fault's own words when the disk is full, the file damaged, the database in use
     * or read-only ({@link app.stempel.store.Fault}); otherwise the text of {@code key}.
     */
    public String failure(Throwable e, String key) {
        if (e instanceof OwnerOnlyException) {
            return get("owner.required");
        }
        if (e instanceof Backups.RestoreException re) {
            return get(re.reason() == Backups.RestoreException.Reason.FAILS_CHECK
                    ? "settings.restore.failsCheck" : "settings.restore.notABackup");
        }
        Fault fault = Fault.of(e);
        if (fault != Fault.OTHER) {
            return get(fault.messageKey());
        }
        return get(e instanceof DatabaseException ? "error.database.other" : key);
    }

    /** Whether {@code e} says the shop's file is damaged (so a good backup is worth offering). */
    public static boolean damaged(Throwable e) {
        return Fault.of(e) == Fault.DAMAGED;
    }

    /** The plural form of {@code key} for {@code count}; {@code {0}} in the text is the count. */

    public String plural(String key, long count, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = count;
        System.arraycopy(more, 0, args, 1, more.length);
        return get(key + "." + language.pluralCategory(count), args);
    }

    /** An amount in minor units with the language's marks and the currency's code (1,234.50 PLN / 1 234,50 PLN). */
    public String money(long minor, Currency currency) {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        NumberFormat f = NumberFormat.getNumberInstance(language.locale());
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(BigDecimal.valueOf(minor, digits)) + " " + currency.getCurrencyCode();
    }

    /** A number with {@code digits} decimals and the language's marks (1,234.5 / 1 234,5). */
    public String decimal(double n, int digits) {
        NumberFormat f = NumberFormat.getNumberInstance(language.locale());
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(n);
    }

    /** A whole number with the language's grouping (1,234 / 1 234). */
    public String number(long n) {
        return NumberFormat.getIntegerInstance(language.locale()).format(n);
    }
}
