package app.stempel.shell;

import org.kordamp.ikonli.feather.Feather;

/** The screens of the main window, in navigation order, with their texts and icons. */
public enum Page {
    COUNTER("counter", "nav.counter", "page.counter.text", Feather.SHOPPING_BAG, Access.ANYONE),
    MEMBERS("members", "nav.members", "page.members.text", Feather.USERS, Access.OWNER),
    /**
     * The owner's: its lists hand out members' card numbers, which carry their balances, and a lost card is
     * blocked there. The counter still prints a new member's card.
     */
    CARDS("cards", "nav.cards", "page.cards.text", Feather.CREDIT_CARD, Access.OWNER),
    PROGRAM("program", "nav.program", "page.program.text", Feather.GIFT, Access.OWNER),
    REPORTS("reports", "nav.reports", "page.reports.text", Feather.BAR_CHART_2, Access.OWNER),
    SETTINGS("settings", "nav.settings", "page.settings.text", Feather.SETTINGS, Access.OWNER);

    /** Who may open a screen. */
    public enum Access {
        /** Everyone at the till. */
        ANYONE,
        /** Only the owner: in cashier mode it shows the PIN instead. */
        OWNER
    }

    private final String id;
    private final String titleKey;
    private final String textKey;
    private final Feather icon;
    private final Access access;

    Page(String id, String titleKey, String textKey, Feather icon, Access access) {
        this.access = access;
        this.id = id;
        this.titleKey = titleKey;
        this.textKey = textKey;
        this.icon = icon;
    }

    /** Used in node ids ({@code #nav-counter}, {@code #page-counter}). */
    public String id() {
        return id;
    }

    public String titleKey() {
        return titleKey;
    }

    /** What the screen is for, shown while it is still a placeholder. */
    public String textKey() {
        return textKey;
    }

    public Feather icon() {
        return icon;
    }

    /** Whether only the owner may open it: in cashier mode it shows the PIN instead. */
    public boolean ownerOnly() {
        return access == Access.OWNER;
    }

    /** Whether the screen looks different in owner mode, so it is made afresh when the mode changes. */
    public boolean dependsOnOwnerMode() {
        return access != Access.ANYONE;
    }
}
