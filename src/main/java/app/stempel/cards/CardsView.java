package app.stempel.cards;

import java.io.ByteArrayInputStream;
import java.util.Objects;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import app.stempel.ui.FilePicker;
import app.stempel.ui.I18n;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Cards screen: the shop's card as it prints, batches as PDF, and a new card for a lost one. */
public final class CardsView {

    private final VBox root;

    public CardsView(CardsViewModel model, I18n i18n, FilePicker files) {
        Objects.requireNonNull(model);
        Label title = new Label(i18n.get("nav.cards"), new FontIcon(Feather.CREDIT_CARD));
        title.getStyleClass().add(Styles.TITLE_2);

        ImageView preview = new ImageView();
        preview.setId("cards-preview");
        preview.setFitWidth(428);
        preview.setPreserveRatio(true);
        preview.setSmooth(true);
        model.previewProperty().addListener((obs, old, png) ->
                preview.setImage(png == null ? null : new Image(new ByteArrayInputStream(png))));
        VBox card = new VBox(preview);
        card.getStyleClass().add("card-preview");
        card.setMaxWidth(VBox.USE_PREF_SIZE);

        Label printTitle = new Label(i18n.get("cards.print"));
        printTitle.getStyleClass().add(Styles.TITLE_4);
        Button all = new Button(i18n.get("cards.saveAll"), new FontIcon(Feather.FILE_TEXT));
        all.setId("cards-save-all");
        all.setOnAction(e -> files.save(i18n.get("cards.saveAll"), i18n.get("cards.saveAll.file"), "pdf").ifPresent(model::saveAll));
        Button today = new Button(i18n.get("cards.saveToday"), new FontIcon(Feather.CALENDAR));
        today.setId("cards-save-today");
        today.setOnAction(e -> files.save(i18n.get("cards.saveToday"), i18n.get("cards.saveToday.file"), "pdf").ifPresent(model::saveToday));
        all.disableProperty().bind(model.busyProperty());
        today.disableProperty().bind(model.busyProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("cards-progress");
        progress.setPrefWidth(220);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        all.setMinWidth(Region.USE_PREF_SIZE);
        today.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane printRow = new FlowPane(10, 10, all, today, progress);
        printRow.setAlignment(Pos.CENTER_LEFT);

        Label lostTitle = new Label(i18n.get("cards.reissue"));
        lostTitle.getStyleClass().add(Styles.TITLE_4);
        TextField lost = new TextField();
        lost.setId("cards-lost-number");
        lost.setPromptText(i18n.get("cards.reissue.prompt"));
        lost.setPrefColumnCount(16);
        lost.textProperty().bindBidirectional(model.lostNumberProperty());
        lost.setOnAction(e -> model.reissue());
        Button reissue = new Button(i18n.get("cards.reissue.button"), new FontIcon(Feather.REFRESH_CW));
        reissue.setId("cards-reissue");
        reissue.disableProperty().bind(model.busyProperty());
        reissue.setOnAction(e -> model.reissue());
        reissue.setMinWidth(Region.USE_PREF_SIZE);
        HBox lostRow = new HBox(10, lost, reissue);
        lostRow.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("cards-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        model.failedProperty().addListener((obs, old, now) -> {
            message.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            message.getStyleClass().add(now ? Styles.DANGER : Styles.SUCCESS);
        });

        root = new VBox(16, title, card, printTitle, printRow, lostTitle, lostRow, message);
        root.setId("page-cards");
        root.getStyleClass().add("settings-page");
        root.setMaxWidth(760);
        model.refreshPreview();
    }

    public Node root() {
        return root;
    }
}
