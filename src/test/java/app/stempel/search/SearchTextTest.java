package app.stempel.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Łukasz, lukasz",
            "ŻANETA Wójcik, zaneta wojcik",
            "Øyvind Ærø, oyvind aero",
            "Åse, ase",
            "Olé, ole",
            "Grüßgott, grussgott",
            "Ольга Иванова, ольга иванова",
            "Пётр, петр",
            "Андрей, андреи",
            "'  Jan   Kowalski ', jan kowalski"})
    void foldsCaseAndAccents(String in, String folded) {
        assertThat(SearchText.fold(in)).isEqualTo(folded);
    }

    @Test
    void foldingIsTheSameForWhatIsStoredAndWhatIsTyped() {
        assertThat(SearchText.fold("Андрей")).isEqualTo(SearchText.fold("андреи"));
        assertThat(SearchText.fold("Łukasz")).startsWith(SearchText.fold("luk"));
    }

    @Test
    void phoneDigitsReversedForSuffixSearch() {
        assertThat(SearchText.reversedDigits("+47 912 34 567")).isEqualTo("7654321974");
        assertThat(SearchText.reversedDigits("no phone")).isNull();
        assertThat(SearchText.reversedDigits(null)).isNull();
    }
}
