package app.stempel.members;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.stempel.core.Actor;
import app.stempel.core.Refused;
import app.stempel.search.MemberSearch.MemberRow;
import app.stempel.search.MemberSearch.SearchCursor;
import app.stempel.search.MemberSearch.SearchPage;
import app.stempel.members.MemberDirectory.Group;
import app.stempel.members.MemberDirectory.HistoryPage;
import app.stempel.members.MemberDirectory.HistoryRow;
import app.stempel.members.MemberDirectory.Profile;
import app.stempel.owner.OwnerOnlyException;
import app.stempel.ui.I18n;
import app.stempel.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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

/**
 * The Members screen: everyone page by page or the counter's search, one member's profile with the full
 * history, edits, blocking, and the owner's corrections, merge, erasure and export. Database work runs in
 * the background through the {@link TaskRunner}; a refusal by the owner gate becomes the message of
 * {@code owner.required}.
 */
public final class MembersViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(MembersViewModel.class);
    /** Members per page of the list. */
    static final int PAGE = 50;
    /** History entries per page. */
    static final int HISTORY_PAGE = 50;
    /** Members listed when looking for the other record of a merge. */
    static final int MERGE_SEARCH = 8;
    /** What may be typed instead of the member's name to confirm erasure. */
    public static final String ERASE_WORD = "ERASE";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-/.]{3,40}");
    /** The chooser's "no group". */
    public static final Group NO_GROUP = new Group(-1, "");

    private final MemberDirectory directory;
    private final MemberCorrections corrections;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Clock clock;
    private final Supplier<Actor> actor;
    private final Supplier<Currency> shopCurrency;
    private Currency currency;

    // the list
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<MemberRow> members = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(false);
    private SearchCursor cursor;
    private long listGeneration;

    // the profile
    private final ReadOnlyObjectWrapper<Profile> profile = new ReadOnlyObjectWrapper<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty birthday = new SimpleStringProperty("");
    private final BooleanProperty consent = new SimpleBooleanProperty(false);
    private final ObjectProperty<Group> group = new SimpleObjectProperty<>(NO_GROUP);
    private final StringProperty note = new SimpleStringProperty("");
    private final ObservableList<Group> groups = FXCollections.observableArrayList(NO_GROUP);

    // the history
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper moreHistory = new ReadOnlyBooleanWrapper(false);
    private Long historyBefore;
    private final StringProperty voidReason = new SimpleStringProperty("");

    // corrections
    private final StringProperty adjustStamps = new SimpleStringProperty("");
    private final StringProperty adjustPoints = new SimpleStringProperty("");
    private final StringProperty adjustReason = new SimpleStringProperty("");

    // merge
    private final StringProperty mergeQuery = new SimpleStringProperty("");
    private final ObservableList<MemberRow> mergeFound = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Profile> mergeOther = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper mergeAsked = new ReadOnlyBooleanWrapper(false);
    private long mergeGeneration;

    // erase
    private final ReadOnlyBooleanWrapper eraseAsked = new ReadOnlyBooleanWrapper(false);
    private final StringProperty eraseTyped = new SimpleStringProperty("");
    private final BooleanBinding eraseConfirmed;

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    /**
     * @param actor who works at this till now (owner corrections are recorded as the owner's)
     * @param shopCurrency the shop's currency, for amounts without one of their own (null: none); read in
     *        the background
     */
    public MembersViewModel(MemberDirectory directory, MemberCorrections corrections, TaskRunner tasks, I18n i18n,
            Clock clock, Supplier<Actor> actor, Supplier<Currency> shopCurrency) {
        this.directory = Objects.requireNonNull(directory);
        this.corrections = Objects.requireNonNull(corrections);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.clock = Objects.requireNonNull(clock);
        this.actor = Objects.requireNonNull(actor);
        this.shopCurrency = Objects.requireNonNull(shopCurrency);
        query.addListener((obs, old, now) -> reload());
        mergeQuery.addListener((obs, old, now) -> searchMerge(now));
        eraseConfirmed = Bindings.createBooleanBinding(() -> {
            Profile p = profile.get();
            String typed = eraseTyped.get() == null ? "" : eraseTyped.get().strip();
            return p != null && eraseAsked.get()
                    && (typed.equals(ERASE_WORD) || (!typed.isEmpty() && typed.equalsIgnoreCase(p.name().strip())));
        }, profile, eraseTyped, eraseAsked);
    }

    // ---- the list

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<MemberRow> members() {
        return members;
    }

    /** True when another page of the list can be loaded. */
    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    /** Loads the list afresh from its first page (also when the screen opens). */
    public void reload() {
        long generation = ++listGeneration;
        cursor = null;
        String q = query.get();
        run(() -> directory.browse(q, null, PAGE), page -> {
            if (generation == listGeneration) {
                members.setAll(page.rows());
                next(page);
            }
        }, "members.failed.load");
    }

    /** Adds the next page to the list. */
    public void loadMore() {
        if (cursor == null) {
            return;
        }
        long generation = listGeneration;
        SearchCursor from = cursor;
        String q = query.get();
        run(() -> directory.browse(q, from, PAGE), page -> {
            if (generation == listGeneration) {
                members.addAll(page.rows());
                next(page);
            }
        }, "members.failed.load");
    }

    private void next(SearchPage page) {
        cursor = page.next();
        more.set(cursor != null);
    }

    // ---- the profile

    /** The member shown, or null while the list is shown. */
    public ReadOnlyObjectProperty<Profile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    /** Opens member {@code id}: profile, first page of history and the group chooser. */
    public void open(long id) {
        say(false, "");
        run(() -> read(id, shopCurrency.get()),
                o -> {
                    currency = o.currency();
                    groups.setAll(NO_GROUP);
                    groups.addAll(o.groups());
                    showRead(o);
                    mergeQuery.set("");
                    mergeFound.clear();
                    mergeOther.set(null);
                    mergeAsked.set(false);
                    eraseAsked.set(false);
                    eraseTyped.set("");
                    voidReason.set("");
                    adjustStamps.set("");
                    adjustPoints.set("");
                    adjustReason.set("");
                }, "members.failed.load");
    }

    private record Opened(Profile profile, HistoryPage history, List<Group> groups, Currency currency) {
    }

    /** In the background: the member's profile, the first page of their history and the groups. */
    private Opened read(long id, Currency shown) {
        return new Opened(directory.profile(id), directory.history(id, null, HISTORY_PAGE), directory.groups(), shown);
    }

    /** The profile and the first page of history just read. */
    private void showRead(Opened o) {
        show(o.profile());
        history.setAll(o.history().rows());
        historyBefore = o.history().nextBefore();
        moreHistory.set(historyBefore != null);
    }

    /** Back to the list, which is read afresh. */
    public void close() {
        profile.set(null);
        say(false, "");
        reload();
    }

    private void show(Profile p) {
        profile.set(p);
        name.set(p.name());
        phone.set(orEmpty(p.phone()));
        email.set(orEmpty(p.email()));
        birthday.set(p.birthday() == null ? "" : p.birthday().toString());
        consent.set(p.marketingConsent());
        note.set(orEmpty(p.note()));
        group.set(groups.stream().filter(g -> p.groupId() != null && g.id() == p.groupId()).findFirst().orElse(NO_GROUP));
    }

    private void refresh(String doneKey, Object... args) {
        Profile p = profile.get();
        if (p == null) {
            return;
        }
        long id = p.id();
        Currency shown = currency;
        run(() -> read(id, shown), o -> {
            showRead(o);
            if (doneKey != null) {
                say(false, i18n.get(doneKey, args));
            }
        }, "members.failed.load");
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty emailProperty() {
        return email;
    }

    /** The birthday as typed, YYYY-MM-DD, or empty. */
    public StringProperty birthdayProperty() {
        return birthday;
    }

    public BooleanProperty consentProperty() {
        return consent;
    }

    /** The member's group; {@link #NO_GROUP} for none. */
    public ObjectProperty<Group> groupProperty() {
        return group;
    }

    public ObservableList<Group> groups() {
        return groups;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** Checks the form and saves it; a problem is said and nothing is saved. */
    public void save() {
        Profile p = profile.get();
        if (p == null) {
            return;
        }
        String problem = null;
        LocalDate born = null;
        if (name.get() == null || name.get().isBlank()) {
            problem = "members.invalid.name";
        } else if (!blank(email.get()) && !EMAIL.matcher(email.get().strip()).matches()) {
            problem = "members.invalid.email";
        } else if (!blank(phone.get()) && (!PHONE.matcher(phone.get().strip()).matches()
                || phone.get().chars().filter(Character::isDigit).count() < 3)) {
            problem = "members.invalid.phone";
        } else if (!blank(birthday.get())) {
            try {
                born = LocalDate.parse(birthday.get().strip());
                if (born.isAfter(LocalDate.now(clock))) {
                    problem = "members.invalid.birthdayFuture";
                }
            } catch (DateTimeParseException e) {
                problem = "members.invalid.birthday";
            }
        }
        if (problem != null) {
            say(true, i18n.get(problem));
            return;
        }
        Group g = group.get();
        MemberDirectory.Changes changes = new MemberDirectory.Changes(name.get(), phone.get(), email.get(), born,
                consent.get(), g == null || g == NO_GROUP ? null : g.id(), note.get());
        long id = p.id();
        run(() -> {
            directory.edit(id, changes);
            return Boolean.TRUE;
        }, ok -> refresh("members.saved"), "members.failed.save");
    }

    /** Blocks an active member, or unblocks a blocked one. */
    public void toggleBlocked() {
        Profile p = profile.get();
        if (p == null || p.gone()) {
            return;
        }
        boolean block = p.active();
        run(() -> {
            directory.setBlocked(p.id(), block);
            return Boolean.TRUE;
        }, ok -> refresh(block ? "members.blocked.done" : "members.unblocked.done"), "members.failed.save");
    }

    /** Writes the member's data to {@code file} as CSV, in the background. */
    public void export(Path file) {
        Profile p = profile.get();
        if (p == null) {
            return;
        }
        run(() -> corrections.export(p.id(), file),
                ok -> say(false, i18n.get("members.export.done", file.getFileName().toString())), "members.failed.export");
    }

    /** A file name to suggest for the export. */
    public String exportFileName() {
        Profile p = profile.get();
        return "member-" + (p == null ? "" : p.id()) + ".csv";
    }

    // ---- the history

    public ObservableList<HistoryRow> history() {
        return history;
    }

    public ReadOnlyBooleanProperty moreHistoryProperty() {
        return moreHistory.getReadOnlyProperty();
    }

    public void loadMoreHistory() {
        Profile p = profile.get();
        if (p == null || historyBefore == null) {
            return;
        }
        Long before = historyBefore;
        run(() -> directory.history(p.id(), before, HISTORY_PAGE), page -> {
            history.addAll(page.rows());
            historyBefore = page.nextBefore();
            moreHistory.set(historyBefore != null);
        }, "members.failed.load");
    }

    public StringProperty voidReasonProperty() {
        return voidReason;
    }

    /** Voids {@code row} with the reason typed (owner only). */
    public void voidEntry(HistoryRow row) {
        if (row == null) {
            say(true, i18n.get("members.void.choose"));
            return;
        }
        if (blank(voidReason.get())) {
            say(true, i18n.get("members.refused.reason"));
            return;
        }
        String reason = voidReason.get();
        run(() -> corrections.voidEntry(row.id(), reason, actor.get()), id -> {
            voidReason.set("");
            refresh("members.void.done", row.id());
        }, "members.failed.save");
    }

    /** What the history says an entry is: its kind in words. */
    public String kindText(HistoryRow r) {
        return i18n.get(switch (r.kind()) {
            case "STAMP" -> "members.kind.stamp";
            case "REDEEM" -> "members.kind.redeem";
            case "POINTS" -> "members.kind.points";
            case "POINTS_REDEEM" -> "members.kind.pointsRedeem";
            case "PAPER_STAMPS" -> "members.kind.paperStamps";
            case "IMPORT" -> "members.kind.import";
            case "UNDO" -> "members.kind.undo";
            case "VOID" -> "members.kind.void";
            case "ADJUST" -> "members.kind.adjust";
            case "EXPIRE" -> "members.kind.expire";
            case "MERGE_IN" -> "members.kind.mergeIn";
            case "MERGE_OUT" -> "members.kind.mergeOut";
            case "COUPON" -> "members.kind.coupon";
            case "BIRTHDAY" -> "members.kind.birthday";
            default -> "members.kind.other";
        });
    }

    /** The marks of an entry: what cancelled it, what it cancels, the other record of a merge, the reason. */
    public String notesText(HistoryRow r) {
        StringBuilder out = new StringBuilder();
        if (r.cancelledById() != null) {
            append(out, "UNDO".equals(r.cancelledByKind()) ? i18n.get("members.mark.undone", r.cancelledById())
                    : i18n.get("members.mark.voided", r.cancelledById()));
        }
        if (r.cancelsId() != null) {
            append(out, "UNDO".equals(r.kind()) ? i18n.get("members.mark.undoes", r.cancelsId())
                    : i18n.get("members.mark.voids", r.cancelsId()));
        }
        if (r.otherMemberId() != null) {
            String other = otherName(r.otherMemberName());
            append(out, "MERGE_IN".equals(r.kind()) ? i18n.get("members.mark.mergedFrom", r.otherMemberId(), other)
                    : i18n.get("members.mark.mergedInto", r.otherMemberId(), other));
        }
        if (r.reason() != null && !r.reason().isBlank()) {
            append(out, r.reason());
        }
        return out.toString();
    }

    /** Who did it: the cashier, the owner, or the program (imports, demo data). */
    public String whoText(HistoryRow r) {
        if (r.byOwner()) {
            return i18n.get("members.who.owner");
        }
        return r.cashierName() != null ? r.cashierName() : i18n.get("members.who.system");
    }

    /** The amount of an entry, or empty. */
    public String amountText(HistoryRow r) {
        if (r.amountMinor() == 0) {
            return "";
        }
        Currency c = r.currency() != null ? Currency.getInstance(r.currency()) : currency;
        return c == null ? i18n.number(r.amountMinor()) : i18n.money(r.amountMinor(), c);
    }

    /** Stamps (and points, if any) an entry changed, signed. */
    public String changeText(HistoryRow r) {
        StringBuilder out = new StringBuilder();
        if (r.stamps() != 0) {
            out.append(signed(r.stamps()));
        }
        if (r.points() != 0) {
            append(out, i18n.get("members.history.pointsShort", signed(r.points())));
        }
        return out.toString();
    }

    public String timeText(OffsetDateTime t) {
        return t == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(i18n.language().locale()).format(t.atZoneSameInstant(clock.getZone()));
    }

    public String dateText(OffsetDateTime t) {
        return t == null ? i18n.get("members.never") : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(i18n.language().locale()).format(t.atZoneSameInstant(clock.getZone()));
    }

    public String moneyText(long minor) {
        return currency == null ? i18n.number(minor) : i18n.money(minor, currency);
    }

    /** A member's status in words. */
    public String statusText(String status) {
        return switch (status == null ? "" : status) {
            case "BLOCKED" -> i18n.get("members.status.blocked");
            case "MERGED" -> i18n.get("members.status.merged");
            case "ERASED" -> i18n.get("members.status.erased");
            default -> i18n.get("members.status.active");
        };
    }

    /** Why a card was blocked, in words. */
    public String cardText(MemberDirectory.CardRow c) {
        if (c.active()) {
            return i18n.get("members.card.active", c.number());
        }
        String reason = switch (c.blockedReason() == null ? "" : c.blockedReason()) {
            case "LOST" -> i18n.get("counter.blocked.lost");
            case "REISSUED" -> i18n.get("counter.blocked.reissued");
            case "MERGED" -> i18n.get("counter.blocked.merged");
            case "ERASED" -> i18n.get("counter.blocked.erased");
            default -> i18n.get("counter.blocked.owner");
        };
        return i18n.get("members.card.blocked", c.number(), reason);
    }

    private String otherName(String stored) {
        return stored == null || MemberCorrections.ERASED_NAME.equals(stored) ? i18n.get("members.erasedName") : stored;
    }

    /** The name to show for a member: erased ones have none. */
    public String displayName(String stored) {
        return otherName(stored);
    }

    // ---- corrections

    public StringProperty adjustStampsProperty() {
        return adjustStamps;
    }

    public StringProperty adjustPointsProperty() {
        return adjustPoints;
    }

    public StringProperty adjustReasonProperty() {
        return adjustReason;
    }

    /** Adds the typed stamps and points (negative to take off) with the reason (owner only). */
    public void adjust() {
        Profile p = profile.get();
        if (p == null) {
            return;
        }
        Integer stamps = whole(adjustStamps.get());
        Integer points = whole(adjustPoints.get());
        if (stamps == null || points == null) {
            say(true, i18n.get("members.adjust.invalid"));
            return;
        }
        if (stamps == 0 && points == 0) {
            say(true, i18n.get("members.refused.nothing"));
            return;
        }
        if (blank(adjustReason.get())) {
            say(true, i18n.get("members.refused.reason"));
            return;
        }
        String reason = adjustReason.get();
        run(() -> corrections.adjust(p.id(), stamps, points, reason, actor.get()), id -> {
            adjustStamps.set("");
            adjustPoints.set("");
            adjustReason.set("");
            refresh("members.adjust.done");
        }, "members.failed.save");
    }

    // ---- merge

    public StringProperty mergeQueryProperty() {
        return mergeQuery;
    }

    public ObservableList<MemberRow> mergeFound() {
        return mergeFound;
    }

    /** The record chosen to merge into the one shown, with its data for the side-by-side view. */
    public ReadOnlyObjectProperty<Profile> mergeOtherProperty() {
        return mergeOther.getReadOnlyProperty();
    }

    /** True once "Merge" was pressed and the merge waits for its confirmation. */
    public ReadOnlyBooleanProperty mergeAskedProperty() {
        return mergeAsked.getReadOnlyProperty();
    }

    private void searchMerge(String text) {
        long generation = ++mergeGeneration;
        Profile p = profile.get();
        if (p == null || blank(text)) {
            mergeFound.clear();
            return;
        }
        long self = p.id();
        run(() -> directory.browse(text, null, MERGE_SEARCH), page -> {
            if (generation == mergeGeneration) {
                mergeFound.setAll(page.rows().stream().filter(r -> r.id() != self).toList());
            }
        }, "members.failed.load");
    }

    /** Shows {@code row} beside the member shown, ready to be merged into them. */
    public void chooseMerge(MemberRow row) {
        if (row == null) {
            return;
        }
        mergeAsked.set(false);
        run(() -> directory.profile(row.id()), mergeOther::set, "members.failed.load");
    }

    /** The first step: asks to confirm the merge. */
    public void askMerge() {
        if (mergeOther.get() == null) {
            say(true, i18n.get("members.merge.choose"));
            return;
        }
        mergeAsked.set(true);
        Profile p = profile.get();
        say(false, i18n.get("members.merge.confirmText", displayName(mergeOther.get().name()), displayName(p.name())));
    }

    public void cancelMerge() {
        mergeAsked.set(false);
        say(false, "");
    }

    /** Merges the chosen record into the member shown (owner only). */
    public void confirmMerge() {
        Profile target = profile.get();
        Profile source = mergeOther.get();
        if (target == null || source == null || !mergeAsked.get()) {
            return;
        }
        mergeAsked.set(false);
        run(() -> {
            corrections.merge(source.id(), target.id(), actor.get());
            return Boolean.TRUE;
        }, ok -> {
            mergeOther.set(null);
            mergeQuery.set("");
            refresh("members.merge.done", displayName(source.name()));
        }, "members.failed.save");
    }

    // ---- erase

    public ReadOnlyBooleanProperty eraseAskedProperty() {
        return eraseAsked.getReadOnlyProperty();
    }

    /** What the person typed to confirm: the member's name or {@value #ERASE_WORD}. */
    public StringProperty eraseTypedProperty() {
        return eraseTyped;
    }

    /** True when the typed confirmation matches. */
    public BooleanBinding eraseConfirmedBinding() {
        return eraseConfirmed;
    }

    /** The first time of asking. */
    public void askErase() {
        if (profile.get() == null || profile.get().gone()) {
            return;
        }
        eraseTyped.set("");
        eraseAsked.set(true);
    }

    public void cancelErase() {
        eraseAsked.set(false);
        eraseTyped.set("");
    }

    /** Erases the member once both confirmations are given (owner only). */
    public void confirmErase() {
        Profile p = profile.get();
        if (p == null || !eraseConfirmed.get()) {
            say(true, i18n.get("members.erase.typeName"));
            return;
        }
        run(() -> {
            corrections.erase(p.id());
            return Boolean.TRUE;
        }, ok -> {
            eraseAsked.set(false);
            eraseTyped.set("");
            refresh("members.erase.done");
        }, "members.failed.save");
    }

    // ---- state

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when the message reports a problem. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    private <T> void run(Callable<T> work, Consumer<? super T> done, String failureKey) {
        busy.set(true);
        tasks.run(work, result -> {
            busy.set(false);
            done.accept(result);
        }, e -> {
            busy.set(false);
            if (e instanceof OwnerOnlyException) {
                say(true, i18n.get("owner.required"));
            } else if (e instanceof Refused r) {
                say(true, refusal(r.why()));
            } else {
                LOG.warn("Members screen: {}", failureKey, e);
                say(true, i18n.failure(e, failureKey));
            }
        });
    }

    private String refusal(Refused.Why why) {
        return i18n.get(switch (why) {
            case REASON_REQUIRED -> "members.refused.reason";
            case ALREADY_CANCELLED -> "members.refused.alreadyCancelled";
            case NOT_CORRECTABLE -> "members.refused.notCorrectable";
            case BELOW_ZERO -> "members.refused.belowZero";
            case NOTHING_TO_ADJUST -> "members.refused.nothing";
            case MEMBER_GONE -> "members.refused.gone";
            case SAME_MEMBER -> "members.refused.same";
            case NOT_FOUND -> "members.refused.notFound";
        });
    }

    private void say(boolean failure, String text) {
        failed.set(failure);
        message.set(text);
    }

    private static Integer whole(String s) {
        if (blank(s)) {
            return 0;
        }
        try {
            return Integer.parseInt(s.strip().replace("+", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String signed(int n) {
        return n > 0 ? "+" + n : Integer.toString(n);
    }

    private static void append(StringBuilder out, String text) {
        if (out.length() > 0) {
            out.append(" · ");
        }
        out.append(text);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
