package app.stempel.members;

import static app.stempel.members.MembersViewModel.blank;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Objects;
import java.util.function.Supplier;

import app.stempel.core.Actor;
import app.stempel.members.MemberDirectory.HistoryPage;
import app.stempel.members.MemberDirectory.HistoryRow;
import app.stempel.members.MemberDirectory.Profile;
import app.stempel.ui.I18n;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import app.stempel.core.EntryKind;

/**
 * The profile's history tab: every entry of the member, newest first and page by page, each said in words,
 * and the owner's voiding of an entry.
 */
public final class MemberHistoryViewModel {

    /** History entries per page. */
    static final int PAGE = 50;

    private final MembersViewModel screen;
    private final MemberDirectory directory;
    private final MemberCorrections corrections;
    private final I18n i18n;
    private final Clock clock;
    private final Supplier<Actor> actor;

    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(false);
    private Long before;
    private final StringProperty voidReason = new SimpleStringProperty("");

    MemberHistoryViewModel(MembersViewModel screen, MemberDirectory directory, MemberCorrections corrections,
            I18n i18n, Clock clock, Supplier<Actor> actor) {
        this.screen = Objects.requireNonNull(screen);
        this.directory = Objects.requireNonNull(directory);
        this.corrections = Objects.requireNonNull(corrections);
        this.i18n = Objects.requireNonNull(i18n);
        this.clock = Objects.requireNonNull(clock);
        this.actor = Objects.requireNonNull(actor);
    }

    /** Shows the first page of a member's history, just read. */
    void show(HistoryPage first) {
        history.setAll(first.rows());
        before = first.nextBefore();
        more.set(before != null);
    }

    /** Forgets the reason typed for another member. */
    void reset() {
        voidReason.set("");
    }

    public ObservableList<HistoryRow> rows() {
        return history;
    }

    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    public void loadMore() {
        Profile p = screen.profileProperty().get();
        if (p == null || before == null) {
            return;
        }
        Long from = before;
        screen.run(() -> directory.history(p.id(), from, PAGE), page -> {
            history.addAll(page.rows());
            before = page.nextBefore();
            more.set(before != null);
        }, "members.failed.load");
    }

    public StringProperty voidReasonProperty() {
        return voidReason;
    }

    /** Voids {@code row} with the reason typed (owner only). */
    public void voidEntry(HistoryRow row) {
        if (row == null) {
            screen.refuse("members.void.choose");
            return;
        }
        if (blank(voidReason.get())) {
            screen.refuse("members.refused.reason");
            return;
        }
        String reason = voidReason.get();
        screen.run(() -> corrections.voidEntry(row.id(), reason, actor.get()), id -> {
            voidReason.set("");
            screen.refresh("members.void.done", row.id());
        }, "members.failed.save");
    }

    // ---- an entry in words

    /** What the history says an entry is: its kind in words. */
    public String kindText(HistoryRow r) {
        return i18n.get(switch (r.kind()) {
            case STAMP -> "members.kind.stamp";
            case REDEEM -> "members.kind.redeem";
            case POINTS -> "members.kind.points";
            case POINTS_REDEEM -> "members.kind.pointsRedeem";
            case PAPER_STAMPS -> "members.kind.paperStamps";
            case IMPORT -> "members.kind.import";
            case UNDO -> "members.kind.undo";
            case VOID -> "members.kind.void";
            case ADJUST -> "members.kind.adjust";
            case EXPIRE -> "members.kind.expire";
            case MERGE_IN -> "members.kind.mergeIn";
            case MERGE_OUT -> "members.kind.mergeOut";
            case COUPON -> "members.kind.coupon";
            case BIRTHDAY -> "members.kind.birthday";
            default -> "members.kind.other";
        });
    }

    /** The marks of an entry: what cancelled it, what it cancels, the other record of a merge, the reason. */
    public String notesText(HistoryRow r) {
        StringBuilder out = new StringBuilder();
        if (r.cancelledById() != null) {
            append(out, EntryKind.UNDO == r.cancelledByKind() ? i18n.get("members.mark.undone", r.cancelledById())
                    : i18n.get("members.mark.voided", r.cancelledById()));
        }
        if (r.cancelsId() != null) {
            append(out, EntryKind.UNDO == r.kind() ? i18n.get("members.mark.undoes", r.cancelsId())
                    : i18n.get("members.mark.voids", r.cancelsId()));
        }
        if (r.otherMemberId() != null) {
            String other = screen.displayName(r.otherMemberName());
            append(out, EntryKind.MERGE_IN == r.kind() ? i18n.get("members.mark.mergedFrom", r.otherMemberId(), other)
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
        Currency c = r.currency() != null ? Currency.getInstance(r.currency()) : screen.currency();
        return screen.money(r.amountMinor(), c);
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

    private static String signed(int n) {
        return n > 0 ? "+" + n : Integer.toString(n);
    }

    private static void append(StringBuilder out, String text) {
        if (out.length() > 0) {
            out.append(" · ");
        }
        out.append(text);
    }
}
