package app.stempel.data;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates and amounts as shops write them: ISO-8601 ({@code 2011-12-09T12:50:00}, with an optional
 * offset), {@code 2024-12-31 14:05}, {@code 31.12.2024} and {@code 31/12/2024} (each with an optional
 * time); amounts with a decimal comma or point, to integer minor units with two decimals.
 */
final class CsvValues {

    private static final Pattern DATE_TIME = Pattern.compile(
            "(?:(\\d{4})-(\\d{1,2})-(\\d{1,2})|(\\d{1,2})([./-])(\\d{1,2})\\5(\\d{4}))"
            + "(?:[T ]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
            + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?");

    private CsvValues() {
    }

    /** A date with an optional time of day, and the offset if the text gave one. */
    record When(LocalDateTime local, ZoneOffset offset) {
        OffsetDateTime at(ZoneId zone) {
            return offset != null ? local.atOffset(offset) : local.atZone(zone).toOffsetDateTime();
        }
    }

    /** The date and time in {@code text}, or empty if it is not one of the formats (or not a real day). */
    static Optional<When> dateTime(String text) {
        Matcher m = DATE_TIME.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = m.group(1) != null
                    ? LocalDate.of(num(m, 1), num(m, 2), num(m, 3))
                    : LocalDate.of(num(m, 7), num(m, 6), num(m, 4));
            LocalTime time = LocalTime.MIDNIGHT;
            if (m.group(8) != null) {
                int nanos = 0;
                if (m.group(11) != null) {
                    nanos = Integer.parseInt((m.group(11) + "00000000").substring(0, 9));
                }
                time = LocalTime.of(num(m, 8), num(m, 9), m.group(10) == null ? 0 : num(m, 10), nanos);
            }
            ZoneOffset offset = m.group(12) == null ? null
                    : m.group(12).equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(withColon(m.group(12)));
            return Optional.of(new When(LocalDateTime.of(date, time), offset));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A date alone (a time of day, if given, is ignored). */
    static Optional<LocalDate> date(String text) {
        return dateTime(text).map(w -> w.local().toLocalDate());
    }

    private static String withColon(String offset) {
        if (offset.length() == 3) {
            return offset + ":00";
        }
        return offset.contains(":") ? offset : offset.substring(0, 3) + ":" + offset.substring(3);
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    /**
     * An amount in minor units: a decimal comma or point (when both appear, the last one is the decimal
     * mark and the others group thousands), spaces as thousands separators, at most two decimals.
     *
     * @return empty if it is not a number with at most two decimals; it may be negative
     */
    static Optional<Long> amountMinor(String text) {
        String t = text.strip().replace(" ", "").replace("\u00A0", "").replace("\u202F", "").replace("'", "");
        if (t.isEmpty()) {
            return Optional.empty();
        }
        int lastComma = t.lastIndexOf(',');
        int lastPoint = t.lastIndexOf('.');
        int decimal = Math.max(lastComma, lastPoint);
        if (decimal >= 0) {
            char mark = t.charAt(decimal);
            char grouping = mark == ',' ? '.' : ',';
            String whole = t.substring(0, decimal).replace(String.valueOf(grouping), "");
            if (whole.indexOf(mark) >= 0) {
                if (lastComma >= 0 && lastPoint >= 0) {
                    return Optional.empty();
                }
                whole = whole.replace(String.valueOf(mark), "");
                t = whole + t.substring(decimal + 1);
                return plain(t);
            }
            t = whole + "." + t.substring(decimal + 1);
        }
        return plain(t);
    }

    private static Optional<Long> plain(String t) {
        if (!t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(t).setScale(2).movePointRight(2).longValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** Minor units as a decimal with two places and the given mark: {@code 13912} → {@code 139,12}. */
    static String formatMinor(long minor, char mark) {
        BigDecimal value = BigDecimal.valueOf(minor, 2);
        String s = value.toPlainString();
        return mark == '.' ? s : s.replace('.', mark);
    }
}
