package app.stempel.data;

import static app.stempel.store.schema.Tables.BALANCE;
import static app.stempel.store.schema.Tables.CARD;
import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static app.stempel.store.schema.Tables.MEMBER;
import static app.stempel.store.schema.Tables.MEMBER_SEARCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.owner.OwnerGate;
import app.stempel.Services;
import app.stempel.cards.CardNumbers;
import app.stempel.data.CsvImport.Kind;
import app.stempel.data.CsvImport.Problem;
import app.stempel.testing.TestShop;
import app.stempel.core.EntryKind;
import org.assertj.core.groups.Tuple;
import org.assertj.core.api.Assertions;
import java.util.Random;
import java.time.ZoneOffset;
import java.time.LocalDate;

class CsvImportTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Warsaw");

    @TempDir
    Path dir;

    private Services shop;
    private CsvImport importer;
    private long membersBefore;
    private long entriesBefore;

    @BeforeEach
    void open() {
        Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZONE);
        shop = TestShop.open(dir.resolve("shop"), clock);
        TestShop.withStamps(shop, "Kari Nordmann", 2);
        importer = new CsvImport(shop.db(), clock, new CardNumbers(new SplittableRandom(7)), OwnerGate.TRUSTED);
        membersBefore = members();
        entriesBefore = entries();
    }

    @AfterEach
    void close() {
        shop.close();
    }

    private long members() {
        return shop.db().dsl().fetchCount(MEMBER);
    }

    private long entries() {
        return shop.db().dsl().fetchCount(LEDGER_ENTRY);
    }

    private Path file(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path file(String name, String text) throws Exception {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The preview has exactly this one problem, and committing it writes nothing. */
    private void refusedWith(Path file, Kind kind, int line, String key, Object... args) {
        CsvImport.Preview preview = importer.preview(file, kind, Map.of());
        assertThat(preview.problems()).containsExactly(new Problem(line, key, args));
        assertThatThrownBy(() -> importer.commit(preview, false, CsvImport.Progress.NONE))
                .isInstanceOf(CsvImport.Refused.class);
        assertThat(members()).isEqualTo(membersBefore);
        assertThat(entries()).isEqualTo(entriesBefore);
        assertThat(shop.integrity().run().ok()).isTrue();
    }

    @Test
    void aWindows1250FileIsRefusedAsWrongEncodingAtTheLineOfTheFirstBadByte() throws Exception {
        byte[] bytes = "name;phone\r\nJan Kowalski;123\r\nŁukasz Żółć;456\r\n".getBytes(Charset.forName("windows-1250"));
        refusedWith(file("members.csv", bytes), Kind.MEMBERS, 3, "import.problem.encoding");
    }

    @Test
    void aMissingRequiredColumnIsNamed() throws Exception {
        refusedWith(file("visits.csv", "customer_id,amount\n1,10.00\n"), Kind.VISITS, 1,
                "import.problem.missingColumn", "timestamp");
    }

    @Test
    void aBadDateIsReportedOnThePhysicalLineSeven() throws Exception {
        String csv = "customer_id,timestamp,amount\n"
                + "1,2011-12-09T12:50:00,1.00\n"
                + "2,2024-12-31 14:05,2.00\n"
                + "3,31.12.2024,3.00\n"
                + "4,31/12/2024 08:15,4.00\n"
                + "5,2024-02-29,5.00\n"
                + "6,2023-02-29,6.00\n"
                + "7,2024-01-01,7.00\n";
        refusedWith(file("visits.csv", csv), Kind.VISITS, 7, "import.problem.badDate", "2023-02-29");
    }

    @Test
    void lineNumbersCountThePhysicalLinesOfQuotedLineBreaks() throws Exception {
        String csv = "name;birthday\r\n\"Anna\r\nMaria Nowak\";1990-05-01\r\n\r\n\"Ola \"\"Kot\"\"\";1.13.1990\r\n";
        refusedWith(file("members.csv", csv), Kind.MEMBERS, 5, "import.problem.badDate", "1.13.1990");
    }

    @Test
    void aNegativeAmountIsRefused() throws Exception {
        refusedWith(file("visits.csv", "kunde;dato;beløp\n17;2024-05-01 10:00;12,50\n17;2024-05-02 10:00;-3,00\n"),
                Kind.VISITS, 3, "import.problem.negativeAmount", "-3,00");
    }

    @Test
    void aBadAmountIsRefused() throws Exception {
        refusedWith(file("visits.csv", "клиент;дата;сумма\n17;2024-05-01;12,505\n"), Kind.VISITS, 2,
                "import.problem.badAmount", "12,505");
    }

    @Test
    void aCardNumberTwiceInTheFileIsRefusedOnItsSecondLine() throws Exception {
        refusedWith(file("members.csv", "name,card\nAnna,ABC123\nBeata,XYZ9\nCezary,ABC123\n"), Kind.MEMBERS, 4,
                "import.problem.duplicateCard", "ABC123", "2");
    }

    @Test
    void aCardNumberTheShopAlreadyHasIsRefused() throws Exception {
        String existing = shop.db().dsl().select(CARD.CARD_NUMBER).from(CARD).limit(1).fetchOne(CARD.CARD_NUMBER);
        refusedWith(file("members.csv", "Imię i nazwisko,Karta\nAnna,A1\nBeata," + existing + "\n"), Kind.MEMBERS, 3,
                "import.problem.cardInShop", existing);
    }

    @Test
    void aMembersRowWithoutANameIsRefused() throws Exception {
        refusedWith(file("members.csv", "name,email,stamps\nAnna,a@x.pl,3\n,b@x.pl,1\n"), Kind.MEMBERS, 3,
                "import.problem.noName");
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        refusedWith(file("empty.csv", new byte[0]), Kind.VISITS, 1, "import.problem.empty");
        refusedWith(file("bom.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\r', '\n'}), Kind.MEMBERS, 1,
                "import.problem.empty");
    }

    @Test
    void aBinaryFileRenamedCsvIsRefused() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("sheet1.xml"));
            z.write("<worksheet>name,phone</worksheet>".getBytes(StandardCharsets.UTF_8));
        }
        refusedWith(file("members.csv", zip.toByteArray()), Kind.MEMBERS, 1, "import.problem.binary");
        byte[] noise = new byte[4096];
        new Random(3).nextBytes(noise);
        refusedWith(file("noise.csv", noise), Kind.VISITS, 1, "import.problem.binary");
    }

    @Test
    void everyProblemOfAFileIsListedInLineOrder() throws Exception {
        Path f = file("visits.csv", "customer_id,timestamp,amount\n1,yesterday,1\n,2024-01-01,2\n3,2024-01-01,-1\n");
        assertThat(importer.preview(f, Kind.VISITS, Map.of()).problems()).extracting(Problem::line, Problem::key)
                .containsExactly(Tuple.tuple(2, "import.problem.badDate"),
                        Tuple.tuple(3, "import.problem.noMember"),
                        Tuple.tuple(4, "import.problem.negativeAmount"));
    }

    @Test
    void membersImportWithStampsCardsAndSearchTerms() throws Exception {
        String csv = "\uFEFFImię i nazwisko;Telefon;E-mail;Data urodzenia;Karta;Pieczątki\r\n"
                + "Łukasz Żółć;+48 600 100 200;lukasz@example.pl;31.12.1990;OLD0042;7\r\n"
                + "\"Nowak; Anna\";;;;;\r\n";
        CsvImport.Preview preview = importer.preview(file("members.csv", csv), Kind.MEMBERS, Map.of());
        assertThat(preview.problems()).isEmpty();
        assertThat(preview.mapping()).containsEntry("Imię i nazwisko", "name").containsEntry("Pieczątki", "stamps")
                .containsEntry("Karta", "card");
        CsvImport.Result result = importer.commit(preview, false, CsvImport.Progress.NONE);

        assertThat(result.membersCreated()).isEqualTo(2);
        var lukasz = shop.db().dsl().selectFrom(MEMBER).where(MEMBER.DISPLAY_NAME.eq("Łukasz Żółć")).fetchOne();
        assertThat(lukasz.getPhoneReversed()).isEqualTo("00200100684");
        assertThat(lukasz.getBirthday()).isEqualTo(LocalDate.of(1990, 12, 31));
        var card = shop.db().dsl().selectFrom(CARD).where(CARD.ACTIVE_MEMBER_ID.eq(lukasz.getId())).fetchOne();
        assertThat(card.getCardNumber()).isEqualTo("OLD0042");
        assertThat(card.getImported()).isTrue();
        assertThat(shop.db().dsl().select(BALANCE.STAMPS).from(BALANCE).where(BALANCE.MEMBER_ID.eq(lukasz.getId()))
                .fetchOne(BALANCE.STAMPS)).isEqualTo(7);
        assertThat(shop.db().dsl().select(MEMBER_SEARCH.TERM).from(MEMBER_SEARCH)
                .where(MEMBER_SEARCH.MEMBER_ID.eq(lukasz.getId())).fetch(MEMBER_SEARCH.TERM))
                .contains("lukasz zolc", "zolc lukasz", "lukasz@example.pl");
        var anna = shop.db().dsl().selectFrom(MEMBER).where(MEMBER.DISPLAY_NAME.eq("Nowak; Anna")).fetchOne();
        String annaCard = shop.db().dsl().select(CARD.CARD_NUMBER).from(CARD).where(CARD.ACTIVE_MEMBER_ID.eq(anna.getId()))
                .fetchOne(CARD.CARD_NUMBER);
        assertThat(CardNumbers.isValid(annaCard)).isTrue();
        assertThat(shop.integrity().run().ok()).isTrue();
    }

    @Test
    void importedEntriesJoinTheLedgersChainAndOneChangedLaterIsNamed() throws Exception {
        String csv = "client,date,total\nC-1,2024-06-01 09:00,10.00\nC-2,2024-06-02 10:00,5.50\nC-1,2024-06-03 11:00,7\n";
        importer.commit(importer.preview(file("v.csv", csv), Kind.VISITS, Map.of()), false, CsvImport.Progress.NONE);
        TestShop.withStamps(shop, "Ola Nordmann", 1);

        var check = shop.integrity().run();
        assertThat(check.tampering()).isEmpty();
        assertThat(check.ok()).isTrue();
        assertThat(check.entriesChecked()).isEqualTo(entriesBefore + 3 + 1);
        assertThat(shop.db().dsl().fetchCount(LEDGER_ENTRY, LEDGER_ENTRY.ENTRY_HASH.isNull())).isZero();

        long imported = shop.db().dsl().select(LEDGER_ENTRY.ID).from(LEDGER_ENTRY).where(LEDGER_ENTRY.KIND.eq(EntryKind.IMPORT))
                .orderBy(LEDGER_ENTRY.ID).limit(1).fetchOne(LEDGER_ENTRY.ID);
        shop.db().write(tx -> tx.update(LEDGER_ENTRY).set(LEDGER_ENTRY.CREATED_AT, LEDGER_ENTRY.CREATED_AT.plus(1))
                .where(LEDGER_ENTRY.ID.eq(imported)).execute());
        assertThat(shop.integrity().run().tampering()).extracting(t -> t.entryId())
                .containsExactly(imported);
    }

    @Test
    void visitsGoToExistingMembersByReferenceOrCardAndCreateTheRest() throws Exception {
        String kariCard = shop.db().dsl().select(CARD.CARD_NUMBER).from(CARD).limit(1).fetchOne(CARD.CARD_NUMBER);
        String csv = "client,date,total\n"
                + kariCard + ",2024-06-01 09:00,10.00\n"
                + "C-9,2024-06-01 09:00,5.50\n"
                + "C-9,2024-06-01 09:00,5.50\n"
                + "C-9,2024-06-03 18:30,1\n";
        CsvImport.Result result = importer.commit(importer.preview(file("v.csv", csv), Kind.VISITS, Map.of()), false,
                CsvImport.Progress.NONE);

        assertThat(result.visits()).isEqualTo(4);
        assertThat(result.membersCreated()).isEqualTo(1);
        assertThat(result.amountMinor()).isEqualTo(2200);
        var c9 = shop.db().dsl().selectFrom(MEMBER).where(MEMBER.EXTERNAL_REF.eq("C-9")).fetchOne();
        assertThat(c9.getDisplayName()).isEqualTo("C-9");
        var balance = shop.db().dsl().selectFrom(BALANCE).where(BALANCE.MEMBER_ID.eq(c9.getId())).fetchOne();
        assertThat(balance.getVisits()).isEqualTo(3);
        assertThat(balance.getSpendMinor()).isEqualTo(1200);
        assertThat(balance.getStamps()).isZero();
        assertThat(balance.getFirstVisitAt().toInstant())
                .isEqualTo(LocalDateTime.of(2024, 6, 1, 9, 0).atZone(ZONE).toInstant());
        assertThat(balance.getLastVisitAt().toInstant())
                .isEqualTo(LocalDateTime.of(2024, 6, 3, 18, 30).atZone(ZONE).toInstant());
        assertThat(shop.db().dsl().fetchCount(LEDGER_ENTRY, LEDGER_ENTRY.KIND.eq(EntryKind.IMPORT))).isEqualTo(4);
        assertThat(shop.integrity().run().ok()).isTrue();
    }

    @Test
    void aMappingOverrideWinsOverTheHeaderNames() throws Exception {
        Path f = file("v.csv", "Kto,Kiedy,Ile,date\nX1,2024-01-02,3.00,garbage\n");
        assertThat(importer.preview(f, Kind.VISITS, Map.of()).problems()).extracting(Problem::key)
                .containsExactly("import.problem.missingColumn");
        CsvImport.Preview p = importer.preview(f, Kind.VISITS,
                Map.of("Kto", "member", "Kiedy", "timestamp", "Ile", "amount", "date", "-"));
        assertThat(p.problems()).isEmpty();
        assertThat(p.mapping()).containsExactly(Assertions.entry("Kto", "member"),
                Assertions.entry("Kiedy", "timestamp"),
                Assertions.entry("Ile", "amount"), Assertions.entry("date", null));
    }

    @Test
    void thePreviewShowsTheFirstRowOfEachColumnEvenWhenAColumnIsMissing() throws Exception {
        Path f = file("v.csv", "Kto;Kiedy;Ile\n\n;;\nX1;2024-01-02;3,00\nX2;2024-01-03;4,00\n");
        CsvImport.Preview missing = importer.preview(f, Kind.VISITS, Map.of());
        assertThat(missing.problems()).extracting(Problem::key)
                .containsExactly("import.problem.missingColumn", "import.problem.missingColumn");
        assertThat(missing.examples()).containsExactly(Assertions.entry("Kto", "X1"),
                Assertions.entry("Kiedy", "2024-01-02"),
                Assertions.entry("Ile", "3,00"));
        CsvImport.Preview mapped = importer.preview(f, Kind.VISITS, Map.of("Kto", "member", "Kiedy", "timestamp"));
        assertThat(mapped.problems()).isEmpty();
        assertThat(mapped.rows()).isEqualTo(2);
        assertThat(missing.fileRows()).isEqualTo(2);
        assertThat(importer.preview(file("bad.csv", "customer_id,timestamp\nA,2024-01-01\nB,never\n"), Kind.VISITS,
                Map.of()).fileRows()).isEqualTo(2);
        assertThat(mapped.examples()).containsEntry("Kto", "X1");
        assertThat(importer.preview(file("h.csv", "Kto;Kiedy\n"), Kind.VISITS, Map.of()).examples()).isEmpty();
    }

    @Test
    void theSameFileTwiceIsRefusedUnlessAgain() throws Exception {
        Path f = file("v.csv", "customer_id,timestamp,amount\nA,2024-01-02,3.00\n");
        importer.commit(importer.preview(f, Kind.VISITS, Map.of()), false, CsvImport.Progress.NONE);
        CsvImport.Preview second = importer.preview(f, Kind.VISITS, Map.of());
        assertThat(second.previous()).isPresent();
        long entries = entries();
        assertThatThrownBy(() -> importer.commit(second, false, CsvImport.Progress.NONE))
                .isInstanceOf(CsvImport.AlreadyImported.class);
        assertThat(entries()).isEqualTo(entries);
        importer.commit(second, true, CsvImport.Progress.NONE);
        assertThat(entries()).isEqualTo(entries + 1);
        assertThat(shop.integrity().run().ok()).isTrue();
    }

    @Test
    void datesAndAmountsInTheirCommonForms() {
        assertThat(CsvValues.dateTime("2011-12-09T12:50:00")).map(CsvValues.When::local)
                .contains(LocalDateTime.of(2011, 12, 9, 12, 50));
        assertThat(CsvValues.dateTime("31/12/2024 7:05")).map(CsvValues.When::local)
                .contains(LocalDateTime.of(2024, 12, 31, 7, 5));
        assertThat(CsvValues.dateTime("2024-12-31T14:05:00Z").get().offset()).isEqualTo(ZoneOffset.UTC);
        assertThat(CsvValues.dateTime("31.12.24")).isEmpty();
        assertThat(CsvValues.amountMinor("1 234,5")).contains(123450L);
        assertThat(CsvValues.amountMinor("1,234.56")).contains(123456L);
        assertThat(CsvValues.amountMinor("1.234.567,00")).contains(123456700L);
        assertThat(CsvValues.amountMinor("7")).contains(700L);
        assertThat(CsvValues.amountMinor("-0.5")).contains(-50L);
        assertThat(CsvValues.amountMinor("12 zł")).isEmpty();
        assertThat(List.of(',', ';')).contains(CsvText.separator("a;b,c;d\n"));
        assertThat(CsvText.separator("\"a;b\",c\n")).isEqualTo(',');
    }
}
