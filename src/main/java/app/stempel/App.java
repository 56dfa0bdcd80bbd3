package app.stempel;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application. */
public final class App extends Application {

    private static Main.Options options = new Main.Options(null, null);

    static void launchWith(Main.Options opts) {
        options = opts;
        Application.launch(App.class);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Stempel");
        stage.show();
    }
}
