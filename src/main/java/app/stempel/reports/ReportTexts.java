package app.stempel.reports;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

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
        out.add(tile("active", "reports.tile.active", "reports.tile.active.help", i18n.number(t.active()), d.activeWindowDays()));
        out.add(tile("new", "reports.tile.new", "reports.tile.new.help", i18n.number(t.newMembers())));
        out.add(tile("visits", "reports.tile.visits", "reports.tile.visits.help", i18n.number(t.visits())));
        out.add(tile("crr", "reports.tile.crr", "reports.tile.crr.help", percent(t.crr()), d.activeWindowDays()));
        out.add(tile("churn", "reports.tile.churn", "reports.tile.churn.help", percent(t.churn())));
        out.add(tile("rpr", "reports.tile.rpr", "reports.tile.rpr.help", percent(t.rpr())));
        out.add(tile("visitsPerMember", "reports.tile.visitsPerMember", "reports.tile.visitsPerMember.help", decimal(t.visitsPerMember())));
        out.add(tile("spendPerVisit", "reports.tile.spendPerVisit", "reports.tile.spendPerVisit.help", money(t.spendPerVisit(), d)));
        out.add(tile("clvHistorical", "reports.tile.clvHistorical", "reports.tile.clvHistorical.help", money(t.clvHistorical(), d)));
        out.add(tile("clvProjected", "reports.tile.clvProjected", "reports.tile.clvProjected.help", money(t.clvProjected(), d)));
        out.add(tile("rewardsIssued", "reports.tile.rewardsIssued", "reports.tile.rewardsIssued.help", i18n.number(t.rewardsIssued())));
        out.add(tile("rewardsRedeemed", "reports.tile.rewardsRedeemed", "reports.tile.rewardsRedeemed.help", i18n.number(t.rewardsRedeemed())));
        out.add(tile("liability", "reports.tile.liability", "reports.tile.liability.help", money(t.liability(), d)));
        out.add(tile("nps", "reports.tile.nps", "reports.tile.nps.help", nps(t.nps()), t.npsAnswers()));
        return out;
    }

    private Tile tile(String id, String labelKey, String helpKey, String value, Object... helpArgs) {
        return new Tile(id, i18n.get(labelKey), value, i18n.get(helpKey, helpArgs));
    }

    public String segment(Dashboard.Segment s) {
        switch (s) {
            case CHAMPIONS:
                return i18n.get("reports.segment.champions");
            case REGULARS:
                return i18n.get("reports.segment.regulars");
            case OCCASIONAL:
                return i18n.get("reports.segment.occasional");
            case AT_RISK:
                return i18n.get("reports.segment.atRisk");
            default:
                return i18n.get("reports.segment.lost");
        }
    }

    public String segmentHelp(Dashboard.Segment s) {
        switch (s) {
            case CHAMPIONS:
                return i18n.get("reports.segment.champions.help");
            case REGULARS:
                return i18n.get("reports.segment.regulars.help");
            case OCCASIONAL:
                return i18n.get("reports.segment.occasional.help");
            case AT_RISK:
                return i18n.get("reports.segment.atRisk.help");
            default:
                return i18n.get("reports.segment.lost.help");
        }
    }

    public String tier(Tier t) {
        switch (t) {
            case NEW:
                return i18n.get("program.tier.new");
            case REGULAR:
                return i18n.get("program.tier.regular");
            default:
                return i18n.get("program.tier.loyal");
        }
    }

    public String none() {
        return "–";
    }

    /** A share (0 to 1) as the language writes a percentage, with one decimal: 36.6%, 36,6 %. */
    public String percent(Double share) {
        if (share == null) {
            return none();
        }
        NumberFormat f = NumberFormat.getPercentInstance(i18n.language().locale());
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(share);
    }

    /** A number with one decimal in the language's marks. */
    public String decimal(Double value) {
        if (value == null) {
            return none();
        }
        NumberFormat f = NumberFormat.getNumberInstance(i18n.language().locale());
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(value);
    }

    /** An NPS with its sign (+25, −10, 0). */
    public String nps(Integer nps) {
        return nps == null ? none() : (nps > 0 ? "+" : "") + i18n.number(nps);
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
