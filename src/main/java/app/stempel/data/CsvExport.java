package app.stempel.data;

import static app.stempel.store.schema.Tables.BALANCE;
import static app.stempel.store.schema.Tables.CARD;
import static app.stempel.store.schema.Tables.CASHIER;
import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static app.stempel.store.schema.Tables.MEMBER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.concat;
import static org.jooq.impl.DSL.inline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jooq.Cursor;
import org.jooq.Field;
import org.jooq.Record;

import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.core.Language;
import app.stempel.ledger.Ledger;
import app.stempel.settings.SettingsService;
import app.stempel.owner.OwnerGate;
import app.stempel.store.AtomicFile;
import app.stempel.store.Database;
import app.stempel.store.schema.tables.LedgerEntry;
import org.jooq.ResultQuery;

/**
 * Writes members, visits and the ledger as CSV that a spreadsheet in the shop's language opens as
 * columns: UTF-8 with a byte-order mark, {@code ;} and a decimal comma for Polish, Norwegian and
 * Russian, {@code ,} and a decimal point for English. Times are local ({@code 2024-12-31 14:05:00}),
 * which every spreadsheet reads as a date. The visits file has the columns the visits import reads
 * ({@code customer_id}, {@code timestamp}, {@code amount}), so it can be imported again.
 */
public final class CsvExport {

