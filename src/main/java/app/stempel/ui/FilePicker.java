package app.stempel.ui;

import java.nio.file.Path;
import java.util.Optional;

/** Asks the person for a file: the system's dialog in the app, fixed answers in tests. */
public interface FilePicker {

    /** A file to write, suggesting {@code initialName}; empty if the person cancelled. */
    Optional<Path> save(String title, String initialName, String extension);

    /** A file to read with one of these extensions; empty if the person cancelled. */
    Optional<Path> open(String title, String... extensions);
}
