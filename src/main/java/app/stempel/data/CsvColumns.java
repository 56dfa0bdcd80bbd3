package app.stempel.data;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import app.stempel.search.SearchText;
import java.util.EnumSet;

/**
 * Which column of a CSV file holds which field: headers are matched by name in English, Polish,
 * Norwegian and Russian, case- and accent-insensitively, ignoring spaces, dashes and underscores
 * ({@code Customer ID}, {@code customer_id}, {@code klient}, {@code kunde}, {@code клиент}).
 */
public final class CsvColumns {

    /** A field an import reads. {@link #code()} is what a mapping override names. */
    public enum Field {
        NAME(true), PHONE(false), EMAIL(false), BIRTHDAY(false), REF(false), CARD(false), STAMPS(false),
        MEMBER(true), TIMESTAMP(true), AMOUNT(false);

        private final boolean required;

        Field(boolean required) {
            this.required = required;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The import cannot run without a column for it. */
        public boolean required() {
            return required;
        }
    }

    private static final List<String> REF = List.of("ref", "reference", "external id", "external ref", "customer",
            "customer id", "customer no", "customer number", "client", "client id", "member id", "id",
            "klient", "id klienta", "nr klienta", "numer klienta", "kunde", "kunde id", "kundenr", "kundenummer",
            "клиент", "id клиента", "код клиента", "номер клиента", "покупатель");
    private static final List<String> CARD = List.of("card", "card number", "card no", "card id", "karta",
            "numer karty", "nr karty", "kort", "kortnummer", "kortnr", "карта", "номер карты");
    private static final Map<Field, List<String>> SYNONYMS = new LinkedHashMap<>();

    static {
        SYNONYMS.put(Field.NAME, List.of("name", "full name", "customer name", "member name", "imię i nazwisko",
                "imię", "nazwa klienta", "navn", "fullt navn", "kundenavn", "имя", "фио", "имя и фамилия"));
        SYNONYMS.put(Field.PHONE, List.of("phone", "phone number", "telephone", "mobile", "telefon", "tel",
                "nr telefonu", "numer telefonu", "telefonnummer", "mobil", "телефон", "тел", "номер телефона"));
        SYNONYMS.put(Field.EMAIL, List.of("email", "e-mail", "mail", "email address", "adres e-mail", "adres email",
                "e-post", "epost", "почта", "эл почта", "электронная почта", "e-mail адрес"));
        SYNONYMS.put(Field.BIRTHDAY, List.of("birthday", "birth date", "date of birth", "dob", "data urodzenia",
                "urodziny", "fødselsdato", "bursdag", "день рождения", "дата рождения"));
        SYNONYMS.put(Field.REF, REF);
        SYNONYMS.put(Field.CARD, CARD);
        SYNONYMS.put(Field.STAMPS, List.of("stamps", "stamp count", "current stamps", "pieczątki", "pieczątek",
                "liczba pieczątek", "stempler", "antall stempler", "штампы", "штампов", "печати", "отметки"));
        SYNONYMS.put(Field.MEMBER, List.of("member"));
        SYNONYMS.put(Field.TIMESTAMP, List.of("timestamp", "date", "time", "datetime", "date time", "visit",
                "visit date", "purchase date", "data", "data i godzina", "czas", "dato", "tidspunkt", "tid",
                "дата", "время", "дата и время"));
        SYNONYMS.put(Field.AMOUNT, List.of("amount", "total", "value", "sum", "spend", "kwota", "wartość", "suma",
                "beløp", "verdi", "сумма", "итого", "стоимость"));
    }

    private final CsvImport.Kind kind;
    private final Map<String, Field> byKey = new HashMap<>();

    /** The header names the {@code kind} of import knows. */
    public CsvColumns(CsvImport.Kind kind) {
        this.kind = kind;
        for (Field f : fields()) {
            byKey.put(key(f.code()), f);
            for (String s : SYNONYMS.get(f)) {
                byKey.put(key(s), f);
            }
        }
        if (kind == CsvImport.Kind.VISITS) {
            for (String s : REF) {
                byKey.put(key(s), Field.MEMBER);
            }
            for (String s : CARD) {
                byKey.put(key(s), Field.MEMBER);
            }
        }
    }

    /** The fields of this kind of import, in the order they are shown. */
    public List<Field> fields() {
        return kind == CsvImport.Kind.MEMBERS
                ? List.of(Field.NAME, Field.PHONE, Field.EMAIL, Field.BIRTHDAY, Field.REF, Field.CARD, Field.STAMPS)
                : List.of(Field.MEMBER, Field.TIMESTAMP, Field.AMOUNT);
    }

    /** The field a header (or a field name given in an override) stands for. */
    public Optional<Field> field(String header) {
        return Optional.ofNullable(byKey.get(key(header)));
    }

    /**
     * Maps each header to a field: an override ({@code header → field name}, or {@code -} to ignore the
     * column) wins over the names; a field already taken by an earlier column is not taken again.
     *
     * @return one entry per column, in order; the value is null for a column that is not read
     * @throws IllegalArgumentException if an override names a field this import does not have
     */
    Field[] map(List<String> headers, Map<String, String> overrides) {
        Map<String, String> byHeader = new HashMap<>();
        overrides.forEach((h, f) -> byHeader.put(key(h), f));
        Field[] out = new Field[headers.size()];
        EnumSet<Field> taken = EnumSet.noneOf(Field.class);
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < headers.size(); i++) {
                String override = byHeader.get(key(headers.get(i)));
                Field f;
                if (pass == 0) {
                    if (override == null) {
                        continue;
                    }
                    if (override.isBlank() || override.strip().equals("-") || key(override).equals("ignore")) {
                        out[i] = null;
                        continue;
                    }
                    f = field(override).orElseThrow(() -> new IllegalArgumentException(override));
                } else {
                    if (override != null) {
                        continue;
                    }
                    f = field(headers.get(i)).orElse(null);
                }
                if (f != null && taken.add(f)) {
                    out[i] = f;
                }
            }
        }
        return out;
    }

    /** Folded, with everything but letters and digits removed. */
    static String key(String s) {
        String folded = SearchText.fold(s == null ? "" : s);
        StringBuilder b = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }
}
