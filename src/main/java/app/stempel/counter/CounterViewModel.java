package app.stempel.counter;

import app.stempel.program.ProgramRules.PointReward;
import app.stempel.program.Tier;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import app.stempel.cards.CardFace;
import app.stempel.cards.CardHandout;
import app.stempel.cards.CardNumbers;
import app.stempel.cards.CardOutput;
import app.stempel.core.Actor;
import app.stempel.core.Money;
import app.stempel.ledger.LedgerService;
import app.stempel.counter.CounterService.ActionResult;
import app.stempel.counter.CounterService.MemberPanel;
import app.stempel.search.MemberSearch.MemberRow;
import app.stempel.counter.CounterService.ScanResult;
import app.stempel.search.MemberSearch.SearchCursor;
import app.stempel.survey.SurveyService;
import app.stempel.survey.SurveyViewModel;
import app.stempel.ui.I18n;
import app.stempel.ui.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.LoggerFactory;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.time.format.FormatStyle;
import java.time.format.DateTimeFormatter;
import java.time.Duration;

/**
 * The counter's state and commands. The search box drives everything: typing searches as you go,
 * Enter after digits looks up a card, Enter after a name picks the chosen result. Every database call
 * runs through the {@link TaskRunner}; answers that arrive after a newer request are dropped.
 */
public final class CounterViewModel {

    /** How a message should look. */
    public enum Tone { INFO, SUCCESS, WARNING, DANGER }

    /** Results per page of the type-ahead list. */
    public static final int PAGE = 25;

    private final CounterService counter;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Clock clock;
    private final Supplier<Actor> actor;
    private final CardHandout handout;

    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty amount = new SimpleStringProperty("");
    private final ObservableList<MemberRow> results = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<MemberPanel> member = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(Tone.INFO);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper moreResults = new ReadOnlyBooleanWrapper(false);

    private final ObservableList<RewardChoice> rewardChoices = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper chosenReward = new ReadOnlyIntegerWrapper(-1);

    private final EnrolViewModel enrol;
    private final SurveyViewModel survey;
    private final ReadOnlyBooleanWrapper enrolOpen = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper onCounter = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper repeatPending = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper enrolled = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<Landed> landed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper displayOpen = new ReadOnlyBooleanWrapper(false);
    private CustomerDisplayModel display;
    private DisplayMemory displayMemory = open -> { };

    private long searchGeneration;
    private long actionGeneration;
    /** The generation of the scan or choice whose member is still being read, or 0. */
    private long lookingUp;
    private SearchCursor nextPage;
    private boolean suppressSearch;
    /** The member who was stamped moments ago and whose next stamp the cashier has been asked to confirm, or -1. */
    private long repeatAsked = -1;
    /** Lookups and actions under way. */
    private int running;

    /** @param survey the quick survey, offered after a stamp when it is due */
    public CounterViewModel(CounterService counter, SurveyService survey, TaskRunner tasks, I18n i18n, Clock clock,
            Supplier<Actor> actor, CardHandout handout) {
        this.counter = Objects.requireNonNull(counter);
        this.handout = Objects.requireNonNull(handout);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.clock = Objects.requireNonNull(clock);
        this.actor = Objects.requireNonNull(actor);
        this.enrol = new EnrolViewModel(counter, tasks, i18n, clock, actor);
        this.survey = new SurveyViewModel(survey, tasks, i18n, actor, text -> say(Tone.DANGER, text));
        query.addListener((obs, old, now) -> {
            if (!suppressSearch) {
                int score = surveyScore(now);
                this.survey.typed(score);
                if (score >= 0) {
                    search(""); // the member's answer being typed, not a search
                    return;
                }
                if (now != null && !now.isBlank() && tone.get() != Tone.INFO) {
                    say(Tone.INFO, "");
                }
                if (now != null && !now.isBlank()) {
                    this.survey.dismiss(); // a search or the next scan replaces the survey's offer
                    forgetRepeat(); // and the second stamp it asked about
                }
                search(now);
            }
        });
        member.addListener((obs, old, now) -> {
            if (now == null || old == null || now.memberId() != old.memberId()) {
                cancelReward();
                this.survey.dismiss();
                forgetRepeat();
            }
            updateOnCounter();
        });
        query.addListener((obs, old, now) -> updateOnCounter());
        this.survey.stageProperty().addListener((obs, old, now) -> updateOnCounter());
        say(Tone.INFO, i18n.get("counter.ready"));
    }

