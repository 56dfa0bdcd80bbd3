package app.stempel.store;

import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import app.stempel.Services;
import app.stempel.core.Language;
import app.stempel.testing.TestShop;
import app.stempel.ui.I18n;
import java.nio.file.StandardOpenOption;

/**
 * A stamp on a really full disk: a size-limited tmpfs filled to the last byte, where the machine lets the
 * test mount one (it needs root, as on the build machines here); elsewhere the same steps on
 * {@link FullDisk}, the failing file store. Either way the stamp is named "disk full", loses nothing
 * confirmed, and the next stamp after space is freed works without a restart.
 */
class SmallDiskTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        FullDisk.uninstall();
        if (mounted != null) {
            run("umount", mounted.toString());
        }
    }

    /** A disk that fills up and frees again. */
    private interface Disk {
        void fill() throws IOException;

        void free() throws IOException;
    }

    @Test
    void aStampOnAFullDiskIsNamedAndTheNextOneWorksOnceThereIsRoom() throws Exception {
        Path shop = dir.resolve("shop");
        Disk disk = tmpfs(shop);
        long member;
        try (Services s = TestShop.open(shop, CLOCK)) {
            member = TestShop.enrol(s, "Ola").memberId();
            s.counter().stamp(member, null, TestShop.TILL);

            disk.fill();
            Throwable failed = catchThrowable(() -> {
                for (int i = 0; i < 50; i++) { // the first stamps may still fit in space H2 already holds
                    s.counter().stamp(member, null, TestShop.TILL);
                }
            });
            assertThat(Fault.of(failed)).as(String.valueOf(failed)).isEqualTo(Fault.DISK_FULL);
            assertThat(new I18n(Language.POLISH).failure(failed, "error.unexpected")).startsWith("Dysk jest pełny");

            disk.free();
            s.counter().stamp(member, null, TestShop.TILL); // no restart
        }
        FullDisk.uninstall();
        try (Database db = Database.open(shop)) {
            int stamps = db.dsl().fetchCount(LEDGER_ENTRY);
            assertThat(stamps).as("the first stamp, those before the disk filled, and the one after").isBetween(2, 51);
        }
        assertThat(Database.checkFile(shop).entries()).isPositive();
    }

    /** A 16 MB tmpfs at {@code shop} when the machine allows mounting one; otherwise {@link FullDisk}. */
    private Disk tmpfs(Path shop) throws Exception {
        Files.createDirectories(shop);
        if (run("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", shop.toString())) {
            mounted = shop;
            LoggerFactory.getLogger(SmallDiskTest.class).info("A real 16 MB tmpfs at {}", shop);
            Path filler = shop.resolve("filler");
            return new Disk() {
                @Override
                public void fill() throws IOException {
                    byte[] block = new byte[64 * 1024];
                    try (OutputStream out = Files.newOutputStream(filler)) {
                        while (true) {
                            out.write(block);
                        }
                    } catch (IOException full) {
                        // the disk is full: that is the point
                    }
                    try (OutputStream out = Files.newOutputStream(filler, StandardOpenOption.APPEND)) {
                        for (int i = 0; i < 64 * 1024; i++) {
                            out.write(0);
                            out.flush();
                        }
                    } catch (IOException full) {
                        // to the last byte
                    }
                }

                @Override
                public void free() throws IOException {
                    Files.deleteIfExists(filler);
                }
            };
        }
        LoggerFactory.getLogger(SmallDiskTest.class).info("No tmpfs can be mounted here: the failing file store instead");
        FullDisk.install();
        return new Disk() {
            @Override
            public void fill() {
                FullDisk.fill();
            }

            @Override
            public void free() {
                FullDisk.free();
            }
        };
    }

    private static boolean run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
