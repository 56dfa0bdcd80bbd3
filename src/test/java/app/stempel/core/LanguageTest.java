package app.stempel.core;

import app.stempel.ui.I18n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LanguageTest {

    @ParameterizedTest(name = "pl {0} -> {1}")
    @CsvSource({"1,one", "2,few", "4,few", "5,many", "11,many", "12,many", "14,many", "21,many", "22,few",
            "25,many", "0,many", "102,few", "112,many"})
    void polishHasThreeForms(long n, String category) {
        assertThat(Language.POLISH.pluralCategory(n)).isEqualTo(category);
    }

    @ParameterizedTest(name = "ru {0} -> {1}")
    @CsvSource({"1,one", "21,one", "101,one", "11,many", "2,few", "3,few", "22,few", "12,many", "5,many",
            "0,many", "111,many"})
    void russianHasThreeForms(long n, String category) {
        assertThat(Language.RUSSIAN.pluralCategory(n)).isEqualTo(category);
    }

    @Test
    void englishAndNorwegianHaveTwo() {
        assertThat(Language.ENGLISH.pluralCategory(1)).isEqualTo("one");
        assertThat(Language.ENGLISH.pluralCategory(0)).isEqualTo("other");
        assertThat(Language.NORWEGIAN.pluralCategory(21)).isEqualTo("other");
    }

    @Test
    void codesIncludingNorwegianAliases() {
        assertThat(Language.fromCode("PL")).isEqualTo(Language.POLISH);
        assertThat(Language.fromCode("no")).isEqualTo(Language.NORWEGIAN);
        assertThat(Language.fromCode("nb")).isEqualTo(Language.NORWEGIAN);
        assertThatThrownBy(() -> Language.fromCode("de")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pluralTextUsesTheRightFormAndLocalGrouping() {
        assertThat(new I18n(Language.RUSSIAN).plural("status.members", 2)).isEqualTo("2 клиента");
        assertThat(new I18n(Language.RUSSIAN).plural("status.members", 21)).isEqualTo("21 клиент");
        assertThat(new I18n(Language.ENGLISH).plural("status.members", 2000)).isEqualTo("2,000 members");
        assertThat(new I18n(Language.POLISH).plural("status.members", 1)).isEqualTo("1 klient");
    }
}
