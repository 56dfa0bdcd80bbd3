package app.stempel.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The text of a CSV file: decoded as strict UTF-8 (a byte-order mark is dropped), with binary files and
 * files in another encoding recognised instead of turned into garbage, and the physical line of any
 * character position.
 */
final class CsvText {

    /** The file as text, or the problem that stops it from being read as text. */
    record Decoded(String text, CsvImport.Problem problem) {
    }

    private static final int SNIFF = 8192;

    private CsvText() {
    }

    static Decoded decode(byte[] bytes) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        } else if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
            return new Decoded(null, new CsvImport.Problem(1, "import.problem.encoding"));
        }
        if (looksBinary(bytes, start)) {
            return new Decoded(null, new CsvImport.Problem(1, "import.problem.binary"));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start + 1);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            return new Decoded(null, new CsvImport.Problem(lineOfByte(bytes, at), "import.problem.encoding"));
        }
        try {
            decoder.flush(out);
        } catch (RuntimeException e) {
            return new Decoded(null, new CsvImport.Problem(1, "import.problem.encoding"));
        }
        out.flip();
        return new Decoded(out.toString(), null);
    }

    /**
     * A NUL byte, a known binary signature, or more than a few control characters near the start: text
     * files (in any single-byte or UTF-8 encoding) have none of these.
     */
    private static boolean looksBinary(byte[] bytes, int start) {
        int end = Math.min(bytes.length, start + SNIFF);
        if (startsWith(bytes, start, 'P', 'K', 3, 4) || startsWith(bytes, start, '%', 'P', 'D', 'F')
                || startsWith(bytes, start, 0x89, 'P', 'N', 'G') || startsWith(bytes, start, 0xD0, 0xCF, 0x11, 0xE0)
                || startsWith(bytes, start, 0xFF, 0xD8, 0xFF) || startsWith(bytes, start, 0x1F, 0x8B)) {
            return true;
        }
        int control = 0;
        for (int i = start; i < end; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        if (control > Math.max(2, (end - start) / 100)) {
            return true;
        }
        for (int i = end; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int start, int... signature) {
        if (bytes.length - start < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[start + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static int lineOfByte(byte[] bytes, int at) {
        int line = 1;
        for (int i = 0; i < at && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * The separator of the header line: whichever of semicolon, comma and tab occurs most often outside
     * quotes (a comma on a tie, as in plain CSV).
     */
    static char separator(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    /** Start positions of the physical lines; CRLF, LF and a lone CR each end one line. */
    static int[] lineStarts(String text) {
        int[] starts = new int[64];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    /** The 1-based physical line holding character {@code position}, skipping line breaks at it. */
    static int lineAt(int[] starts, String text, long position) {
        int p = (int) Math.min(position, text.length());
        while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
            p++;
        }
        int i = Arrays.binarySearch(starts, p);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
