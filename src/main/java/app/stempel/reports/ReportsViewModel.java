package app.stempel.reports;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.stempel.program.Tier;
import app.stempel.reports.Dashboard.Segment;
import app.stempel.reports.ReportExport.Chart;
import app.stempel.ui.I18n;
import app.stempel.ui.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.util.HashMap;
import java.math.BigDecimal;
import app.stempel.owner.OwnerOnlyException;

/**
 * The owner's report: the period chosen, the dashboard and the at-risk list computed for it in the
 * background (with progress), the tiles as text in the person's language, and the exports (charts as
 * PNG and CSV, the at-risk list as CSV, the whole report as PDF), written in the background.
 */
public final class ReportsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ReportsViewModel.class);

    /** Writes the whole report as PDF. */
    @FunctionalInterface
    public interface PdfWriter {
        void write(Dashboard d, List<AtRisk> atRisk, Path file) throws Exception;
    }

    /** The tiles, in the order they are shown. */
    public enum Tile {
        ACTIVE, NEW_MEMBERS, VISITS, VISITS_PER_MEMBER, CRR, CHURN, RPR, NPS, SPEND_PER_VISIT, CLV_HISTORICAL,
        CLV_PROJECTED, LIABILITY, REWARDS_ISSUED, REWARDS_REDEEMED
    }

    /** What a tile shows for a figure a period cannot define. */
    public static final String NONE = "–";
    /** How many years back the year choice reaches. */
    static final int YEARS = 10;

    private final ReportService source;
    private final ReportExport export;
    private final PdfWriter pdf;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final ReportTexts texts;
    private final Clock clock;

    // ---- the period ----
    private final ObjectProperty<Period.Choice> choice = new SimpleObjectProperty<>(Period.Choice.LAST_12_MONTHS);
    private final ObjectProperty<Integer> year = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<Integer> years = FXCollections.observableArrayList();

    // ---- what was computed ----
    private final ReadOnlyObjectWrapper<Dashboard> dashboard = new ReadOnlyObjectWrapper<>();
    private final ObservableList<AtRisk> atRisk = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper periodText = new ReadOnlyStringWrapper("");
    private final Map<Tile, ReadOnlyStringWrapper> values = new EnumMap<>(Tile.class);
    private final Map<Tile, ReadOnlyStringWrapper> notes = new EnumMap<>(Tile.class);
    private final Map<Segment, ReadOnlyStringWrapper> segments = new EnumMap<>(Segment.class);
    private final Map<Tile, ReadOnlyStringWrapper> help = new EnumMap<>(Tile.class);

    // ---- state ----
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    /** 0 to 1 while the summaries catch up, -1 while the figures are computed. */
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    /** A change of period arrived while one was being computed. */
    private boolean again;

    private final NumberFormat decimal;
    private final DateTimeFormatter dateFormat;
    private final DateTimeFormatter shortDate;
    private final DateTimeFormatter weekFormat;
    private final DateTimeFormatter monthFormat;

    public ReportsViewModel(ReportService source, ReportExport export, PdfWriter pdf, TaskRunner tasks, I18n i18n, Clock clock) {
        this.source = Objects.requireNonNull(source);
        this.export = Objects.requireNonNull(export);
        this.pdf = Objects.requireNonNull(pdf);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.texts = new ReportTexts(i18n);
        this.clock = Objects.requireNonNull(clock);
        var locale = i18n.language().locale();
        decimal = NumberFormat.getNumberInstance(locale);
        decimal.setMinimumFractionDigits(1);
        decimal.setMaximumFractionDigits(1);
        dateFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        shortDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale);
        weekFormat = DateTimeFormatter.ofPattern("d MMM", locale);
        monthFormat = DateTimeFormatter.ofPattern("LLL yy", locale);
        for (Tile t : Tile.values()) {
            values.put(t, new ReadOnlyStringWrapper(NONE));
            notes.put(t, new ReadOnlyStringWrapper(""));
            help.put(t, new ReadOnlyStringWrapper(""));
        }
        for (Segment s : Segment.values()) {
            segments.put(s, new ReadOnlyStringWrapper(NONE));
        }
        LocalDate today = LocalDate.now(clock);
        for (int y = today.getYear(); y > today.getYear() - YEARS; y--) {
            years.add(y);
        }
        year.set(today.getYear());
        from.set(today.withDayOfMonth(1).minusMonths(2));
        to.set(today);
        choice.addListener((obs, old, now) -> refresh());
        year.addListener((obs, old, now) -> {
            if (choice.get() == Period.Choice.YEAR) {
                refresh();
            }
        });
        from.addListener((obs, old, now) -> customChanged());
        to.addListener((obs, old, now) -> customChanged());
    }

    // ---- the period ----

    public ObjectProperty<Period.Choice> choiceProperty() {
        return choice;
    }

    /** The calendar year shown when the choice is {@link Period.Choice#YEAR}. */
    public ObjectProperty<Integer> yearProperty() {
        return year;
    }

    /** The years to choose from, this one first. */
    public ObservableList<Integer> years() {
        return years;
    }

    /** First day of a custom period. */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** Last day of a custom period. */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** The name of a period choice in the person's language. */
    public String choiceText(Period.Choice c) {
        return c == null ? "" : i18n.get(switch (c) {
            case THIS_MONTH -> "reports.period.thisMonth";
            case LAST_3_MONTHS -> "reports.period.last3";
            case LAST_12_MONTHS -> "reports.period.last12";
            case YEAR -> "reports.period.year";
            case CUSTOM -> "reports.period.custom";
        });
    }

    // ---- what was computed ----

    /** The last dashboard computed, or null before the first. */
    public ReadOnlyObjectProperty<Dashboard> dashboardProperty() {
        return dashboard.getReadOnlyProperty();
    }

    /** The members drifting away on the dashboard's day, most valuable first. */
    public ObservableList<AtRisk> atRisk() {
        return atRisk;
    }

    /** The days the figures cover ("1 Sep 2026 – 23 Nov 2026"). */
    public ReadOnlyStringProperty periodTextProperty() {
        return periodText.getReadOnlyProperty();
    }

    /** The big text of a tile: the figure, or {@value #NONE} where the period cannot define it. */
    public ReadOnlyStringProperty valueProperty(Tile t) {
        return values.get(t).getReadOnlyProperty();
    }

    /** The small line under a tile's figure, empty for most. */
    public ReadOnlyStringProperty noteProperty(Tile t) {
        return notes.get(t).getReadOnlyProperty();
    }

    /** How many members are in a segment. */
    public ReadOnlyStringProperty segmentProperty(Segment s) {
        return segments.get(s).getReadOnlyProperty();
    }

    public String tileLabel(Tile t) {
        return i18n.get(switch (t) {
            case ACTIVE -> "reports.tile.active";
            case NEW_MEMBERS -> "reports.tile.new";
            case VISITS -> "reports.tile.visits";
            case VISITS_PER_MEMBER -> "reports.tile.visitsPerMember";
            case CRR -> "reports.tile.crr";
            case CHURN -> "reports.tile.churn";
            case RPR -> "reports.tile.rpr";
            case NPS -> "reports.tile.nps";
            case SPEND_PER_VISIT -> "reports.tile.spendPerVisit";
            case CLV_HISTORICAL -> "reports.tile.clvHistorical";
            case CLV_PROJECTED -> "reports.tile.clvProjected";
            case LIABILITY -> "reports.tile.liability";
            case REWARDS_ISSUED -> "reports.tile.rewardsIssued";
            case REWARDS_REDEEMED -> "reports.tile.rewardsRedeemed";
        });
    }

    /** What a tile's figure means, in the words of the PDF ({@link ReportTexts}); empty before the first figures. */
    public ReadOnlyStringProperty tileHelpProperty(Tile t) {
        return help.get(t).getReadOnlyProperty();
    }

    /** The id {@link ReportTexts#tiles} gives the tile. */
    private static String textsId(Tile t) {
        return switch (t) {
            case ACTIVE -> "active";
            case NEW_MEMBERS -> "new";
            case VISITS -> "visits";
            case VISITS_PER_MEMBER -> "visitsPerMember";
            case CRR -> "crr";
            case CHURN -> "churn";
            case RPR -> "rpr";
            case NPS -> "nps";
            case SPEND_PER_VISIT -> "spendPerVisit";
            case CLV_HISTORICAL -> "clvHistorical";
            case CLV_PROJECTED -> "clvProjected";
            case LIABILITY -> "liability";
            case REWARDS_ISSUED -> "rewardsIssued";
            case REWARDS_REDEEMED -> "rewardsRedeemed";
        };
    }

    public String segmentLabel(Segment s) {
        return texts.segment(s);
    }

    /** The rule that puts a member in segment {@code s}. */
    public String segmentHelp(Segment s) {
        return texts.segmentHelp(s);
    }

    public String tierLabel(Tier t) {
        return texts.tier(t);
    }

    // ---- state ----

    /** Whether a period is being computed. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** How far the computation has got, 0 to 1, or -1 when that cannot be told. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Whether a file is being written. */
    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** The outcome of the last computation or export, empty if all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether {@link #messageProperty()} reports a failure. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    // ---- commands ----

    /** Computes the chosen period in the background; a change while it runs is computed after it. */
    public void refresh() {
        if (busy.get()) {
            again = true;
            return;
        }
        Period.Choice c = choice.get();
        Integer y = year.get();
        LocalDate first = from.get();
        LocalDate last = to.get();
        if (c == Period.Choice.CUSTOM && (first == null || last == null || last.isBefore(first))) {
            fail(i18n.get("reports.customOrder"));
            return;
        }
        busy.set(true);
        progress.set(-1);
        message.set("");
        ReportSummary.Progress onProgress = new ReportSummary.Progress() {
            private long shown = -1;

            @Override
            public void update(long done, long total) {
                long percent = total <= 0 ? 100 : done * 100 / total;
                if (percent != shown) {
                    shown = percent;
                    tasks.onFxThread(() -> {
                        if (busy.get()) {
                            progress.set(percent >= 100 ? -1 : percent / 100.0);
                        }
                    });
                }
            }
        };
        tasks.run(() -> {
            LocalDate today = source.today();
            Period period = switch (c) {
                case CUSTOM -> new Period(first, last);
                case YEAR -> Period.year(Year.of(y == null ? today.getYear() : y), today);
                default -> Period.of(c, today);
            };
            ReportService.Report report = source.report(period, onProgress);
            return new Loaded(report.dashboard(), List.copyOf(report.atRisk()));
        }, loaded -> {
            busy.set(false);
            show(loaded.dashboard(), loaded.atRisk());
            computeAgainIfAsked();
        }, e -> {
            busy.set(false);
            if (e instanceof OwnerOnlyException) {
                LOG.info("Report for {} refused: owner mode is closed", c);
            } else {
                LOG.error("Report for {} failed", c, e);
            }
            fail(i18n.failure(e, "reports.failed"));
            computeAgainIfAsked();
        });
    }

    private record Loaded(Dashboard dashboard, List<AtRisk> atRisk) {
    }

    private void computeAgainIfAsked() {
        if (again) {
            again = false;
            refresh();
        }
    }

    private void customChanged() {
        if (choice.get() == Period.Choice.CUSTOM) {
            refresh();
        }
    }

    /** The file name offered for {@code chart} ("report-cohorts-2026-11-23.csv"). */
    public String suggestedName(Chart chart, String extension) {
        return i18n.get("reports.file", chart.slug(), LocalDate.now(clock).toString()) + "." + extension;
    }

    /** The file name offered for the whole report as PDF. */
    public String suggestedPdfName() {
        return i18n.get("reports.file", "all", LocalDate.now(clock).toString()) + ".pdf";
    }

    /** Writes the data of {@code chart} (or the at-risk list) as CSV in the background. */
    public void exportCsv(Chart chart, Path file) {
        Dashboard d = dashboard.get();
        if (d == null) {
            return;
        }
        List<AtRisk> members = List.copyOf(atRisk);
        write(file, () -> chart == Chart.AT_RISK ? export.atRisk(members, d, file) : export.csv(chart, d, file));
    }

    /** Writes a chart's picture, taken on the JavaFX thread, as PNG in the background. */
    public void exportPng(BufferedImage image, Path file) {
        Objects.requireNonNull(image);
        write(file, () -> {
            export.png(image, file);
            return 0;
        });
    }

    /** Writes the whole report as PDF in the background. */
    public void exportPdf(Path file) {
        Dashboard d = dashboard.get();
        if (d == null) {
            return;
        }
        List<AtRisk> members = List.copyOf(atRisk);
        write(file, () -> {
            pdf.write(d, members, file);
            return 0;
        });
    }

    private void write(Path file, Callable<Integer> work) {
        Objects.requireNonNull(file);
        if (exporting.get()) {
            return;
        }
        exporting.set(true);
        message.set("");
        tasks.run(work, rows -> {
            exporting.set(false);
            failed.set(false);
            message.set(i18n.get("reports.saved", file.getFileName().toString()));
        }, e -> {
            exporting.set(false);
            LOG.warn("Report export to {} failed", file, e);
            fail(i18n.failure(e, "reports.exportFailed"));
        });
    }

    private void fail(String text) {
        failed.set(true);
        message.set(text);
    }

    // ---- showing a dashboard ----

    private void show(Dashboard d, List<AtRisk> members) {
        Dashboard.Tiles t = d.tiles();
        set(Tile.ACTIVE, number(t.active()));
        set(Tile.NEW_MEMBERS, number(t.newMembers()));
        set(Tile.VISITS, number(t.visits()));
        set(Tile.VISITS_PER_MEMBER, texts.decimal(t.visitsPerMember()));
        set(Tile.CRR, percent(t.crr()));
        set(Tile.CHURN, percent(t.churn()));
        set(Tile.RPR, percent(t.rpr()));
        set(Tile.NPS, texts.nps(t.nps()));
        notes.get(Tile.NPS).set(i18n.plural("reports.tile.nps.answers", t.npsAnswers()));
        setMoney(d, Tile.SPEND_PER_VISIT, t.spendPerVisit());
        setMoney(d, Tile.CLV_HISTORICAL, t.clvHistorical());
        setMoney(d, Tile.CLV_PROJECTED, t.clvProjected());
        setMoney(d, Tile.LIABILITY, t.liability());
        set(Tile.REWARDS_ISSUED, number(t.rewardsIssued()));
        set(Tile.REWARDS_REDEEMED, number(t.rewardsRedeemed()));
        Map<String, String> helpById = new HashMap<>();
        texts.tiles(d).forEach(tile -> helpById.put(tile.id(), tile.help()));
        for (Tile tile : Tile.values()) {
            help.get(tile).set(helpById.getOrDefault(textsId(tile), ""));
        }
        for (Segment s : Segment.values()) {
            segments.get(s).set(number(d.segments().getOrDefault(s, 0)));
        }
        periodText.set(i18n.get("reports.period.range", date(d.period().from()), date(d.period().to())));
        // the dashboard first: the list's money is shown in its currency
        dashboard.set(d);
        atRisk.setAll(members);
    }

    private void set(Tile t, String text) {
        values.get(t).set(text);
    }

    /** A money tile: the amount big, its currency in the small line, so that large amounts fit. */
    private void setMoney(Dashboard d, Tile t, Long minor) {
        set(t, amount(d, minor));
        notes.get(t).set(minor == null ? "" : d.currency().getCurrencyCode());
    }

    // ---- formatting for the view ----

    /** A whole number with the language's grouping. */
    public String number(long n) {
        return i18n.number(n);
    }

    /** A share (0 to 1) as a percentage with one decimal, or {@value #NONE}. */
    public String percent(Double share) {
        return texts.percent(share);
    }

    /** A share as a whole percentage, for the heat map's cells. */
    public String wholePercent(double share) {
        NumberFormat f = NumberFormat.getPercentInstance(i18n.language().locale());
        f.setMaximumFractionDigits(0);
        return f.format(share);
    }

    /** An amount of the dashboard's currency without its code ("1,234.50"), or {@value #NONE}. */
    public String amount(Dashboard d, Long minor) {
        if (minor == null) {
            return NONE;
        }
        int digits = Math.max(0, d.currency().getDefaultFractionDigits());
        NumberFormat f = NumberFormat.getNumberInstance(i18n.language().locale());
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(BigDecimal.valueOf(minor, digits));
    }

    /** A number of days with one decimal. */
    public String days(double days) {
        return decimal.format(days);
    }

    public String date(LocalDate day) {
        return day == null ? "" : dateFormat.format(day);
    }

    /** The label of a bar of the visits chart: the week's first day, or the month. */
    public String bucketLabel(Dashboard.VisitBucket b, boolean weekly) {
        return weekly ? weekFormat.format(b.start()) : monthFormat.format(b.start());
    }

    /** A month on a chart's axis or a cohort's row ("Sep 26"). */
    public String month(YearMonth m) {
        return monthFormat.format(m.atDay(1));
    }

    /** The text of a heat-map cell: the share, empty where the month is not known yet. */
    public String cellText(Dashboard d, CohortReport.Cohort c, int k) {
        return d.known(c, k) ? wholePercent(c.share(k)) : "";
    }

    /** The tooltip of a heat-map cell: "4 of 12 members". */
    public String cellHelp(Dashboard d, CohortReport.Cohort c, int k) {
        return d.known(c, k) ? i18n.plural("reports.cohorts.cell", c.size(), c.retained()[k]) : "";
    }

    /** The tooltip of an NPS bar: the month's NPS and how many answered. */
    public String npsHelp(Dashboard.NpsPoint p) {
        return i18n.plural("reports.nps.point", p.answers(), month(p.month()),
                p.nps() == null ? NONE : i18n.number(p.nps()));
    }

    /** The label of a point of the active-members line: its day, or its month. */
    public String dayLabel(LocalDate day, boolean weekly) {
        return weekly ? weekFormat.format(day) : monthFormat.format(day);
    }

    /** The language's short date, for the date pickers. */
    public DateTimeFormatter shortDates() {
        return shortDate;
    }

    /** A day in the language's short form, for tables ("11/23/26", "23.11.2026"). */
    public String shortDate(LocalDate day) {
        return day == null ? "" : shortDate.format(day);
    }

    /** The currency of the figures shown, or empty before the first. */
    public String currencyCode() {
        Dashboard d = dashboard.get();
        return d == null ? "" : d.currency().getCurrencyCode();
    }
}
