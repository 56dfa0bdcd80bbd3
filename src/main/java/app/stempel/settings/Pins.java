package app.stempel.settings;

/** How long PINs are: the owner's guards the shop, a cashier's only says who is at the till. */
public final class Pins {

    /** Digits in an owner PIN set now (a shop set up earlier may still have a 4-digit one, and is asked once to lengthen it). */
    public static final int OWNER_MIN = 6;
    public static final int OWNER_MAX = 12;
    /** Digits in a cashier's optional PIN: it only says who is at the till. */
    public static final int CASHIER_MIN = 4;
    public static final int CASHIER_MAX = 8;

    private Pins() {
    }

    public static boolean isValidOwner(String pin) {
        return digits(pin, OWNER_MIN, OWNER_MAX);
    }

    public static boolean isValidCashier(String pin) {
        return digits(pin, CASHIER_MIN, CASHIER_MAX);
    }

    private static boolean digits(String pin, int min, int max) {
        return pin != null && pin.length() >= min && pin.length() <= max && pin.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
