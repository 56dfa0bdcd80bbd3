package app.stempel.core;

/**
 * What a ledger entry records. Stored by name in {@code ledger_entry.kind} (the migration's check lists the
 * same names); jOOQ maps the column to this type, so the rest of the program never spells a kind as text.
 */
public enum EntryKind {
    /** A visit at the counter, with the stamps it earned. */
    STAMP,
    /** A stamp-card reward handed out. */
    REDEEM,
    /** A visit in a points program, with the points it earned. */
    POINTS,
    /** A points reward handed out. */
    POINTS_REDEEM,
    /** Stamps carried over from a member's paper card. */
    PAPER_STAMPS,
    /** A balance or a past visit brought in by a CSV import. */
    IMPORT,
    /** A counter action cancelled within its grace period. */
    UNDO,
    /** An entry cancelled by the owner. */
    VOID,
    /** The owner's correction of a balance. */
    ADJUST,
    /** Stamps or points past the program's expiry rule. */
    EXPIRE,
    /** A merged record's balance arriving at the member kept. */
    MERGE_IN,
    /** A merged record's balance leaving it. */
    MERGE_OUT,
    /** A come-back coupon given. */
    COUPON,
    /** A birthday treat given. */
    BIRTHDAY;

    /** Whether this kind cancels another entry (and so points at it through {@code cancels_id}). */
    public boolean cancels() {
        return this == UNDO || this == VOID;
    }
}
