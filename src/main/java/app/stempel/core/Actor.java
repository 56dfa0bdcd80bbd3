package app.stempel.core;

/**
 * Who did something and where: the cashier (null for the owner's or the system's own work, such as an
 * import) and the till's name. Every ledger entry records one.
 */
public record Actor(Long cashierId, String till) {

    /** Work done by the program itself (demo data, imports, maintenance). */
    public static Actor system(String till) {
        return new Actor(null, till);
    }
}