    // --- properties

    /**
     * One reward the member can take now: a full stamp card's ({@code points} null, {@code description} its
     * reward) or one bought with points.
     */
    public record RewardChoice(String description, PointReward points) {
        public boolean stampCard() {
            return points == null;
        }
    }

    /** What is in the search box. */
    public StringProperty queryProperty() {
        return query;
    }

    /** The purchase amount typed before stamping, in the shop's currency; empty for none. */
    public StringProperty amountProperty() {
        return amount;
    }

    public ObservableList<MemberRow> results() {
        return results;
    }

    /** The member on the panel, or null. */
    public ReadOnlyObjectProperty<MemberPanel> memberProperty() {
        return member.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return tone.getReadOnlyProperty();
    }

    /** A lookup or an action is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty moreResultsProperty() {
        return moreResults.getReadOnlyProperty();
    }

    /**
     * Points mode, after the redeem key: the rewards the member can afford, to choose one; empty when no
     * choice is open.
     */
    public ObservableList<RewardChoice> rewardChoices() {
        return rewardChoices;
    }

    /** The highlighted reward of {@link #rewardChoices()}, -1 for none. */
    public ReadOnlyIntegerProperty chosenRewardProperty() {
        return chosenReward.getReadOnlyProperty();
    }

    /**
     * The member on the panel is the one the counter's keys act on: nothing typed in the search box since
     * they were chosen, and no other lookup under way. False while the search box holds a new search: the
     * panel is dimmed and stamp, redeem and undo do nothing until a member is chosen again.
     */
    public ReadOnlyBooleanProperty onCounterProperty() {
        return onCounter.getReadOnlyProperty();
    }

    /** The member was stamped moments ago and the stamp key was pressed again: a second press stamps once more. */
    public ReadOnlyBooleanProperty repeatPendingProperty() {
        return repeatPending.getReadOnlyProperty();
    }

    /**
     * A stamp that landed: {@code added} stamps (or points) for the member; {@code seq} tells two equal
     * stamps apart.
     */
    public record Landed(long memberId, int added, long seq) {
    }

    /** The last stamp that landed on a member's card, for the customer display's "+1". */
    public ReadOnlyObjectProperty<Landed> landedProperty() {
        return landed.getReadOnlyProperty();
    }

    /** Where this till remembers whether its customer display is open. */
    @FunctionalInterface
    public interface DisplayMemory {
        /** Stores the choice; called in the background. */
        void remember(boolean open) throws Exception;
    }

    /**
     * This till's customer display: a second window for the customer, opened from the counter and
     * remembered per till.
     *
     * @param openNow it was open when this till last closed
     */
    public void rememberDisplay(boolean openNow, DisplayMemory memory) {
        displayMemory = Objects.requireNonNull(memory);
        if (openNow) {
            setDisplayOpen(true, false);
        }
    }

    /** The customer display should be showing. */
    public ReadOnlyBooleanProperty displayOpenProperty() {
        return displayOpen.getReadOnlyProperty();
    }

    /** What the customer display shows; its shop name and logo are read from the card design when it opens. */
    public CustomerDisplayModel customerDisplay() {
        if (display == null) {
            display = new CustomerDisplayModel(this);
        }
        return display;
    }

    /** The counter's display button: opens the customer display, or closes it. */
    public void toggleDisplay() {
        setDisplayOpen(!displayOpen.get(), true);
    }

    /** The person closed the display's window themselves. */
    public void displayClosed() {
        setDisplayOpen(false, true);
    }

    private void setDisplayOpen(boolean open, boolean remember) {
        if (open == displayOpen.get()) {
            return;
        }
        if (open) {
            CustomerDisplayModel model = customerDisplay();
            tasks.run(() -> handout.design().get(), model::show, e -> LoggerFactory
                    .getLogger(CounterViewModel.class).warn("The customer display shows no shop name: its design could not be read", e));
        }
        displayOpen.set(open);
        if (remember) {
            tasks.run(() -> {
                displayMemory.remember(open);
                return open;
            }, done -> { }, e -> LoggerFactory.getLogger(CounterViewModel.class)
                    .warn("Could not remember whether the customer display is open", e));
        }
    }

