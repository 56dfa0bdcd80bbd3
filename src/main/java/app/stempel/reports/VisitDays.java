package app.stempel.reports;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A person's visit days, oldest first, as stored in {@code report_person.visit_days}: the first day, then
 * each day's distance from the one before, every number as an unsigned variable-length integer (seven
 * bits a byte, the high bit set on all but the last byte). The first day is zig-zag encoded so days
 * before 1970 survive. Ten years of daily visits take about 3,700 bytes.
 */
final class VisitDays {

    private VisitDays() {
    }

    /** Encodes {@code days[0..count)}, which must be sorted. */
    static byte[] encode(int[] days, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(count + 4);
        int previous = 0;
        for (int i = 0; i < count; i++) {
            int value = i == 0 ? (days[0] << 1) ^ (days[0] >> 31) : days[i] - previous;
            if (value < 0) {
                throw new IllegalArgumentException("days are not sorted");
            }
            while ((value & ~0x7F) != 0) {
                out.write((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            out.write(value);
            previous = days[i];
        }
        return out.toByteArray();
    }

    /** Decodes into {@code into} (grown when too small); returns the array and sets {@code count[0]}. */
    static int[] decode(byte[] bytes, int[] into, int[] count) {
        int[] days = into;
        int n = 0;
        int previous = 0;
        int i = 0;
        while (i < bytes.length) {
            int value = 0;
            int shift = 0;
            byte b;
            do {
                b = bytes[i++];
                value |= (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            int day = n == 0 ? (value >>> 1) ^ -(value & 1) : previous + value;
            if (n == days.length) {
                days = Arrays.copyOf(days, Math.max(16, n * 2));
            }
            days[n++] = day;
            previous = day;
        }
        count[0] = n;
        return days;
    }

    static int[] decode(byte[] bytes) {
        int[] count = new int[1];
        int[] days = decode(bytes, new int[16], count);
        return Arrays.copyOf(days, count[0]);
    }
}
