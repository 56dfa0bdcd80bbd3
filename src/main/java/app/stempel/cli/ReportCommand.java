package app.stempel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import app.stempel.Main;
import app.stempel.data.SpreadsheetRows;
import app.stempel.reports.AtRisk;
import app.stempel.reports.CohortReport;
import app.stempel.reports.Dashboard;
import app.stempel.reports.Period;
import app.stempel.reports.ReportPdf;
import app.stempel.reports.ReportSummary;
import app.stempel.reports.ReportTexts;
import app.stempel.settings.SettingsService;
import app.stempel.core.Language;
import app.stempel.ui.I18n;
import app.stempel.reports.ReportService;
import app.stempel.store.Fault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import app.stempel.Services;
import java.util.function.BiFunction;
import java.math.BigDecimal;

/** {@code report}: the owner's figures without a window. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Reports as CSV on standard output.",
        subcommands = {ReportCommand.Summary.class, ReportCommand.Cohorts.class, ReportCommand.AtRiskList.class,
                ReportCommand.Pdf.class, ReportCommand.Members.class})
public final class ReportCommand {

    @ParentCommand
    private Main main;

    /**
     * Runs {@code work} on the report service of the shop in the data folder (the command line is trusted:
     * see README), once the summaries are up to date, showing progress on {@code err} while they catch up.
     */
    private static <T> T withReports(ReportCommand report, PrintWriter err,
            BiFunction<ReportService, SettingsService, T> work) {
        try (Services shop = report.main.openShop()) {
            ReportService reports = shop.reports();
            ProgressLine line = new ProgressLine(err, System.console() != null, System::nanoTime);
            try {
                reports.refresh((done, total) -> line.show(done, total,
                        String.format(Locale.ROOT, "report summaries: %,d/%,d ledger entries", done, total)));
            } finally {
                line.finish();
            }
            return work.apply(reports, shop.settings());
        }
    }

    /** {@code report summary --from DAY --to DAY}: the dashboard's tiles and segments as CSV. */
    @Command(name = "summary", mixinStandardHelpOptions = true,
            description = {"The dashboard's figures for a period as CSV (figure,value); a figure the period "
                    + "cannot define is empty.", "Days as YYYY-MM-DD; a month YYYY-MM means all of it."})
    static final class Summary implements Callable<Integer> {

        @ParentCommand
        private ReportCommand report;

        @Spec
        private CommandSpec spec;

        @Mixin
        private PeriodOptions days;

        @Override
        public Integer call() {
            Period period = days.period();
            PrintWriter out = spec.commandLine().getOut();
            withReports(report, spec.commandLine().getErr(), (reports, settings) -> {
                Dashboard d = reports.dashboard(period, ReportSummary.Progress.NONE);
                writeSummary(out, d);
                return null;
            });
            return 0;
        }
    }

    /** {@code report members --from DAY --to DAY}: the member-level data behind the summary, as CSV. */
    @Command(name = "members", mixinStandardHelpOptions = true,
            description = {"Every member with a visit up to the period's end and what the summary counted them as "
                    + "(visits in the period, new, active at its start and end, segment, spend), as CSV.",
                    "Days as YYYY-MM-DD; a month YYYY-MM means all of it."})
    static final class Members implements Callable<Integer> {

        @ParentCommand
        private ReportCommand report;

        @Spec
        private CommandSpec spec;

        @Mixin
        private PeriodOptions days;

        @Override
        public Integer call() {
            Period period = days.period();
            PrintWriter out = spec.commandLine().getOut();
            withReports(report, spec.commandLine().getErr(), (reports, settings) -> {
                try {
                    SpreadsheetRows csv = new SpreadsheetRows(new CSVPrinter(out, CSV));
                    csv.printRecord("member_id", "first_visit", "last_visit", "visits", "visits_in_period", "new_in_period",
                            "active_at_start", "active_at_end", "segment", "spend_minor");
                    reports.memberFigures(period, m -> {
                        try {
                            csv.printRecord(m.memberId(), m.firstVisit(), m.lastVisit(), m.visits(), m.visitsInPeriod(),
                                    m.newInPeriod(), m.activeAtStart(), m.activeAtEnd(),
                                    m.segment().name().toLowerCase(Locale.ROOT), m.spend());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                    csv.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
            return 0;
        }
    }

    /** {@code report at-risk [--as-of DAY]}: the at-risk list as CSV. */
    @Command(name = "at-risk", mixinStandardHelpOptions = true,
            description = {"Regulars drifting away (3 or more visits; more days since the last than twice their usual "
                    + "interval and at least 30), most valuable first, as CSV.",
                    "Phone and e-mail only where the member consented."})
    static final class AtRiskList implements Callable<Integer> {

        @ParentCommand
        private ReportCommand report;

        @Spec
        private CommandSpec spec;

        @Option(names = "--as-of", paramLabel = "DAY", description = "The day to judge on (YYYY-MM-DD; default today).")
        private String asOf;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            withReports(report, spec.commandLine().getErr(), (reports, settings) -> {
                LocalDate day = asOf == null ? reports.today() : day("--as-of", asOf, false);
                writeAtRisk(out, reports.atRisk(day));
                return null;
            });
            return 0;
        }
    }

    /** {@code report pdf FILE [--from DAY --to DAY]}: the whole report as a PDF in the shop's language (or --lang). */
    @Command(name = "pdf", mixinStandardHelpOptions = true,
            description = {"The whole report (tiles, segments, charts, cohort heat map, the most valuable members at "
                    + "risk) as an A4 PDF, in the shop's language or --lang.",
                    "Without --from/--to: the last 12 months."})
    static final class Pdf implements Callable<Integer> {

        @ParentCommand
        private ReportCommand report;

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The PDF to write.")
        private Path file;

        @Option(names = "--from", description = "First day (YYYY-MM-DD) or month (YYYY-MM).")
        private String from;

        @Option(names = "--to", description = "Last day (YYYY-MM-DD) or month (YYYY-MM).")
        private String to;

        @Override
        public Integer call() {
            if ((from == null) != (to == null)) {
                throw new UserError("cli.report.fromAndTo");
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new UserError("cli.file.noFolder", file.toString());
            }
            withReports(report, spec.commandLine().getErr(), (reports, settings) -> {
                Period period = from == null ? Period.lastMonths(12, reports.today()) : period(from, to);
                Language language = report.main.options().language() != null ? report.main.options().language()
                        : settings.language().orElse(null);
                ReportService.Report r = reports.report(period, ReportSummary.Progress.NONE);
                try {
                    new ReportPdf(new ReportTexts(I18n.forLanguage(language)), settings.get(SettingsService.SHOP_NAME)
                            .orElse("")).write(r.dashboard(), r.atRisk(), file);
                } catch (IOException e) {
                    throw Fault.of(e) == Fault.DISK_FULL ? new UserError("cli.file.diskFull", file.toString())
                            : new UserError("cli.file.cannotWrite", file.toString());
                }
                return null;
            });
            spec.commandLine().getOut().println(I18n.forLanguage(report.main.options().language())
                    .get("cli.report.written", file.toString()));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code --from DAY --to DAY}, both required. */
    static final class PeriodOptions {
        @Option(names = "--from", required = true, description = "First day (YYYY-MM-DD) or month (YYYY-MM).")
        private String from;

        @Option(names = "--to", required = true, description = "Last day (YYYY-MM-DD) or month (YYYY-MM).")
        private String to;

        Period period() {
            return ReportCommand.period(from, to);
        }
    }

    /** The period of {@code --from} and {@code --to}: days, or whole months. */
    static Period period(String from, String to) {
        LocalDate first = day("--from", from, false);
        LocalDate last = day("--to", to, true);
        if (last.isBefore(first)) {
            throw new UserError("cli.period.reversed", to, from);
        }
        return new Period(first, last);
    }

    /** A day (YYYY-MM-DD), or a month's first or last day (YYYY-MM). */
    private static LocalDate day(String option, String value, boolean endOfMonth) {
        String v = value.strip();
        try {
            if (v.length() == 7) {
                YearMonth m = YearMonth.parse(v);
                return endOfMonth ? m.atEndOfMonth() : m.atDay(1);
            }
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new UserError("cli.period.badDay", option, value);
        }
    }

    static void writeSummary(PrintWriter out, Dashboard d) {
        Dashboard.Tiles t = d.tiles();
        out.println("figure,value");
        row(out, "from", d.period().from());
        row(out, "to", d.period().to());
        row(out, "as_of", d.asOf());
        row(out, "currency", d.currency().getCurrencyCode());
        row(out, "active_window_days", d.activeWindowDays());
        row(out, "active_members", t.active());
        row(out, "new_members", t.newMembers());
        row(out, "visits", t.visits());
        row(out, "crr_percent", percent(t.crr()));
        row(out, "churn_percent", percent(t.churn()));
        row(out, "rpr_percent", percent(t.rpr()));
        row(out, "visits_per_member", t.visitsPerMember() == null ? null
                : String.format(Locale.ROOT, "%.2f", t.visitsPerMember()));
        row(out, "spend_per_visit", amount(t.spendPerVisit(), d));
        row(out, "clv_historical", amount(t.clvHistorical(), d));
        row(out, "clv_projected", amount(t.clvProjected(), d));
        row(out, "rewards_issued", t.rewardsIssued());
        row(out, "rewards_redeemed", t.rewardsRedeemed());
        row(out, "reward_liability", amount(t.liability(), d));
        row(out, "nps", t.nps());
        row(out, "nps_answers", t.npsAnswers());
        d.segments().forEach((segment, count) -> row(out, "segment_" + segment.name().toLowerCase(Locale.ROOT), count));
        out.flush();
    }

    static void writeAtRisk(PrintWriter out, List<AtRisk> list) {
        try {
            SpreadsheetRows csv = new SpreadsheetRows(new CSVPrinter(out, CSV));
            csv.printRecord("member_id", "name", "phone", "email", "visits", "usual_interval_days",
                    "days_since_last_visit", "last_visit", "value_minor");
            for (AtRisk r : list) {
                csv.printRecord(r.memberId(), r.name(), r.phone(), r.email(), r.visits(),
                        String.format(Locale.ROOT, "%.1f", r.usualDays()), r.daysSince(), r.lastVisit(), r.value());
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Comma-separated, quoted where needed, one line a row. */
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private static void row(PrintWriter out, String figure, Object value) {
        out.println(figure + "," + (value == null ? "" : value));
    }

    private static String percent(Double share) {
        return share == null ? null : String.format(Locale.ROOT, "%.1f", 100 * share);
    }

    private static String amount(Long minor, Dashboard d) {
        return minor == null ? null
                : BigDecimal.valueOf(minor, Math.max(0, d.currency().getDefaultFractionDigits())).toPlainString();
    }

    /** {@code report cohorts --from YYYY-MM --to YYYY-MM [--percent]}. */
    @Command(name = "cohorts", mixinStandardHelpOptions = true,
            description = "Monthly cohort retention: cohort (month of the first visit), size, then members "
                    + "with a visit in months 0..12 after it (with --percent, their share of the cohort in %%).")
    static final class Cohorts implements Callable<Integer> {

        @ParentCommand
        private ReportCommand report;

        @Spec
        private CommandSpec spec;

        @Option(names = "--from", required = true, description = "First cohort month, YYYY-MM.")
        private String from;

        @Option(names = "--to", required = true, description = "Last cohort month, YYYY-MM.")
        private String to;

        @Option(names = "--percent", description = "Shares of the cohort in %% instead of member counts.")
        private boolean percent;

        @Override
        public Integer call() {
            YearMonth first = month("--from", from);
            YearMonth last = month("--to", to);
            if (last.isBefore(first)) {
                throw new UserError("cli.period.reversed", to, from);
            }
            withReports(report, spec.commandLine().getErr(), (reports, settings) -> {
                List<CohortReport.Cohort> cohorts = reports.cohorts(first, last);
                YearMonth known = reports.lastVisitDay().map(YearMonth::from).orElse(last);
                write(spec.commandLine().getOut(), cohorts, known, percent);
                return null;
            });
            return 0;
        }

        private static YearMonth month(String option, String value) {
            try {
                return YearMonth.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new UserError("cli.period.badMonth", option, value);
            }
        }
    }

    /**
     * The table as CSV: a header row, then a row a cohort. A month after {@code known} (the month of the
     * shop's latest visit) is left empty: not known yet, which is not the same as nobody.
     */
    static void write(PrintWriter out, List<CohortReport.Cohort> cohorts, YearMonth known, boolean percent) {
        StringBuilder header = new StringBuilder("cohort,size");
        for (int k = 0; k < CohortReport.MONTHS; k++) {
            header.append(",m").append(k);
        }
        out.println(header);
        for (CohortReport.Cohort c : cohorts) {
            StringBuilder row = new StringBuilder(c.month().toString()).append(',').append(c.size());
            for (int k = 0; k < CohortReport.MONTHS; k++) {
                row.append(',');
                if (c.month().plusMonths(k).isAfter(known)) {
                    continue;
                }
                row.append(percent ? String.format(Locale.ROOT, "%.1f", 100 * c.share(k))
                        : String.valueOf(c.retained()[k]));
            }
            out.println(row);
        }
        out.flush();
    }
}
