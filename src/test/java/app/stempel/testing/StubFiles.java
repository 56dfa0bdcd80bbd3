package app.stempel.testing;

import java.nio.file.Path;
import java.util.Optional;

import app.stempel.ui.FilePicker;

/** Answers file dialogs with the paths a test set, as a person would pick them. */
public final class StubFiles implements FilePicker {

    private Path toSave;
    private Path toOpen;

    public void willSave(Path p) {
        toSave = p;
    }

    public void willOpen(Path p) {
        toOpen = p;
    }

    @Override
    public Optional<Path> save(String title, String initialName, String extension) {
        return Optional.ofNullable(toSave);
    }

    @Override
    public Optional<Path> open(String title, String... extensions) {
        return Optional.ofNullable(toOpen);
    }
}
