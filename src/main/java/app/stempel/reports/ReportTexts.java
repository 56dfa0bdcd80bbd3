package app.stempel.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import app.stempel.program.Tier;
import app.stempel.ui.I18n;

/**
 * What the dashboard says in words, in one language: the tiles (name, value, what it means), segment and
 * tier names, chart titles. The Reports screen and the PDF both read them from here, so the two never
 * disagree. A figure the period cannot define reads "–".
 */
public final class ReportTexts {

    /** One tile: its id (for tests and styling), name, value and definition. */
    public record Tile(String id, String label, String value, String help) {
    }

    private final I18n i18n;

    public ReportTexts(I18n i18n) {
        this.i18n = i18n;
    }

    public I18n i18n() {
        return i18n;
    }

    public List<Tile> tiles(Dashboard d) {
        Dashboard.Tiles t = d.tiles();
        List<Tile> out = new ArrayList<>();
        out.add(tile("active", i18n.number(t.active()), d.activeWindowDays()));
        out.add(tile("new", i18n.number(t.newMembers())));
        out.add(tile("visits", i18n.number(t.visits())));
        out.add(tile("crr", percent(t.crr()), d.activeWindowDays()));
        out.add(tile("churn", percent(t.churn())));
        out.add(tile("rpr", percent(t.rpr())));
        out.add(tile("visitsPerMember", decimal(t.visitsPerMember())));
        out.add(tile("spendPerVisit", money(t.spendPerVisit(), d)));
        out.add(tile("clvHistorical", money(t.clvHistorical(), d)));
        out.add(tile("clvProjected", money(t.clvProjected(), d)));
        out.add(tile("rewardsIssued", i18n.number(t.rewardsIssued())));
        out.add(tile("rewardsRedeemed", i18n.number(t.rewardsRedeemed())));
        out.add(tile("liability", money(t.liability(), d)));
        out.add(tile("nps", t.nps() == null ? none() : String.valueOf(t.nps()), t.npsAnswers()));
        return out;
    }

    private Tile tile(String id, String value, Object... helpArgs) {
        return new Tile(id, i18n.get("reports.tile." + id), value, i18n.get("reports.tile." + id + ".help", helpArgs));
    }

    public String segment(Dashboard.Segment s) {
        return i18n.get("reports.segment." + s.name().toLowerCase(Locale.ROOT));
    }

    public String segmentHelp(Dashboard.Segment s) {
        return i18n.get("reports.segment." + s.name().toLowerCase(Locale.ROOT) + ".help");
    }

    public String tier(Tier t) {
        return i18n.get("program.tier." + t.name().toLowerCase(Locale.ROOT));
    }

    public String none() {
        return "–";
    }

    public String percent(Double share) {
        return share == null ? none() : String.format(i18n.language().locale(), "%.1f %%", 100 * share);
    }

    public String decimal(Double value) {
        return value == null ? none() : String.format(i18n.language().locale(), "%.2f", value);
    }

    public String money(Long minor, Dashboard d) {
        return minor == null ? none() : i18n.money(minor, d.currency());
    }

    public String date(LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(i18n.language().locale()).format(day);
    }

    public String month(YearMonth m) {
        return DateTimeFormatter.ofPattern("LLL yyyy", i18n.language().locale()).format(m);
    }

    /** "1 Mar 2026 – 31 Mar 2026". */
    public String period(Period p) {
        return date(p.from()) + " – " + date(p.to());
    }
}
