package app.stempel.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * This till's own preferences ({@code stempel.properties} in the data folder): read before the
 * database opens, so the window appears at once in the right language.
 */
public final class LocalPrefs {

    static final String FILE_NAME = "stempel.properties";
    private static final String LANGUAGE = "language";
    private static final String CUSTOMER_DISPLAY = "customerDisplay";

    private final Path file;

    public LocalPrefs(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    /** The language code chosen on this till, if any (a damaged file counts as none). */
    public Optional<String> language() {
        return read().map(p -> p.getProperty(LANGUAGE)).filter(s -> !s.isBlank());
    }

    public void setLanguage(String code) throws IOException {
        put(LANGUAGE, code);
    }

    /** Whether the customer display was open on this till when it was last opened or closed. */
    public boolean customerDisplay() {
        return read().map(p -> Boolean.parseBoolean(p.getProperty(CUSTOMER_DISPLAY))).orElse(false);
    }

    public void setCustomerDisplay(boolean open) throws IOException {
        put(CUSTOMER_DISPLAY, String.valueOf(open));
    }

    private void put(String key, String value) throws IOException {
        Properties p = read().orElseGet(Properties::new);
        p.setProperty(key, value);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            PrivateFiles.secureFile(tmp);
            p.store(w, "Stempel: this till's preferences");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Optional<Properties> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(r);
            return Optional.of(p);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
