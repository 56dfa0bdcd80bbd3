package app.stempel.settings;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import app.stempel.core.Language;
import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;

/**
 * The first-run setup: the shop's name, currency and language, the stamp card's rule, the owner's PIN
 * and the first cashier. The shop's name is written last, so a setup cut short runs again.
 */
public final class SetupService {

    /** What the first-run wizard collects. */
    public record Setup(String shopName, Currency currency, Language language, int stampsForReward,
            String reward, String ownerPin, String firstCashier) {
        public Setup {
            Objects.requireNonNull(currency);
            Objects.requireNonNull(language);
        }
    }

    /** Starts the shop's first reward program: a plain stamp card (the program's service does it). */
    @FunctionalInterface
    public interface StampCard {
        void start(int stampsForReward, String reward, Currency currency);
    }

    private final SettingsService settings;
    private final StampCard programs;
    private final CashierService cashiers;
    private final OwnerSession owner;

    /**
     * @param owner asked first: open on a shop not yet set up (whoever sets it up becomes its owner), so a
     *        finished shop is set up again only with the owner's PIN
     */
    public SetupService(SettingsService settings, StampCard programs, CashierService cashiers, OwnerSession owner) {
        this.settings = Objects.requireNonNull(settings);
        this.owner = Objects.requireNonNull(owner);
        this.programs = Objects.requireNonNull(programs);
        this.cashiers = Objects.requireNonNull(cashiers);
    }

    /** Sets the shop up; {@code withProgram} false when demo data brought its own program and cashiers. */
    @Role(Who.OWNER)
    public void apply(Setup s, boolean withProgram) {
        owner.require();
        if (s.shopName() == null || s.shopName().isBlank()) {
            throw new IllegalArgumentException("the shop needs a name");
        }
        if (!Pins.isValidOwner(s.ownerPin())) {
            throw new IllegalArgumentException("the owner PIN must be " + Pins.OWNER_MIN + " to " + Pins.OWNER_MAX + " digits");
        }
        if (withProgram) {
            programs.start(s.stampsForReward(), s.reward(), s.currency());
            if (s.firstCashier() != null && !s.firstCashier().isBlank()) {
                cashiers.addFirst(s.firstCashier());
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put(SettingsService.CURRENCY, s.currency().getCurrencyCode());
        values.put(SettingsService.LANGUAGE, s.language().code());
        values.put(SettingsService.OWNER_PIN, PinHasher.hash(s.ownerPin()));
        values.put(SettingsService.SHOP_NAME, s.shopName().strip());
        settings.putAll(values);
        owner.shopSetUp();
    }
}
