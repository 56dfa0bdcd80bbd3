package app.stempel.core;

/**
 * Who did something and where: the cashier (null for the owner's or the program's own work, such as an
 * import), the till's name, and whether it was the owner (a correction, a merge). Every ledger entry
 * records one.
 */
public record Actor(Long cashierId, String till, boolean owner) {

    public Actor(Long cashierId, String till) {
        this(cashierId, till, false);
    }

    /** Work done by the program itself (demo data, imports, maintenance). */
    public static Actor system(String till) {
        return new Actor(null, till, false);
    }

    /** Work done by the owner in owner mode (corrections, merges, erasure). */
    public static Actor owner(String till) {
        return new Actor(null, till, true);
    }
}
