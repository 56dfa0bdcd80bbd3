package app.stempel.core;

/** Where a member record stands; stored by name in {@code member.status}. */
public enum MemberStatus {
    ACTIVE,
    /** Kept, but refused at the counter. */
    BLOCKED,
    /** Merged into another record, which holds its balance now. */
    MERGED,
    /** Personal data erased on the member's request; the ledger's figures stay. */
    ERASED
}
