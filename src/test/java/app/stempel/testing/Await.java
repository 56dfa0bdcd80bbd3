package app.stempel.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.testfx.util.WaitForAsyncUtils;

/**
 * Waiting for a state in a test: returns as soon as the state is there, and gives up only after a limit far
 * beyond what any state here needs, so a slow or busy machine (CI machines are shared) makes a test slower,
 * never red. The limit only ends a test whose state never comes.
 */
public final class Await {

    /** Seconds after which a state that has not come counts as missing (system property {@code stempel.test.waitSeconds}). */
    public static final long LIMIT_SECONDS = Long.getLong("stempel.test.waitSeconds", 300);

    private Await() {
    }

    /** Waits until {@code state} holds. */
    public static void until(Callable<Boolean> state) throws TimeoutException {
        WaitForAsyncUtils.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS, state);
    }
}
