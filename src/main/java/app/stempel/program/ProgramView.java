package app.stempel.program;

import java.util.Objects;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import app.stempel.program.GroupService.Group;
import app.stempel.program.ProgramRules.ExpiryKind;
import app.stempel.program.ProgramRules.Mode;
import app.stempel.ui.Forms;
import app.stempel.ui.I18n;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.beans.property.StringProperty;

/**
 * The owner's program screen: the rules in tabs (earning and rewards, expiry and offers, tiers), the
 * groups, the liability and the earlier versions, and the expiry preview that a save waits on.
 */
public final class ProgramView {

    private final ProgramViewModel model;
    private final I18n i18n;
    private final StackPane root = new StackPane();

    public ProgramView(ProgramViewModel model, I18n i18n) {
        this.model = Objects.requireNonNull(model);
        this.i18n = Objects.requireNonNull(i18n);
        Label title = new Label(i18n.get("nav.program"), new FontIcon(Feather.GIFT));
        title.getStyleClass().add(Styles.TITLE_2);
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label version = new Label();
        version.setId("program-version");
        version.getStyleClass().add(Styles.TEXT_MUTED);
        version.textProperty().bind(model.versionTextProperty());
        version.setWrapText(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("program-busy");
        busy.setPrefSize(24, 24);
        busy.visibleProperty().bind(model.busyProperty());
        Button save = new Button(i18n.get("program.save"), new FontIcon(Feather.SAVE));
        save.setId("program-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.disableProperty().bind(model.busyProperty().or(model.previewProperty().isNotNull()));
        save.setOnAction(e -> model.save());
        HBox head = new HBox(12, title, version, gap, busy, save);
        head.setAlignment(Pos.CENTER_LEFT);

        Label message = Forms.outcome("program-message", model.messageProperty(), model.failedProperty());

        TabPane tabs = new TabPane(
                tab("program-tab-earning", "program.tab.earning", Feather.AWARD, earning()),
                tab("program-tab-offers", "program.tab.offers", Feather.CLOCK, offers()),
                tab("program-tab-tiers", "program.tab.tiers", Feather.TRENDING_UP, tiers()),
                tab("program-tab-groups", "program.tab.groups", Feather.USERS, groups()),
                tab("program-tab-overview", "program.tab.overview", Feather.BAR_CHART_2, overview()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox content = new VBox(12, head, message, tabs);
        content.getStyleClass().add("program-page");

        root.getChildren().addAll(content, previewDialog());
        root.setId("page-program");
        root.getStylesheets().add(ProgramView.class.getResource("/program/program.css").toExternalForm());
        model.load();
    }

    public Node root() {
        return root;
    }

    private Node earning() {
        ToggleGroup modes = new ToggleGroup();
        RadioButton stamps = new RadioButton(i18n.get("program.mode.stamps"));
        stamps.setId("program-mode-stamps");
        stamps.setToggleGroup(modes);
        RadioButton points = new RadioButton(i18n.get("program.mode.points"));
        points.setId("program-mode-points");
        points.setToggleGroup(modes);
        Runnable pick = () -> (model.modeProperty().get() == Mode.POINTS ? points : stamps).setSelected(true);
        model.modeProperty().addListener((obs, old, now) -> pick.run());
        pick.run();
        modes.selectedToggleProperty().addListener((obs, old, now) ->
                model.modeProperty().set(now == points ? Mode.POINTS : Mode.STAMPS));
        var pointsMode = model.modeProperty().isEqualTo(Mode.POINTS);

        GridPane grid = Forms.grid();
        Forms.row(grid, 0, i18n.get("program.mode"), new HBox(18, stamps, points));
        TextField perVisit = field("program-stamps-per-visit", model.stampsPerVisitProperty(), 80);
        TextField perAmount = field("program-amount-per-stamp", model.amountPerStampProperty(), 100);
        perAmount.setPromptText(i18n.get("program.amountPerStamp.prompt"));
        Label or = new Label(i18n.get("program.amountPerStamp.or"));
        or.setMinWidth(Region.USE_PREF_SIZE);
        HBox earn = new HBox(10, perVisit, or, perAmount);
        earn.setAlignment(Pos.CENTER_LEFT);
        earn.disableProperty().bind(pointsMode);
        Forms.row(grid, 1, i18n.get("program.stampsPerVisit"), earn);
        TextField forReward = field("program-stamps-for-reward", model.stampsForRewardProperty(), 80);
        forReward.disableProperty().bind(pointsMode);
        Forms.row(grid, 2, i18n.get("program.stampsForReward"), forReward);
        TextField reward = field("program-reward", model.rewardProperty(), 0);
        reward.disableProperty().bind(pointsMode);
        Forms.row(grid, 3, i18n.get("program.reward"), reward);
        TextField perUnit = field("program-points-per-unit", model.pointsPerUnitProperty(), 80);
        perUnit.disableProperty().bind(pointsMode.not());
        Forms.row(grid, 4, i18n.get("program.pointsPerUnit"), perUnit);
        TextArea rewards = new TextArea();
        rewards.setId("program-point-rewards");
        rewards.textProperty().bindBidirectional(model.pointRewardsProperty());
        rewards.setPrefRowCount(3);
        rewards.setPromptText(i18n.get("program.pointRewards.prompt"));
        rewards.disableProperty().bind(pointsMode.not());
        Forms.row(grid, 5, i18n.get("program.pointRewards"), rewards);
        TextField stampValue = field("program-stamp-value", model.stampValueProperty(), 100);
        TextField pointValue = field("program-point-value", model.pointValueProperty(), 100);
        Label perPoint = new Label(i18n.get("program.pointValue"));
        perPoint.setMinWidth(Region.USE_PREF_SIZE);
        HBox values = new HBox(10, stampValue, perPoint, pointValue);
        values.setAlignment(Pos.CENTER_LEFT);
        Forms.row(grid, 6, i18n.get("program.stampValue"), values);
        return grid;
    }

    private Node offers() {
        ComboBox<ExpiryKind> kind = new ComboBox<>();
        kind.setId("program-expiry-kind");
        kind.getItems().setAll(ExpiryKind.values());
        kind.valueProperty().bindBidirectional(model.expiryKindProperty());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ExpiryKind k) {
                return k == null ? "" : i18n.get(switch (k) {
                    case NONE -> "program.expiry.none";
                    case INACTIVITY -> "program.expiry.inactivity";
                    case AGE -> "program.expiry.age";
                });
            }

            @Override
            public ExpiryKind fromString(String s) {
                return null;
            }
        });
        TextField days = field("program-expiry-days", model.expiryDaysProperty(), 80);
        days.disableProperty().bind(model.expiryKindProperty().isEqualTo(ExpiryKind.NONE));
        Label daysLabel = new Label(i18n.get("program.days"));
        HBox expiry = new HBox(10, kind, days, daysLabel);
        expiry.setAlignment(Pos.CENTER_LEFT);

        CheckBox couponOn = new CheckBox(i18n.get("program.coupon.on"));
        couponOn.setId("program-coupon-on");
        couponOn.selectedProperty().bindBidirectional(model.couponOnProperty());
        TextField percent = field("program-coupon-percent", model.couponPercentProperty(), 70);
        Label percentLabel = new Label(i18n.get("program.coupon.percent"));
        percentLabel.setMinWidth(Region.USE_PREF_SIZE);
        TextField text = field("program-coupon-text", model.couponTextProperty(), 0);
        text.setPromptText(i18n.get("program.coupon.text.prompt"));
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox couponWhat = new HBox(10, percent, percentLabel, text);
        couponWhat.setAlignment(Pos.CENTER_LEFT);
        couponWhat.disableProperty().bind(model.couponOnProperty().not());
        TextField couponDays = field("program-coupon-days", model.couponDaysProperty(), 70);
        Label couponDaysLabel = new Label(i18n.get("program.coupon.days"));
        HBox couponWhen = new HBox(10, couponDays, couponDaysLabel);
        couponWhen.setAlignment(Pos.CENTER_LEFT);
        couponWhen.disableProperty().bind(model.couponOnProperty().not());

        CheckBox birthdayOn = new CheckBox(i18n.get("program.birthday.on"));
        birthdayOn.setId("program-birthday-on");
        birthdayOn.selectedProperty().bindBidirectional(model.birthdayOnProperty());
        TextField birthday = field("program-birthday-reward", model.birthdayRewardProperty(), 0);
        birthday.disableProperty().bind(model.birthdayOnProperty().not());
        Label birthdayNote = new Label(i18n.get("program.birthday.note"));
        birthdayNote.setWrapText(true);
        birthdayNote.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        GridPane grid = Forms.grid();
        Forms.row(grid, 0, i18n.get("program.expiry"), expiry);
        Forms.row(grid, 1, "", couponOn);
        Forms.row(grid, 2, i18n.get("program.coupon"), couponWhat);
        Forms.row(grid, 3, "", couponWhen);
        Forms.row(grid, 4, "", birthdayOn);
        Forms.row(grid, 5, i18n.get("program.birthday"), birthday);
        Forms.row(grid, 6, "", birthdayNote);
        return grid;
    }

    private Node tiers() {
        GridPane grid = Forms.grid();
        Label window = new Label(i18n.get("program.tierWindow.days"));
        HBox windowRow = new HBox(10, field("program-tier-window", model.tierWindowProperty(), 80), window);
        windowRow.setAlignment(Pos.CENTER_LEFT);
        Forms.row(grid, 0, i18n.get("program.tierWindow"), windowRow);
        Forms.row(grid, 1, i18n.get("program.regularVisits"), field("program-regular-visits", model.regularVisitsProperty(), 80));
        Forms.row(grid, 2, i18n.get("program.loyalVisits"), field("program-loyal-visits", model.loyalVisitsProperty(), 80));
        Label multipliers = new Label(i18n.get("program.tierMultipliers"));
        multipliers.getStyleClass().add(Styles.TITLE_4);
        grid.add(multipliers, 0, 3, 2, 1);
        Forms.row(grid, 4, i18n.get("program.tier.new"), field("program-new-multiplier", model.newMultiplierProperty(), 80));
        Forms.row(grid, 5, i18n.get("program.tier.regular"),
                field("program-regular-multiplier", model.regularMultiplierProperty(), 80));
        Forms.row(grid, 6, i18n.get("program.tier.loyal"), field("program-loyal-multiplier", model.loyalMultiplierProperty(), 80));
        Label hint = new Label(i18n.get("program.tierMultipliers.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        grid.add(hint, 0, 7, 2, 1);
        return grid;
    }

    private Node groups() {
        ListView<Group> list = new ListView<>(model.groups());
        list.setId("program-groups");
        list.setPrefHeight(200);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Group g, boolean empty) {
                super.updateItem(g, empty);
                setText(empty || g == null ? null
                        : i18n.plural("program.group.row", g.members(), g.name(), model.multiplier(g.multiplierPermille())));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, g) -> {
            if (g != null) {
                model.selectedGroupProperty().set(g);
            }
        });
        model.selectedGroupProperty().addListener((obs, old, g) -> {
            if (g == null) {
                list.getSelectionModel().clearSelection();
            }
        });
        list.setPlaceholder(new Label(i18n.get("program.groups.none")));
        GridPane grid = Forms.grid();
        Forms.row(grid, 0, i18n.get("program.group.name"), field("program-group-name", model.groupNameProperty(), 0));
        Forms.row(grid, 1, i18n.get("program.group.multiplier"),
                field("program-group-multiplier", model.groupMultiplierProperty(), 80));
        Button add = new Button(i18n.get("program.group.new"), new FontIcon(Feather.PLUS));
        add.setId("program-group-new");
        add.setOnAction(e -> model.newGroup());
        Button save = new Button(i18n.get("program.group.save"), new FontIcon(Feather.CHECK));
        save.setId("program-group-save");
        save.setOnAction(e -> model.saveGroup());
        save.disableProperty().bind(model.busyProperty());
        HBox buttons = new HBox(10, add, save);
        Label hint = new Label(i18n.get("program.groups.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return new VBox(12, list, grid, buttons, hint);
    }

    private Node overview() {
        Label liabilityTitle = new Label(i18n.get("program.liability.title"));
        liabilityTitle.getStyleClass().add(Styles.TITLE_4);
        Label liability = new Label();
        liability.setId("program-liability");
        liability.setWrapText(true);
        liability.textProperty().bind(model.liabilityTextProperty());
        Label historyTitle = new Label(i18n.get("program.history.title"));
        historyTitle.getStyleClass().add(Styles.TITLE_4);
        ListView<String> history = new ListView<>(model.history());
        history.setId("program-history");
        history.setPrefHeight(220);
        history.setPlaceholder(new Label(i18n.get("program.history.none")));
        return new VBox(10, liabilityTitle, liability, historyTitle, history);
    }

    /** The expiry preview: what the new rule would take, and the owner's yes or no. */
    private Node previewDialog() {
        Label heading = new Label(i18n.get("program.preview.title"), new FontIcon(Feather.ALERT_TRIANGLE));
        heading.getStyleClass().add(Styles.TITLE_3);
        heading.setWrapText(true);
        Label text = new Label();
        text.setId("expiry-preview-text");
        text.setWrapText(true);
        text.getStyleClass().add("preview-figures");
        text.textProperty().bind(model.previewTextProperty());
        Label question = new Label(i18n.get("program.preview.question"));
        question.setWrapText(true);
        Button confirm = new Button(i18n.get("program.preview.confirm"));
        confirm.setId("expiry-confirm");
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.setOnAction(e -> model.confirmSave());
        Button cancel = new Button(i18n.get("program.preview.cancel"));
        cancel.setId("expiry-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> model.cancelSave());
        HBox buttons = new HBox(10, confirm, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(14, heading, text, question, buttons);
        box.getStyleClass().add("preview-dialog");
        box.setMaxSize(520, Region.USE_PREF_SIZE);
        StackPane veil = new StackPane(box);
        veil.setId("expiry-preview");
        veil.getStyleClass().add("preview-veil");
        veil.visibleProperty().bind(model.previewProperty().isNotNull());
        veil.managedProperty().bind(veil.visibleProperty());
        return veil;
    }

    private static TextField field(String id, StringProperty value, double width) {
        TextField f = Forms.text(id, value);
        if (width > 0) {
            f.setPrefColumnCount(0);
            f.setPrefWidth(width);
            f.setMaxWidth(width);
        }
        return f;
    }

    private Tab tab(String id, String key, Feather icon, Node content) {
        return Forms.tab(id, i18n.get(key), icon, content);
    }

}
