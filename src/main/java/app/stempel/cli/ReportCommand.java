package app.stempel.cli;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.time.Clock;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import app.stempel.Main;
import app.stempel.owner.OwnerGate;
import app.stempel.reports.CohortReport;
import app.stempel.reports.ReportService;
import app.stempel.store.DataDir;
import app.stempel.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code report}: the owner's figures without a window. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Reports as CSV on standard output.",
        subcommands = ReportCommand.Cohorts.class)
public final class ReportCommand {

    @ParentCommand
    private Main main;

    /** {@code report cohorts --from YYYY-MM --to YYYY-MM [--percent]}. */
    @Command(name = "cohorts", mixinStandardHelpOptions = true,
            description = "Monthly cohort retention: cohort (month of the first visit), size, then members "
                    + "with a visit in months 0..12 after it (with --percent, their share of the cohort in %).")
    static final class Cohorts implements Callable<Integer> {

        @ParentCommand
        private ReportCommand report;

        @Spec
        private CommandSpec spec;

        @Option(names = "--from", required = true, description = "First cohort month, YYYY-MM.")
        private String from;

        @Option(names = "--to", required = true, description = "Last cohort month, YYYY-MM.")
        private String to;

        @Option(names = "--percent", description = "Shares of the cohort in % instead of member counts.")
        private boolean percent;

        @Override
        public Integer call() {
            YearMonth first = month("--from", from);
            YearMonth last = month("--to", to);
            if (last.isBefore(first)) {
                throw new UserError("--to " + to + " is before --from " + from + ".");
            }
            try (Database db = Database.open(DataDir.resolve(report.main.options().dataDir()))) {
                List<CohortReport.Cohort> cohorts = new ReportService(db, Clock.systemDefaultZone(), OwnerGate.TRUSTED)
                        .cohorts(first, last);
                write(spec.commandLine().getOut(), cohorts, percent);
                return 0;
            }
        }

        private static YearMonth month(String option, String value) {
            try {
                return YearMonth.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new UserError(option + " " + value + " is not a month: write it as YYYY-MM, such as 2011-01.");
            }
        }
    }

    /** The table as CSV: a header row, then a row a cohort. */
    static void write(PrintWriter out, List<CohortReport.Cohort> cohorts, boolean percent) {
        StringBuilder header = new StringBuilder("cohort,size");
        for (int k = 0; k < CohortReport.MONTHS; k++) {
            header.append(",m").append(k);
        }
        out.println(header);
        for (CohortReport.Cohort c : cohorts) {
            StringBuilder row = new StringBuilder(c.month().toString()).append(',').append(c.size());
            for (int k = 0; k < CohortReport.MONTHS; k++) {
                row.append(',').append(percent ? String.format(Locale.ROOT, "%.1f", 100 * c.share(k))
                        : String.valueOf(c.retained()[k]));
            }
            out.println(row);
        }
        out.flush();
    }
}
