package app.stempel.reports;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.imageio.ImageIO;

import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.core.Language;
import app.stempel.data.CsvExport;
import app.stempel.owner.OwnerGate;
import app.stempel.program.Tier;
import app.stempel.store.AtomicFile;
import java.util.Locale;
import java.util.Arrays;

/**
 * Writes what the Reports screen shows to files: each chart's data (and the tiles, the segments and the
 * at-risk list) as CSV for the spreadsheet of the person's language (UTF-8 with a byte-order mark,
 * {@code ;} and a decimal comma except in English, as {@code data.CsvExport}), a chart's picture as PNG,
 * the whole report as PDF ({@link ReportPdf}).
 * Shares are written as fractions (0.4167), money in the currency's units (12.50). A file appears
 * whole or not at all: it is written beside its name first and moved into place. Exports are the
 * owner's: every method asks the gate first and writes nothing when it refuses.
 */
public final class ReportExport {

    /** The data sets of the screen, each one CSV file. */
    public enum Chart {
        TILES("figures"), VISITS("visits"), ACTIVE("active"), COHORTS("cohorts"), RETENTION("retention"),
        TIERS("tiers"), NPS("nps"), SEGMENTS("segments"), AT_RISK("at-risk");

        private final String slug;

        Chart(String slug) {
            this.slug = slug;
        }

        /** Part of the file name offered ({@code cohorts}). */
        public String slug() {
            return slug;
        }
    }

    private final OwnerGate gate;
    private final CsvExport.Format format;

    /** @param language the spreadsheet's language: English gets {@code ,} and a decimal point */
    public ReportExport(OwnerGate gate, Language language) {
        this.gate = Objects.requireNonNull(gate);
        this.format = CsvExport.Format.of(Objects.requireNonNull(language));
    }

    /** Writes the data of {@code chart} (not {@link Chart#AT_RISK}) as CSV; returns the rows written. */
    @Role(Who.OWNER)
    public int csv(Chart chart, Dashboard d, Path file) {
        gate.require();
        Objects.requireNonNull(d);
        List<List<Object>> rows = switch (chart) {
            case TILES -> tiles(d);
            case VISITS -> visits(d);
            case ACTIVE -> active(d);
            case COHORTS -> cohorts(d, d.cohorts(), true);
            case RETENTION -> cohorts(d, d.curveCohorts(), false);
            case TIERS -> tiers(d);
            case NPS -> nps(d);
            case SEGMENTS -> segments(d);
            case AT_RISK -> throw new IllegalArgumentException("the at-risk list is written by atRisk()");
        };
        write(file, rows);
        return rows.size() - 1;
    }

