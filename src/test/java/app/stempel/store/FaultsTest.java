package app.stempel.store;

import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.stempel.owner.OwnerGate;
import app.stempel.Services;
import app.stempel.core.Language;
import app.stempel.data.DemoData;
import app.stempel.testing.TestShop;
import app.stempel.ui.I18n;
import org.assertj.core.api.Assertions;
import app.stempel.store.schema.Tables;
import app.stempel.ledger.IntegrityCheck;

/**
 * A full disk and a damaged file, on real H2 files. The full disk is {@link FullDisk} (a small real file
 * system needs root to mount here); the damage is bytes flipped in a closed shop's file.
 */
class FaultsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneId.of("Europe/Warsaw"));

    /** A closed, compacted demo shop of 3,000 members, the same file for every offset. */
    @TempDir
    static Path shop;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildAShop() {
        try (Database db = Database.open(shop)) {
            new DemoData(db, CLOCK, OwnerGate.TRUSTED).fill(new DemoData.Settings(3000, 2, 42, null, "PLN", false), (a, b, c, d) -> { });
            db.closeCompacting();
        }
    }

    @AfterEach
    void realDiskAgain() {
        FullDisk.uninstall();
    }

    @Test
    void aStampOnAFullDiskIsNamedLosesNothingConfirmedAndTheNextStampWorksOnceThereIsRoom() {
        FullDisk.install();
        long member;
        try (Services s = TestShop.open(dir, CLOCK)) {
            member = TestShop.enrol(s, "Ola").memberId();
            s.counter().stamp(member, null, TestShop.TILL);
            s.counter().stamp(member, null, TestShop.TILL);

            FullDisk.fill();
            for (int i = 0; i < 2; i++) {
                Throwable failed = Assertions.catchThrowable(
                        () -> s.counter().stamp(member, null, TestShop.TILL));
                assertThat(Fault.of(failed)).isEqualTo(Fault.DISK_FULL);
                assertThat(new I18n(Language.ENGLISH).failure(failed, "error.unexpected"))
                        .isEqualTo("The disk is full: free some space; nothing was lost.");
            }

            FullDisk.free();
            s.counter().stamp(member, null, TestShop.TILL); // no restart
            assertThat(s.db().dsl().fetchCount(LEDGER_ENTRY)).isEqualTo(3);
        }
        FullDisk.uninstall();
        try (Database db = Database.open(dir)) {
            // the two confirmed stamps and the one after: the refused ones are not there
            assertThat(db.dsl().fetchCount(LEDGER_ENTRY)).isEqualTo(3);
        }
        assertThat(Database.checkFile(dir).entries()).isPositive();
    }

    @Test
    void aDemoOnAFullDiskStopsWithWholeMembersOnly() {
        FullDisk.install();
        int members;
        try (Database db = Database.open(dir)) {
            FullDisk.fillAfter(3_000_000);
            assertThatThrownBy(() -> new DemoData(db, CLOCK, OwnerGate.TRUSTED).fill(new DemoData.Settings(3000, 2, 42, null, "PLN", false),
                    (a, b, c, d) -> { })).satisfies(e -> assertThat(Fault.of(e)).as(chain(e)).isEqualTo(Fault.DISK_FULL));
            FullDisk.free();
            members = db.dsl().fetchCount(Tables.MEMBER);
        }
        assertThat(members).isBetween(0, 2999);
        FullDisk.uninstall();
        try (Database db = Database.open(dir)) {
            assertThat(new IntegrityCheck(db).run().ok()).isTrue();
            // every member there came with a balance: whole members only
            assertThat(db.dsl().fetchCount(Tables.BALANCE)).isEqualTo(members);
        }
    }

    @Test
    void theUndamagedShopReadsWhole() {
        FileCheck r = Database.checkFile(shop);
        assertThat(r.maps()).isGreaterThan(20);
        assertThat(r.entries()).isGreaterThan(100_000);
    }

    /**
     * 16 bytes flipped at each share of the file are found by what {@code check} does: every page of the file
     * read through H2's own storage layer (its structure and chunk checksums), then the ledger's hash chain and
     * every balance. H2 keeps no checksum of a page's content, only of its place, so a flip that lands inside
     * a stored value outside the ledger's chain (a member's name, an index entry) reads as a different value,
     * or in space no map uses any more; only then may the check pass, and the test proves that the ledger
     * and the balances read exactly as before.
     */
    @ParameterizedTest
    @ValueSource(ints = {5, 25, 60, 80, 97})
    void sixteenFlippedBytesAnywhereAreFoundAsDamage(int percent) throws Exception {
        Path damaged = dir.resolve("shop");
        Files.createDirectories(damaged);
        Path file = damaged.resolve(Database.FILE_NAME + ".mv.db");
        Files.copy(shop.resolve(Database.FILE_NAME + ".mv.db"), file);
        flip(file, percent, 16);

        String found;
        try {
            Database.checkFile(damaged);
            try (Database db = Database.open(damaged)) {
                var result = new IntegrityCheck(db).run();
                found = result.ok() ? null : "the ledger's chain or a balance";
            }
        } catch (DatabaseException e) {
            assertThat(e.reason()).isEqualTo(DatabaseException.Reason.CORRUPT);
            assertThat(Fault.of(e)).isEqualTo(Fault.DAMAGED);
            found = "damage";
        }
        if (found == null) {
            Path original = dir.resolve("original");
            Files.createDirectories(original);
            Files.copy(shop.resolve(Database.FILE_NAME + ".mv.db"), original.resolve(Database.FILE_NAME + ".mv.db"));
            Map<String, String> before = rows(original);
            Map<String, String> after = rows(damaged);
            List<String> changed = before.keySet().stream().filter(t -> !before.get(t).equals(after.get(t))).toList();
            assertThat(changed).as("a flip the check did not find left the ledger as it was")
                    .doesNotContain("LEDGER_ENTRY", "BALANCE", "LEDGER_HEAD");
        }
    }

    /** Every row of every table, as text, by table. */
    private static Map<String, String> rows(Path shopDir) {
        try (Database db = Database.open(shopDir)) {
            return TestShop.everyRow(db);
        }
    }

    private static String chain(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append("\n  ").append(t.getClass().getName()).append(": ").append(t.getMessage());
            for (Throwable s : t.getSuppressed()) {
                b.append("\n    suppressed ").append(s);
            }
        }
        return b.toString();
    }

    /** Flips {@code n} bytes at {@code percent} % of {@code file}. */
    static void flip(Path file, int percent, int n) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long at = f.length() * percent / 100;
            byte[] b = new byte[n];
            f.seek(at);
            f.readFully(b);
            for (int i = 0; i < n; i++) {
                b[i] = (byte) ~b[i];
            }
            f.seek(at);
            f.write(b);
        }
    }
}
