package app.stempel.counter;

import static app.stempel.store.schema.Tables.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import app.stempel.Services;
import app.stempel.testing.TestShop;
import app.stempel.ui.I18n;
import app.stempel.core.Language;
import app.stempel.ui.SameThreadTaskRunner;

class EnrolViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneId.of("Europe/Oslo"));

    @TempDir
    Path dir;
    private Services shop;
    private EnrolViewModel form;
    private final AtomicReference<CounterService.MemberPanel> saved = new AtomicReference<>();

    @BeforeEach
    void open() {
        shop = TestShop.open(dir, CLOCK);
        form = new EnrolViewModel(shop.counter(), new SameThreadTaskRunner(), new I18n(Language.ENGLISH), CLOCK,
                () -> TestShop.TILL);
    }

    @AfterEach
    void close() {
        shop.close();
    }

    @Test
    void aCompleteFormEnrolsWithPaperStamps() {
        form.reset("Åse Lie");
        form.phoneProperty().set("+47 912 34 567");
        form.emailProperty().set("ase@example.no");
        form.birthdayProperty().set("2.4.1990");
        form.paperStampsProperty().set("4");
        form.consentProperty().set(true);

        form.save(saved::set);

        assertThat(form.errorProperty().get()).isEmpty();
        assertThat(saved.get().name()).isEqualTo("Åse Lie");
        assertThat(saved.get().stamps()).isEqualTo(4);
        var m = shop.db().dsl().fetchSingle(MEMBER);
        assertThat(m.getBirthday()).isEqualTo(LocalDate.of(1990, 4, 2));
        assertThat(m.getMarketingConsent()).isTrue();
        assertThat(shop.integrity().run().ok()).isTrue();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "name|'   '|Type the member's name.",
            "phone|call me|The phone number \"call me\" does not look right. Use digits, spaces and a leading +.",
            "email|kari@|The e-mail address \"kari@\" does not look right.",
            "birthday|31.02.1990|The birthday \"31.02.1990\" is not a date in the past. Type it like 31.12.1990.",
            "birthday|1.1.2030|The birthday \"1.1.2030\" is not a date in the past. Type it like 31.12.1990.",
            "paper|-2|Paper stamps must be a whole number from 0 to 100; \"-2\" is not.",
            "paper|1000|Paper stamps must be a whole number from 0 to 100; \"1000\" is not.",
            "paper|three|Paper stamps must be a whole number from 0 to 100; \"three\" is not."})
    void badInputIsRefusedWithAClearMessageAndNothingIsSaved(String field, String value, String message) {
        form.reset("Kari");
        switch (field) {
            case "name" -> form.nameProperty().set(value);
            case "phone" -> form.phoneProperty().set(value);
            case "email" -> form.emailProperty().set(value);
            case "birthday" -> form.birthdayProperty().set(value);
            default -> form.paperStampsProperty().set(value);
        }
        form.save(saved::set);
        assertThat(form.errorProperty().get()).isEqualTo(message);
        assertThat(saved.get()).isNull();
        assertThat(shop.db().dsl().fetchCount(MEMBER)).isZero();
    }
}