    /** Members enrolled at this counter since it opened: the shop's member count changes with it. */
    public ReadOnlyIntegerProperty enrolledProperty() {
        return enrolled.getReadOnlyProperty();
    }

    /** The enrolment form's own model. */
    public EnrolViewModel enrol() {
        return enrol;
    }

    /** The quick survey's offer for the member on the panel. */
    public SurveyViewModel survey() {
        return survey;
    }

    /** The enrolment form is showing. */
    public ReadOnlyBooleanProperty enrolOpenProperty() {
        return enrolOpen.getReadOnlyProperty();
    }

    // --- commands

    /** Opens the enrolment form, starting from the name typed in the search box if it is one. */
    public void openEnrol() {
        String typed = query.get().strip();
        boolean looksLikeName = !typed.isEmpty() && typed.chars().noneMatch(Character::isDigit) && !typed.contains("@");
        enrol.reset(looksLikeName ? typed : "");
        clearQuery();
        say(Tone.INFO, "");
        enrolOpen.set(true);
    }

    public void closeEnrol() {
        enrolOpen.set(false);
    }

    /** Saves the form; the new member then stands on the panel. */
    public void saveEnrol() {
        enrol.save(panel -> {
            enrolOpen.set(false);
            member.set(panel);
            enrolled.set(enrolled.get() + 1);
            say(Tone.SUCCESS, i18n.get("enrol.done", panel.name(), panel.cardNumber()));
        });
    }

    /** Saves the card on the panel, in the shop's design, as a PNG for sending by phone. */
    public void saveCardImage(Path file) {
        withCard(face -> run(() -> {
            new CardOutput(handout.design().get()).png(face, file);
            return file;
        }, f -> say(Tone.SUCCESS, i18n.get("counter.cardImage.saved", f.getFileName().toString()))));
    }

    /** Saves the card on the panel as a card-sized PDF page, to print elsewhere. */
    public void saveCardPdf(Path file) {
        withCard(face -> run(() -> {
            new CardOutput(handout.design().get()).pdf(List.of(face), false, file, done -> { });
            return file;
        }, f -> say(Tone.SUCCESS, i18n.get("counter.cardPdf.saved", f.getFileName().toString()))));
    }

    /**
     * Prints the card on the panel through the system print dialog, for example right after enrolment.
     *
     * @return false if this computer has no printer (the person is told, and can save a PDF instead)
     */
    public boolean printCard() {
        if (!handout.printer().available()) {
            say(Tone.WARNING, i18n.get("counter.noPrinter"));
            return false;
        }
        withCard(face -> handout.printer().begin(i18n.get("counter.printCard.job", face.number()), false)
                .ifPresent(job -> run(() -> {
                    new CardOutput(handout.design().get()).print(List.of(face), job, done -> { });
                    return face;
                }, f -> say(Tone.SUCCESS, i18n.get("counter.printCard.done", f.number())))));
        return true;
    }

    private void withCard(Consumer<CardFace> action) {
        MemberPanel m = actedOn();
        if (m != null && m.cardNumber() != null) {
            action.accept(new CardFace(m.cardNumber(), m.name()));
        }
    }

    /**
     * Enter in the search box. {@code scanned} says the text arrived as a scanner burst.
     *
     * @param chosen the highlighted result, or null
     */
    public void submit(boolean scanned, MemberRow chosen) {
        String text = query.get().strip();
        if (text.isEmpty()) {
            return;
        }
        boolean digits = text.chars().allMatch(Character::isDigit) && text.chars().allMatch(c -> c < 128);
        int score = scanned ? -1 : surveyScore(text);
        if (score >= 0) {
            clearQuery();
            survey.answer(score);
        } else if (digits || scanned) {
            scan(text);
        } else if (chosen != null) {
            choose(chosen);
        } else if (results.size() == 1) {
            choose(results.get(0));
        } else if (results.isEmpty()) {
            say(Tone.WARNING, i18n.get("counter.noMatch", text));
        }
    }

