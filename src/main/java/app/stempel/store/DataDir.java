package app.stempel.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Stempel keeps its database, backups and log: the operating system's per-user data folder,
 * unless the person points elsewhere with {@code --data-dir} or the {@value #ENV} variable.
 */
public final class DataDir {

    /** Environment variable that overrides the default data folder. */
    public static final String ENV = "STEMPEL_DATA_DIR";

    private DataDir() {
    }

    /**
     * The data folder: the explicit option first, then {@value #ENV}, then the platform default.
     *
     * @param option value of {@code --data-dir}, or null
     */
    public static Path resolve(Path option) {
        return resolve(option, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    static Path resolve(Path option, Map<String, String> env, String osName, String home) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : Path.of(home, "AppData", "Roaming")).resolve("Stempel");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Stempel");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(home, ".local", "share");
        return base.resolve("stempel");
    }
}
