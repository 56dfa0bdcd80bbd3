package app.stempel.data;

import static app.stempel.store.schema.Tables.CARD;
import static app.stempel.store.schema.Tables.MEMBER;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jooq.DSLContext;

import app.stempel.data.CsvColumns.Field;
import app.stempel.data.CsvImport.Kind;
import app.stempel.data.CsvImport.MemberRow;
import app.stempel.data.CsvImport.Preview;
import app.stempel.data.CsvImport.Previous;
import app.stempel.data.CsvImport.Problem;
import app.stempel.data.CsvImport.VisitRow;
import app.stempel.core.MemberStatus;

/**
 * The reading half of {@link CsvImport}: a file's bytes into a {@link Preview}, with its rows and every
 * problem, checked against the file itself and against the shop, writing nothing.
 */
final class CsvImportReader {

    static final int MAX_NAME = 200;
    static final int MAX_PHONE = 40;
    static final int MAX_EMAIL = 200;
    static final int MAX_REF = 64;
    static final int MAX_CARD = 32;
    /** How many values one {@code IN (...)} list holds. */
    static final int CHUNK = 500;

    private CsvImportReader() {
    }

    /**
     * Reads {@code bytes} as a {@code kind} import.
     *
     * @param overrides header → field code (or {@code -} to skip the column); wins over the names
     * @param zone      the shop's time zone, for times written without an offset
     * @param dsl       the shop, for the card numbers and references it already has
     */
    static Preview read(byte[] bytes, String fileName, String fingerprint, Optional<Previous> previous, Kind kind,
            Map<String, String> overrides, ZoneId zone, DSLContext dsl) {
        List<Problem> problems = new ArrayList<>();
        List<MemberRow> members = new ArrayList<>();
        List<VisitRow> visits = new ArrayList<>();
        Map<String, String> mapping = new LinkedHashMap<>();
        Map<String, String> examples = new LinkedHashMap<>();
        Preview preview = new Preview(kind, fileName, fingerprint, mapping, examples, problems, previous, members,
                visits);

        CsvText.Decoded decoded = CsvText.decode(bytes);
        if (decoded.problem() != null) {
            problems.add(decoded.problem());
            return preview;
        }
        String text = decoded.text();
        if (text.isBlank()) {
            problems.add(new Problem(1, "import.problem.empty"));
            return preview;
        }
        CsvColumns columns = new CsvColumns(kind);
        int[] lines = CsvText.lineStarts(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(CsvText.separator(text))
                .setIgnoreEmptyLines(true).get();
        Field[] fields = null;
        List<String> headers = List.of();
        boolean columnsMissing = false;
        try (CSVParser parser = CSVParser.parse(text, format)) {
            int previousEnd = 1;
            try {
                for (CSVRecord record : parser) {
                    int line = CsvText.lineAt(lines, text, record.getCharacterPosition());
                    previousEnd = (int) parser.getCurrentLineNumber() + 1;
                    if (fields != null && !isBlank(record)) {
                        preview.countFileRow();
                        if (examples.isEmpty()) {
                            for (int i = 0; i < headers.size(); i++) {
                                examples.putIfAbsent(headers.get(i), i < record.size() ? record.get(i).strip() : "");
                            }
                        }
                    }
                    if (columnsMissing) {
                        continue;
                    }
                    if (fields == null) {
                        headers = record.toList();
                        fields = columns.map(headers, overrides);
                        for (int i = 0; i < headers.size(); i++) {
                            mapping.put(headers.get(i), fields[i] == null ? null : fields[i].code());
                        }
                        List<Field> found = Arrays.asList(fields);
                        for (Field f : columns.fields()) {
                            if (f.required() && !found.contains(f)) {
                                problems.add(new Problem(line, "import.problem.missingColumn", f.code()));
                            }
                        }
                        // the rows are only counted then, and the first shows what the columns hold
                        columnsMissing = !problems.isEmpty();
                        continue;
                    }
                    if (isBlank(record)) {
                        continue;
                    }
                    Map<Field, String> values = new HashMap<>();
                    for (int i = 0; i < fields.length && i < record.size(); i++) {
                        if (fields[i] != null) {
                            values.put(fields[i], SpreadsheetRows.original(record.get(i).strip()));
                        }
                    }
                    if (kind == Kind.MEMBERS) {
                        member(line, values, problems, members);
                    } else {
                        visit(line, values, zone, problems, visits);
                    }
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                if (!columnsMissing) {
                    problems.add(new Problem(Math.max(previousEnd, 1), "import.problem.malformed"));
                }
                return preview;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (fields == null) {
            problems.add(new Problem(1, "import.problem.empty"));
        } else if (members.isEmpty() && visits.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(lines.length, "import.problem.noRows"));
        }
        if (kind == Kind.MEMBERS) {
            checkMembersAgainstFileAndShop(dsl, members, problems);
        }
        problems.sort(Comparator.comparingInt(Problem::line));
        return preview;
    }

    private static boolean isBlank(CSVRecord record) {
        for (String v : record) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void member(int line, Map<Field, String> v, List<Problem> problems, List<MemberRow> out) {
        int before = problems.size();
        String name = v.getOrDefault(Field.NAME, "");
        if (name.isEmpty()) {
            problems.add(new Problem(line, "import.problem.noName"));
        }
        String phone = emptyToNull(v.get(Field.PHONE));
        String email = emptyToNull(v.get(Field.EMAIL));
        String ref = emptyToNull(v.get(Field.REF));
        String card = emptyToNull(v.get(Field.CARD));
        tooLong(line, Field.NAME, name, MAX_NAME, problems);
        tooLong(line, Field.PHONE, phone, MAX_PHONE, problems);
        tooLong(line, Field.EMAIL, email, MAX_EMAIL, problems);
        tooLong(line, Field.REF, ref, MAX_REF, problems);
        if (card != null && !card.matches("[\\p{L}\\p{Nd}]{1," + MAX_CARD + "}")) {
            problems.add(new Problem(line, "import.problem.badCard", card, MAX_CARD));
        }
        LocalDate birthday = null;
        String b = emptyToNull(v.get(Field.BIRTHDAY));
        if (b != null) {
            birthday = CsvValues.date(b).orElse(null);
            if (birthday == null) {
                problems.add(new Problem(line, "import.problem.badDate", b));
            }
        }
        int stamps = 0;
        String s = emptyToNull(v.get(Field.STAMPS));
        if (s != null) {
            try {
                stamps = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                stamps = -1;
            }
            if (stamps < 0) {
                problems.add(new Problem(line, "import.problem.badStamps", s));
            }
        }
        if (problems.size() == before) {
            out.add(new MemberRow(line, name, phone, email, birthday, ref, card, stamps));
        }
    }

    private static void visit(int line, Map<Field, String> v, ZoneId zone, List<Problem> problems, List<VisitRow> out) {
        int before = problems.size();
        String ref = v.getOrDefault(Field.MEMBER, "");
        if (ref.isEmpty()) {
            problems.add(new Problem(line, "import.problem.noMember"));
        }
        tooLong(line, Field.MEMBER, ref, MAX_REF, problems);
        String t = v.getOrDefault(Field.TIMESTAMP, "");
        OffsetDateTime at = CsvValues.dateTime(t).map(w -> w.at(zone)).orElse(null);
        if (at == null) {
            problems.add(new Problem(line, "import.problem.badDate", t));
        }
        long amount = 0;
        String a = emptyToNull(v.get(Field.AMOUNT));
        if (a != null) {
            Optional<Long> parsed = CsvValues.amountMinor(a);
            if (parsed.isEmpty()) {
                problems.add(new Problem(line, "import.problem.badAmount", a));
            } else if (parsed.get() < 0) {
                problems.add(new Problem(line, "import.problem.negativeAmount", a));
            } else {
                amount = parsed.get();
            }
        }
        if (problems.size() == before) {
            out.add(new VisitRow(line, ref, at, amount));
        }
    }

    private static void tooLong(int line, Field field, String value, int max, List<Problem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new Problem(line, "import.problem.tooLong", field.code(), max));
        }
    }

    /** Card numbers and references used twice in the file, or already in the shop. */
    static void checkMembersAgainstFileAndShop(DSLContext dsl, List<MemberRow> rows, List<Problem> problems) {
        Map<String, Integer> cards = new HashMap<>();
        Map<String, Integer> refs = new HashMap<>();
        for (MemberRow r : rows) {
            if (r.card() != null) {
                Integer first = cards.putIfAbsent(r.card(), r.line());
                if (first != null) {
                    problems.add(new Problem(r.line(), "import.problem.duplicateCard", r.card(), String.valueOf(first)));
                }
            }
            if (r.ref() != null) {
                Integer first = refs.putIfAbsent(r.ref(), r.line());
                if (first != null) {
                    problems.add(new Problem(r.line(), "import.problem.duplicateRef", r.ref(), String.valueOf(first)));
                }
            }
        }
        for (String card : existing(dsl, cards.keySet(), true)) {
            problems.add(new Problem(cards.get(card), "import.problem.cardInShop", card));
        }
        for (String ref : existing(dsl, refs.keySet(), false)) {
            problems.add(new Problem(refs.get(ref), "import.problem.refInShop", ref));
        }
    }

    static Set<String> existing(DSLContext dsl, Collection<String> values, boolean cards) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : chunks(values)) {
            if (cards) {
                found.addAll(dsl.select(CARD.CARD_NUMBER).from(CARD).where(CARD.CARD_NUMBER.in(chunk))
                        .fetch(CARD.CARD_NUMBER));
            } else {
                found.addAll(dsl.select(MEMBER.EXTERNAL_REF).from(MEMBER).where(MEMBER.EXTERNAL_REF.in(chunk))
                        .and(MEMBER.STATUS.ne(MemberStatus.ERASED)).fetch(MEMBER.EXTERNAL_REF));
            }
        }
        return found;
    }

    static List<List<String>> chunks(Collection<String> values) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>(CHUNK);
        for (String v : values) {
            current.add(v);
            if (current.size() == CHUNK) {
                out.add(current);
                current = new ArrayList<>(CHUNK);
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
