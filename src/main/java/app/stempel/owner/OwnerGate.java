package app.stempel.owner;

/**
 * Asked first by every owner-only piece of work (settings, program rules, corrections, merges, erasure,
 * exports, imports, reports, backups and restore), so the cashier cannot reach it even where a screen
 * forgot to hide it. The window's gate is {@code settings.OwnerSession}; the command line, run by whoever
 * holds the shop's data folder, passes {@link #TRUSTED}.
 */
public interface OwnerGate {

    /** Whether owner mode is open now. */
    boolean isOpen();

    /**
     * Returns if owner mode is open; otherwise refuses.
     *
     * @throws OwnerOnlyException when it is not
     */
    default void require() {
        if (!isOpen()) {
            throw new OwnerOnlyException();
        }
    }

    /** Always open: the command line and the program's own maintenance. */
    OwnerGate TRUSTED = () -> true;

    /** Never open: for a service made only for its till work, inside another service. */
    OwnerGate NEVER = () -> false;
}
