package app.stempel.data;

import static app.stempel.store.schema.Tables.BALANCE;
import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static app.stempel.store.schema.Tables.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.owner.OwnerGate;
import app.stempel.Services;
import app.stempel.cards.CardNumbers;
import app.stempel.data.CsvImport.Kind;
import app.stempel.testing.TestShop;

/**
 * Generated valid files, written every way a spreadsheet might (separator, quoting, BOM, line endings,
 * header language, date and amount forms), import exactly: the same names, amounts and counts.
 */
class CsvImportPropertyTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Oslo");
    private static final String ALPHABET = "abcxyzĄłŻøÆåЖйё ,;\"'\n\r\t-.";
    private static final List<String> MEMBER_HEADERS = List.of("customer_id", "Klient", "KUNDE", "клиент", "card");
    private static final List<String> TIME_HEADERS = List.of("timestamp", "Data", "dato", "Дата");
    private static final List<String> AMOUNT_HEADERS = List.of("amount", "Kwota", "Beløp", "сумма");
    private static final List<String> NAME_HEADERS = List.of("name", "Imię i nazwisko", "NAVN", "имя");
    private static final List<String> STAMP_HEADERS = List.of("stamps", "Pieczątki", "stempler", "Штампы");

    @TempDir
    Path dir;

    private record Visit(String ref, LocalDateTime at, long amount) {
    }

    @Test
    void generatedVisitAndMemberFilesImportExactly() throws Exception {
        Random r = new Random(20241231);
        Clock clock = Clock.fixed(Instant.parse("2025-01-15T12:00:00Z"), ZONE);
        try (Services shop = TestShop.open(dir.resolve("shop"), clock)) {
            CsvImport importer = new CsvImport(shop.db(), clock, new CardNumbers(new SplittableRandom(1)), OwnerGate.TRUSTED);
            for (int round = 0; round < 150; round++) {
                visitsRound(r, round, shop, importer);
                membersRound(r, round, shop, importer);
            }
            assertThat(shop.integrity().run().ok()).isTrue();
        }
    }

    private void visitsRound(Random r, int round, Services shop, CsvImport importer) throws Exception {
        Style style = Style.random(r);
        List<Visit> visits = new ArrayList<>();
        int people = 1 + r.nextInt(4);
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            refs.add("r" + round + "-" + i + " " + text(r, 12));
        }
        int n = 1 + r.nextInt(12);
        for (int i = 0; i < n; i++) {
            LocalDateTime at = LocalDateTime.of(2020 + r.nextInt(4), 1 + r.nextInt(12), 1 + r.nextInt(28),
                    r.nextInt(24), r.nextInt(60));
            visits.add(new Visit(refs.get(r.nextInt(people)), at, r.nextInt(1_000_000)));
        }
        if (r.nextBoolean()) {
            visits.add(visits.get(0));
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(pick(r, MEMBER_HEADERS), pick(r, TIME_HEADERS), pick(r, AMOUNT_HEADERS)));
        for (Visit v : visits) {
            rows.add(List.of(v.ref(), style.time(v.at()), style.amount(v.amount())));
        }
        Path file = Files.write(dir.resolve("v" + round + ".csv"), style.write(r, rows));
        CsvImport.Preview preview = importer.preview(file, Kind.VISITS, Map.of());
        assertThat(preview.problems()).as("round %d: %s", round, style).isEmpty();
        assertThat(preview.rows()).isEqualTo(visits.size());
        importer.commit(preview, false, CsvImport.Progress.NONE);

        for (String ref : refs) {
            List<Visit> mine = visits.stream().filter(v -> v.ref().equals(ref)).toList();
            var member = shop.db().dsl().selectFrom(MEMBER).where(MEMBER.EXTERNAL_REF.eq(ref)).fetchOne();
            if (mine.isEmpty()) {
                assertThat(member).isNull();
                continue;
            }
            assertThat(member).as("round %d ref %s", round, ref).isNotNull();
            assertThat(member.getDisplayName()).isEqualTo(ref);
            List<String> got = shop.db().dsl().select(LEDGER_ENTRY.CREATED_AT, LEDGER_ENTRY.AMOUNT_MINOR)
                    .from(LEDGER_ENTRY).where(LEDGER_ENTRY.MEMBER_ID.eq(member.getId()))
                    .fetch(x -> x.value1().toInstant() + " " + x.value2());
            List<String> expected = mine.stream().map(v -> v.at().atZone(ZONE).toInstant() + " " + v.amount()).toList();
            assertThat(got).as("round %d", round).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private void membersRound(Random r, int round, Services shop, CsvImport importer) throws Exception {
        Style style = Style.random(r);
        int n = 1 + r.nextInt(6);
        List<String> names = new ArrayList<>();
        List<Integer> stamps = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(pick(r, NAME_HEADERS), pick(r, STAMP_HEADERS)));
        for (int i = 0; i < n; i++) {
            String name = "m" + round + "-" + i + " " + text(r, 20);
            names.add(name);
            stamps.add(r.nextInt(30));
            rows.add(List.of(name, String.valueOf(stamps.get(i))));
        }
        Path file = Files.write(dir.resolve("m" + round + ".csv"), style.write(r, rows));
        CsvImport.Preview preview = importer.preview(file, Kind.MEMBERS, Map.of());
        assertThat(preview.problems()).as("round %d: %s", round, style).isEmpty();
        importer.commit(preview, false, CsvImport.Progress.NONE);
        for (int i = 0; i < n; i++) {
            Integer balance = shop.db().dsl().select(BALANCE.STAMPS).from(BALANCE).join(MEMBER)
                    .on(MEMBER.ID.eq(BALANCE.MEMBER_ID)).where(MEMBER.DISPLAY_NAME.eq(names.get(i)))
                    .fetchOne(BALANCE.STAMPS);
            assertThat(balance).as("round %d member %s", round, names.get(i)).isEqualTo(stamps.get(i));
        }
    }

    /** A value that starts and ends with a letter, with separators, quotes and line breaks inside. */
    private static String text(Random r, int max) {
        StringBuilder b = new StringBuilder("q");
        int len = r.nextInt(max);
        for (int i = 0; i < len; i++) {
            b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return b.append('z').toString().replace("\r", "\r\n").replace("\r\n\n", "\r\n");
    }

    private static String pick(Random r, List<String> options) {
        return options.get(r.nextInt(options.size()));
    }

    /** How one generated file is written. */
    private record Style(char separator, char decimal, boolean bom, String eol, boolean quoteAll, int dateForm) {
        static Style random(Random r) {
            return new Style(r.nextBoolean() ? ',' : ';', r.nextBoolean() ? ',' : '.', r.nextBoolean(),
                    r.nextBoolean() ? "\r\n" : "\n", r.nextInt(3) == 0, r.nextInt(4));
        }

        String time(LocalDateTime t) {
            return switch (dateForm) {
                case 0 -> t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
                case 1 -> t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
                case 2 -> t.format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm"));
                default -> t.format(DateTimeFormatter.ofPattern("dd/MM/yyyy H:mm:ss"));
            };
        }

        String amount(long minor) {
            return CsvValues.formatMinor(minor, decimal);
        }

        byte[] write(Random r, List<List<String>> rows) {
            StringBuilder b = new StringBuilder();
            for (List<String> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    if (i > 0) {
                        b.append(separator);
                    }
                    String v = row.get(i);
                    boolean needs = v.indexOf(separator) >= 0 || v.contains("\"") || v.contains("\n")
                            || v.contains("\r");
                    if (needs || quoteAll || r.nextInt(5) == 0) {
                        b.append('"').append(v.replace("\"", "\"\"")).append('"');
                    } else {
                        b.append(v);
                    }
                }
                b.append(eol);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (bom) {
                out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            out.writeBytes(b.toString().getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
    }
}
