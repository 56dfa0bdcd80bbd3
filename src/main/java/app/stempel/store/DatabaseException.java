package app.stempel.store;

/**
 * The database could not be opened or written. {@link #reason()} says what a person can do about it;
 * the cause carries the details for the log.
 */
public class DatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, in terms a person can act on; each has a message in the bundles. */
    public enum Reason {
        /** Another copy of Stempel has the database open. */
        IN_USE,
        /** The data folder or the database file cannot be written. */
        READ_ONLY,
        /** The disk is full. */
        DISK_FULL,
        /** The file is not a Stempel database or is damaged. */
        CORRUPT,
        /** Anything else. */
        OTHER
    }

    private final Reason reason;

    public DatabaseException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The bundle key of the message a person sees for this failure (see {@link Fault}). */
    public String messageKey() {
        Fault fault = Fault.of(this);
        return fault == Fault.OTHER ? "error.database.other" : fault.messageKey();
    }

    /** The reason for a fault found by {@link Fault#of}. */
    static Reason reasonOf(Fault fault) {
        return switch (fault) {
            case IN_USE -> Reason.IN_USE;
            case READ_ONLY -> Reason.READ_ONLY;
            case DISK_FULL -> Reason.DISK_FULL;
            case DAMAGED -> Reason.CORRUPT;
            case OTHER -> Reason.OTHER;
        };
    }
}
