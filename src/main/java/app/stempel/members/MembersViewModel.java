package app.stempel.members;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.stempel.core.Actor;
import app.stempel.core.Refused;
import app.stempel.members.MemberDirectory.Group;
import app.stempel.members.MemberDirectory.HistoryPage;
import app.stempel.members.MemberDirectory.Profile;
import app.stempel.owner.OwnerOnlyException;
import app.stempel.ui.I18n;
import app.stempel.ui.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import app.stempel.core.MemberStatus;

/**
 * The Members screen: everyone page by page or the counter's search, one member's profile with the full
 * history, edits, blocking, and the owner's corrections, merge, erasure and export. This parent holds what the
 * sub-screens share (the member shown, the message, busy) and hands out one view model per sub-screen: the
 * {@link #list()}, and the profile's tabs {@link #editTab()}, {@link #historyTab()}, {@link #adjustTab()},
 * {@link #mergeTab()} and {@link #eraseTab()} (the overview tab only reads the profile and exports). Database
 * work runs in the background through the {@link TaskRunner}; a refusal by the owner gate becomes the message
 * of {@code owner.required}.
 */
public final class MembersViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(MembersViewModel.class);

    private final MemberDirectory directory;
    private final MemberCorrections corrections;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Clock clock;
    private final Supplier<Currency> shopCurrency;
    private Currency currency;

    private final ReadOnlyObjectWrapper<Profile> profile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    private final MemberListViewModel list;
    private final MemberEditViewModel edit;
    private final MemberHistoryViewModel history;
    private final MemberAdjustViewModel adjust;
    private final MemberMergeViewModel merge;
    private final MemberEraseViewModel erase;

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
        Objects.requireNonNull(actor);
        this.shopCurrency = Objects.requireNonNull(shopCurrency);
        list = new MemberListViewModel(this, directory);
        edit = new MemberEditViewModel(this, directory, clock);
        history = new MemberHistoryViewModel(this, directory, corrections, i18n, clock, actor);
        adjust = new MemberAdjustViewModel(this, corrections, actor);
        merge = new MemberMergeViewModel(this, directory, corrections, i18n, actor);
        erase = new MemberEraseViewModel(this, corrections);
    }

    // ---- the sub-screens

    /** The list of members and its search. */
    public MemberListViewModel list() {
        return list;
    }

    /** The form that edits the member shown, and blocking. */
    public MemberEditViewModel editTab() {
        return edit;
    }

    /** The member's history, page by page, and voiding an entry. */
    public MemberHistoryViewModel historyTab() {
        return history;
    }

    /** The owner's adjustment of stamps and points. */
    public MemberAdjustViewModel adjustTab() {
        return adjust;
    }

    /** Merging another record into the member shown. */
    public MemberMergeViewModel mergeTab() {
        return merge;
    }

    /** Erasing the member shown, with its double confirmation. */
    public MemberEraseViewModel eraseTab() {
        return erase;
    }

    // ---- the member shown

    /** The member shown, or null while the list is shown. */
    public ReadOnlyObjectProperty<Profile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    /** Loads the list afresh from its first page (also when the screen opens). */
    public void reload() {
        list.reload();
    }

    /** Opens member {@code id}: profile, first page of history and the group chooser. */
    public void open(long id) {
        say(false, "");
        run(() -> read(id, shopCurrency.get()),
                o -> {
                    currency = o.currency();
                    edit.offer(o.groups());
                    showRead(o);
                    merge.reset();
                    erase.reset();
                    history.reset();
                    adjust.reset();
                }, "members.failed.load");
    }

    private record Opened(Profile profile, HistoryPage history, List<Group> groups, Currency currency) {
    }

    /** In the background: the member's profile, the first page of their history and the groups. */
    private Opened read(long id, Currency shown) {
        return new Opened(directory.profile(id), directory.history(id, null, MemberHistoryViewModel.PAGE),
                directory.groups(), shown);
    }

    /** The profile and the first page of history just read. */
    private void showRead(Opened o) {
        profile.set(o.profile());
        edit.show(o.profile());
        history.show(o.history());
    }

    /** Back to the list, which is read afresh. */
    public void close() {
        profile.set(null);
        say(false, "");
        reload();
    }

    /** Reads the member shown afresh after a change, then says {@code doneKey} (if any). */
    void refresh(String doneKey, Object... args) {
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

    /** Writes the member's data to {@code file} as CSV, in the background. */
    public void export(Path file) {
        Profile p = profile.get();
        if (p == null) {
            return;
        }
        run(() -> corrections.export(p.id(), file),
                ok -> say(false, i18n.get("members.export.done", file.getFileName().toString())),
                "members.failed.export");
    }

    /** A file name to suggest for the export. */
    public String exportFileName() {
        Profile p = profile.get();
        return "member-" + (p == null ? "" : p.id()) + ".csv";
    }

    // ---- texts the sub-screens share

    public String dateText(OffsetDateTime t) {
        return t == null ? i18n.get("members.never") : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(i18n.language().locale()).format(t.atZoneSameInstant(clock.getZone()));
    }

    public String moneyText(long minor) {
        return money(minor, currency);
    }

    /** {@code minor} in {@code c}, or as a plain number without a currency. */
    String money(long minor, Currency c) {
        return c == null ? i18n.number(minor) : i18n.money(minor, c);
    }

    /** The currency of the member shown, for amounts without one of their own (null: none). */
    Currency currency() {
        return currency;
    }

    /** A member's status in words. */
    public String statusText(MemberStatus status) {
        if (status == null) {
            return i18n.get("members.status.active");
        }
        return switch (status) {
            case BLOCKED -> i18n.get("members.status.blocked");
            case MERGED -> i18n.get("members.status.merged");
            case ERASED -> i18n.get("members.status.erased");
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

    /** The name to show for a member: erased ones have none. */
    public String displayName(String stored) {
        return stored == null || MemberCorrections.ERASED_NAME.equals(stored) ? i18n.get("members.erasedName") : stored;
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

    /**
     * Runs {@code work} in the background while busy, then {@code done} with its result; a failure is said
     * (the owner gate's refusal, a rule's refusal, or {@code failureKey}).
     */
    <T> void run(Callable<T> work, Consumer<? super T> done, String failureKey) {
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

    /** Shows {@code text} as the screen's message; {@code failure} marks it as a problem. */
    void say(boolean failure, String text) {
        failed.set(failure);
        message.set(text);
    }

    /** Says the problem {@code key} in words. */
    void refuse(String key) {
        say(true, i18n.get(key));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
