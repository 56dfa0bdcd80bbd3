package app.stempel.ui;

import java.nio.file.Path;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Points the log file at the data folder ({@code stempel.log}, rolled daily). Must run before the first
 * logger is created; the logback configuration reads the {@value #PROPERTY} property.
 */
public final class Logging {

    /** System property holding the folder of the log file. */
    public static final String PROPERTY = "stempel.log.dir";

    private Logging() {
    }

    public static void init(Path dataDir) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, dataDir.toString());
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
