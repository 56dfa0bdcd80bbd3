package app.stempel.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.stage.FileChooser;
import javafx.stage.Window;
import java.util.Locale;
import java.util.Arrays;

/** The operating system's file dialogs. */
public final class SystemFilePicker implements FilePicker {

    private final Supplier<Window> owner;

    public SystemFilePicker(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> save(String title, String initialName, String extension) {
        FileChooser chooser = chooser(title, extension);
        chooser.setInitialFileName(initialName);
        return path(chooser.showSaveDialog(owner.get()));
    }

    @Override
    public Optional<Path> open(String title, String... extensions) {
        return path(chooser(title, extensions).showOpenDialog(owner.get()));
    }

    private static FileChooser chooser(String title, String... extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        String name = String.join(", ", extensions).toUpperCase(Locale.ROOT);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(name,
                Arrays.stream(extensions).map(e -> "*." + e).toList()));
        return chooser;
    }

    private static Optional<Path> path(File file) {
        return Optional.ofNullable(file).map(File::toPath);
    }
}
