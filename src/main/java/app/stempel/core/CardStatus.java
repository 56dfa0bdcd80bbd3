package app.stempel.core;

/** Whether a card still works at the counter; stored by name in {@code card.status}. */
public enum CardStatus {
    ACTIVE,
    /** Lost, replaced or blocked by the owner: a scan of it is refused. */
    BLOCKED
}
