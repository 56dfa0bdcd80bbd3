package app.stempel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Main;
import app.stempel.store.Database;

class DemoCommandTest {

    @TempDir
    Path dir;

    private int run(String... args) {
        return Cli.execute(new Main(), args);
    }

    private long members() {
        try (Database db = Database.open(dir)) {
            return db.dsl().fetchOne("SELECT COUNT(*) FROM member").get(0, Long.class);
        }
    }

    @Test
    void demoFillsTheShopAndTheIntegrityCheckPasses() {
        String d = dir.toString();

        assertThat(run("demo", "--members", "200", "--years", "1", "--data-dir", d)).isZero();
        assertThat(run("check", "--data-dir", d)).isZero();
        assertThat(members()).isEqualTo(200);
    }

    @Test
    void zeroMembersIsRefusedWithoutTouchingTheDatabase() {
        assertThat(run("demo", "--members", "0", "--data-dir", dir.toString())).isNotZero();
        assertThat(run("demo", "--members", "-5", "--data-dir", dir.toString())).isNotZero();
        assertThat(run("demo", "--currency", "XX1", "--data-dir", dir.toString())).isNotZero();
        assertThat(Files.exists(dir.resolve(Database.FILE_NAME + ".mv.db"))).isFalse();
    }

    @Test
    void aSecondDemoIntoTheSameShopIsRefused() {
        String d = dir.toString();
        assertThat(run("demo", "--members", "50", "--years", "1", "--no-compact", "--data-dir", d)).isZero();

        assertThat(run("demo", "--members", "50", "--years", "1", "--data-dir", d)).isEqualTo(Cli.FAILED);
        assertThat(members()).isEqualTo(50);
    }
}
