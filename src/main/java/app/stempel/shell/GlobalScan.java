package app.stempel.shell;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

import app.stempel.counter.ScanDetector;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Lets a scan work from any screen. Watches every keystroke of the window without taking any; when a
 * scanner burst ends in Enter while focus is elsewhere than the counter's search box, the Enter is
 * taken, the burst is removed from the field it was typed into, and the scan is handed over.
 */
public final class GlobalScan {

    private final ScanDetector detector;
    private final Predicate<Node> counterOwns;
    private final Consumer<String> onScan;

    /**
     * @param counterOwns true for the node that handles scans itself (the counter's search box)
     * @param onScan receives the scanned text
     */
    public GlobalScan(ScanDetector detector, Predicate<Node> counterOwns, Consumer<String> onScan) {
        this.detector = Objects.requireNonNull(detector);
        this.counterOwns = Objects.requireNonNull(counterOwns);
        this.onScan = Objects.requireNonNull(onScan);
    }

    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            String ch = e.getCharacter();
            if (!ch.isEmpty() && !Character.isISOControl(ch.charAt(0))) {
                detector.onChar(ch.charAt(0), System.nanoTime());
            }
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER) {
                return;
            }
            var scan = detector.onEnter(System.nanoTime());
            Node focus = scene.getFocusOwner();
            if (scan.isPresent() && !counterOwns.test(focus)) {
                e.consume();
                if (focus instanceof TextInputControl field) {
                    removeTyped(field, scan.get());
                }
                onScan.accept(scan.get());
            }
        });
    }

    /** Takes the scanned characters back out of the field they were typed into. */
    private static void removeTyped(TextInputControl field, String scanned) {
        int caret = field.getCaretPosition();
        String text = field.getText();
        if (text != null && caret >= scanned.length() && text.substring(0, caret).endsWith(scanned)) {
            field.deleteText(caret - scanned.length(), caret);
        }
    }
}