    /**
     * Enter right after a scanner's burst of keys. The card is the burst, so a scan over a name half typed
     * finds the card; but when the search box holds digits alone, all of them, since a scan the computer
     * slowed down arrives in pieces. A burst that is a whole Stempel card number always wins.
     */
    public void scanned(String burst) {
        String typed = query.get() == null ? "" : query.get().strip();
        boolean digitsOnly = !typed.isEmpty() && typed.chars().allMatch(c -> c >= '0' && c <= '9');
        scan(CardNumbers.isValid(burst) || !digitsOnly ? burst : typed);
    }

    /** A scanned or typed card number, from the search box or from another screen. */
    public void scan(String number) {
        clearQuery();
        lookUp(() -> counter.lookupCard(number), this::showScan);
    }

    /** Shows the chosen search result on the panel. */
    public void choose(MemberRow row) {
        clearQuery();
        lookUp(() -> counter.panel(row.id()), panel -> {
            member.set(panel);
            say(Tone.INFO, "");
        });
    }

    /**
     * Stamps the member on the panel, with the typed amount if any. A member stamped within the owner's
     * repeat window (an accidental second press, or really a second purchase) is stamped again only on a
     * second press of the key.
     */
    public void stamp() {
        MemberPanel m = actedOn();
        if (m == null) {
            return;
        }
        Money spent;
        try {
            spent = m.currency() == null ? null : parseAmount(amount.get(), m.currency());
        } catch (IllegalArgumentException e) {
            say(Tone.DANGER, i18n.get("counter.amount.invalid", amount.get().strip()));
            return;
        }
        Actor who = actor.get();
        boolean confirmed = repeatAsked == m.memberId();
        forgetRepeat();
        act(() -> confirmed ? counter.stamp(m.memberId(), spent, who) : counter.stampOrAsk(m.memberId(), spent, who),
                result -> {
                    amount.set("");
                    MemberPanel after = result.member();
                    int added = after.pointsMode() ? after.points() - m.points() : after.stamps() - m.stamps();
                    landed.set(new Landed(after.memberId(), added, landed.get() == null ? 1 : landed.get().seq() + 1));
                    survey.offerIfDue(after.memberId());
                    say(Tone.SUCCESS, stampedText(m, result.member()));
                });
    }

    /** "1 stamp added for Ola Nordmann · 2nd visit today · now 1 reward ready · 2/10". */
    private String stampedText(MemberPanel before, MemberPanel after) {
        String added = after.pointsMode()
                ? i18n.plural("counter.pointsAdded", after.points() - before.points(), after.name())
                : i18n.plural("counter.stamped", after.stamps() - before.stamps(), after.name());
        String today = after.visitsToday() > 1 ? " · " + i18n.get("counter.visitToday", after.visitsToday()) : "";
        return added + today + " · " + i18n.get("counter.now", cardText(after));
    }

    /** The member was stamped moments ago: ask before stamping again. */
    private void askRepeat(MemberPanel m) {
        repeatAsked = m.memberId();
        repeatPending.set(true);
        long minutes = m.lastVisit() == null ? 0
                : Duration.between(m.lastVisit().toInstant(), clock.instant()).toMinutes();
        say(Tone.WARNING, minutes < 1 ? i18n.get("counter.repeat.askNow", m.name())
                : i18n.plural("counter.repeat.ask", minutes, m.name()));
    }

    private void forgetRepeat() {
        repeatAsked = -1;
        repeatPending.set(false);
    }

    /**
     * Redeems one reward for the member on the panel: a full stamp card's at once. Where there is more to
     * choose from (points mode, or points and stamps left from before the program changed mode) it opens
     * the choice ({@link #rewardChoices()}); {@link #confirmReward()} then redeems one.
     */
    public void redeem() {
        MemberPanel m = actedOn();
        if (m == null) {
            return;
        }
        List<RewardChoice> choices = new ArrayList<>();
        if (m.rewardsReady() > 0) {
            choices.add(new RewardChoice(m.rewardDescription(), null));
        }
        m.affordable().forEach(p -> choices.add(new RewardChoice(p.description(), p)));
        if (choices.isEmpty()) {
            say(Tone.WARNING, i18n.get(m.pointsMode() ? "counter.refused.notEnoughPoints" : "counter.refused.notEnough"));
        } else if (choices.size() == 1 && choices.get(0).stampCard() && !m.pointsMode()) {
            redeem(m, choices.get(0));
        } else {
            rewardChoices.setAll(choices);
            chosenReward.set(0);
            say(Tone.INFO, i18n.get("counter.chooseReward"));
        }
    }

