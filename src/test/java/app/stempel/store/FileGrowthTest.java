package app.stempel.store;

import app.stempel.testing.TestShop;
import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.owner.OwnerGate;
import app.stempel.cards.CardNumbers;
import app.stempel.core.Actor;
import app.stempel.ledger.IntegrityCheck;
import app.stempel.ledger.LedgerService;
import app.stempel.members.MemberService;
import java.io.UncheckedIOException;
import java.io.IOException;

/**
 * Each durable stamp makes H2 write a new chunk; the file must still stay bounded: after 10,000 single
 * stamps and a normal close it is no more than twice the size {@code SHUTDOWN COMPACT} gets it to.
 */
class FileGrowthTest {

    private static final int MEMBERS = 200;
    private static final int STAMPS = 10_000;
    private static final double MAX_RATIO = 2.0;

    @TempDir
    Path dir;

    @Test
    void fileStaysWithinTwiceItsCompactedSizeAfterTenThousandSingleStamps() {
        Path file;
        long openSize;
        long start = System.nanoTime();
        try (Database db = Database.open(dir)) {
            file = db.file();
            MemberService members = TestShop.members(db, Clock.systemUTC(), new CardNumbers(new SplittableRandom(7)));
            LedgerService ledger = new LedgerService(db, Clock.systemUTC(), OwnerGate.TRUSTED);
            List<MemberService.Enrolled> enrolled = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                enrolled.add(members.enrol(MemberService.NewMember.named("Member " + i)));
            }
            Actor actor = Actor.system("growth-test");
            for (int i = 0; i < STAMPS; i++) {
                MemberService.Enrolled m = enrolled.get(i % MEMBERS);
                ledger.stamp(m.memberId(), m.cardId(), 1, null, null, actor);
            }
            openSize = size(file);
        }
        long stampMillis = (System.nanoTime() - start) / 1_000_000;
        long closedSize = size(file);

        Database reopened = Database.open(dir);
        assertThat(reopened.dsl().fetchCount(LEDGER_ENTRY)).isEqualTo(STAMPS);
        assertThat(new IntegrityCheck(reopened).run().ok()).isTrue();
        reopened.closeCompacting();
        long compactedSize = size(file);

        double ratio = (double) closedSize / compactedSize;
        System.out.printf("file growth: %,d stamps in %,d ms; open %,d B, after close %,d B, compacted %,d B, "
                + "closed/compacted %.2f, open/compacted %.2f%n", STAMPS, stampMillis, openSize, closedSize,
                compactedSize, ratio, (double) openSize / compactedSize);
        assertThat(ratio).as("size after close / compacted size").isLessThanOrEqualTo(MAX_RATIO);
        try (Database again = Database.open(dir)) {
            assertThat(again.dsl().fetchCount(LEDGER_ENTRY)).isEqualTo(STAMPS);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
