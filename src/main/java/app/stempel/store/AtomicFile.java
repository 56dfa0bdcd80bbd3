package app.stempel.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file that appears only when complete: into {@code name.part} beside it, then moved over the
 * name. A failed write leaves the old file (if any) and no partial one. The file is its owner's alone
 * ({@link PrivateFiles}).
 */
public final class AtomicFile {

    /** What is written into the file. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    public static void write(Path file, Body body) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                PrivateFiles.secureFile(partial); // exports and cards hold members' data: their owner's alone
                body.write(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }
}