    private void redeem(MemberPanel m, RewardChoice choice) {
        Actor who = actor.get();
        if (choice.stampCard()) {
            act(() -> counter.redeem(m.memberId(), who),
                    result -> say(Tone.SUCCESS, i18n.get("counter.redeemed", choice.description())));
        } else {
            PointReward reward = choice.points();
            act(() -> counter.redeemPoints(m.memberId(), reward, who), result -> say(Tone.SUCCESS,
                    i18n.plural("counter.pointsRedeemed", reward.points(), reward.description())));
        }
    }

    /** Moves the highlight in the reward choice by {@code step}. */
    public void moveReward(int step) {
        if (!rewardChoices.isEmpty()) {
            chosenReward.set(Math.max(0, Math.min(rewardChoices.size() - 1, chosenReward.get() + step)));
        }
    }

    /** Highlights and redeems the reward numbered {@code number} (1 for the first), as a digit key does. */
    public void pickReward(int number) {
        if (number >= 1 && number <= rewardChoices.size()) {
            chosenReward.set(number - 1);
            confirmReward();
        }
    }

    /** Redeems the highlighted reward. */
    public void confirmReward() {
        MemberPanel m = actedOn();
        int i = chosenReward.get();
        if (m == null || i < 0 || i >= rewardChoices.size()) {
            return;
        }
        RewardChoice choice = rewardChoices.get(i);
        cancelReward();
        redeem(m, choice);
    }

    /** Closes the reward choice without redeeming. */
    public void cancelReward() {
        rewardChoices.clear();
        chosenReward.set(-1);
    }

    /** The come-back coupon key (F7): uses the member's valid coupon, once. */
    public void redeemCoupon() {
        MemberPanel m = actedOn();
        if (m == null) {
            return;
        }
        String what = m.coupon() == null ? "" : couponText(m.coupon());
        Actor who = actor.get();
        act(() -> counter.redeemCoupon(m.memberId(), who),
                result -> say(Tone.SUCCESS, i18n.get("counter.couponRedeemed", what)));
    }

    /** The birthday key (F8): gives the member's birthday reward, once a year. */
    public void redeemBirthday() {
        MemberPanel m = actedOn();
        if (m == null) {
            return;
        }
        String what = m.birthdayReward() == null ? "" : m.birthdayReward();
        Actor who = actor.get();
        act(() -> counter.redeemBirthday(m.memberId(), who),
                result -> say(Tone.SUCCESS, i18n.get("counter.birthdayRedeemed", what)));
    }

    /** "10 % off" or the coupon's own text. */
    public String couponText(CounterService.ComebackCoupon c) {
        return c.text() != null && !c.text().isBlank() ? c.text() : i18n.get("counter.coupon.percent", c.percent());
    }

