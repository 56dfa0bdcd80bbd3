package app.stempel.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs work away from the JavaFX thread and hands the result back on it. View models take one in
 * their constructor; the app passes {@link FxTaskRunner}, tests pass {@link SameThreadTaskRunner}.
 */
public interface TaskRunner {

    /**
     * Runs {@code work} in the background; then {@code onSuccess} with its result, or {@code onFailure}
     * with what it threw, on the JavaFX thread.
     */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /**
     * Runs {@code update} on the JavaFX thread soon: for progress that work in the background reports
     * while it runs. The same-thread runner of the tests runs it at once.
     */
    default void onFxThread(Runnable update) {
        Platform.runLater(update);
    }
}
