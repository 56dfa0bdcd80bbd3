package app.stempel.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVPrinter;
import java.util.Arrays;

/**
 * The rows of every CSV the program writes for a spreadsheet, each cell made safe on its way out: text a
 * spreadsheet would run as a formula (a member named {@code =HYPERLINK(...)}, {@code +cmd|...},
 * {@code @SUM(A1)}, {@code -2+3}) gets a leading apostrophe, the OWASP rule for CSV injection, so it shows
 * as the text it is. Numbers stay numbers, negative amounts too.
 */
public final class SpreadsheetRows {

    /** Characters that make a spreadsheet read a cell as a formula. */
    private static final String TRIGGERS = "=+-@\t\r";
    /** A plain number as the exports write them: digits, an optional sign and decimal mark. */
    private static final Pattern NUMBER = Pattern.compile("-?\\d+([.,]\\d+)?");

    private final CSVPrinter out;

    public SpreadsheetRows(CSVPrinter out) {
        this.out = Objects.requireNonNull(out);
    }

    public void printRecord(Object... cells) throws IOException {
        printRecord(Arrays.asList(cells));
    }

    public void printRecord(Iterable<?> cells) throws IOException {
        List<Object> safe = new ArrayList<>();
        for (Object cell : cells) {
            safe.add(safe(cell));
        }
        out.printRecord(safe);
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** An empty line, between the sections of one member's data. */
    public void println() throws IOException {
        out.println();
    }

    /**
     * A cell of a file this program exported, as it was before {@link #safe}: an import of an export gives
     * back {@code +48 600 100 200}, not {@code '+48 600 100 200}.
     */
    static String original(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && TRIGGERS.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }

    /** {@code cell} as a spreadsheet will show it and never run it. */
    static Object safe(Object cell) {
        if (!(cell instanceof CharSequence text) || text.length() == 0) {
            return cell;
        }
        String s = text.toString();
        if (TRIGGERS.indexOf(s.charAt(0)) < 0 || NUMBER.matcher(s).matches()) {
            return s;
        }
        return "'" + s;
    }
}
