package app.stempel.core;

/** A rule of the shop refused the work; nothing was written. The view model says why in the person's language. */
public final class Refused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the work was refused. */
    public enum Why {
        /** A correction needs a reason. */
        REASON_REQUIRED,
        /** The entry was already undone or voided. */
        ALREADY_CANCELLED,
        /** Undo, void and merge entries are not corrected themselves. */
        NOT_CORRECTABLE,
        /** The change would leave stamps or points below zero. */
        BELOW_ZERO,
        /** An adjustment of nothing. */
        NOTHING_TO_ADJUST,
        /** The member was merged into another record or erased. */
        MEMBER_GONE,
        /** A member cannot be merged into themselves. */
        SAME_MEMBER,
        /** No such member or entry. */
        NOT_FOUND
    }

    private final Why why;

    public Refused(Why why) {
        super(why.name());
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
