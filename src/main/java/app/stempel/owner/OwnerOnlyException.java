package app.stempel.owner;

/** Owner-only work was asked for outside owner mode; nothing was done. */
public final class OwnerOnlyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OwnerOnlyException() {
        super("owner mode is needed for this");
    }
}
