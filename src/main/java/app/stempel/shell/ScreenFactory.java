package app.stempel.shell;

import javafx.scene.Node;

/** Makes the screens the main window shows, once the shop is open. */
public interface ScreenFactory {

    /** The screen of a page, or null for one not built yet. */
    Node page(Page page);

    /** The first-run wizard. */
    Node setup();

    /** "Who is at the till?" */
    Node cashierChoice();
}
