package app.stempel.program;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.stempel.owner.OwnerOnlyException;
import app.stempel.program.ExpiryService.Preview;
import app.stempel.program.GroupService.Group;
import app.stempel.program.GroupService.GroupException;
import app.stempel.program.ProgramRules.Birthday;
import app.stempel.program.ProgramRules.Coupon;
import app.stempel.program.ProgramRules.Expiry;
import app.stempel.program.ProgramRules.ExpiryKind;
import app.stempel.program.ProgramRules.Mode;
import app.stempel.program.ProgramRules.PointReward;
import app.stempel.program.ProgramRules.Tiers;
import app.stempel.program.ProgramService.Liability;
import app.stempel.ui.I18n;
import app.stempel.ui.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.text.NumberFormat;
import java.text.DecimalFormatSymbols;

/**
 * The owner's program screen: every rule of the program as text the owner edits, checked here before
 * anything is saved; the version in force and the earlier ones; the reward liability; the member groups.
 * A save that changes the expiry rule first computes its preview and waits for {@link #confirmSave()}.
 * All database work runs through the {@link TaskRunner}.
 */
public final class ProgramViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ProgramViewModel.class);

    private final ProgramService programs;
    private final ExpiryService expiry;
    private final GroupService groupService;
    private final TaskRunner tasks;
    private final I18n i18n;

    // --- the rules, as typed
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.STAMPS);
    private final StringProperty stampsPerVisit = new SimpleStringProperty("1");
    private final StringProperty amountPerStamp = new SimpleStringProperty("");
    private final StringProperty stampsForReward = new SimpleStringProperty("10");
    private final StringProperty reward = new SimpleStringProperty("");
    private final StringProperty pointsPerUnit = new SimpleStringProperty("1");
    private final StringProperty pointRewards = new SimpleStringProperty("");
    private final ObjectProperty<ExpiryKind> expiryKind = new SimpleObjectProperty<>(ExpiryKind.NONE);
    private final StringProperty expiryDays = new SimpleStringProperty("");
    private final BooleanProperty couponOn = new SimpleBooleanProperty(false);
    private final StringProperty couponPercent = new SimpleStringProperty("");
    private final StringProperty couponText = new SimpleStringProperty("");
    private final StringProperty couponDays = new SimpleStringProperty("14");
    private final BooleanProperty birthdayOn = new SimpleBooleanProperty(false);
    private final StringProperty birthdayReward = new SimpleStringProperty("");
    private final StringProperty tierWindow = new SimpleStringProperty("180");
    private final StringProperty regularVisits = new SimpleStringProperty("3");
    private final StringProperty loyalVisits = new SimpleStringProperty("10");
    private final StringProperty newMultiplier = new SimpleStringProperty("1");
    private final StringProperty regularMultiplier = new SimpleStringProperty("1");
    private final StringProperty loyalMultiplier = new SimpleStringProperty("1");
    private final StringProperty stampValue = new SimpleStringProperty("");
    private final StringProperty pointValue = new SimpleStringProperty("");

    // --- what the screen shows
    private final ReadOnlyStringWrapper versionText = new ReadOnlyStringWrapper("");
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper liabilityText = new ReadOnlyStringWrapper("");
    private final ObservableList<Group> groups = FXCollections.observableArrayList();
    private final ObjectProperty<Group> selectedGroup = new SimpleObjectProperty<>();
    private final StringProperty groupName = new SimpleStringProperty("");
    private final StringProperty groupMultiplier = new SimpleStringProperty("1");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Preview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper previewText = new ReadOnlyStringWrapper("");

    private Program current;
    private ProgramRules pending;

    public ProgramViewModel(ProgramService programs, ExpiryService expiry, GroupService groups, TaskRunner tasks,
            I18n i18n) {
        this.programs = Objects.requireNonNull(programs);
        this.expiry = Objects.requireNonNull(expiry);
        this.groupService = Objects.requireNonNull(groups);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        selectedGroup.addListener((obs, old, g) -> {
            groupName.set(g == null ? "" : g.name());
            groupMultiplier.set(g == null ? "1" : multiplier(g.multiplierPermille()));
        });
    }

    // --- properties

    public ObjectProperty<Mode> modeProperty() { return mode; }
    public StringProperty stampsPerVisitProperty() { return stampsPerVisit; }
    /** One stamp per this amount (in the currency, "10" or "12,50"); empty for stamps per visit. */
    public StringProperty amountPerStampProperty() { return amountPerStamp; }
    public StringProperty stampsForRewardProperty() { return stampsForReward; }
    public StringProperty rewardProperty() { return reward; }
    public StringProperty pointsPerUnitProperty() { return pointsPerUnit; }
    /** Points mode rewards, one a line: "50 Coffee". */
    public StringProperty pointRewardsProperty() { return pointRewards; }
    public ObjectProperty<ExpiryKind> expiryKindProperty() { return expiryKind; }
    public StringProperty expiryDaysProperty() { return expiryDays; }
    public BooleanProperty couponOnProperty() { return couponOn; }
    public StringProperty couponPercentProperty() { return couponPercent; }
    public StringProperty couponTextProperty() { return couponText; }
    public StringProperty couponDaysProperty() { return couponDays; }
    public BooleanProperty birthdayOnProperty() { return birthdayOn; }
    public StringProperty birthdayRewardProperty() { return birthdayReward; }
    public StringProperty tierWindowProperty() { return tierWindow; }
    public StringProperty regularVisitsProperty() { return regularVisits; }
    public StringProperty loyalVisitsProperty() { return loyalVisits; }
    /** Multipliers as typed: "1", "1.5", "2". */
    public StringProperty newMultiplierProperty() { return newMultiplier; }
    public StringProperty regularMultiplierProperty() { return regularMultiplier; }
    public StringProperty loyalMultiplierProperty() { return loyalMultiplier; }
    /** Worth of one open stamp, in the currency. */
    public StringProperty stampValueProperty() { return stampValue; }
    public StringProperty pointValueProperty() { return pointValue; }

    /** "Version 3, in force since …". */
    public ReadOnlyStringProperty versionTextProperty() { return versionText.getReadOnlyProperty(); }
    /** Earlier versions, newest first, one line each. */
    public ObservableList<String> history() { return history; }
    public ReadOnlyStringProperty liabilityTextProperty() { return liabilityText.getReadOnlyProperty(); }
    public ObservableList<Group> groups() { return groups; }
    /** The group being edited; null to add a new one. */
    public ObjectProperty<Group> selectedGroupProperty() { return selectedGroup; }
    public StringProperty groupNameProperty() { return groupName; }
    public StringProperty groupMultiplierProperty() { return groupMultiplier; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** The effect of a new expiry rule, waiting for the owner's yes; null when no save waits. */
    public ReadOnlyObjectProperty<Preview> previewProperty() { return preview.getReadOnlyProperty(); }
    /** "312 members would lose 1,046 stamps." */
    public ReadOnlyStringProperty previewTextProperty() { return previewText.getReadOnlyProperty(); }

    // --- commands

    /** Reads the version in force, the history, the liability and the groups. */
    public void load() {
        run(() -> new Loaded(programs.current().orElse(null), programs.versions(), programs.liability().orElse(null),
                groupService.groups()), this::show, null);
    }

    private record Loaded(Program current, List<Program> versions, Liability liability, List<Group> groups) {
    }

    /**
     * Checks the rules as typed and saves them as a new version. A changed expiry rule is previewed
     * first: nothing is saved until {@link #confirmSave()}.
     */
    public void save() {
        if (current == null || busy.get()) {
            return;
        }
        ProgramRules rules;
        try {
            rules = rules();
        } catch (IllegalArgumentException e) {
            say(true, e.getMessage());
            return;
        }
        List<ProgramRules.Problem> problems = rules.problems();
        if (!problems.isEmpty()) {
            say(true, problem(problems.get(0)));
            return;
        }
        if (rules.equals(current.rules())) {
            say(false, i18n.get("program.unchanged"));
            return;
        }
        if (rules.expiry().on() && !rules.expiry().equals(current.rules().expiry())) {
            pending = rules;
            run(() -> expiry.preview(rules.expiry()), p -> {
                previewText.set(previewLine(p, rules.mode()));
                preview.set(p);
            }, () -> pending = null);
            return;
        }
        store(rules);
    }

    /** Saves the rules whose expiry preview is showing. */
    public void confirmSave() {
        ProgramRules rules = pending;
        cancelSave();
        if (rules != null) {
            store(rules);
        }
    }

    /** Drops the rules whose expiry preview is showing: nothing is written. */
    public void cancelSave() {
        pending = null;
        preview.set(null);
        previewText.set("");
    }

    /** Adds a group with the typed name and multiplier, or saves the selected one. */
    public void saveGroup() {
        Integer permille = permille(groupMultiplier.get());
        if (permille == null) {
            say(true, i18n.get("program.group.badMultiplier"));
            return;
        }
        String name = groupName.get();
        Group editing = selectedGroup.get();
        run(() -> editing == null ? groupService.add(name, permille) : groupService.update(editing.id(), name, permille),
                g -> {
                    say(false, i18n.get("program.group.saved", g.name()));
                    load();
                }, null);
    }

    /** Empties the group fields, for a new group. */
    public void newGroup() {
        selectedGroup.set(null);
        groupName.set("");
        groupMultiplier.set("1");
    }

    // --- helpers

    private void store(ProgramRules rules) {
        run(() -> programs.save(rules), p -> {
            say(false, i18n.get("program.saved", p.version()));
            load();
        }, null);
    }

    private void show(Loaded l) {
        current = l.current();
        groups.setAll(l.groups());
        history.setAll(l.versions().stream().filter(v -> v.validTo() != null).map(this::historyLine).toList());
        liabilityText.set(l.liability() == null ? "" : liabilityLine(l.liability()));
        if (current == null) {
            versionText.set(i18n.get("program.none"));
            return;
        }
        versionText.set(i18n.get("program.version", current.version(), when(current.validFrom())));
        fill(current.rules());
    }

    private void fill(ProgramRules r) {
        mode.set(r.mode());
        stampsPerVisit.set(String.valueOf(r.stampsPerVisit()));
        amountPerStamp.set(r.amountPerStamp() == null ? "" : money(r.amountPerStamp(), r));
        stampsForReward.set(String.valueOf(r.stampsForReward()));
        reward.set(r.rewardDescription());
        pointsPerUnit.set(String.valueOf(r.pointsPerUnit()));
        pointRewards.set(String.join("\n", r.pointRewards().stream().map(p -> p.points() + " " + p.description()).toList()));
        expiryKind.set(r.expiry().kind());
        expiryDays.set(r.expiry().on() ? String.valueOf(r.expiry().days()) : "");
        couponOn.set(r.coupon().on());
        couponPercent.set(r.coupon().percent() == null ? "" : String.valueOf(r.coupon().percent()));
        couponText.set(r.coupon().text() == null ? "" : r.coupon().text());
        couponDays.set(String.valueOf(r.coupon().days()));
        birthdayOn.set(r.birthday().on());
        birthdayReward.set(r.birthday().description() == null ? "" : r.birthday().description());
        Tiers t = r.tiers();
        tierWindow.set(String.valueOf(t.windowDays()));
        regularVisits.set(String.valueOf(t.regularVisits()));
        loyalVisits.set(String.valueOf(t.loyalVisits()));
        newMultiplier.set(multiplier(t.newPermille()));
        regularMultiplier.set(multiplier(t.regularPermille()));
        loyalMultiplier.set(multiplier(t.loyalPermille()));
        stampValue.set(money(r.stampValueMinor(), r));
        pointValue.set(money(r.pointValueMinor(), r));
    }

    /** The rules as typed; throws with the person's message when a field is not a number. */
    ProgramRules rules() {
        ProgramRules base = current.rules();
        int digits = Math.max(0, base.currency().getDefaultFractionDigits());
        String amountText = amountPerStamp.get() == null ? "" : amountPerStamp.get().strip();
        Long perAmount = amountText.isEmpty() ? null : amount(amountText, digits, "program.amountPerStamp");
        List<PointReward> rewards = new ArrayList<>();
        if (mode.get() == Mode.POINTS) {
            for (String line : pointRewards.get().split("\\R")) {
                String l = line.strip();
                if (l.isEmpty()) {
                    continue;
                }
                String[] parts = l.split("\\s+", 2);
                Integer cost = integerOrNull(parts[0]);
                if (cost == null || parts.length < 2) {
                    throw new IllegalArgumentException(i18n.get("program.problem.pointRewardLine", l));
                }
                rewards.add(new PointReward(cost, parts[1].strip()));
            }
        } else {
            rewards.addAll(base.pointRewards());
        }
        ExpiryKind kind = expiryKind.get() == null ? ExpiryKind.NONE : expiryKind.get();
        Expiry exp = kind == ExpiryKind.NONE ? Expiry.NONE : new Expiry(kind, integer(expiryDays.get(), "program.expiryDays"));
        String percentText = couponPercent.get() == null ? "" : couponPercent.get().strip();
        Coupon coupon = new Coupon(couponOn.get(), percentText.isEmpty() ? null : integer(percentText, "program.couponPercent"),
                blankToNull(couponText.get()), integer(couponDays.get(), "program.couponDays"));
        Birthday birthday = new Birthday(birthdayOn.get(), blankToNull(birthdayReward.get()));
        Tiers tiers = new Tiers(integer(tierWindow.get(), "program.tierWindow"),
                integer(regularVisits.get(), "program.regularVisits"), integer(loyalVisits.get(), "program.loyalVisits"),
                multiplierPermille(newMultiplier.get(), "program.tier.new"),
                multiplierPermille(regularMultiplier.get(), "program.tier.regular"),
                multiplierPermille(loyalMultiplier.get(), "program.tier.loyal"));
        return new ProgramRules(mode.get(), integer(stampsPerVisit.get(), "program.stampsPerVisit"), perAmount,
                integer(stampsForReward.get(), "program.stampsForReward"), blankToNull(reward.get()),
                integer(pointsPerUnit.get(), "program.pointsPerUnit"), rewards, exp, coupon, birthday, tiers,
                amountOrZero(stampValue.get(), digits, "program.stampValue"),
                amountOrZero(pointValue.get(), digits, "program.pointValue"), base.currency());
    }

    private int integer(String text, String fieldKey) {
        Integer n = integerOrNull(text);
        if (n == null) {
            throw new IllegalArgumentException(i18n.get("program.problem.number", i18n.get(fieldKey)));
        }
        return n;
    }

    private static Integer integerOrNull(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("\\d{1,6}")) {
            return null;
        }
        return Integer.parseInt(t);
    }

    private long amount(String text, int digits, String fieldKey) {
        String t = text.strip().replace(" ", "").replace("\u00a0", "").replace(',', '.');
        if (!t.matches("\\d{1,9}(\\.\\d+)?") || new BigDecimal(t).scale() > digits) {
            throw new IllegalArgumentException(i18n.get("program.problem.amount", i18n.get(fieldKey)));
        }
        return new BigDecimal(t).movePointRight(digits).longValueExact();
    }

    private long amountOrZero(String text, int digits, String fieldKey) {
        return text == null || text.isBlank() ? 0 : amount(text, digits, fieldKey);
    }

    private int multiplierPermille(String text, String fieldKey) {
        Integer p = permille(text);
        if (p == null) {
            throw new IllegalArgumentException(i18n.get("program.problem.multiplier", i18n.get(fieldKey)));
        }
        return p;
    }

    /** "1.5" or "1,5" as 1500; null if it is not a multiplier from 0 to 10 with up to three decimals. */
    static Integer permille(String text) {
        String t = text == null ? "" : text.strip().replace(',', '.').replace("×", "").replace("x", "").strip();
        if (!t.matches("\\d{1,2}(\\.\\d{1,3})?")) {
            return null;
        }
        int p = new BigDecimal(t).movePointRight(3).intValueExact();
        return p > GroupService.MAX_PERMILLE ? null : p;
    }

    /** 1500 as "1.5" (in the language's decimal mark). */
    String multiplier(int permille) {
        NumberFormat f = NumberFormat.getNumberInstance(i18n.language().locale());
        f.setMaximumFractionDigits(3);
        f.setGroupingUsed(false);
        return f.format(BigDecimal.valueOf(permille, 3));
    }

    /** An amount in the language's decimal mark, without grouping, as a person would type it (12,50). */
    private String money(long minor, ProgramRules r) {
        int digits = Math.max(0, r.currency().getDefaultFractionDigits());
        char mark = DecimalFormatSymbols.getInstance(i18n.language().locale()).getDecimalSeparator();
        return BigDecimal.valueOf(minor, digits).toPlainString().replace('.', mark);
    }

    private String problem(ProgramRules.Problem p) {
        return switch (p) {
            case STAMPS_PER_VISIT -> i18n.get("program.problem.stampsPerVisit");
            case AMOUNT_PER_STAMP -> i18n.get("program.problem.amountPerStamp");
            case STAMPS_FOR_REWARD -> i18n.get("program.problem.stampsForReward");
            case REWARD_DESCRIPTION -> i18n.get("program.problem.reward");
            case POINTS_PER_UNIT -> i18n.get("program.problem.pointsPerUnit");
            case POINT_REWARDS -> i18n.get("program.problem.pointRewards");
            case EXPIRY_DAYS -> i18n.get("program.problem.expiryDays");
            case COUPON -> i18n.get("program.problem.coupon");
            case BIRTHDAY -> i18n.get("program.problem.birthday");
            case TIERS -> i18n.get("program.problem.tiers");
            case MULTIPLIER -> i18n.get("program.problem.multiplier.range");
            case VALUE -> i18n.get("program.problem.value");
        };
    }

    private String previewLine(Preview p, Mode m) {
        if (p.empty()) {
            return i18n.get("program.preview.nobody");
        }
        String members = i18n.plural("program.preview.members", p.members());
        String what = m == Mode.POINTS && p.stamps() == 0 ? i18n.plural("program.preview.points", p.points())
                : p.points() == 0 ? i18n.plural("program.preview.stamps", p.stamps())
                : i18n.plural("program.preview.stamps", p.stamps()) + ", " + i18n.plural("program.preview.points", p.points());
        return i18n.get("program.preview", members, what);
    }

    private String historyLine(Program v) {
        ProgramRules r = v.rules();
        String offer = r.mode() == Mode.POINTS
                ? i18n.plural("program.history.points", r.pointsPerUnit())
                : i18n.plural("program.history.stamps", r.stampsForReward(), r.rewardDescription());
        return i18n.get("program.history", v.version(), when(v.validFrom()), when(v.validTo()), offer);
    }

    private String liabilityLine(Liability l) {
        return i18n.get("program.liability", i18n.number(l.openStamps()), i18n.number(l.openPoints()),
                i18n.money(l.valueMinor(), l.currency()), i18n.number(l.oneStampAway()));
    }

    private String when(OffsetDateTime t) {
        return t == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(i18n.language().locale())
                .format(t.atZoneSameInstant(ZoneId.systemDefault()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private <T> void run(Callable<T> work, Consumer<T> done, Runnable onFailure) {
        busy.set(true);
        tasks.run(work, r -> {
            busy.set(false);
            done.accept(r);
        }, e -> {
            busy.set(false);
            if (onFailure != null) {
                onFailure.run();
            }
            say(true, failure(e));
        });
    }

    private String failure(Throwable e) {
        if (e instanceof OwnerOnlyException) {
            return i18n.get("owner.required");
        }
        if (e instanceof GroupException g) {
            return switch (g.reason()) {
                case NAME_EMPTY -> i18n.get("program.group.nameEmpty");
                case NAME_TAKEN -> i18n.get("program.group.nameTaken");
                case MULTIPLIER -> i18n.get("program.group.badMultiplier");
            };
        }
        LOG.error("Program screen action failed", e);
        return i18n.failure(e, "error.unexpected");
    }

    private void say(boolean failure, String text) {
        failed.set(failure);
        message.set(text);
    }

    /** For tests: the version the screen shows, once loaded. */
    Optional<Program> shown() {
        return Optional.ofNullable(current);
    }
}