    /** Separator and decimal mark of a file. */
    public record Format(char separator, char decimalMark) {
        /** What a spreadsheet in {@code language} expects. */
        public static Format of(Language language) {
            return language == Language.ENGLISH ? new Format(',', '.') : new Format(';', ',');
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int FETCH = 2_000;

    private final Database db;
    private final OwnerGate owner;
    private final Clock clock;
    private final SettingsService settings;

    /**
     * @param settings the shop's, whose language sets the spreadsheet format
     * @param owner asked before every export: exports are the owner's
     */
    public CsvExport(Database db, Clock clock, SettingsService settings, OwnerGate owner) {
        this.db = Objects.requireNonNull(db);
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
        this.owner = Objects.requireNonNull(owner);
    }

    /** The format for the shop's language (English if none is set). */
    @Role(Who.TILL)
    public Format format() {
        return Format.of(settings.language().orElse(Language.ENGLISH));
    }

    /** Every member with their active card and balance; returns the number of rows written. */
    @Role(Who.OWNER)
    public long members(Path file) {
        owner.require();
        return write(file, (out, f) -> {
            out.printRecord("card", "customer_id", "name", "phone", "email", "birthday", "stamps", "visits",
                    "spend", "first_visit", "last_visit", "enrolled", "status", "member_id");
            long n = 0;
            try (Cursor<? extends Record> rows = db.dsl().select(CARD.CARD_NUMBER, MEMBER.EXTERNAL_REF, MEMBER.DISPLAY_NAME,
                    MEMBER.PHONE, MEMBER.EMAIL, MEMBER.BIRTHDAY, BALANCE.STAMPS, BALANCE.VISITS, BALANCE.SPEND_MINOR,
                    BALANCE.FIRST_VISIT_AT, BALANCE.LAST_VISIT_AT, MEMBER.ENROLLED_AT, MEMBER.STATUS, MEMBER.ID)
                    .from(MEMBER)
                    .leftJoin(BALANCE).on(BALANCE.MEMBER_ID.eq(MEMBER.ID))
                    .leftJoin(CARD).on(CARD.ACTIVE_MEMBER_ID.eq(MEMBER.ID))
                    .orderBy(MEMBER.ID).fetchSize(FETCH).fetchLazy()) {
                for (Record r : rows) {
                    out.printRecord(r.get(CARD.CARD_NUMBER), r.get(MEMBER.EXTERNAL_REF), r.get(MEMBER.DISPLAY_NAME),
                            r.get(MEMBER.PHONE), r.get(MEMBER.EMAIL), date(r.get(MEMBER.BIRTHDAY)),
                            r.get(BALANCE.STAMPS), r.get(BALANCE.VISITS), money(r.get(BALANCE.SPEND_MINOR), f),
                            time(r.get(BALANCE.FIRST_VISIT_AT)), time(r.get(BALANCE.LAST_VISIT_AT)),
                            time(r.get(MEMBER.ENROLLED_AT)), r.get(MEMBER.STATUS), r.get(MEMBER.ID));
                    n++;
                }
            }
            return n;
        });
    }

    /**
     * Every visit nothing cancelled, as {@code customer_id, timestamp, amount}: the member's external
     * reference, or else their active card number, or else {@code #} and their id.
     */
    @Role(Who.OWNER)
    public long visits(Path file) {
        owner.require();
        LedgerEntry e = LEDGER_ENTRY.as("e");
        Field<String> ref = coalesce(MEMBER.EXTERNAL_REF, CARD.CARD_NUMBER,
                concat(inline("#"), MEMBER.ID.cast(String.class)));
        return write(file, (out, f) -> {
            out.printRecord("customer_id", "timestamp", "amount");
            long n = 0;
            try (Cursor<? extends Record> rows = db.dsl().select(ref, e.CREATED_AT, e.AMOUNT_MINOR).from(e)
                    .join(MEMBER).on(MEMBER.ID.eq(e.MEMBER_ID))
                    .leftJoin(CARD).on(CARD.ACTIVE_MEMBER_ID.eq(MEMBER.ID))
                    .where(e.VISITS.gt(0))
                    .and(Ledger.notCancelled(e))
                    .orderBy(e.ID).fetchSize(FETCH).fetchLazy()) {
                for (Record r : rows) {
                    out.printRecord(r.get(ref), time(r.get(e.CREATED_AT)), money(r.get(e.AMOUNT_MINOR), f));
                    n++;
                }
            }
            return n;
        });
    }

    /** The whole ledger, entry by entry. */
    @Role(Who.OWNER)
    public long ledger(Path file) {
        owner.require();
        return write(file, (out, f) -> {
            printLedgerHeader(out);
            long n = 0;
            try (Cursor<Record> rows = ledgerQuery(null).fetchSize(FETCH).fetchLazy()) {
                for (Record r : rows) {
                    printLedger(out, r, f);
                    n++;
                }
            }
            return n;
        });
    }

    /**
     * One member's data: profile, every card they had, and their ledger, as three sections one after the
     * other (a title line, a header line, the rows; a blank line between sections).
     *
     * @param cardOrId a card number the member has or had, or the member's id
     * @return false if no member has that card number or id (nothing is written)
     */
    @Role(Who.OWNER)
    public boolean member(String cardOrId, Path file) {
        owner.require();
        Optional<Long> id = findMember(cardOrId.strip());
        if (id.isEmpty()) {
            return false;
        }
        long memberId = id.get();
        write(file, (out, f) -> {
            out.printRecord("member");
            out.printRecord("member_id", "name", "phone", "email", "birthday", "marketing_consent", "status",
                    "customer_id", "enrolled", "note", "stamps", "visits", "spend", "first_visit", "last_visit");
            Record m = db.dsl().select(MEMBER.asterisk(), BALANCE.asterisk()).from(MEMBER)
                    .leftJoin(BALANCE).on(BALANCE.MEMBER_ID.eq(MEMBER.ID)).where(MEMBER.ID.eq(memberId)).fetchOne();
            out.printRecord(m.get(MEMBER.ID), m.get(MEMBER.DISPLAY_NAME), m.get(MEMBER.PHONE), m.get(MEMBER.EMAIL),
                    date(m.get(MEMBER.BIRTHDAY)), m.get(MEMBER.MARKETING_CONSENT), m.get(MEMBER.STATUS),
                    m.get(MEMBER.EXTERNAL_REF), time(m.get(MEMBER.ENROLLED_AT)), m.get(MEMBER.NOTE),
                    m.get(BALANCE.STAMPS), m.get(BALANCE.VISITS), money(m.get(BALANCE.SPEND_MINOR), f),
                    time(m.get(BALANCE.FIRST_VISIT_AT)), time(m.get(BALANCE.LAST_VISIT_AT)));
            out.println();
            out.printRecord("cards");
            out.printRecord("card", "status", "imported", "issued", "blocked", "blocked_reason");
            for (var card : db.dsl().selectFrom(CARD).where(CARD.MEMBER_ID.eq(memberId)).orderBy(CARD.ID).fetch()) {
                out.printRecord(card.getCardNumber(), card.getStatus(), card.getImported(), time(card.getIssuedAt()),
                        time(card.getBlockedAt()), card.getBlockedReason());
            }
            out.println();
            out.printRecord("ledger");
            printLedgerHeader(out);
            long n = 0;
            for (Record r : ledgerQuery(memberId).fetch()) {
                printLedger(out, r, f);
                n++;
            }
            return n;
        });
        return true;
    }

    private Optional<Long> findMember(String cardOrId) {
        Optional<Long> byCard = db.dsl().select(CARD.MEMBER_ID).from(CARD).where(CARD.CARD_NUMBER.eq(cardOrId))
                .fetchOptional(CARD.MEMBER_ID);
        if (byCard.isPresent() || !cardOrId.matches("\\d{1,18}")) {
            return byCard;
        }
        long id = Long.parseLong(cardOrId);
        return db.dsl().fetchExists(MEMBER, MEMBER.ID.eq(id)) ? Optional.of(id) : Optional.empty();
    }

    private ResultQuery<Record> ledgerQuery(Long memberId) {
        var select = db.dsl().select(LEDGER_ENTRY.asterisk(), MEMBER.EXTERNAL_REF, CARD.CARD_NUMBER, CASHIER.NAME)
                .from(LEDGER_ENTRY)
                .join(MEMBER).on(MEMBER.ID.eq(LEDGER_ENTRY.MEMBER_ID))
                .leftJoin(CARD).on(CARD.ID.eq(LEDGER_ENTRY.CARD_ID))
                .leftJoin(CASHIER).on(CASHIER.ID.eq(LEDGER_ENTRY.CASHIER_ID));
        return (memberId == null ? select.where() : select.where(LEDGER_ENTRY.MEMBER_ID.eq(memberId)))
                .orderBy(LEDGER_ENTRY.ID);
    }

    private static void printLedgerHeader(SpreadsheetRows out) throws IOException {
        out.printRecord("entry_id", "time", "member_id", "customer_id", "card", "kind", "stamps", "points",
                "rewards", "visits", "amount", "currency", "cancels_entry_id", "till", "cashier", "reason");
    }

    private void printLedger(SpreadsheetRows out, Record r, Format f) throws IOException {
        out.printRecord(r.get(LEDGER_ENTRY.ID), time(r.get(LEDGER_ENTRY.CREATED_AT)), r.get(LEDGER_ENTRY.MEMBER_ID),
                r.get(MEMBER.EXTERNAL_REF), r.get(CARD.CARD_NUMBER), r.get(LEDGER_ENTRY.KIND),
                r.get(LEDGER_ENTRY.STAMPS), r.get(LEDGER_ENTRY.POINTS), r.get(LEDGER_ENTRY.REWARDS),
                r.get(LEDGER_ENTRY.VISITS), money(r.get(LEDGER_ENTRY.AMOUNT_MINOR), f), r.get(LEDGER_ENTRY.CURRENCY),
                r.get(LEDGER_ENTRY.CANCELS_ID), r.get(LEDGER_ENTRY.TILL), r.get(CASHIER.NAME),
                r.get(LEDGER_ENTRY.REASON));
    }

    /** The rows of a spreadsheet file. */
    @FunctionalInterface
    public interface Body {
        long write(SpreadsheetRows out, Format format) throws IOException;
    }

    private long write(Path file, Body body) {
        return spreadsheet(file, format(), body);
    }

    /**
     * Writes {@code file} as CSV a spreadsheet in format {@code f} opens as columns: UTF-8 with a byte-order
     * mark, CRLF, no cell a spreadsheet would run as a formula ({@link SpreadsheetRows}); the file appears
     * only when complete.
     *
     * @return what {@code body} returns (the rows it wrote)
     */
    public static long spreadsheet(Path file, Format f, Body body) {
        CSVFormat csv = CSVFormat.DEFAULT.builder().setDelimiter(f.separator()).setRecordSeparator("\r\n").get();
        long[] n = {0};
        try {
            AtomicFile.write(file, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(w, csv);
                w.write('\uFEFF');
                n[0] = body.write(new SpreadsheetRows(printer), f);
                printer.flush();
            });
            return n[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String time(OffsetDateTime t) {
        return t == null ? null : TIME.format(t.atZoneSameInstant(zone()));
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String money(Long minor, Format f) {
        return minor == null ? null : CsvValues.formatMinor(minor, f.decimalMark());
    }
}
