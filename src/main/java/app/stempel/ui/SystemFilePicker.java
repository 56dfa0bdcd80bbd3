package app.stempel.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.stage.FileChooser;
import javafx.stage.Window;

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
    public Optional<Path> open(String title, String extension) {
        return path(chooser(title, extension).showOpenDialog(owner.get()));
    }

    private static FileChooser chooser(String title, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(java.util.Locale.ROOT),
                "*." + extension));
        return chooser;
    }

    private static Optional<Path> path(File file) {
        return Optional.ofNullable(file).map(File::toPath);
    }
}
