package app.stempel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.testing.Console;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.Loader;
import java.util.Map;
import java.util.HashMap;

/**
 * {@code report} on the public online retail data (UCI Online Retail, Chen, Sain and Guo 2012: the
 * invoices with a customer id, cancellations removed). The cohort table (cohort = calendar month of the
 * first purchase) is compared cell by cell with the one published by jacobappia, "Cohort Retention
 * Analysis" (Jupyter notebook, https://jacobappia.github.io/projects/Cohort%20Retention%20Analysis.html;
 * repository jacobappia/jacobappia.github.io at 34696dba0f522ada50d7b98d232e55c11836156d, file
 * "projects/Cohort Retention Analysis.html"): all 91 cells agree, in counts and in percentages rounded to
 * 0.1. Cells after the data's last month are blank there (NaN) and here.
 */
class ReportCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final Console console = new Console();

    private static final Path RETAIL = Path.of("..", "shared", "data", "online_retail_visits.csv");

    @Test
    void theCohortTableOfTheOnlineRetailData() {
        assertThat(console.run("--data-dir", dir.toString(), "import", "visits", RETAIL.toString())).isZero();
        console.reset();
        assertThat(console.run("--data-dir", dir.toString(), "report", "cohorts", "--from", "2010-12", "--to", "2011-12"))
                .isZero();
        String[] lines = console.out().split("\\R");
        assertThat(lines).containsExactly("cohort,size,m0,m1,m2,m3,m4,m5,m6,m7,m8,m9,m10,m11,m12",
                // the published table, row by row
                "2010-12,885,885,324,286,340,321,352,321,309,313,350,331,445,235",
                "2011-01,417,417,92,111,96,134,120,103,101,125,136,152,49,",
                "2011-02,380,380,71,71,108,103,94,96,106,94,116,26,,",
                "2011-03,452,452,68,114,90,101,76,121,104,126,39,,,",
                "2011-04,300,300,64,61,63,59,68,65,78,22,,,,",
                "2011-05,284,284,54,49,49,59,66,75,27,,,,,",
                "2011-06,242,242,42,38,64,56,81,23,,,,,,",
                "2011-07,188,188,34,39,42,51,21,,,,,,,",
                "2011-08,169,169,35,42,41,21,,,,,,,,",
                "2011-09,299,299,70,90,34,,,,,,,,,",
                "2011-10,358,358,86,41,,,,,,,,,,",
                "2011-11,324,324,36,,,,,,,,,,,",
                "2011-12,41,41,,,,,,,,,,,,");
        int members = 0;
        for (int i = 1; i < lines.length; i++) {
            members += Integer.parseInt(lines[i].split(",")[1]);
        }
        assertThat(members).as("every customer in exactly one cohort").isEqualTo(4_339);

        console.reset();
        assertThat(console.run("--data-dir", dir.toString(), "report", "cohorts", "--from", "2010-12", "--to", "2010-12",
                "--percent")).isZero();
        assertThat(console.out().split("\\R")[1])
                .isEqualTo("2010-12,885,100.0,36.6,32.3,38.4,36.3,39.8,36.3,34.9,35.4,39.5,37.4,50.3,26.6");
        console.reset();
        assertThat(console.run("--data-dir", dir.toString(), "report", "cohorts", "--from", "2011-01", "--to", "2011-01",
                "--percent")).isZero();
        assertThat(console.out().split("\\R")[1])
                .isEqualTo("2011-01,417,100.0,22.1,26.6,23.0,32.1,28.8,24.7,24.2,30.0,32.6,36.5,11.8,");
    }

    /**
     * {@code report summary} and {@code report at-risk} on the online retail data. The expected figures were
     * computed straight from the CSV by a separate script (Python, over the rows, with the definitions of
     * PRODUCT.md), not by Stempel.
     */
    @Test
    void theSummaryAndAtRiskListOfTheOnlineRetailData() {
        assertThat(console.run("--data-dir", dir.toString(), "import", "visits", RETAIL.toString())).isZero();
        console.reset();
        assertThat(console.run("--data-dir", dir.toString(), "report", "summary", "--from", "2011-01", "--to", "2011-12"))
                .isZero();
        Map<String, String> figures = new HashMap<>();
        for (String line : console.out().split("\\R")) {
            String[] cells = line.split(",", -1);
            figures.put(cells[0], cells[1]);
        }
        assertThat(figures).containsEntry("from", "2011-01-01").containsEntry("to", "2011-12-31")
                .containsEntry("visits", "17136").containsEntry("new_members", "3454")
                .containsEntry("active_members", "2554").containsEntry("rpr_percent", "64.4")
                .containsEntry("crr_percent", "86.6").containsEntry("churn_percent", "13.4")
                .containsEntry("visits_per_member", "4.06").containsEntry("spend_per_visit", "486.73")
                .containsEntry("clv_historical", "2053.79").containsEntry("nps", "").containsEntry("segment_at_risk", "413");

        console.reset();
        assertThat(console.run("--data-dir", dir.toString(), "report", "summary", "--from", "2011-09-01", "--to",
                "2011-11-30")).isZero();
        assertThat(console.out()).contains("\nvisits,6343\n", "\nnew_members,981\n", "\nactive_members,2841\n",
                "\ncrr_percent,68.4\n", "\nrpr_percent,47.7\n", "\nspend_per_visit,497.39\n", "\nclv_historical,1952.82\n");

        // the member-level rows add up to the summary's figures
        console.reset();
        assertThat(console.run("--data-dir", dir.toString(), "report", "members", "--from", "2011-01", "--to", "2011-12"))
                .isZero();
        String[] members = console.out().split("\\R");
        assertThat(members[0]).isEqualTo("member_id,first_visit,last_visit,visits,visits_in_period,new_in_period,"
                + "active_at_start,active_at_end,segment,spend_minor");
        assertThat(members).hasSize(1 + 4_339);
        int visits = 0;
        int newMembers = 0;
        int activeAtEnd = 0;
        int atRisk = 0;
        for (int i = 1; i < members.length; i++) {
            String[] cells = members[i].split(",");
            visits += Integer.parseInt(cells[4]);
            newMembers += Boolean.parseBoolean(cells[5]) ? 1 : 0;
            activeAtEnd += Boolean.parseBoolean(cells[7]) ? 1 : 0;
            atRisk += cells[8].equals("at_risk") ? 1 : 0;
        }
        assertThat(new int[] {visits, newMembers, activeAtEnd, atRisk}).containsExactly(17_136, 3_454, 2_554, 413);

        console.reset();
        assertThat(console.run("--data-dir", dir.toString(), "report", "at-risk", "--as-of", "2011-12-31")).isZero();
        String[] lines = console.out().split("\\R");
        assertThat(lines[0]).isEqualTo(
                "member_id,name,phone,email,visits,usual_interval_days,days_since_last_visit,last_visit,value_minor");
        assertThat(lines).hasSize(1 + 413);
        long previous = Long.MAX_VALUE;
        for (int i = 1; i < lines.length; i++) {
            long value = Long.parseLong(lines[i].substring(lines[i].lastIndexOf(',') + 1));
            assertThat(value).as("most valuable first").isLessThanOrEqualTo(previous);
            previous = value;
        }
    }

    @Test
    void theWholeReportAsAPdfInTheChosenLanguage() throws Exception {
        assertThat(console.run("--data-dir", dir.toString(), "import", "visits", RETAIL.toString())).isZero();
        Path pdf = dir.resolveSibling(dir.getFileName() + "-report.pdf");
        console.reset();
        assertThat(console.run("--data-dir", dir.toString(), "--lang", "pl", "report", "pdf", pdf.toString(), "--from",
                "2011-01", "--to", "2011-12")).isZero();
        assertThat(console.out()).contains("Raport zapisany: " + pdf);
        try (var doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Utrzymanie klientów (CRR)", "86,6%", "Odpływ klientów", "13,4%",
                    "Wizyty nowych i powracających klientów", "Zagrożeni odejściem: 413", "sty 2011");
        }
        assertThat(console.run("--data-dir", dir.toString(), "report", "pdf", dir.resolve("no/such/folder/r.pdf").toString()))
                .isEqualTo(Cli.FAILED);
        assertThat(console.err()).contains("does not exist");
    }

    @Test
    void aDayThatIsNotOneIsAClearError() {
        assertThat(console.run("--data-dir", dir.toString(), "report", "summary", "--from", "1.1.2011", "--to", "2011-12"))
                .isEqualTo(Cli.FAILED);
        assertThat(console.err()).contains("--from 1.1.2011 is not a day: write it as YYYY-MM-DD");
        assertThat(console.run("--data-dir", dir.toString(), "report", "at-risk", "--as-of", "yesterday"))
                .isEqualTo(Cli.FAILED);
        assertThat(console.err()).contains("--as-of yesterday is not a day");
        assertThat(console.run("--data-dir", dir.toString(), "report", "summary", "--from", "2011-12", "--to", "2011-01"))
                .isEqualTo(Cli.FAILED);
        assertThat(console.err()).contains("is before --from");
    }

    @Test
    void aMonthThatIsNotOneIsAClearError() {
        assertThat(console.run("--data-dir", dir.toString(), "report", "cohorts", "--from", "Dec 2010", "--to", "2011-12"))
                .isEqualTo(Cli.FAILED);
        assertThat(console.err()).contains("--from Dec 2010 is not a month: write it as YYYY-MM");
        assertThat(console.run("--data-dir", dir.toString(), "report", "cohorts", "--from", "2011-12", "--to", "2011-01"))
                .isEqualTo(Cli.FAILED);
        assertThat(console.err()).contains("is before --from");
    }
}
