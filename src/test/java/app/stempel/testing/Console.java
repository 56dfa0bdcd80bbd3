package app.stempel.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import app.stempel.Main;
import app.stempel.cli.Cli;

/**
 * Runs the command line as a person would and keeps what it printed: register it with
 * {@code @RegisterExtension} and call {@link #run}.
 */
public final class Console implements BeforeEachCallback, AfterEachCallback {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @Override
    public void beforeEach(ExtensionContext context) {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    /** Runs {@code stempel ARGS} and returns its exit code. */
    public int run(String... args) {
        return Cli.execute(new Main(), args);
    }

    /** What was printed on standard output so far. */
    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What was printed on standard error so far. */
    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was printed so far. */
    public void reset() {
        out.reset();
        err.reset();
    }
}
