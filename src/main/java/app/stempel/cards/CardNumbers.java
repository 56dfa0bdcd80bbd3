package app.stempel.cards;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Stempel card numbers: 13 digits, the GS1 in-store prefix {@code 2}, a random body and an EAN-13 check
 * digit. Digits only, so any scanner types them the same under any keyboard layout.
 */
public final class CardNumbers {

    /** Length of a Stempel card number. */
    public static final int LENGTH = 13;
    /** GS1 prefix reserved for numbers used inside one shop. */
    public static final char PREFIX = '2';

    private final RandomGenerator random;

    public CardNumbers(RandomGenerator random) {
        this.random = Objects.requireNonNull(random);
    }

    /** A new random number; the caller checks it against the numbers already issued. */
    public String next() {
        StringBuilder digits = new StringBuilder(LENGTH).append(PREFIX);
        for (int i = 1; i < LENGTH - 1; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.append(checkDigit(digits)).toString();
    }

    /**
     * The EAN-13 check digit for the first 12 digits: weights 1 and 3 alternate from the left; the check
     * digit brings the weighted sum up to a multiple of 10.
     */
    public static char checkDigit(CharSequence first12) {
        if (first12.length() != LENGTH - 1) {
            throw new IllegalArgumentException("need 12 digits, got " + first12.length());
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int d = first12.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("not a digit at " + i);
            }
            sum += (i % 2 == 0) ? d : 3 * d;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** Why a typed or scanned number is not a Stempel card number, or {@link Problem#NONE}. */
    public static Problem validate(String number) {
        if (number == null || number.isEmpty()) {
            return Problem.EMPTY;
        }
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return Problem.NOT_DIGITS;
            }
        }
        if (number.length() != LENGTH) {
            return Problem.WRONG_LENGTH;
        }
        if (number.charAt(0) != PREFIX) {
            return Problem.WRONG_PREFIX;
        }
        if (checkDigit(number.subSequence(0, LENGTH - 1)) != number.charAt(LENGTH - 1)) {
            return Problem.WRONG_CHECK_DIGIT;
        }
        return Problem.NONE;
    }

    public static boolean isValid(String number) {
        return validate(number) == Problem.NONE;
    }

    /** What is wrong with a number. */
    public enum Problem {
        NONE, EMPTY, NOT_DIGITS, WRONG_LENGTH, WRONG_PREFIX, WRONG_CHECK_DIGIT
    }
}
