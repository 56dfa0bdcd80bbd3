package app.stempel.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import app.stempel.settings.OwnerSession;

/**
 * What the window's shell needs of an open shop, and no more: the composition root's graph of services is
 * one, and the screens take what they use from that graph, not from the shell.
 */
public interface OpenShop extends AutoCloseable {

    Path dataDir();

    Clock clock();

    /** This till's owner mode. */
    OwnerSession owner();

    /** How many members the shop has, for the status line. */
    int memberCount();

    /** Whether the first-run wizard has been done. */
    boolean isSetUp();

    /** Today's automatic backup, if there is none yet. */
    Optional<Path> dailyBackup() throws IOException;

    /**
     * The shop's own work once it is open and set up, in the background: stamps and points past the expiry
     * rule expire (once a day), and the report summaries catch up with the ledger.
     */
    void startOfDay();

    @Override
    void close();
}
