package app.stempel.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.core.Language;
import app.stempel.settings.CashierService.Cashier;
import app.stempel.testing.MutableClock;
import app.stempel.testing.TestShop;
import app.stempel.ui.I18n;
import app.stempel.ui.SameThreadTaskRunner;

/** "Who is at the till?" without a screen: choosing, a cashier's PIN, the owner adding a cashier. */
class CashierChoiceViewModelTest {

    @TempDir
    Path dir;
    private Services shop;
    private final MutableClock clock = MutableClock.at("2026-06-10T08:00:00Z");
    private final List<Cashier> chosen = new ArrayList<>();
    private CashierChoiceViewModel model;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir, clock);
        shop.owner().unlock(TestShop.OWNER_PIN);
        shop.cashiers().add("Piotr", "2468");
        shop.owner().end();
        model = new CashierChoiceViewModel(shop.cashiers(), shop.owner(), new SameThreadTaskRunner(),
                new I18n(Language.ENGLISH), chosen::add);
        model.load();
    }

    @AfterEach
    void close() {
        shop.close();
    }

    private Cashier named(String name) {
        return model.active().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aCashierWithoutAPinIsAtTheTillAtOnce() {
        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.active()).extracting(Cashier::name).containsExactly("Anna", "Piotr");
        model.choose(named("Anna"));
        assertThat(chosen).extracting(Cashier::name).containsExactly("Anna");
        assertThat(model.askingProperty().get()).isNull();
    }

    @Test
    void aCashierWithAPinTypesItAndAWrongOneIsSaid() {
        model.choose(named("Piotr"));
        assertThat(chosen).isEmpty();
        assertThat(model.askingProperty().get().name()).isEqualTo("Piotr");
        model.pinProperty().set("1111");
        model.checkPin();
        assertThat(chosen).isEmpty();
        assertThat(model.errorProperty().get()).isEqualTo("Wrong PIN. Try again.");
        assertThat(model.pinProperty().get()).isEmpty();
        model.pinProperty().set("2468");
        model.checkPin();
        assertThat(chosen).extracting(Cashier::name).containsExactly("Piotr");
        assertThat(model.askingProperty().get()).isNull();
    }

    @Test
    void theOwnerAddsACashierWithTheOwnersPinAndOwnerModeEndsAfter() {
        model.newNameProperty().set("  ");
        model.add();
        assertThat(model.errorProperty().get()).isEqualTo("Type the cashier's name first.");

        model.newNameProperty().set("Ola");
        model.ownerPinProperty().set("000000");
        model.add();
        assertThat(chosen).isEmpty();
        assertThat(model.errorProperty().get()).startsWith("Wrong PIN");
        assertThat(model.ownerPinProperty().get()).as("the PIN typed is not kept").isEmpty();
        assertThat(shop.cashiers().active()).extracting(Cashier::name).doesNotContain("Ola");

        model.ownerPinProperty().set(TestShop.OWNER_PIN);
        model.add();
        assertThat(chosen).extracting(Cashier::name).containsExactly("Ola");
        assertThat(shop.owner().isOpen()).as("owner mode opened for this alone").isFalse();
        assertThat(model.newNameProperty().get()).isEmpty();
    }

    @Test
    void addingACashierWhileTheOwnerIsAtTheTillLeavesOwnerModeOpen() {
        shop.owner().unlock(TestShop.OWNER_PIN);
        model.newNameProperty().set("Ola");
        model.ownerPinProperty().set(TestShop.OWNER_PIN);
        model.add();
        assertThat(chosen).extracting(Cashier::name).containsExactly("Ola");
        assertThat(shop.owner().isOpen()).isTrue();
    }
}
