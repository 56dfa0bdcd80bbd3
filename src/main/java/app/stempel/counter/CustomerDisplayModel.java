package app.stempel.counter;

import java.util.Objects;

import app.stempel.counter.CounterService.MemberPanel;
import app.stempel.survey.SurveyViewModel;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import app.stempel.cards.CardDesign;

/**
 * What the customer display shows, read from the counter: the shop while nobody is at the counter; the
 * member's first name and card while the cashier has them chosen; a large "+1" when a stamp lands; and the
 * quick survey, which the customer answers on the display. It holds nothing a customer should not see:
 * no surname, contact data, note or other member.
 */
public final class CustomerDisplayModel {

    /** What the display shows. */
    public enum Stage {
        /** The shop's name and logo. */
        IDLE,
        /** The member's first name and card. */
        MEMBER,
        /** The quick survey, answered by the customer. */
        SURVEY,
        /** Thanks for an answer. */
        THANKS
    }

    /** The member's card as the customer sees it. */
    public record Card(String firstName, boolean pointsMode, int stampsOnCard, int stampsForReward, int rewardsReady,
            int points, String rewardDescription) {

        static Card of(MemberPanel m) {
            return new Card(CustomerDisplayModel.firstName(m.name()), m.pointsMode(), CounterViewModel.stampsOnCard(m), m.stampsForReward(),
                    m.pointsMode() ? 0 : m.rewardsReady(), m.points(), m.rewardDescription());
        }
    }

    private final CounterViewModel counter;
    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(Stage.IDLE);
    private final ReadOnlyObjectWrapper<Card> card = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper landed = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper added = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper shopName = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<byte[]> logo = new ReadOnlyObjectWrapper<>();

    public CustomerDisplayModel(CounterViewModel counter) {
        this.counter = Objects.requireNonNull(counter);
        counter.memberProperty().addListener((obs, old, now) -> update());
        counter.onCounterProperty().addListener((obs, old, now) -> update());
        counter.survey().stageProperty().addListener((obs, old, now) -> update());
        counter.landedProperty().addListener((obs, old, now) -> {
            if (now != null) {
                added.set(now.added());
                landed.set(landed.get() + 1);
            }
        });
        update();
    }

    /** What to show now. */
    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** The member's card while a member is at the counter; null while idle. */
    public ReadOnlyObjectProperty<Card> cardProperty() {
        return card.getReadOnlyProperty();
    }

    /** Counts up each time a stamp (or points) lands on the member's card: the moment to show "+1". */
    public ReadOnlyIntegerProperty landedProperty() {
        return landed.getReadOnlyProperty();
    }

    /** Stamps (or points) added by the last stamp that landed: the number in "+1". */
    public ReadOnlyIntegerProperty addedProperty() {
        return added.getReadOnlyProperty();
    }

    /** The shop's name, shown while idle. */
    public ReadOnlyStringProperty shopNameProperty() {
        return shopName.getReadOnlyProperty();
    }

    public void setShopName(String name) {
        shopName.set(name == null ? "" : name);
    }

    /** The shop's logo (PNG or JPEG bytes) from the card design, or null for none. */
    public ReadOnlyObjectProperty<byte[]> logoProperty() {
        return logo.getReadOnlyProperty();
    }

    /** Shows the shop as its cards do: its name and logo. */
    void show(CardDesign design) {
        setShopName(design.shopName());
        logo.set(design.logo());
    }

    /** The customer's answer to the quick survey, tapped on the display. */
    public void answer(int score) {
        counter.survey().answer(score);
    }

    /** The survey's own model: its stage, and the thanks shown long enough. */
    public SurveyViewModel survey() {
        return counter.survey();
    }

    private void update() {
        MemberPanel m = counter.memberProperty().get();
        boolean present = m != null && counter.onCounterProperty().get();
        card.set(present ? Card.of(m) : null);
        SurveyViewModel.Stage s = counter.survey().stageProperty().get();
        if (present && (s == SurveyViewModel.Stage.ASKING || s == SurveyViewModel.Stage.SAVING)) {
            stage.set(Stage.SURVEY);
        } else if (s == SurveyViewModel.Stage.THANKS) {
            stage.set(Stage.THANKS);
        } else {
            stage.set(present ? Stage.MEMBER : Stage.IDLE);
        }
    }

    /** The first word of a name: what the display calls the customer. */
    static String firstName(String name) {
        String n = name == null ? "" : name.strip();
        int space = n.indexOf(' ');
        return space < 0 ? n : n.substring(0, space);
    }
}