    /** Writes the at-risk members with the data that put them there; returns the rows written. */
    @Role(Who.OWNER)
    public int atRisk(List<AtRisk> members, Dashboard d, Path file) {
        gate.require();
        int digits = digits(d);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("member_id", "name", "phone", "email", "visits", "usual_interval_days", "days_since_last",
                "last_visit", "value", "currency"));
        for (AtRisk a : members) {
            rows.add(list(a.memberId(), a.name(), a.phone(), a.email(), a.visits(), decimal(a.usualDays(), 1),
                    a.daysSince(), a.lastVisit(), money(a.value(), digits), d.currency().getCurrencyCode()));
        }
        write(file, rows);
        return members.size();
    }

    /** Writes {@code image} as PNG. */
    @Role(Who.OWNER)
    public void png(BufferedImage image, Path file) {
        gate.require();
        Objects.requireNonNull(image);
        try {
            AtomicFile.write(file, out -> {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the whole report as PDF with {@code pdf}. */
    @Role(Who.OWNER)
    public void pdf(ReportPdf pdf, Dashboard d, List<AtRisk> atRisk, Path file) throws IOException {
        gate.require();
        pdf.write(d, atRisk, file);
    }

    private List<List<Object>> tiles(Dashboard d) {
        Dashboard.Tiles t = d.tiles();
        int digits = digits(d);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("figure", "value", "from", "to", "as_of"));
        Object[][] figures = {
            {"active_members", t.active()}, {"new_members", t.newMembers()}, {"visits", t.visits()},
            {"crr", share(t.crr())}, {"churn", share(t.churn())}, {"rpr", share(t.rpr())},
            {"visits_per_member", t.visitsPerMember() == null ? null : decimal(t.visitsPerMember(), 4)},
            {"spend_per_visit", money(t.spendPerVisit(), digits)}, {"clv_historical", money(t.clvHistorical(), digits)},
            {"clv_projected", money(t.clvProjected(), digits)}, {"rewards_issued", t.rewardsIssued()},
            {"rewards_redeemed", t.rewardsRedeemed()}, {"reward_liability", money(t.liability(), digits)},
            {"nps", t.nps()}, {"nps_answers", t.npsAnswers()}};
        for (Object[] f : figures) {
            rows.add(list(f[0], f[1], d.period().from(), d.period().to(), d.asOf()));
        }
        return rows;
    }

    private static List<List<Object>> visits(Dashboard d) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("start", "end", "new_member_visits", "returning_visits", "visits"));
        for (Dashboard.VisitBucket b : d.visits()) {
            rows.add(list(b.start(), b.end(), b.newVisits(), b.returningVisits(), b.total()));
        }
        return rows;
    }

    private static List<List<Object>> active(Dashboard d) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("day", "active_members"));
        for (Dashboard.ActivePoint p : d.active()) {
            rows.add(list(p.day(), p.active()));
        }
        return rows;
    }

    /** Counts and shares per month 0..12 ({@code counts}), or only the shares; unknown cells empty. */
    private List<List<Object>> cohorts(Dashboard d, List<CohortReport.Cohort> cohorts, boolean counts) {
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>(List.of("cohort", "size"));
        if (counts) {
            for (int k = 0; k < CohortReport.MONTHS; k++) {
                header.add("month_" + k);
            }
        }
        for (int k = 0; k < CohortReport.MONTHS; k++) {
            header.add("share_" + k);
        }
        rows.add(header);
        for (CohortReport.Cohort c : cohorts) {
            List<Object> row = new ArrayList<>(List.of(c.month(), c.size()));
            if (counts) {
                for (int k = 0; k < CohortReport.MONTHS; k++) {
                    row.add(d.known(c, k) ? c.retained()[k] : null);
                }
            }
            for (int k = 0; k < CohortReport.MONTHS; k++) {
                row.add(d.known(c, k) ? share(c.share(k)) : null);
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<Object>> tiers(Dashboard d) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("tier", "members"));
        for (Tier t : Tier.values()) {
            rows.add(list(t.name().toLowerCase(Locale.ROOT), d.tiers().getOrDefault(t, 0)));
        }
        return rows;
    }

    private static List<List<Object>> nps(Dashboard d) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("month", "answers", "promoters", "detractors", "nps"));
        for (Dashboard.NpsPoint p : d.nps()) {
            rows.add(list(p.month(), p.answers(), p.promoters(), p.detractors(), p.nps()));
        }
        return rows;
    }

    private static List<List<Object>> segments(Dashboard d) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("segment", "members"));
        for (Map.Entry<Dashboard.Segment, Integer> e : ordered(d.segments())) {
            rows.add(list(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue()));
        }
        return rows;
    }

    private static List<Map.Entry<Dashboard.Segment, Integer>> ordered(Map<Dashboard.Segment, Integer> segments) {
        List<Map.Entry<Dashboard.Segment, Integer>> out = new ArrayList<>();
        for (Dashboard.Segment s : Dashboard.Segment.values()) {
            out.add(Map.entry(s, segments.getOrDefault(s, 0)));
        }
        return out;
    }

    private String share(Double share) {
        return share == null ? null : decimal(share, 4);
    }

    private String decimal(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).toPlainString().replace('.', format.decimalMark());
    }

    private String money(Long minor, int digits) {
        return minor == null ? null : BigDecimal.valueOf(minor, digits).toPlainString().replace('.', format.decimalMark());
    }

    private static int digits(Dashboard d) {
        return Math.max(0, d.currency().getDefaultFractionDigits());
    }

    /** A row that may hold nulls (empty cells), unlike {@link List#of}. */
    private static List<Object> list(Object... cells) {
        return Arrays.asList(cells);
    }

    private void write(Path file, List<List<Object>> rows) {
        CsvExport.spreadsheet(file, format, (out, f) -> {
            for (List<Object> row : rows) {
                List<Object> cells = new ArrayList<>(row.size());
                for (Object cell : row) {
                    cells.add(cell == null ? "" : cell.toString());
                }
                out.printRecord(cells);
            }
            return rows.size();
        });
    }
}
