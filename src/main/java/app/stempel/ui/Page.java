package app.stempel.ui;

import org.kordamp.ikonli.feather.Feather;

/** The screens of the main window, in navigation order, with their texts and icons. */
public enum Page {
    COUNTER("counter", "nav.counter", "page.counter.text", Feather.SHOPPING_BAG, false),
    MEMBERS("members", "nav.members", "page.members.text", Feather.USERS, true),
    /** Open to cashiers for printing and lost cards; its design tab is the owner's. */
    CARDS("cards", "nav.cards", "page.cards.text", Feather.CREDIT_CARD, false),
    PROGRAM("program", "nav.program", "page.program.text", Feather.GIFT, true),
    REPORTS("reports", "nav.reports", "page.reports.text", Feather.BAR_CHART_2, true),
    SETTINGS("settings", "nav.settings", "page.settings.text", Feather.SETTINGS, true);

    private final String id;
    private final String titleKey;
    private final String textKey;
    private final Feather icon;
    private final boolean ownerOnly;

    Page(String id, String titleKey, String textKey, Feather icon, boolean ownerOnly) {
        this.ownerOnly = ownerOnly;
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
        return ownerOnly;
    }
}
