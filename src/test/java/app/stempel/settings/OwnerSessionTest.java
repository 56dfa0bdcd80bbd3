package app.stempel.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.owner.OwnerOnlyException;
import app.stempel.settings.OwnerSession.Attempt;
import app.stempel.testing.MutableClock;
import app.stempel.testing.TestShop;
import java.util.Map;
import java.util.Currency;
import java.time.ZoneOffset;
import app.stempel.core.Language;

/** Owner mode on a real shop: the PIN, the growing lock-out, the idle end. */
class OwnerSessionTest {

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
    private Services shop;
    private OwnerSession owner;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir, clock);
        owner = shop.owner();
    }

    @AfterEach
    void close() {
        shop.close();
    }

    @Test
    void theRightPinOpensOwnerModeAndItIsClosedBefore() {
        assertThat(owner.isOpen()).isFalse();
        assertThatThrownBy(owner::require).isInstanceOf(OwnerOnlyException.class);
        assertThat(owner.unlock(TestShop.OWNER_PIN)).isInstanceOf(Attempt.Opened.class);
        assertThat(owner.isOpen()).isTrue();
        owner.require();
    }

    @Test
    void thePinIsStoredOnlyAsASlowSaltedHash() {
        String stored = shop.settings().get(SettingsService.OWNER_PIN).orElseThrow();
        assertThat(stored).startsWith("pbkdf2-sha256$600000$").doesNotContain(TestShop.OWNER_PIN);
        assertThat(PinHasher.hash("1234")).isNotEqualTo(PinHasher.hash("1234"));
    }

    @Test
    void wrongPinsCountDownThenLockForLongerEachTime() {
        assertThat(owner.unlock("0000")).isEqualTo(new Attempt.Wrong(2, Duration.ZERO));
        assertThat(owner.unlock("1111")).isEqualTo(new Attempt.Wrong(1, Duration.ZERO));
        assertThat(owner.unlock("2222")).isEqualTo(new Attempt.Wrong(0, Duration.ofSeconds(30)));
        // while locked even the right PIN is not checked, and the attempt does not count
        assertThat(owner.unlock(TestShop.OWNER_PIN)).isEqualTo(new Attempt.LockedOut(Duration.ofSeconds(30)));
        clock.advance(Duration.ofSeconds(29));
        assertThat(owner.unlock(TestShop.OWNER_PIN)).isEqualTo(new Attempt.LockedOut(Duration.ofSeconds(1)));
        assertThat(owner.isOpen()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(owner.unlock("3333")).isEqualTo(new Attempt.Wrong(0, Duration.ofSeconds(60)));
        clock.advance(Duration.ofSeconds(60));
        assertThat(owner.unlock("4444")).isEqualTo(new Attempt.Wrong(0, Duration.ofSeconds(120)));
        clock.advance(Duration.ofSeconds(120));
        assertThat(owner.unlock(TestShop.OWNER_PIN)).isInstanceOf(Attempt.Opened.class);
        owner.end();
        // the right PIN starts the count afresh
        assertThat(owner.unlock("0000")).isEqualTo(new Attempt.Wrong(2, Duration.ZERO));
    }

    @Test
    void theLockOutOutlivesARestart() {
        for (int i = 0; i < 3; i++) {
            owner.unlock("9999");
        }
        shop.close();
        shop = TestShop.open(dir, clock);
        assertThat(shop.owner().unlock(TestShop.OWNER_PIN)).isInstanceOf(Attempt.LockedOut.class);
        assertThat(shop.owner().lockedFor()).contains(Duration.ofSeconds(30));
    }

    @Test
    void theLockGrowsToAnHourAndNoFurther() {
        assertThat(OwnerSession.lockAfter(2)).isZero();
        assertThat(OwnerSession.lockAfter(3)).isEqualTo(Duration.ofSeconds(30));
        assertThat(OwnerSession.lockAfter(4)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OwnerSession.lockAfter(9)).isEqualTo(Duration.ofMinutes(32));
        assertThat(OwnerSession.lockAfter(10)).isEqualTo(Duration.ofHours(1));
        assertThat(OwnerSession.lockAfter(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void ownerModeEndsAfterTheIdleTimeAndActivityPutsThatOff() {
        owner.unlock(TestShop.OWNER_PIN);
        clock.advance(Duration.ofMinutes(4));
        owner.touch();
        clock.advance(OwnerSession.DEFAULT_IDLE.minusMillis(1));
        assertThat(owner.isOpen()).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(owner.isOpen()).isFalse();
        // touching a closed session does not open it again
        owner.touch();
        assertThat(owner.isOpen()).isFalse();
    }

    @Test
    void theKeyEndsOwnerModeAtOnce() {
        owner.unlock(TestShop.OWNER_PIN);
        owner.end();
        assertThat(owner.isOpen()).isFalse();
    }

    @Test
    void theOwnerSetsTheIdleTimeForThisTillAndTheNextStart() {
        assertThatThrownBy(() -> shop.admin().setOwnerIdleMinutes(2)).isInstanceOf(OwnerOnlyException.class);
        owner.unlock(TestShop.OWNER_PIN);
        shop.admin().setOwnerIdleMinutes(2);
        assertThatThrownBy(() -> shop.admin().setOwnerIdleMinutes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(owner.idleLimit()).isEqualTo(Duration.ofMinutes(2));
        shop.close();
        shop = TestShop.open(dir, clock);
        assertThat(shop.owner().idleLimit()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void changingThePinNeedsOwnerModeAndTheOldPin() {
        assertThatThrownBy(() -> owner.changePin(TestShop.OWNER_PIN, "56789012")).isInstanceOf(OwnerOnlyException.class);
        owner.unlock(TestShop.OWNER_PIN);
        assertThat(owner.changePin("0000", "56789012")).isFalse();
        assertThatThrownBy(() -> owner.changePin(TestShop.OWNER_PIN, "12")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> owner.changePin(TestShop.OWNER_PIN, "2468")).as("4 digits are too few for a new PIN")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(owner.changePin(TestShop.OWNER_PIN, "56789012")).isTrue();
        owner.end();
        assertThat(owner.unlock(TestShop.OWNER_PIN)).isInstanceOf(Attempt.Wrong.class);
        assertThat(owner.unlock("56789012")).isInstanceOf(Attempt.Opened.class);
    }

    @Test
    void aShortPinFromAnOlderShopStillOpensAndTheOwnerIsAskedOnceToLengthenIt() {
        TestShop.putSettings(shop.db(), Map.of(SettingsService.OWNER_PIN, PinHasher.hash("2468")));
        assertThat(owner.unlock("2468")).isEqualTo(new Attempt.Opened(true));
        owner.end();
        assertThat(owner.unlock("2468")).as("asked once").isEqualTo(new Attempt.Opened(false));
        assertThat(owner.changePin("2468", "24681357")).isTrue();
        owner.end();
        assertThat(owner.unlock("24681357")).isEqualTo(new Attempt.Opened(false));
    }

    @Test
    void aNewShopNeedsAnOwnerPinOfAtLeastSixDigits() throws Exception {
        try (Services fresh = Services.open(dir.resolve("fresh"), clock)) {
            for (String pin : new String[] {"2468", "24680", "1234567890123", "12ab56", ""}) {
                assertThatThrownBy(() -> fresh.setup().apply(new SetupService.Setup("Bakeriet",
                        Currency.getInstance("NOK"), Language.NORWEGIAN, 8, "Bolle", pin, "Kari"),
                        true)).as(pin).isInstanceOf(IllegalArgumentException.class);
            }
            assertThat(fresh.settings().isSetUp()).isFalse();
            fresh.setup().apply(new SetupService.Setup("Bakeriet", Currency.getInstance("NOK"),
                    Language.NORWEGIAN, 8, "Bolle", "246801", "Kari"), true);
            assertThat(fresh.owner().unlock("246801")).isEqualTo(new Attempt.Opened(false));
        }
    }
}