    /** The panel's coupon line: what it gives, until when, and its key. */
    public String couponLine(CounterService.ComebackCoupon c) {
        return i18n.get("counter.coupon", couponText(c),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT)
                        .withLocale(i18n.language().locale()).format(c.until()));
    }

    /** Undoes the last action on the member on the panel, within the grace period. */
    public void undo() {
        MemberPanel m = actedOn();
        if (m == null) {
            return;
        }
        Actor who = actor.get();
        act(() -> counter.undo(m.memberId(), who), result -> say(Tone.SUCCESS,
                i18n.get("counter.undone", undoableText(result.undone()), m.name())));
    }

    /** What the undo key would cancel, and who did it when: "3 paper-card stamps (Anna, 12:03)". */
    public String undoableText(LedgerService.Undoable u) {
        String when = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(i18n.language().locale()).format(u.at().atZoneSameInstant(clock.getZone()));
        return i18n.get(u.cashier() == null ? "counter.undoable.at" : "counter.undoable.by", undoneWhat(u), when,
                u.cashier());
    }

    private String undoneWhat(LedgerService.Undoable u) {
        return switch (u.kind()) {
            case STAMP -> u.stamps() > 0 ? i18n.plural("counter.undoable.stamps", u.stamps())
                    : i18n.get("counter.undoable.visit");
            case POINTS -> u.points() > 0 ? i18n.plural("counter.undoable.points", u.points())
                    : i18n.get("counter.undoable.visit");
            case PAPER_STAMPS -> i18n.plural("counter.undoable.paper", u.stamps());
            case REDEEM, POINTS_REDEEM -> i18n.get("counter.undoable.reward");
            case COUPON -> i18n.get("counter.undoable.coupon");
            case BIRTHDAY -> i18n.get("counter.undoable.birthday");
            default -> u.kind().name();
        };
    }

    /** The Esc key: skips the survey if it is being offered, otherwise {@link #clear() clears}. */
    public void escape() {
        if (repeatPending.get()) {
            forgetRepeat();
            say(Tone.INFO, i18n.get("counter.repeat.left"));
        } else if (survey.isAsking()) {
            survey.skip();
        } else {
            clear();
        }
    }

    /** Escape: clears the search, the amount and the panel. */
    public void clear() {
        cancelReward();
        forgetRepeat();
        lookingUp = 0;
        clearQuery();
        amount.set("");
        member.set(null);
        say(Tone.INFO, i18n.get("counter.ready"));
    }

    /** Loads the next page of results. */
    public void loadMore() {
        SearchCursor from = nextPage;
        if (from == null) {
            return;
        }
        String text = query.get();
        long gen = searchGeneration;
        run(() -> counter.search(text, from, PAGE), page -> {
            if (gen == searchGeneration) {
                Set<Long> shown = new HashSet<>();
                results.forEach(r -> shown.add(r.id()));
                page.rows().stream().filter(r -> shown.add(r.id())).forEach(results::add);
                nextPage = page.next();
                moreResults.set(nextPage != null);
            }
        });
    }

    // --- texts for the panel

    /** "Last visit 12 days ago", in the person's language. */
    public String lastVisitText(MemberPanel m) {
        if (m.lastVisit() == null) {
            return i18n.get("counter.lastVisit.never");
        }
        LocalDate today = LocalDate.now(clock);
        long days = ChronoUnit.DAYS.between(m.lastVisit().atZoneSameInstant(clock.getZone()).toLocalDate(), today);
        if (days <= 0) {
            return i18n.get("counter.lastVisit.today");
        }
        if (days == 1) {
            return i18n.get("counter.lastVisit.yesterday");
        }
        return i18n.plural("counter.lastVisit.daysAgo", days);
    }

    public String visitsText(MemberPanel m) {
        return i18n.plural("counter.visits", m.visits());
    }

    public String tierText(Tier tier) {
        return switch (tier) {
            case NEW -> i18n.get("counter.tier.new");
            case REGULAR -> i18n.get("counter.tier.regular");
            case LOYAL -> i18n.get("counter.tier.loyal");
        };
    }

    /** "1 reward ready: Free coffee", or how many stamps are still missing. */
    public String rewardsText(MemberPanel m) {
        if (m.pointsMode()) {
            return m.affordable().isEmpty() ? i18n.get("counter.notEnoughPointsYet")
                    : i18n.plural("counter.points.rewards", m.affordable().size());
        }
        if (m.rewardsReady() > 0) {
            return i18n.plural("counter.rewardsReady", m.rewardsReady(), m.rewardDescription());
        }
        return i18n.plural("counter.rewardsNext", m.stampsForReward() - stampsOnCard(m), m.rewardDescription());
    }

    /**
     * What the member holds from before the program changed mode, or null: stamps on an earlier stamp card
     * in points mode, points from an earlier points program in stamps mode.
     */
    public String leftoverText(MemberPanel m) {
        if (m.pointsMode() && m.stamps() > 0) {
            return m.rewardsReady() > 0
                    ? i18n.plural("counter.leftover.cardReady", m.rewardsReady(), m.rewardDescription())
                    : i18n.get("counter.leftover.card", stampsOnCard(m), m.stampsForReward(), m.rewardDescription());
        }
        if (!m.pointsMode() && m.points() > 0) {
            String points = i18n.plural("counter.leftover.points", m.points());
            return m.affordable().isEmpty() ? points
                    : points + " · " + i18n.plural("counter.points.rewards", m.affordable().size());
        }
        return null;
    }

    /**
     * Stamps on the card being filled, for the stamp card: {@code 7} of 10 after 17 stamps, the full
     * card's reward being ready beside it.
     */
    public static int stampsOnCard(MemberPanel m) {
        return Math.max(0, m.stamps() - m.rewardsReady() * m.stampsForReward());
    }

    /** The card as the customer reads it: "7/10", "1 reward ready · 7/10", or "120 points". */
    public String cardText(MemberPanel m) {
        if (m.pointsMode()) {
            return i18n.plural("counter.points", m.points());
        }
        String card = i18n.get("counter.stampCount", stampsOnCard(m), m.stampsForReward());
        return m.rewardsReady() > 0 ? i18n.plural("counter.readyCount", m.rewardsReady()) + " · " + card : card;
    }

    // --- helpers

    /**
     * Parses a typed amount ("12,50", "12.50", "12") into minor units of {@code currency}.
     *
     * @return null for an empty amount
     * @throws IllegalArgumentException if it is not a non-negative number with at most the currency's decimals
     */
    public static Money parseAmount(String typed, Currency currency) {
        String text = typed == null ? "" : typed.strip().replace(" ", "").replace("\u00a0", "");
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("\\d{1,9}([.,]\\d{1,3})?")) {
            throw new IllegalArgumentException("not an amount: " + typed);
        }
        BigDecimal value = new BigDecimal(text.replace(',', '.'));
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        if (value.scale() > digits) {
            throw new IllegalArgumentException("too many decimals: " + typed);
        }
        return new Money(value.movePointRight(digits).longValueExact(), currency);
    }

    private void search(String text) {
        long gen = ++searchGeneration;
        String q = text == null ? "" : text.strip();
        boolean cardNumber = q.length() >= 12 && q.chars().allMatch(Character::isDigit);
        if (q.isEmpty() || cardNumber) {
            results.clear();
            nextPage = null;
            moreResults.set(false);
            return;
        }
        tasks.run(() -> counter.search(q, null, PAGE), page -> {
            if (gen == searchGeneration) {
                results.setAll(page.rows());
                nextPage = page.next();
                moreResults.set(nextPage != null);
                if (page.rows().isEmpty()) {
                    say(Tone.WARNING, i18n.get("counter.noMatch", q));
                } else if (tone.get() == Tone.WARNING) {
                    say(Tone.INFO, "");
                }
            }
        }, this::failed);
    }

    private void showScan(ScanResult result) {
        if (result.isFound()) {
            member.set(result.member());
            say(Tone.INFO, "");
            return;
        }
        member.set(null);
        String n = result.number();
        switch (result.problem()) {
            case UNKNOWN_CARD -> say(Tone.WARNING, i18n.get("counter.scan.unknown", n));
            case BLOCKED_CARD -> say(Tone.DANGER, i18n.get("counter.scan.blocked", n, blockedReason(result.blockedReason())));
            case WRONG_CHECK_DIGIT -> say(Tone.DANGER, i18n.get("counter.scan.checkDigit", n));
            case WRONG_LENGTH -> say(Tone.WARNING, i18n.get("counter.scan.length", n));
            case NOT_OUR_CARD -> say(Tone.WARNING, i18n.get("counter.scan.notOurs"));
            case DOUBLED -> say(Tone.WARNING, i18n.get("counter.scan.doubled"));
            case GARBLED -> say(Tone.DANGER, i18n.get("counter.scan.garbled"));
        }
    }

    private String blockedReason(String reason) {
        if (reason == null) {
            return i18n.get("counter.blocked.owner");
        }
        return switch (reason) {
            case "LOST" -> i18n.get("counter.blocked.lost");
            case "REISSUED" -> i18n.get("counter.blocked.reissued");
            case "MERGED" -> i18n.get("counter.blocked.merged");
            case "ERASED" -> i18n.get("counter.blocked.erased");
            default -> i18n.get("counter.blocked.owner");
        };
    }

    /**
     * Runs an action on the member on the panel. If the cashier moved on to another member meanwhile (a
     * scan, a choice, Esc), the answer still says what was done, naming the member, but the panel stays
     * with whoever is on it now.
     */
    private void act(Callable<ActionResult> work, Consumer<ActionResult> onDone) {
        long gen = actionGeneration;
        run(work, result -> {
            boolean current = gen == actionGeneration && lookingUp == 0 && member.get() != null
                    && member.get().memberId() == result.member().memberId();
            if (current) {
                member.set(result.member());
            }
            if (result.done()) {
                onDone.accept(result);
            } else if (result.refusal() == CounterService.Refusal.STAMPED_RECENTLY) {
                if (current) {
                    askRepeat(result.member());
                }
            } else {
                say(Tone.WARNING, refusal(result.refusal()));
            }
        });
    }

    /**
     * The member the counter's keys act on now, or null, having told the cashier why not: no member
     * chosen, or the search box holds a new search (the member shown was the last customer's).
     */
    private MemberPanel actedOn() {
        if (onCounter.get()) {
            return member.get();
        }
        if (lookingUp == 0) {
            say(Tone.WARNING, i18n.get(member.get() == null ? "counter.noMember" : "counter.chooseFirst"));
        }
        return null;
    }

    private void updateOnCounter() {
        String q = query.get();
        onCounter.set(member.get() != null && lookingUp == 0 && (q == null || q.isBlank() || surveyScore(q) >= 0));
    }

    /**
     * While the quick survey asks, a typed 0 to 10 is the member's answer (Enter gives it), not a search;
     * -1 for anything else or when the survey is not asking.
     */
    private int surveyScore(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (!survey.isAsking() || !t.matches("\\d{1,2}")) {
            return -1;
        }
        int n = Integer.parseInt(t);
        return n <= SurveyService.HIGHEST ? n : -1;
    }

    private void lookedUp() {
        lookingUp = 0;
        updateOnCounter();
    }

    private String refusal(CounterService.Refusal r) {
        return switch (r) {
            case NO_PROGRAM -> i18n.get("counter.refused.noProgram");
            case BLOCKED -> i18n.get("counter.refused.blocked");
            case NOT_ENOUGH_STAMPS -> i18n.get("counter.refused.notEnough");
            case NOTHING_TO_UNDO -> i18n.plural("counter.refused.nothingToUndo",
                    Math.max(1, counter.undoGrace().toMinutes()));
            case NO_COUPON -> i18n.get("counter.refused.noCoupon");
            case NO_BIRTHDAY -> i18n.get("counter.refused.noBirthday");
            case STAMPED_RECENTLY -> i18n.get("counter.repeat.left");
        };
    }

    private <T> void run(Callable<T> work, Consumer<T> onSuccess) {
        begin();
        tasks.run(work, r -> {
            end();
            onSuccess.accept(r);
        }, e -> {
            end();
            failed(e);
        });
    }

    /** A scan's or a choice's lookup: its failure, too, ends the lookup, so the keys work again after the next one. */
    private <T> void lookUp(Callable<T> work, Consumer<T> onSuccess) {
        long gen = ++actionGeneration;
        lookingUp = gen;
        forgetRepeat();
        updateOnCounter();
        begin();
        tasks.run(work, r -> {
            end();
            if (gen == actionGeneration) {
                lookedUp();
                onSuccess.accept(r);
            }
        }, e -> {
            end();
            if (gen == actionGeneration) {
                lookedUp();
            }
            failed(e);
        });
    }

    private void begin() {
        running++;
        busy.set(true);
    }

    private void end() {
        running--;
        busy.set(running > 0);
    }

    private void failed(Throwable e) {
        LoggerFactory.getLogger(CounterViewModel.class).error("Counter action failed", e);
        say(Tone.DANGER, i18n.failure(e, "error.unexpected"));
    }

    private void clearQuery() {
        suppressSearch = true;
        query.set("");
        suppressSearch = false;
        ++searchGeneration;
        results.clear();
        nextPage = null;
        moreResults.set(false);
    }

    private void say(Tone t, String text) {
        tone.set(t);
        message.set(text);
    }
}
