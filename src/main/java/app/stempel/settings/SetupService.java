package app.stempel.settings;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import app.stempel.core.Language;
import app.stempel.owner.OwnerGate;
import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.program.ProgramService;

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

    /** Digits in an owner PIN. */
    public static final int PIN_MIN = 4;
    public static final int PIN_MAX = 8;

    private final SettingsService settings;
    private final ProgramService programs;
    private final CashierService cashiers;
    private final OwnerGate owner;

    /**
     * @param owner asked first: open on a shop not yet set up (whoever sets it up becomes its owner), so a
     *        finished shop is set up again only with the owner's PIN
     */
    public SetupService(SettingsService settings, ProgramService programs, CashierService cashiers, OwnerGate owner) {
        this.settings = Objects.requireNonNull(settings);
        this.owner = Objects.requireNonNull(owner);
        this.programs = Objects.requireNonNull(programs);
        this.cashiers = Objects.requireNonNull(cashiers);
    }

    public static boolean isValidPin(String pin) {
        return pin != null && pin.length() >= PIN_MIN && pin.length() <= PIN_MAX && pin.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Sets the shop up; {@code withProgram} false when demo data brought its own program and cashiers. */
    @Role(Who.OWNER)
    public void apply(Setup s, boolean withProgram) {
        owner.require();
        if (s.shopName() == null || s.shopName().isBlank()) {
            throw new IllegalArgumentException("the shop needs a name");
        }
        if (!isValidPin(s.ownerPin())) {
            throw new IllegalArgumentException("the owner PIN must be 4 to 8 digits");
        }
        if (withProgram) {
            programs.startStampCard(s.stampsForReward(), s.reward(), s.currency());
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
    }
}
