package app.stempel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private final StringWriter text = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void withoutATerminalPrintsOnePlainLinePerTenth() {
        ProgressLine line = new ProgressLine(new PrintWriter(text), false, nanos::get);
        for (int i = 0; i <= 100; i++) {
            line.show(i, 100, "work");
        }
        line.finish();

        assertThat(text.toString()).doesNotContain("\r");
        assertThat(text.toString().lines()).hasSize(11).first().asString().startsWith("  0% work");
    }

    @Test
    void onATerminalRedrawsOneLineAtMostFiveTimesASecondAndEndsIt() {
        ProgressLine line = new ProgressLine(new PrintWriter(text), true, nanos::get);
        line.show(1, 10, "a");
        line.show(2, 10, "b");
        nanos.set(300_000_000L);
        line.show(5, 10, "c");
        line.show(10, 10, "d");
        line.finish();

        assertThat(text.toString()).doesNotContain(" b ").contains("\r[###############...............]  50% c")
                .endsWith(System.lineSeparator());
        assertThat(text.toString().chars().filter(c -> c == '\n')).hasSize(1);
    }
}
