package app.stempel.counter;

import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Currency;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.cards.CardDesign;
import app.stempel.cards.CardHandout;
import app.stempel.core.Money;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.testing.FakePrinter;
import app.stempel.testing.TestShop;
import app.stempel.ui.I18n;
import app.stempel.core.Language;
import app.stempel.ui.SameThreadTaskRunner;

class CounterViewModelTest {

    private static final Currency PLN = Currency.getInstance("PLN");

    @TempDir
    Path dir;
    private Services shop;
    private final FakePrinter printer = new FakePrinter();
    private CounterViewModel model;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir, Clock.systemUTC());
        model = new CounterViewModel(shop.counter(), shop.survey(), new SameThreadTaskRunner(), new I18n(Language.ENGLISH),
                Clock.systemUTC(), () -> TestShop.TILL, new CardHandout(() -> CardDesign.of("Kafé"), printer));
    }

    @AfterEach
    void close() {
        shop.close();
    }

    @Test
    void amountsInEitherDecimalNotation() {
        assertThat(CounterViewModel.parseAmount("12,50", PLN)).isEqualTo(new Money(1250, PLN));
        assertThat(CounterViewModel.parseAmount(" 12.5 ", PLN)).isEqualTo(new Money(1250, PLN));
        assertThat(CounterViewModel.parseAmount("7", PLN)).isEqualTo(new Money(700, PLN));
        assertThat(CounterViewModel.parseAmount("1 234,00", PLN)).isEqualTo(new Money(123400, PLN));
        assertThat(CounterViewModel.parseAmount("", PLN)).isNull();
        assertThat(CounterViewModel.parseAmount("500", Currency.getInstance("JPY"))).isEqualTo(Money.of(500, "JPY"));
    }

    @Test
    void badAmountsAreRefused() {
        for (String bad : new String[] {"-5", "abc", "12,345", "1e5", "12,5,0", "9999999999"}) {
            assertThatThrownBy(() -> CounterViewModel.parseAmount(bad, PLN)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aBadAmountSaysSoAndStampsNothing() {
        Enrolled e = TestShop.enrol(shop, "Kari");
        model.queryProperty().set(e.cardNumber());
        model.submit(true, null);
        model.amountProperty().set("12;50");

        model.stamp();

        assertThat(model.messageProperty().get()).isEqualTo("The amount \"12;50\" is not a number. Type it like 12,50 or leave it empty.");
        assertThat(model.toneProperty().get()).isEqualTo(CounterViewModel.Tone.DANGER);
        assertThat(shop.db().dsl().fetchCount(LEDGER_ENTRY)).isZero();
        assertThat(model.amountProperty().get()).isEqualTo("12;50");
    }

    @Test
    void digitsAndEnterLookUpTheCardAndClearTheBox() {
        Enrolled e = TestShop.enrol(shop, "Kari Nordmann");
        model.queryProperty().set(e.cardNumber());
        model.submit(false, null);
        assertThat(model.memberProperty().get().name()).isEqualTo("Kari Nordmann");
        assertThat(model.queryProperty().get()).isEmpty();
    }

    @Test
    void enterOnANameWithOneResultChoosesIt() {
        TestShop.enrol(shop, "Øyvind Berg");
        model.queryProperty().set("oyv");
        assertThat(model.results()).hasSize(1);
        model.submit(false, null);
        assertThat(model.memberProperty().get().name()).isEqualTo("Øyvind Berg");
    }

    @Test
    void scannerBurstOfLettersIsAGarbledScanNotASearch() {
        model.queryProperty().set("ЙЦУКЕНГШЩЗХЪЖ");
        model.submit(true, null);
        assertThat(model.memberProperty().get()).isNull();
        assertThat(model.messageProperty().get()).startsWith("The scanner typed letters instead of digits");
    }

    @Test
    void stampingWithoutAMemberAsksForOne() {
        model.stamp();
        assertThat(model.messageProperty().get()).isEqualTo("Scan a card or choose a member first.");
    }

    @Test
    void lastVisitAndRewardTexts() {
        Enrolled e = TestShop.withStamps(shop, "Ola", 6);
        model.queryProperty().set(e.cardNumber());
        model.submit(true, null);
        var m = model.memberProperty().get();
        assertThat(model.lastVisitText(m)).isEqualTo("last visit today");
        assertThat(model.visitsText(m)).isEqualTo("6 visits");
        assertThat(model.rewardsText(m)).isEqualTo("1 reward ready: Free coffee");
        // six stamps on a five-stamp card: a reward ready, and one stamp on the next card
        assertThat(CounterViewModel.stampsOnCard(m)).isEqualTo(1);
        assertThat(model.cardText(m)).isEqualTo("1 reward ready · 1/5");
    }

    @Test
    void aScanIsTheBurstOverANameButAllTheDigitsWhenTheScannerWasSlowedDown() {
        Enrolled ola = TestShop.enrol(shop, "Ola Nordmann");
        String n = ola.cardNumber();

        model.queryProperty().set("Ola N" + n);
        model.scanned(n);
        assertThat(model.memberProperty().get().name()).isEqualTo("Ola Nordmann");

        model.clear();
        model.queryProperty().set(n); // the burst came in two pieces: the second is no card number
        model.scanned(n.substring(5));
        assertThat(model.memberProperty().get().name()).isEqualTo("Ola Nordmann");

        model.clear();
        model.queryProperty().set("Ola N" + n.substring(0, 9)); // letters before a broken burst: the burst is all there is
        model.scanned(n.substring(0, 9));
        assertThat(model.memberProperty().get()).isNull();
        assertThat(model.messageProperty().get()).startsWith("A card number has 13 digits");
    }
}
