package app.stempel.store;

import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static app.stempel.store.schema.Tables.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.ledger.IntegrityCheck;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.testing.TestShop;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

class BackupsTest {

    @TempDir
    Path dir;

    private Path shop() {
        return dir.resolve("shop");
    }

    @Test
    void aBackupTakenWhileStampingRestoresConsistentlyOnAFreshFolder() throws Exception {
        Path zip = dir.resolve("now.zip");
        try (Services s = TestShop.open(shop(), Clock.systemUTC())) {
            Enrolled[] members = new Enrolled[20];
            for (int i = 0; i < members.length; i++) {
                members[i] = TestShop.enrol(s, "Member " + i);
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger stamped = new AtomicInteger();
            Thread till = new Thread(() -> {
                while (!stop.get()) {
                    Enrolled m = members[stamped.get() % members.length];
                    s.counter().stamp(m.memberId(), null, TestShop.TILL);
                    stamped.incrementAndGet();
                }
            });
            till.start();
            while (stamped.get() < 50) {
                Thread.onSpinWait();
            }
            Backups.backup(s.db(), zip);
            stop.set(true);
            till.join();
            assertThat(stamped.get()).isGreaterThan(50);
        }

        Path fresh = dir.resolve("fresh");
        assertThat(new Backups(fresh, Clock.systemUTC()).restore(zip, db -> new IntegrityCheck(db).run().ok())).isEmpty();
        try (Services restored = Services.open(fresh, Clock.systemUTC())) {
            assertThat(restored.integrity().run().ok()).isTrue();
            assertThat(restored.db().dsl().fetchCount(MEMBER)).isEqualTo(20);
            assertThat(restored.db().dsl().fetchCount(LEDGER_ENTRY)).isGreaterThanOrEqualTo(50);
        }
    }

    @Test
    void restoreKeepsTheReplacedDatabaseAside() throws Exception {
        Path zip = dir.resolve("one-member.zip");
        try (Services s = TestShop.open(shop(), Clock.systemUTC())) {
            TestShop.enrol(s, "Kari");
            Backups.backup(s.db(), zip);
            TestShop.enrol(s, "Ola");
        }
        var aside = new Backups(shop(), Clock.systemUTC()).restore(zip, db -> true);
        assertThat(aside).isPresent();
        assertThat(aside.get()).exists();
        try (Services s = Services.open(shop(), Clock.systemUTC())) {
            assertThat(s.members().count()).isEqualTo(1);
        }
    }

    @Test
    void aCorruptForeignOrMissingFileIsRefusedAndNothingChanges() throws Exception {
        try (Services s = TestShop.open(shop(), Clock.systemUTC())) {
            TestShop.enrol(s, "Kari");
        }
        byte[] before = Files.readAllBytes(shop().resolve("stempel.mv.db"));
        Backups backups = new Backups(shop(), Clock.systemUTC());

        Path notZip = Files.writeString(dir.resolve("notes.zip"), "this is not a zip");
        Path otherZip = dir.resolve("photos.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(otherZip))) {
            out.putNextEntry(new ZipEntry("holiday.jpg"));
            out.write(new byte[] {1, 2, 3});
        }
        Path damaged = dir.resolve("damaged.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(damaged))) {
            out.putNextEntry(new ZipEntry("stempel.mv.db"));
            out.write("H:2,block:2,blockSize:1000,chunk:0,format:3".getBytes());
        }
        for (Path bad : new Path[] {notZip, otherZip, damaged, dir.resolve("missing.zip")}) {
            assertThatThrownBy(() -> backups.restore(bad, db -> true)).as(bad.toString())
                    .isInstanceOfSatisfying(Backups.RestoreException.class,
                            e -> assertThat(e.reason()).isEqualTo(Backups.RestoreException.Reason.NOT_A_BACKUP));
        }
        assertThat(Files.readAllBytes(shop().resolve("stempel.mv.db"))).isEqualTo(before);
        try (var files = Files.list(shop())) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("restore-"));
        }
    }

    @Test
    void aBackupThatFailsTheCheckIsRefused() throws Exception {
        Path zip = dir.resolve("b.zip");
        try (Services s = TestShop.open(shop(), Clock.systemUTC())) {
            Backups.backup(s.db(), zip);
        }
        assertThatThrownBy(() -> new Backups(dir.resolve("other"), Clock.systemUTC()).restore(zip, db -> false))
                .isInstanceOfSatisfying(Backups.RestoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(Backups.RestoreException.Reason.FAILS_CHECK));
        assertThat(dir.resolve("other/stempel.mv.db")).doesNotExist();
    }

    @Test
    void restoreWhileTheShopIsOpenSaysItIsInUse() throws Exception {
        Path zip = dir.resolve("b.zip");
        try (Services s = TestShop.open(shop(), Clock.systemUTC())) {
            Backups.backup(s.db(), zip);
            assertThatThrownBy(() -> new Backups(shop(), Clock.systemUTC()).restore(zip, db -> true))
                    .isInstanceOfSatisfying(DatabaseException.class,
                            e -> assertThat(e.reason()).isEqualTo(DatabaseException.Reason.IN_USE));
        }
    }

    @Test
    void dailyBackupsAreRotatedToSevenDaysAndFourWeeks() throws Exception {
        LocalDate start = LocalDate.of(2026, 1, 1);
        try (Database db = Database.open(shop())) {
            for (int day = 0; day < 60; day++) {
                Clock clock = Clock.fixed(start.plusDays(day).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
                Backups backups = new Backups(shop(), clock);
                assertThat(backups.daily(db, false)).isPresent();
                assertThat(backups.daily(db, false)).as("once a day").isEmpty();
            }
            var kept = new Backups(shop(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).list();
            assertThat(kept).hasSize(11);
            assertThat(kept.get(0).getFileName().toString()).isEqualTo("stempel-2026-03-01.zip");
            assertThat(kept.get(6).getFileName().toString()).isEqualTo("stempel-2026-02-23.zip");
            assertThat(kept.subList(7, 11)).extracting(p -> p.getFileName().toString())
                    .containsExactly("stempel-2026-02-22.zip", "stempel-2026-02-15.zip", "stempel-2026-02-08.zip",
                            "stempel-2026-02-01.zip");
        }
    }

    @Test
    void theBackupOnClosingLiesBesideTheDaysAutomaticOneAndBothAreKept() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneOffset.UTC);
        try (Services s = TestShop.open(shop(), clock)) {
            TestShop.withStamps(s, "Kari", 2);
            Backups backups = new Backups(shop(), clock);
            Path daily = backups.daily(s.db(), false).orElseThrow();
            byte[] morning = Files.readAllBytes(daily);
            TestShop.withStamps(s, "Ola", 3);
            Path exit = backups.onExit(s.db());
            assertThat(exit.getFileName().toString()).isEqualTo("stempel-2026-03-10-exit.zip");
            assertThat(Files.readAllBytes(daily)).as("the morning's backup is left as it was").isEqualTo(morning);
            assertThat(backups.list()).containsExactly(exit, daily);
            assertThat(backups.daily(s.db(), false)).as("still one automatic backup a day").isEmpty();
        }
        Path restoredFrom = dir.resolve("restored");
        new Backups(restoredFrom, clock).restore(new Backups(shop(), clock).list().get(0), db -> new IntegrityCheck(db).run().ok());
        try (Services back = Services.open(restoredFrom, clock)) {
            assertThat(back.members().count()).as("the backup on closing has the afternoon's members").isEqualTo(2);
        }
    }

    @Test
    void twoBackupsAtOnceNeverShareAFileAndAHalfWrittenOneIsCleared() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneOffset.UTC);
        try (Services s = TestShop.open(shop(), clock)) {
            for (int i = 0; i < 200; i++) {
                TestShop.enrol(s, "Member " + i);
            }
            Backups backups = new Backups(shop(), clock);
            Path stale = Files.createDirectories(shop().resolve(Backups.FOLDER)).resolve("stempel-2026-03-09.zip.1a2b.partial");
            Files.writeString(stale, "left by a program that stopped during a backup");
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                var daily = two.submit(() -> backups.daily(s.db(), false));
                var exit = two.submit(() -> backups.onExit(s.db()));
                assertThat(daily.get()).isPresent();
                assertThat(exit.get()).exists();
            } finally {
                two.shutdown();
            }
            try (var files = Files.list(shop().resolve(Backups.FOLDER))) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .containsExactlyInAnyOrder("stempel-2026-03-10.zip", "stempel-2026-03-10-exit.zip");
            }
            for (Path zip : backups.list()) {
                Path into = dir.resolve("check-" + zip.getFileName());
                new Backups(into, clock).restore(zip, db -> new IntegrityCheck(db).run().ok());
                try (Services back = Services.open(into, clock)) {
                    assertThat(back.members().count()).as(zip.toString()).isEqualTo(200);
                }
            }
        }
    }
}
