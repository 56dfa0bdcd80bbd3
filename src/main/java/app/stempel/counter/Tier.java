package app.stempel.counter;

/**
 * Where a member stands, from their visits in a trailing window: new → regular → loyal. The thresholds
 * become the owner's to set with the program settings; these are the defaults.
 */
public enum Tier {
    NEW, REGULAR, LOYAL;

    /** Days of the trailing window. */
    public static final int WINDOW_DAYS = 180;
    /** Visits in the window that make a regular. */
    public static final int REGULAR_VISITS = 3;
    /** Visits in the window that make a loyal member. */
    public static final int LOYAL_VISITS = 10;

    public static Tier of(int visitsInWindow) {
        if (visitsInWindow >= LOYAL_VISITS) {
            return LOYAL;
        }
        return visitsInWindow >= REGULAR_VISITS ? REGULAR : NEW;
    }
}
