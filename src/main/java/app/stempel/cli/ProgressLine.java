package app.stempel.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error, redrawn in place at most a few times a second. Without a
 * terminal (output into a file or a pipe) it prints a plain line at every tenth instead, so logs stay
 * readable.
 */
final class ProgressLine {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final long start;
    private long lastDraw;
    private int lastTenth = -1;
    private int lastLength;

    ProgressLine(PrintWriter err, boolean terminal, LongSupplier nanoTime) {
        this.err = err;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    /** Shows {@code done} of {@code total} with a free-text detail after the bar. */
    void show(long done, long total, String detail) {
        long now = nanoTime.getAsLong();
        double fraction = total == 0 ? 1 : Math.min(1.0, (double) done / total);
        if (terminal) {
            if (done < total && now - lastDraw < REDRAW_NANOS) {
                return;
            }
            lastDraw = now;
            int filled = (int) Math.round(fraction * WIDTH);
            String line = String.format(Locale.ROOT, "[%s%s] %3d%% %s %s", "#".repeat(filled),
                    ".".repeat(WIDTH - filled), Math.round(fraction * 100), detail, elapsed(now));
            err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
        } else {
            int tenth = (int) (fraction * 10);
            if (tenth == lastTenth) {
                return;
            }
            lastTenth = tenth;
            err.printf(Locale.ROOT, "%3d%% %s %s%n", tenth * 10, detail, elapsed(now));
        }
        err.flush();
    }

    /** Ends the redrawn line so what follows starts on a fresh one. */
    void finish() {
        if (terminal && lastLength > 0) {
            err.println();
            err.flush();
        }
    }

    private String elapsed(long now) {
        return String.format(Locale.ROOT, "%.0f s", (now - start) / 1e9);
    }
}
