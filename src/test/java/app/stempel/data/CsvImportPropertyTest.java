package app.stempel.data;

import static app.stempel.store.schema.Tables.BALANCE;
import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static app.stempel.store.schema.Tables.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import app.stempel.Services;
import app.stempel.cards.CardNumbers;
import app.stempel.data.CsvImport.Kind;
import app.stempel.owner.OwnerGate;
import app.stempel.testing.TestShop;
import java.util.Comparator;

/**
 * Valid files, written every way a spreadsheet might (separator, quoting, BOM, line endings, header
 * language, date and amount forms, cells padded with spaces and tabs), import exactly: the same names,
 * amounts and counts. jqwik draws new files on every run and shrinks a failure to the smallest file that
 * shows it. All tries share one shop; each try's people have names of their own.
 */
class CsvImportPropertyTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Oslo");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-15T12:00:00Z"), ZONE);
    private static final String ALPHABET = "abcxyzĄłŻøÆåЖйё ,;\"'\n\r\t-.";
    private static final List<String> MEMBER_HEADERS = List.of("customer_id", "Klient", "KUNDE", "клиент", "card");
    private static final List<String> TIME_HEADERS = List.of("timestamp", "Data", "dato", "Дата");
    private static final List<String> AMOUNT_HEADERS = List.of("amount", "Kwota", "Beløp", "сумма");
    private static final List<String> NAME_HEADERS = List.of("name", "Imię i nazwisko", "NAVN", "имя");
    private static final List<String> STAMP_HEADERS = List.of("stamps", "Pieczątki", "stempler", "Штампы");

    private static Path dir;
    private static Services shop;
    private static CsvImport importer;
    private static final AtomicInteger TRIES = new AtomicInteger();

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("stempel-csv-property");
        shop = TestShop.open(dir.resolve("shop"), CLOCK);
        importer = new CsvImport(shop.db(), CLOCK, new CardNumbers(new SplittableRandom(1)), OwnerGate.TRUSTED);
    }

    @AfterContainer
    static void close() throws IOException {
        try {
            assertThat(shop.integrity().run().ok()).as("the shop after every try").isTrue();
        } finally {
            shop.close();
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    // --- what is generated

    /** A cell's text: a core that starts and ends with a letter, spaces or tabs around it in the file. */
    record Cell(String before, String core, String after) {
        String written() {
            return before + core + after;
        }

        /** What the shop keeps: the cell without the space around it. */
        String kept() {
            return core;
        }
    }

    /** How one file is written. */
    record Style(char separator, char decimal, boolean bom, String eol, int quoteEvery, int dateForm, int headers) {
    }

    record Visit(int person, LocalDateTime at, long amount) {
    }

    record Member(Cell name, int stamps) {
    }

    @Provide
    Arbitrary<Style> styles() {
        return Combinators.combine(Arbitraries.of(',', ';'), Arbitraries.of(',', '.'), Arbitraries.of(true, false),
                Arbitraries.of("\r\n", "\n"), Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 1_000)).as(Style::new);
    }

    private static Arbitrary<Cell> cells(int maxCore) {
        Arbitrary<String> pad = Arbitraries.strings().withChars(' ', '\t').ofMaxLength(2);
        Arbitrary<String> core = Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(maxCore)
                // a lone carriage return inside a value reads as a line break: written as one
                .map(s -> ("q" + s + "z").replace("\r", "\r\n").replace("\r\n\n", "\r\n"));
        return Combinators.combine(pad, core, pad).as(Cell::new);
    }

    @Provide
    Arbitrary<List<Visit>> visits() {
        Arbitrary<LocalDateTime> times = Combinators.combine(Arbitraries.integers().between(2020, 2023),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 28),
                Arbitraries.integers().between(0, 23), Arbitraries.integers().between(0, 59))
                .as(LocalDateTime::of);
        return Combinators.combine(Arbitraries.integers().between(0, 3), times, Arbitraries.longs().between(0, 999_999))
                .as(Visit::new).list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<Member>> members() {
        return Combinators.combine(cells(20), Arbitraries.integers().between(0, 29)).as(Member::new)
                .list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Cell>> people() {
        return cells(12).list().ofSize(4);
    }

    // --- the properties

    @Property(tries = 150)
    void visitFilesImportExactly(@ForAll("styles") Style style, @ForAll("visits") List<Visit> visits,
            @ForAll("people") List<Cell> people, @ForAll boolean repeatFirst) throws Exception {
        int t = TRIES.incrementAndGet();
        // each try's people are its own, and four people: the try's and the person's number lead the name
        List<Cell> refs = new ArrayList<>();
        for (int p = 0; p < people.size(); p++) {
            Cell c = people.get(p);
            refs.add(new Cell(c.before(), "t" + t + "-" + p + "-" + c.core(), c.after()));
        }
        List<Visit> all = new ArrayList<>(visits);
        if (repeatFirst) {
            all.add(visits.get(0));
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(header(MEMBER_HEADERS, style), header(TIME_HEADERS, style), header(AMOUNT_HEADERS, style)));
        for (Visit v : all) {
            rows.add(List.of(refs.get(v.person()).written(), time(style, v.at()), CsvValues.formatMinor(v.amount(),
                    style.decimal())));
        }
        Path file = Files.write(dir.resolve("v" + t + ".csv"), write(style, rows));
        CsvImport.Preview preview = importer.preview(file, Kind.VISITS, Map.of());
        assertThat(preview.problems()).as("%s", style).isEmpty();
        assertThat(preview.rows()).isEqualTo(all.size());
        importer.commit(preview, false, CsvImport.Progress.NONE);

        for (int p = 0; p < refs.size(); p++) {
            int person = p;
            String ref = refs.get(p).kept();
            List<String> expected = all.stream().filter(v -> v.person() == person)
                    .map(v -> v.at().atZone(ZONE).toInstant() + " " + v.amount()).toList();
            var member = shop.db().dsl().selectFrom(MEMBER).where(MEMBER.EXTERNAL_REF.eq(ref)).fetchOne();
            if (expected.isEmpty()) {
                assertThat(member).as(ref).isNull();
                continue;
            }
            assertThat(member).as(ref).isNotNull();
            assertThat(member.getDisplayName()).isEqualTo(ref);
            List<String> got = shop.db().dsl().select(LEDGER_ENTRY.CREATED_AT, LEDGER_ENTRY.AMOUNT_MINOR)
                    .from(LEDGER_ENTRY).where(LEDGER_ENTRY.MEMBER_ID.eq(member.getId()))
                    .fetch(x -> x.value1().toInstant() + " " + x.value2());
            assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Property(tries = 150)
    void memberFilesImportExactly(@ForAll("styles") Style style, @ForAll("members") List<Member> members)
            throws Exception {
        int t = TRIES.incrementAndGet();
        List<Member> mine = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            mine.add(new Member(new Cell(m.name().before(), "t" + t + "-" + i + " " + m.name().core(), m.name().after()),
                    m.stamps()));
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(header(NAME_HEADERS, style), header(STAMP_HEADERS, style)));
        for (Member m : mine) {
            rows.add(List.of(m.name().written(), String.valueOf(m.stamps())));
        }
        Path file = Files.write(dir.resolve("m" + t + ".csv"), write(style, rows));
        CsvImport.Preview preview = importer.preview(file, Kind.MEMBERS, Map.of());
        assertThat(preview.problems()).as("%s", style).isEmpty();
        importer.commit(preview, false, CsvImport.Progress.NONE);
        for (Member m : mine) {
            Integer balance = shop.db().dsl().select(BALANCE.STAMPS).from(BALANCE).join(MEMBER)
                    .on(MEMBER.ID.eq(BALANCE.MEMBER_ID)).where(MEMBER.DISPLAY_NAME.eq(m.name().kept()))
                    .fetchOne(BALANCE.STAMPS);
            assertThat(balance).as(m.name().kept()).isEqualTo(m.stamps());
        }
    }

    // --- writing a file as a spreadsheet would

    private static String header(List<String> options, Style style) {
        return options.get(Math.floorMod(style.headers() * 31 + options.size(), options.size()));
    }

    private static String time(Style style, LocalDateTime t) {
        return switch (style.dateForm()) {
            case 0 -> t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            case 1 -> t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
            case 2 -> t.format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm"));
            default -> t.format(DateTimeFormatter.ofPattern("dd/MM/yyyy H:mm:ss"));
        };
    }

    /** The rows as CSV: cells quoted where they must be, and every {@code quoteEvery}-th one besides (1: all). */
    private static byte[] write(Style style, List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        int cell = 0;
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    b.append(style.separator());
                }
                String v = row.get(i);
                boolean needs = v.indexOf(style.separator()) >= 0 || v.contains("\"") || v.contains("\n")
                        || v.contains("\r");
                cell++;
                if (needs || (style.quoteEvery() > 0 && cell % style.quoteEvery() == 0)) {
                    b.append('"').append(v.replace("\"", "\"\"")).append('"');
                } else {
                    b.append(v);
                }
            }
            b.append(style.eol());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (style.bom()) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        out.writeBytes(b.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
