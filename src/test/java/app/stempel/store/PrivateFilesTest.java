package app.stempel.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.charset.StandardCharsets;

/** The data folder, the database, backups and exports are their owner's alone (Linux and macOS: 0700 and 0600). */
class PrivateFilesTest {

    @TempDir
    Path dir;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aNewShopsFolderAndDatabaseAreTheOwnersAlone() throws Exception {
        Path shop = dir.resolve("new-shop");
        try (Database db = Database.open(shop)) {
            assertThat(mode(shop)).isEqualTo("rwx------");
            assertThat(mode(shop.resolve(Database.FILE_NAME + ".mv.db"))).isEqualTo("rw-------");

            Path backup = dir.resolve("elsewhere").resolve("copy.zip");
            Backups.backup(db, backup);
            assertThat(mode(backup)).isEqualTo("rw-------");
        }
    }

    @Test
    void aDatabaseCompactedOnClosingStaysTheOwnersAlone() throws Exception {
        Path shop = dir.resolve("compacted");
        Database db = Database.open(shop);
        db.dsl().execute("create table filler(id int primary key, text varchar(200))");
        db.dsl().execute("insert into filler select x, repeat('x', 200) from system_range(1, 5000)");
        db.dsl().execute("delete from filler");
        db.closeCompacting();
        assertThat(mode(shop.resolve(Database.FILE_NAME + ".mv.db"))).isEqualTo("rw-------");
    }

    @Test
    void anExistingFolderOpenToOthersIsTightenedAtStartAndAReadOnlyFileStaysReadOnly() throws Exception {
        Path shop = Files.createDirectories(dir.resolve("old-shop"));
        Path backups = Files.createDirectories(shop.resolve("backups"));
        Path log = Files.writeString(shop.resolve("stempel.log"), "a line\n");
        Path zip = Files.writeString(backups.resolve("stempel-2026-01-01.zip"), "not really a zip");
        Path note = Files.writeString(shop.resolve("note.txt"), "kept read-only by its owner\n");
        for (Path p : new Path[] {shop, backups}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(zip, PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.setPosixFilePermissions(note, PosixFilePermissions.fromString("r--r--r--"));

        Database.open(shop).close();

        assertThat(mode(shop)).isEqualTo("rwx------");
        assertThat(mode(backups)).isEqualTo("rwx------");
        assertThat(mode(log)).isEqualTo("rw-------");
        assertThat(mode(zip)).isEqualTo("rw-------");
        assertThat(mode(note)).as("only others lose their rights").isEqualTo("r--------");
    }

    @Test
    void anExportWrittenIntoAnOpenFolderIsTheOwnersAlone() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("desktop"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path export = folder.resolve("members.csv");
        AtomicFile.write(export, out -> out.write("card,name\r\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(mode(export)).isEqualTo("rw-------");
        assertThat(Files.readString(export)).isEqualTo("card,name\r\n");
    }
}
