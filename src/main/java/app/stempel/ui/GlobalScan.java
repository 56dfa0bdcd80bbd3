package app.stempel.ui;

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
 * Lets a scan work from any screen. Watches every keystroke of the window; a scanner burst that ends in
 * Enter while focus is elsewhere than the counter's search box is taken away from whatever had focus
 * (including the one character that reached it before the burst was recognised) and handed over.
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
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> typed(scene, e));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !counterOwns.test(scene.getFocusOwner())) {
                detector.onEnter(System.nanoTime()).ifPresent(text -> {
                    e.consume();
                    onScan.accept(text);
                });
            }
        });
    }

    private void typed(Scene scene, KeyEvent e) {
        String ch = e.getCharacter();
        if (ch.isEmpty() || Character.isISOControl(ch.charAt(0))) {
            return;
        }
        boolean continues = detector.onChar(ch.charAt(0), System.nanoTime());
        Node focus = scene.getFocusOwner();
        if (!continues || counterOwns.test(focus)) {
            return;
        }
        e.consume();
        if (detector.burstLength() == 2 && focus instanceof TextInputControl field) {
            // the burst's first character went into this field before it could be recognised
            int caret = field.getCaretPosition();
            String text = field.getText();
            if (caret > 0 && text != null && text.charAt(caret - 1) == detector.burstStart()) {
                field.deleteText(caret - 1, caret);
            }
        }
    }
}
