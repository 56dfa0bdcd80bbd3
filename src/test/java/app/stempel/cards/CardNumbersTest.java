package app.stempel.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardNumbersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // published examples: Wikipedia's EAN-13, GS1's, the ISBN-13 of Wikipedia's ISBN article,
            // and Wikipedia's UPC-A example as an EAN-13
            "4006381333931",
            "5901234123457",
            "9780306406157",
            "0036000291452"})
    void checkDigitMatchesKnownEan13Examples(String ean) {
        assertThat(CardNumbers.checkDigit(ean.substring(0, 12))).isEqualTo(ean.charAt(12));
    }

    @Test
    void generatedNumbersAreThirteenDigitsWithInStorePrefixAndValidCheckDigit() {
        CardNumbers numbers = new CardNumbers(new Random(7));
        for (int i = 0; i < 10_000; i++) {
            String n = numbers.next();
            assertThat(n).hasSize(13).startsWith("2").containsOnlyDigits();
            assertThat(CardNumbers.validate(n)).isEqualTo(CardNumbers.Problem.NONE);
        }
    }

    @Test
    void generatedBodiesAreRandomNotSequential() {
        CardNumbers numbers = new CardNumbers(new Random(1));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            seen.add(numbers.next());
        }
        assertThat(seen).hasSizeGreaterThan(995);
    }

    @Test
    void validatorRejectsWrongLength() {
        assertThat(CardNumbers.validate("200000000001")).isEqualTo(CardNumbers.Problem.WRONG_LENGTH);
        assertThat(CardNumbers.validate("20000000000011")).isEqualTo(CardNumbers.Problem.WRONG_LENGTH);
    }

    @Test
    void validatorRejectsWrongCheckDigit() {
        String good = new CardNumbers(new Random(3)).next();
        char wrong = (char) ('0' + (good.charAt(12) - '0' + 1) % 10);
        assertThat(CardNumbers.validate(good.substring(0, 12) + wrong))
                .isEqualTo(CardNumbers.Problem.WRONG_CHECK_DIGIT);
    }

    @Test
    void validatorRejectsNonDigitsIncludingCyrillicFromAWrongKeyboardLayout() {
        assertThat(CardNumbers.validate("20000000000A5")).isEqualTo(CardNumbers.Problem.NOT_DIGITS);
        assertThat(CardNumbers.validate("2000000 00015")).isEqualTo(CardNumbers.Problem.NOT_DIGITS);
        assertThat(CardNumbers.validate("ЙЦУКЕНГШЩЗХЪЖ")).isEqualTo(CardNumbers.Problem.NOT_DIGITS);
        assertThat(CardNumbers.validate("")).isEqualTo(CardNumbers.Problem.EMPTY);
        assertThat(CardNumbers.validate(null)).isEqualTo(CardNumbers.Problem.EMPTY);
    }

    @Test
    void validatorRejectsAValidEanOutsideTheInStoreRange() {
        assertThat(CardNumbers.validate("5901234123457")).isEqualTo(CardNumbers.Problem.WRONG_PREFIX);
    }

    @Test
    void checkDigitNeedsTwelveDigits() {
        assertThatThrownBy(() -> CardNumbers.checkDigit("123")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CardNumbers.checkDigit("12345678901x")).isInstanceOf(IllegalArgumentException.class);
    }
}
