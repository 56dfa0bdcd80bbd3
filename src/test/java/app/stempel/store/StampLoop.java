package app.stempel.store;

import app.stempel.testing.TestShop;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import app.stempel.owner.OwnerGate;
import app.stempel.cards.CardNumbers;
import app.stempel.core.Actor;
import app.stempel.ledger.LedgerService;
import app.stempel.members.MemberService;

/**
 * Child process of {@link KillDuringStampTest}: opens the database in a folder, enrols a few members and
 * stamps in a loop, printing {@code ACK <ledger id> OK} after each stamp was acknowledged, until it is
 * killed. It enrols, prints {@link #READY} and waits for a {@link #GO} line on standard input before it
 * stamps, so the test can start the next child while the current trial runs.
 *
 * <p>Arguments: {@code <data folder> <sync|nosync> [max stamps]}. {@code sync} stamps through
 * {@link LedgerService#stamp}, the application's durable path. {@code nosync} writes the same entry in a
 * plain committed transaction without {@code CHECKPOINT SYNC}; it exists only here, in test code, to show
 * that the kill test can catch lost stamps. The child exits by itself when its standard input closes
 * (the parent test JVM is gone) or after the maximum number of stamps, so it never outlives a test run.
 */
public final class StampLoop {

    /** Printed once the members are enrolled and stamping starts. */
    public static final String READY = "READY";
    /** The parent's line on standard input that starts the stamping. */
    public static final String GO = "GO";
    /** Prefix of an acknowledgement line; the line ends with {@link #ACK_END}. */
    public static final String ACK = "ACK ";
    /** End of an acknowledgement line, so a line cut short by the kill is never mistaken for one. */
    public static final String ACK_END = " OK";

    private static final Actor ACTOR = Actor.system("kill-test");
    private static final int MEMBERS = 3;

    private StampLoop() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        boolean sync = switch (args[1]) {
            case "sync" -> true;
            case "nosync" -> false;
            default -> throw new IllegalArgumentException("mode must be sync or nosync: " + args[1]);
        };
        long max = args.length > 2 ? Long.parseLong(args[2]) : 200_000;

        Database db = Database.open(dir);
        MemberService members = TestShop.members(db, Clock.systemUTC(), new CardNumbers(new SplittableRandom()));
        LedgerService ledger = new LedgerService(db, Clock.systemUTC(), OwnerGate.TRUSTED);
        List<MemberService.Enrolled> enrolled = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            enrolled.add(members.enrol(MemberService.NewMember.named("Kill test " + i)));
        }
        PrintStream out = System.out;
        out.println(READY);
        out.flush();
        awaitGo();
        exitWhenParentGoes();
        for (long n = 0; n < max; n++) {
            MemberService.Enrolled m = enrolled.get((int) (n % MEMBERS));
            long id;
            if (sync) {
                id = ledger.stamp(m.memberId(), m.cardId(), 1, null, null, ACTOR);
            } else {
                var entry = new LedgerService.StampEntry(m.memberId(), m.cardId(), 1, null, null, ACTOR,
                        OffsetDateTime.now());
                id = db.dsl().transactionResult(cfg -> LedgerService.appendStamp(cfg.dsl(), entry));
            }
            out.println(ACK + id + ACK_END);
            out.flush();
        }
        db.close();
    }

    /** Waits for the parent's {@link #GO} line, so a child can be started ahead of its trial. */
    private static void awaitGo() {
        try {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = System.in.read()) >= 0 && c != '\n') {
                line.append((char) c);
            }
            if (!GO.equals(line.toString().strip())) {
                Runtime.getRuntime().halt(3);
            }
        } catch (IOException e) {
            Runtime.getRuntime().halt(3);
        }
    }

    /** Standard input is the parent's pipe: end of it means the parent is gone. */
    private static void exitWhenParentGoes() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // ignore anything sent
                }
            } catch (IOException e) {
                // treat like end of input
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
