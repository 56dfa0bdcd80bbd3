package app.stempel.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.core.Money;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.owner.OwnerGate;
import app.stempel.testing.TestShop;
import app.stempel.store.schema.Tables;

/** No exported cell can run as a spreadsheet formula; numbers stay numbers. */
class SpreadsheetRowsTest {

    /** Payloads from the OWASP page on CSV injection, and a sum that looks like a number. */
    private static final List<String> PAYLOADS = List.of("=HYPERLINK(\"http://x\",\"click\")", "+cmd|' /C calc'!A0",
            "@SUM(A1)", "-2+3", "\t=1+1", "\r=1+1");

    @TempDir
    Path dir;
    private Services shop;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir.resolve("shop"), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        shop.close();
    }

    @Test
    void aCellAFormulaWouldRunGetsALeadingApostropheAndNumbersStayNumbers() {
        for (String p : PAYLOADS) {
            assertThat(SpreadsheetRows.safe(p)).as(p).isEqualTo("'" + p);
        }
        assertThat(SpreadsheetRows.safe("-12,50")).isEqualTo("-12,50");
        assertThat(SpreadsheetRows.safe("-7")).isEqualTo("-7");
        assertThat(SpreadsheetRows.safe("12.5")).isEqualTo("12.5");
        assertThat(SpreadsheetRows.safe(-3)).isEqualTo(-3);
        assertThat(SpreadsheetRows.safe("Ola = Kari")).isEqualTo("Ola = Kari");
        assertThat(SpreadsheetRows.safe("")).isEqualTo("");
        assertThat(SpreadsheetRows.safe(null)).isNull();
        for (String p : PAYLOADS) {
            assertThat(SpreadsheetRows.original((String) SpreadsheetRows.safe(p))).as("read back").isEqualTo(p);
        }
        assertThat(SpreadsheetRows.original("'+48 600 100 200")).isEqualTo("+48 600 100 200");
        assertThat(SpreadsheetRows.original("O'Brien")).isEqualTo("O'Brien");
        assertThat(SpreadsheetRows.original("'quoted'")).isEqualTo("'quoted'");
    }

    private static List<CSVRecord> read(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        return CSVFormat.DEFAULT.builder().setDelimiter(',').get().parse(new StringReader(text)).getRecords();
    }

    @Test
    void everyExportOfMembersVisitsAndTheLedgerNeutralisesThePayloads() throws Exception {
        CsvExport export = new CsvExport(shop.db(), Clock.systemUTC(), shop.settings(), OwnerGate.TRUSTED);
        for (String p : PAYLOADS) {
            Enrolled e = TestShop.enrol(shop, p);
            shop.counter().stamp(e.memberId(), Money.of(1250, "PLN"), TestShop.TILL);
            shop.counter().undo(e.memberId(), TestShop.TILL); // a negative amount in the ledger
        }

        Path members = dir.resolve("members.csv");
        export.members(members);
        List<String> names = read(members).stream().skip(1).map(r -> r.get(2)).toList();
        assertThat(names).hasSize(PAYLOADS.size()).allSatisfy(name -> assertThat(name).startsWith("'"));
        assertThat(names).contains("'" + PAYLOADS.get(0), "'" + PAYLOADS.get(1), "'@SUM(A1)", "'-2+3");

        Path ledger = dir.resolve("ledger.csv");
        export.ledger(ledger);
        List<CSVRecord> entries = read(ledger);
        assertThat(entries.stream().skip(1).map(r -> r.get(10)).distinct().toList())
                .as("amounts stay numbers, the undo's negative one too").containsExactlyInAnyOrder("12.50", "-12.50");

        Path one = dir.resolve("member.csv");
        long first = shop.db().dsl().select(Tables.MEMBER.ID).from(Tables.MEMBER)
                .orderBy(Tables.MEMBER.ID).limit(1).fetchOne(Tables.MEMBER.ID);
        assertThat(export.member(String.valueOf(first), one)).isTrue();
        assertThat(read(one).get(2).get(1)).isEqualTo("'" + PAYLOADS.get(0));

        for (Path file : List.of(members, ledger, one)) {
            for (CSVRecord row : read(file)) {
                for (String cell : row) {
                    assertThat(cell.isEmpty() || "=+@\t\r".indexOf(cell.charAt(0)) < 0).as("%s in %s", cell, file)
                            .isTrue();
                }
            }
        }
    }
}
