package app.stempel.store;

import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.ledger.IntegrityCheck;

/**
 * "A stamp that the screen confirmed is missing after the program is killed" must never happen. Each
 * trial starts {@link StampLoop} in a child JVM on a fresh database, lets it acknowledge a random number
 * of stamps, kills it with SIGKILL ({@link Process#destroyForcibly()}; exit code 137 is checked), then
 * reopens the database and requires every acknowledged ledger id to be there and every balance to agree
 * with the ledger. To keep the suite fast, the next trial's child JVM starts (and waits, enrolled)
 * while the current trial runs.
 *
 * <p>System properties for one-off runs: {@code stempel.kill.trials} (default 20),
 * {@code stempel.kill.maxAcks} (default 150), {@code stempel.kill.seed}, and {@code stempel.kill.mode}
 * ({@code sync}, the default and the application's path; {@code nosync} stamps without
 * {@code CHECKPOINT SYNC} and is expected to fail, which shows the test can catch lost stamps).
 */
class KillDuringStampTest {

    private static final int TRIALS = Integer.getInteger("stempel.kill.trials", 20);
    private static final int MAX_ACKS = Integer.getInteger("stempel.kill.maxAcks", 150);
    private static final long SEED = Long.getLong("stempel.kill.seed", System.nanoTime());
    private static final String MODE = System.getProperty("stempel.kill.mode", "sync");
    /** Generous: a slow CI machine may need many seconds to start a JVM, migrate and stamp. */
    private static final long TIMEOUT_S = 180;
    private static final int SIGKILL_EXIT = 128 + 9;

    @TempDir
    Path root;

    /** The next trial's child, started ahead; killed by {@link #killLeftover} if a trial failed. */
    private Child next;

    @TestFactory
    Stream<DynamicTest> everyAcknowledgedStampSurvivesKillDashNine() {
        Random random = new Random(SEED);
        return IntStream.rangeClosed(1, TRIALS).mapToObj(trial -> {
            int acksBeforeKill = 1 + random.nextInt(MAX_ACKS);
            return dynamicTest("trial " + trial + ": kill after " + acksBeforeKill + " acks (seed " + SEED + ")",
                    () -> runTrial(trial, acksBeforeKill));
        });
    }

    @AfterEach
    void killLeftover() {
        if (next != null) {
            next.kill();
        }
    }

    private void runTrial(int trial, int acksBeforeKill) throws Exception {
        Child child = next != null ? next : Child.start(root.resolve("trial-" + trial));
        next = trial < TRIALS ? Child.start(root.resolve("trial-" + (trial + 1))) : null;
        List<Long> acked;
        try {
            child.go();
            assertThat(child.awaitAcks(acksBeforeKill, TIMEOUT_S))
                    .as("child acknowledged %d stamps; its stderr:%n%s", acksBeforeKill, child.stderr())
                    .isTrue();
        } finally {
            child.kill();
        }
        assertThat(child.process.exitValue()).as("exit code of a process killed by SIGKILL").isEqualTo(SIGKILL_EXIT);
        acked = child.ackedAfterEnd();

        try (Database db = Database.open(child.dbDir())) {
            Set<Long> present = new HashSet<>(db.dsl().select(LEDGER_ENTRY.ID).from(LEDGER_ENTRY)
                    .fetch(LEDGER_ENTRY.ID));
            List<Long> lost = new ArrayList<>(acked);
            lost.removeAll(present);
            System.out.printf("kill -9 [%s] trial %d: acknowledged %d, in database %d, lost %d%n",
                    MODE, trial, acked.size(), present.size(), lost.size());
            assertThat(lost).as("acknowledged stamps missing after kill -9 (%d acknowledged)", acked.size())
                    .isEmpty();
            IntegrityCheck.Result check = new IntegrityCheck(db).run();
            assertThat(check.differences()).as("balances against the ledger").isEmpty();
        }
    }

    /** A running {@link StampLoop} and the acknowledgements read from its standard output. */
    private static final class Child {
        final Path dir;
        final Process process;
        private final Thread reader;
        private final List<Long> acked = new ArrayList<>();

        private Child(Path dir, Process process) {
            this.dir = dir;
            this.process = process;
            this.reader = new Thread(this::readAcks, "ack-reader " + dir.getFileName());
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(Path dir) {
            try {
                Files.createDirectories(dir);
                Process p = new ProcessBuilder(javaBinary(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
                        "-cp", System.getProperty("java.class.path"),
                        StampLoop.class.getName(), dir.resolve("db").toString(), MODE)
                        .redirectError(dir.resolve("child-stderr.txt").toFile())
                        .start();
                return new Child(dir, p);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the child JVM", e);
            }
        }

        Path dbDir() {
            return dir.resolve("db");
        }

        void go() throws IOException {
            OutputStream in = process.getOutputStream();
            in.write((StampLoop.GO + "\n").getBytes(StandardCharsets.US_ASCII));
            in.flush();
        }

        /** Waits until {@code n} stamps are acknowledged; false if the child ended or time ran out first. */
        synchronized boolean awaitAcks(int n, long timeoutSeconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (acked.size() < n && reader.isAlive()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                wait(left);
            }
            return acked.size() >= n;
        }

        /** SIGKILL, then wait for the process and for its output to be read to the end. */
        void kill() {
            process.destroyForcibly();
            try {
                if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("child did not end after SIGKILL");
                }
                reader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
                process.getOutputStream().close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the pipe is gone with the process
            }
        }

        synchronized List<Long> ackedAfterEnd() {
            assertThat(reader.isAlive()).as("output read to the end").isFalse();
            return List.copyOf(acked);
        }

        String stderr() {
            Path f = dir.resolve("child-stderr.txt");
            try {
                return Files.exists(f) ? Files.readString(f) : "";
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        }

        private void readAcks() {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    // a line cut short by the kill lacks ACK_END and is not an acknowledgement
                    if (line.startsWith(StampLoop.ACK) && line.endsWith(StampLoop.ACK_END)) {
                        long id = Long.parseLong(line.substring(StampLoop.ACK.length(),
                                line.length() - StampLoop.ACK_END.length()));
                        synchronized (this) {
                            acked.add(id);
                            notifyAll();
                        }
                    }
                }
            } catch (IOException e) {
                // the pipe broke with the kill: everything readable was read
            } finally {
                synchronized (this) {
                    notifyAll();
                }
            }
        }
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .filter(c -> Files.isExecutable(Path.of(c)))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
