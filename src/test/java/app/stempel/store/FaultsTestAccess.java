package app.stempel.store;

import java.nio.file.Path;

/** The fault helpers of the store's tests, for the command line's tests. */
public final class FaultsTestAccess {

    private FaultsTestAccess() {
    }

    /** Flips {@code n} bytes at {@code percent} % of {@code file}. */
    public static void flip(Path file, int percent, int n) throws Exception {
        FaultsTest.flip(file, percent, n);
    }
}
