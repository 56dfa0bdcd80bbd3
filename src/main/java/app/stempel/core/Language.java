package app.stempel.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The languages Stempel speaks, each with its plural rule. */
public enum Language {
    ENGLISH("en"),
    POLISH("pl"),
    NORWEGIAN("nb"),
    RUSSIAN("ru");

    private final String code;
    private final Locale locale;

    Language(String code) {
        this.code = code;
        this.locale = Locale.forLanguageTag(code);
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** The language for a code ({@code pl}, {@code nb}; {@code no} and {@code nn} count as Norwegian). */
    public static Language fromCode(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        if (c.equals("no") || c.equals("nn")) {
            return NORWEGIAN;
        }
        for (Language l : values()) {
            if (l.code.equals(c)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown language: " + code);
    }

    /** The language of the computer if Stempel speaks it, otherwise English. */
    public static Language ofSystem() {
        try {
            return fromCode(Locale.getDefault().getLanguage());
        } catch (IllegalArgumentException e) {
            return ENGLISH;
        }
    }

    /**
     * The plural category of {@code n} in this language, as used in bundle keys: {@code one}, {@code few},
     * {@code many} (Polish, Russian) or {@code other}. Rules from the Unicode CLDR for whole numbers.
     */
    public String pluralCategory(long n) {
        long abs = Math.abs(n);
        long mod10 = abs % 10;
        long mod100 = abs % 100;
        return switch (this) {
            case ENGLISH, NORWEGIAN -> abs == 1 ? "one" : "other";
            case POLISH -> abs == 1 ? "one"
                    : (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) ? "few" : "many";
            case RUSSIAN -> (mod10 == 1 && mod100 != 11) ? "one"
                    : (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) ? "few" : "many";
        };
    }

    /** The plural categories this language's bundle must define for every plural key. */
    public String[] pluralCategories() {
        return switch (this) {
            case ENGLISH, NORWEGIAN -> new String[] {"one", "other"};
            case POLISH, RUSSIAN -> new String[] {"one", "few", "many"};
        };
    }

    /** Picocli converter for {@code --lang}. */
    public static final class Converter implements ITypeConverter<Language> {
        @Override
        public Language convert(String value) {
            try {
                return fromCode(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not one of en, pl, nb, ru");
            }
        }
    }

    /** Codes shown in {@code --help}. */
    public static final class Codes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return new ArrayList<>(Arrays.stream(values()).map(Language::code).toList()).iterator();
        }
    }
}
