package app.stempel.cards;

import java.util.Optional;

import com.google.zxing.oned.Code128Writer;

/**
 * Card numbers as Code 128 bars, for shops whose scanners read only 1-D codes. A 13-digit Stempel number
 * takes 123 modules (start, six digit pairs in code set C, one digit in code set B, check, stop).
 */
final class Code128 {

    private Code128() {
    }

    /**
     * The modules of {@code number} from the first bar to the last, true for black, without quiet zones; empty
     * if Code 128 cannot carry it (characters outside ASCII).
     */
    static Optional<boolean[]> modules(String number) {
        try {
            return Optional.of(new Code128Writer().encode(number));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
