package app.stempel.counter;

import java.util.Optional;

/**
 * Tells a USB scanner from a person by timing. A keyboard-wedge scanner types a card's characters a
 * few milliseconds apart and ends with Enter; people type 60 ms or more apart. Characters that follow
 * each other within {@code maxGapNanos} form a burst; Enter right after a burst of at least
 * {@value #MIN_LENGTH} characters completes a scan.
 */
public final class ScanDetector {

    /** Shortest burst taken as a scan (card numbers are 13 digits; imported ones may be shorter). */
    public static final int MIN_LENGTH = 6;

    private final long maxGapNanos;
    private final StringBuilder burst = new StringBuilder();
    private long lastNanos;

    public ScanDetector(long maxGapNanos) {
        if (maxGapNanos <= 0) {
            throw new IllegalArgumentException("gap must be positive");
        }
        this.maxGapNanos = maxGapNanos;
    }

    /**
     * A typed character at {@code nanos} (any monotonic clock).
     *
     * @return true if it continues a burst (it came within the gap after the previous character)
     */
    public boolean onChar(char c, long nanos) {
        boolean continues = burst.length() > 0 && nanos - lastNanos <= maxGapNanos;
        if (!continues) {
            burst.setLength(0);
        }
        burst.append(c);
        lastNanos = nanos;
        return continues;
    }

    /** Enter at {@code nanos}: the scanned text if a burst just ended, otherwise empty. Starts afresh. */
    public Optional<String> onEnter(long nanos) {
        boolean scan = burst.length() >= MIN_LENGTH && nanos - lastNanos <= maxGapNanos;
        String text = burst.toString();
        burst.setLength(0);
        return scan ? Optional.of(text) : Optional.empty();
    }

    /** Length of the burst in progress (1 after a lone keystroke). */
    public int burstLength() {
        return burst.length();
    }
}
