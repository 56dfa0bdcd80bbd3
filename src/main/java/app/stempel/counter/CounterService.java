package app.stempel.counter;

import static app.stempel.store.schema.Tables.BALANCE;
import static app.stempel.store.schema.Tables.CARD;
import static app.stempel.store.schema.Tables.CASHIER;
import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static app.stempel.store.schema.Tables.MEMBER;
import static app.stempel.store.schema.Tables.MEMBER_GROUP;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.cards.CardNumbers;
import app.stempel.core.Actor;
import app.stempel.core.Money;
import app.stempel.ledger.Ledger;
import app.stempel.ledger.LedgerChain;
import app.stempel.ledger.LedgerService;
import app.stempel.search.MemberSearch;
import app.stempel.search.MemberSearch.SearchCursor;
import app.stempel.search.MemberSearch.SearchPage;
import app.stempel.members.MemberService;
import app.stempel.program.ExpiryService;
import app.stempel.program.Program;
import app.stempel.program.ProgramRules;
import app.stempel.program.ProgramRules.PointReward;
import app.stempel.program.ProgramService;
import app.stempel.program.Tier;
import app.stempel.settings.SettingsService;
import app.stempel.store.schema.tables.LedgerEntry;
import app.stempel.store.Database;
import app.stempel.core.EntryKind;
import app.stempel.core.MemberStatus;
import app.stempel.core.CardStatus;
import org.jooq.impl.DSL;

/**
 * What the counter asks of the shop: find a member by card or by what the cashier types, show them,
 * stamp, redeem and undo. Plain Java; the counter's view model calls it in the background.
 */
public final class CounterService {

    /** Longest card number an imported card may have. */
    public static final int MAX_CARD_LENGTH = 32;

    private final Database db;
    private final Clock clock;
    private final LedgerService ledger;
    private final ProgramService programs;

    private final MemberService members;
    private final ExpiryService expiry;
    private final SettingsService settings;
    private final MemberSearch search;
    private final Duration undoGrace;

    public CounterService(Database db, Clock clock, LedgerService ledger, ProgramService programs,
            MemberService members, ExpiryService expiry, SettingsService settings, MemberSearch search) {
        this.settings = Objects.requireNonNull(settings);
        this.search = Objects.requireNonNull(search);
        this.undoGrace = settings.undoGrace().orElse(DEFAULT_UNDO_GRACE);
        this.expiry = Objects.requireNonNull(expiry);
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
        this.ledger = Objects.requireNonNull(ledger);
        this.programs = Objects.requireNonNull(programs);
        this.members = Objects.requireNonNull(members);
    }

    // --- finding a member

    /** Why a scanned or typed number found nobody to stamp. */
    public enum ScanProblem {
        /** A well-formed Stempel number that no card has. */
        UNKNOWN_CARD,
        /** The card was blocked (lost, replaced, merged, erased). */
        BLOCKED_CARD,
        /** 13 digits that fail the check digit: a misread or mistyped number. */
        WRONG_CHECK_DIGIT,
        /** Digits, but not 13 of them. */
        WRONG_LENGTH,
        /** A product barcode (a valid EAN-13 outside the in-store range). */
        NOT_OUR_CARD,
        /** The same number twice in one burst. */
        DOUBLED,
        /** Not digits at all: typically a scanner typing under the wrong keyboard layout. */
        GARBLED
    }

    /**
     * The answer to a scan: the member found, or the problem. A blocked card also names its member
     * (so the cashier can find them by name) and the reason.
     */
    public record ScanResult(MemberPanel member, ScanProblem problem, String number, String blockedReason) {
        static ScanResult found(MemberPanel m, String number) {
            return new ScanResult(m, null, number, null);
        }

        static ScanResult problem(ScanProblem p, String number) {
            return new ScanResult(null, p, number, null);
        }

        public boolean isFound() {
            return member != null;
        }
    }

    /** Looks up a scanned or typed card number; never throws for bad input. */
    @Role(Who.TILL)
    public ScanResult lookupCard(String input) {
        String number = input == null ? "" : input.strip();
        if (number.isEmpty() || number.length() > 2 * MAX_CARD_LENGTH) {
            return ScanResult.problem(ScanProblem.GARBLED, number);
        }
        boolean digits = number.chars().allMatch(c -> c >= '0' && c <= '9');
        if (digits && number.length() == 2 * CardNumbers.LENGTH
                && number.substring(0, CardNumbers.LENGTH).equals(number.substring(CardNumbers.LENGTH))) {
            return ScanResult.problem(ScanProblem.DOUBLED, number.substring(0, CardNumbers.LENGTH));
        }
        boolean plain = number.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
        if (!plain || number.length() > MAX_CARD_LENGTH) {
            return ScanResult.problem(ScanProblem.GARBLED, number);
        }
        Record card = db.dsl().select(CARD.MEMBER_ID, CARD.STATUS, CARD.BLOCKED_REASON).from(CARD)
                .where(CARD.CARD_NUMBER.eq(number)).fetchOne();
        if (card != null) {
            if (CardStatus.BLOCKED == card.get(CARD.STATUS)) {
                return new ScanResult(null, ScanProblem.BLOCKED_CARD, number, card.get(CARD.BLOCKED_REASON));
            }
            return ScanResult.found(panel(card.get(CARD.MEMBER_ID)), number);
        }
        if (!digits) {
            return ScanResult.problem(ScanProblem.UNKNOWN_CARD, number);
        }
        return ScanResult.problem(switch (CardNumbers.validate(number)) {
            case WRONG_CHECK_DIGIT -> ScanProblem.WRONG_CHECK_DIGIT;
            case WRONG_PREFIX -> ScanProblem.NOT_OUR_CARD;
            case NONE -> ScanProblem.UNKNOWN_CARD;
            default -> ScanProblem.WRONG_LENGTH;
        }, number);
    }

    /** Members matching what the cashier typed: the shop's member search (see {@link MemberSearch#search}). */
    @Role(Who.TILL)
    public SearchPage search(String text, SearchCursor after, int limit) {
        return search.search(text, after, limit);
    }

    // --- the member panel

    /**
     * Everything the member panel shows.
     *
     * @param stampsForReward and {@code rewardDescription}: those of the member's current card, which
     *        keeps the program version of its oldest open stamp (see {@link #cardVersion})
     * @param lastVisit null if the member never visited
     * @param visitsToday visits since the start of today, this one included after a stamp
     * @param undoable the action the undo key would cancel now, or null
     * @param points the points balance (points mode)
     * @param affordable in points mode, the rewards the member's points buy now
     * @param coupon the come-back coupon the member may use now, or null
     * @param birthdayReward the birthday reward the member may take now, or null
     */
    public record MemberPanel(long memberId, String name, String cardNumber, Long cardId, boolean blocked,
            Tier tier, int stamps, int stampsForReward, String rewardDescription, int rewardsReady,
            boolean birthdayToday, int visits, int visitsToday, OffsetDateTime lastVisit, String note,
            LedgerService.Undoable undoable, Currency currency, boolean pointsMode, int points,
            List<PointReward> affordable, ComebackCoupon coupon, String birthdayReward) {
    }

    /** A come-back coupon: {@code percent} % off, or what {@code text} says; valid to the end of {@code until}. */
    public record ComebackCoupon(Integer percent, String text, LocalDate until) {
    }

    /** Days of the birthday week: the birthday and the six days after it. */
    public static final int BIRTHDAY_DAYS = 7;
    /** A birthday entered or changed less than this many days ago earns no birthday reward. */
    public static final int BIRTHDAY_SETTLE_DAYS = 30;

    /** The panel for one member, read fresh; stamps or points past the expiry rule expire first. */
    @Role(Who.TILL)
    public MemberPanel panel(long memberId) {
        return read(memberId, programs.current(), OffsetDateTime.now(clock)).panel();
    }

    /**
     * A member's panel as read at {@code now} under {@code program}, with what an action on the member needs
     * besides, so that an action reads the member and the program once and can tell the panel after its
     * write from what it wrote ({@link #afterStamp}).
     *
     * @param card the version of the member's current stamp card ({@link #cardVersion}); empty without one
     * @param recentVisits visits in the tier window ({@link ProgramRules.Tiers#windowDays()})
     * @param groupPermille the multiplier of the member's group, 1000 without a group
     * @param lastEntryId the member's newest ledger entry when the panel was read, null for none
     */
    private record Seen(MemberPanel panel, Optional<Program> program, Optional<Program> card, OffsetDateTime now,
            int recentVisits, int groupPermille, Long lastEntryId) {
    }

    private Seen read(long memberId, Optional<Program> program, OffsetDateTime now) {
        program.ifPresent(p -> expiry.expireMember(memberId, p));
        LedgerEntry newest = LEDGER_ENTRY.as("newest");
        Field<Long> lastEntry = field(select(max(newest.ID)).from(newest).where(newest.MEMBER_ID.eq(MEMBER.ID)))
                .as("last_entry_id");
        Record r = db.dsl().select(MEMBER.ID, MEMBER.DISPLAY_NAME, MEMBER.STATUS, MEMBER.BIRTHDAY, MEMBER.BIRTHDAY_SET_AT,
                        MEMBER.NOTE, BALANCE.STAMPS, BALANCE.POINTS, BALANCE.VISITS, BALANCE.LAST_VISIT_AT, CARD.ID,
                        CARD.CARD_NUMBER, MEMBER_GROUP.MULTIPLIER_PERMILLE, lastEntry)
                .from(MEMBER)
                .join(BALANCE).on(BALANCE.MEMBER_ID.eq(MEMBER.ID))
                .leftJoin(CARD).on(CARD.ACTIVE_MEMBER_ID.eq(MEMBER.ID))
                .leftJoin(MEMBER_GROUP).on(MEMBER_GROUP.ID.eq(MEMBER.GROUP_ID))
                .where(MEMBER.ID.eq(memberId)).fetchOne();
        if (r == null) {
            throw new IllegalArgumentException("no member " + memberId);
        }
        LocalDate today = now.atZoneSameInstant(clock.getZone()).toLocalDate();
        ProgramRules.Tiers tiers = program.map(p -> p.rules().tiers()).orElse(ProgramRules.Tiers.DEFAULT);
        OffsetDateTime windowStart = now.minusDays(tiers.windowDays());
        OffsetDateTime todayStart = today.atStartOfDay(clock.getZone()).toOffsetDateTime();
        var visitCounts = db.dsl().select(
                        coalesce(sum(when(LEDGER_ENTRY.CREATED_AT.ge(windowStart), LEDGER_ENTRY.VISITS).otherwise(0)),
                                BigDecimal.ZERO),
                        coalesce(sum(when(LEDGER_ENTRY.CREATED_AT.ge(todayStart), LEDGER_ENTRY.VISITS).otherwise(0)),
                                BigDecimal.ZERO))
                .from(LEDGER_ENTRY)
                .where(LEDGER_ENTRY.MEMBER_ID.eq(memberId))
                .and(LEDGER_ENTRY.CREATED_AT.ge(windowStart.isBefore(todayStart) ? windowStart : todayStart))
                .fetchOne();
        int recent = visitCounts.value1().intValue();
        int stamps = r.get(BALANCE.STAMPS);
        int points = r.get(BALANCE.POINTS);
        boolean pointsMode = program.map(Program::points).orElse(false);
        Optional<Program> card = program.flatMap(p -> cardVersion(memberId, stamps, p));
        int forReward = card.map(Program::stampsForReward).orElse(ProgramService.DEFAULT_STAMPS_FOR_REWARD);
        List<PointReward> affordable = program.flatMap(p -> pointsVersion(points, p))
                .map(p -> affordable(p, points))
                .orElse(List.of());
        int ready = Math.max(0, stamps / forReward);
        ComebackCoupon coupon = program.map(p -> coupon(db.dsl(), memberId, p.rules().coupon(), today)).orElse(null);
        String birthday = program.filter(p -> p.rules().birthday().on())
                .filter(p -> birthdayDue(db.dsl(), memberId, r.get(MEMBER.BIRTHDAY), r.get(MEMBER.BIRTHDAY_SET_AT), now))
                .map(p -> p.rules().birthday().description()).orElse(null);
        MemberPanel panel = new MemberPanel(memberId, r.get(MEMBER.DISPLAY_NAME), r.get(CARD.CARD_NUMBER), r.get(CARD.ID),
                r.get(MEMBER.STATUS) != MemberStatus.ACTIVE, tiers.of(recent), stamps, forReward,
                card.map(Program::rewardDescription).orElse(""), ready,
                isBirthday(r.get(MEMBER.BIRTHDAY), today), r.get(BALANCE.VISITS), visitCounts.value2().intValue(),
                r.get(BALANCE.LAST_VISIT_AT), r.get(MEMBER.NOTE),
                ledger.undoable(memberId, undoGrace()).orElse(null), program.map(Program::currency).orElse(null),
                pointsMode, points, affordable, coupon, birthday);
        Integer group = r.get(MEMBER_GROUP.MULTIPLIER_PERMILLE);
        return new Seen(panel, program, card, now, recent, group == null ? 1000 : group, r.get(lastEntry));
    }

    private static List<PointReward> affordable(Program version, int points) {
        return version.rules().pointRewards().stream().filter(pr -> pr.points() <= points).toList();
    }

    /**
     * The program version of the member's current stamp card: that of its oldest open stamp, so stamps keep
     * the rules they were earned under. Stamps are used oldest first, so the open ones are the newest
     * {@code stamps} stamps. Stamps left over on a card that was redeemed start the next card, which is
     * under the current version, and so are stamps with no version (imported, paper). In points mode a
     * member may still hold stamps from before: their card is under the newest stamps version (empty if the
     * shop never had one and the member holds no stamps).
     */
    Optional<Program> cardVersion(long memberId, int stamps, Program current) {
        if (current.points()) {
            return stamps <= 0 ? Optional.empty() : programs.latest(false).map(p -> stampCardVersion(memberId, stamps, p));
        }
        return Optional.of(stampCardVersion(memberId, stamps, current));
    }

    /**
     * The version whose point rewards the member's points buy: the current one in points mode; in stamps
     * mode the newest points version, for points left from before (empty if the member has none).
     */
    private Optional<Program> pointsVersion(int points, Program current) {
        if (current.points()) {
            return Optional.of(current);
        }
        return points <= 0 ? Optional.empty() : programs.latest(true);
    }

    private Program stampCardVersion(long memberId, int stamps, Program current) {
        if (stamps <= 0) {
            return current;
        }
        LedgerEntry e = LEDGER_ENTRY.as("e");
        var lots = db.dsl().select(e.ID, e.STAMPS, e.PROGRAM_ID).from(e)
                .where(e.MEMBER_ID.eq(memberId)).and(e.STAMPS.gt(0)).and(e.KIND.notIn(EntryKind.UNDO, EntryKind.VOID))
                .and(Ledger.notCancelled(e))
                .orderBy(e.ID.desc()).limit(stamps).fetch();
        int open = 0;
        for (var lot : lots) {
            open += lot.value2();
            if (open >= stamps) {
                Long version = lot.value3();
                if (version == null || version == current.id()) {
                    return current;
                }
                boolean redeemedSince = db.dsl().fetchExists(db.dsl().selectOne().from(e)
                        .where(e.MEMBER_ID.eq(memberId)).and(e.KIND.eq(EntryKind.REDEEM)).and(e.ID.gt(lot.value1()))
                        .and(Ledger.notCancelled(e)));
                Program earned = programs.version(version);
                return redeemedSince || earned.points() ? current : earned;
            }
        }
        return current;
    }

    /**
     * The come-back coupon a member may use today: a visit on an earlier day earns one, valid on the
     * {@code days} days after it (a visit on the 1st with 14 days: valid the 2nd to the 15th), once.
     */
    private ComebackCoupon coupon(DSLContext dsl, long memberId, ProgramRules.Coupon rule, LocalDate today) {
        if (!rule.on()) {
            return null;
        }
        LedgerEntry e = LEDGER_ENTRY.as("e");
        OffsetDateTime startOfToday = today.atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime previous = dsl.select(DSL.max(e.CREATED_AT)).from(e)
                .where(e.MEMBER_ID.eq(memberId)).and(e.VISITS.gt(0)).and(e.CREATED_AT.lt(startOfToday))
                .and(Ledger.notCancelled(e))
                .fetchOne(0, OffsetDateTime.class);
        if (previous == null) {
            return null;
        }
        LocalDate visited = previous.atZoneSameInstant(clock.getZone()).toLocalDate();
        LocalDate until = visited.plusDays(rule.days());
        if (today.isAfter(until)) {
            return null;
        }
        boolean used = dsl.fetchExists(dsl.selectOne().from(e)
                .where(e.MEMBER_ID.eq(memberId)).and(e.KIND.eq(EntryKind.COUPON)).and(e.CREATED_AT.gt(previous))
                .and(Ledger.notCancelled(e)));
        return used ? null : new ComebackCoupon(rule.percent(), rule.text(), until);
    }

    /**
     * Whether the member may take the birthday reward now: it is their birthday week (the birthday and
     * the six days after; 29 February counts as 28 February in other years), the birthday was not entered
     * or changed within the last {@value #BIRTHDAY_SETTLE_DAYS} days (29 days ago: no; 31 days ago: yes),
     * and no birthday reward was taken since this year's birthday.
     */
    private boolean birthdayDue(DSLContext dsl, long memberId, LocalDate birthday, OffsetDateTime setAt,
            OffsetDateTime now) {
        if (birthday == null) {
            return false;
        }
        if (setAt != null && setAt.isAfter(now.minusDays(BIRTHDAY_SETTLE_DAYS))) {
            return false;
        }
        LocalDate today = now.atZoneSameInstant(clock.getZone()).toLocalDate();
        LocalDate start = null;
        for (int year = today.getYear(); year >= today.getYear() - 1 && start == null; year--) {
            LocalDate b = birthdayIn(birthday, year);
            if (!today.isBefore(b) && today.isBefore(b.plusDays(BIRTHDAY_DAYS))) {
                start = b;
            }
        }
        if (start == null) {
            return false;
        }
        LedgerEntry e = LEDGER_ENTRY.as("e");
        return !dsl.fetchExists(dsl.selectOne().from(e)
                .where(e.MEMBER_ID.eq(memberId)).and(e.KIND.eq(EntryKind.BIRTHDAY))
                .and(e.CREATED_AT.ge(start.atStartOfDay(clock.getZone()).toOffsetDateTime()))
                .and(Ledger.notCancelled(e)));
    }

    private static LocalDate birthdayIn(LocalDate birthday, int year) {
        MonthDay day = MonthDay.from(birthday);
        if (day.equals(MonthDay.of(2, 29)) && !Year.isLeap(year)) {
            day = MonthDay.of(2, 28);
        }
        return day.atYear(year);
    }

    static boolean isBirthday(LocalDate birthday, LocalDate today) {
        if (birthday == null) {
            return false;
        }
        MonthDay day = MonthDay.from(birthday);
        if (day.equals(MonthDay.of(2, 29)) && !Year.isLeap(today.getYear())) {
            day = MonthDay.of(2, 28);
        }
        return day.equals(MonthDay.from(today));
    }

    // --- actions

    /** How long after an action the undo key cancels it when the owner has not set another. */
    public static final Duration DEFAULT_UNDO_GRACE = Duration.ofMinutes(2);

    /** How long after an action the undo key still cancels it (the owner's setting, read when the shop opens). */
    @Role(Who.TILL)
    public Duration undoGrace() {
        return undoGrace;
    }

    /** Why an action was not done. */
    public enum Refusal {
        NO_PROGRAM, BLOCKED, NOT_ENOUGH_STAMPS, NOTHING_TO_UNDO, NO_COUPON, NO_BIRTHDAY,
        /** The member was stamped within the repeat window: the cashier confirms a second stamp ({@link #stampOrAsk}). */
        STAMPED_RECENTLY
    }

    /**
     * The outcome of an action: the panel as it is now, or why nothing was done.
     *
     * @param undone after an undo, what it cancelled; otherwise null
     */
    public record ActionResult(MemberPanel member, Refusal refusal, LedgerService.Undoable undone) {
        public ActionResult(MemberPanel member, Refusal refusal) {
            this(member, refusal, null);
        }

        public boolean done() {
            return refusal == null;
        }
    }

    /** How long after a visit a further stamp for the same member asks the cashier first; zero never asks. */
    @Role(Who.TILL)
    public Duration repeatWindow() {
        return settings.repeatStampWindow();
    }

    /**
     * Stamps a visit under the current program, with the amount spent if one was typed: the base stamps
     * (per visit, or per amount rounded down) times the member's tier multiplier times their group's
     * multiplier, rounded half up once at the end ({@link ProgramRules#multiply}). A group at 0× earns
     * nothing, but the visit still counts. In points mode the same applies to points.
     */
    @Role(Who.TILL)
    public ActionResult stamp(long memberId, Money amount, Actor actor) {
        return stamp(memberId, amount, actor, Duration.ZERO);
    }

    /**
     * {@link #stamp Stamps} unless the member had a visit within the {@link #repeatWindow() repeat window}
     * (an accidental second key press, or a second purchase): then nothing is written and the refusal is
     * {@link Refusal#STAMPED_RECENTLY}, so the counter can ask the cashier to confirm with {@link #stamp}.
     * The check and the write are one transaction on the member's locked balance, so two quick presses,
     * or two tills, cannot both pass it.
     */
    @Role(Who.TILL)
    public ActionResult stampOrAsk(long memberId, Money amount, Actor actor) {
        return stamp(memberId, amount, actor, repeatWindow());
    }

    private ActionResult stamp(long memberId, Money amount, Actor actor, Duration repeatWindow) {
        Seen before = read(memberId);
        MemberPanel panel = before.panel();
        if (panel.blocked() || panel.cardId() == null) {
            return new ActionResult(panel, Refusal.BLOCKED);
        }
        if (before.program().isEmpty()) {
            return new ActionResult(panel, Refusal.NO_PROGRAM);
        }
        Program p = before.program().get();
        ProgramRules rules = p.rules();
        int tierPermille = rules.tiers().permille(panel.tier());
        Long minor = amount == null ? null : amount.minor();
        int earned = ProgramRules.multiply(p.points() ? rules.basePoints(minor) : rules.baseStamps(minor), tierPermille,
                before.groupPermille());
        OffsetDateTime now = before.now();
        Stamped stamped = db.write(tx -> {
            if (!repeatWindow.isZero()) {
                OffsetDateTime last = tx.select(BALANCE.LAST_VISIT_AT).from(BALANCE)
                        .where(BALANCE.MEMBER_ID.eq(memberId)).forUpdate().fetchOne(BALANCE.LAST_VISIT_AT);
                if (last != null && last.isAfter(now.minus(repeatWindow))) {
                    return null;
                }
            }
            long id;
            if (p.points()) {
                id = LedgerService.appendPoints(tx, memberId, panel.cardId(), earned, amount, p.id(), actor, now);
            } else {
                id = LedgerService.appendStamp(tx, new LedgerService.StampEntry(memberId, panel.cardId(), earned, amount,
                        p.id(), actor, now));
            }
            return stamped(tx, memberId, id, actor);
        });
        if (stamped == null) {
            return new ActionResult(panel, Refusal.STAMPED_RECENTLY);
        }
        boolean onlyThis = Objects.equals(stamped.entryBefore(), before.lastEntryId());
        return new ActionResult(onlyThis ? afterStamp(before, earned, stamped) : read(memberId, before.program(),
                OffsetDateTime.now(clock)).panel(), null);
    }

    /**
     * A stamp written: its entry, the member's entry before it (read after the write, while the member's
     * balance is locked, so no other writer can come between) and the name of the cashier who stamped.
     */
    private record Stamped(long entryId, Long entryBefore, String cashier) {
    }

    private static Stamped stamped(DSLContext tx, long memberId, long entryId, Actor actor) {
        LedgerEntry e = LEDGER_ENTRY.as("e");
        Field<Long> before = field(select(max(e.ID)).from(e).where(e.MEMBER_ID.eq(memberId)).and(e.ID.lt(entryId)))
                .as("entry_before");
        Field<String> cashier = field(select(CASHIER.NAME).from(CASHIER).where(CASHIER.ID.eq(actor.cashierId())))
                .as("cashier");
        Record r = tx.select(before, cashier).fetchOne();
        return new Stamped(entryId, r.get(before), actor.cashierId() == null ? null : r.get(cashier));
    }

    /**
     * The panel after a stamp, from the panel before it and what the stamp wrote, as a fresh {@link #panel}
     * at the same moment would show it, when nothing else was written for the member in between: one more
     * visit (today, and in the tier window), the stamps or points earned, the stamp as the action to undo.
     * The card's version stays: the new stamps are the newest, so the oldest open stamp is the same one
     * (and with none open before, the card was under the current version, as the new stamps are). The
     * come-back coupon and the birthday reward do not change with a visit today.
     */
    private MemberPanel afterStamp(Seen before, int earned, Stamped stamped) {
        MemberPanel b = before.panel();
        Program p = before.program().orElseThrow();
        OffsetDateTime at = LedgerChain.asStored(before.now());
        int stamps = b.stamps() + (p.points() ? 0 : earned);
        int points = b.points() + (p.points() ? earned : 0);
        OffsetDateTime lastVisit = b.lastVisit() == null || at.isAfter(b.lastVisit()) ? at : b.lastVisit();
        LedgerService.Undoable undoable = at.isBefore(before.now().minus(undoGrace)) ? null
                : new LedgerService.Undoable(stamped.entryId(), p.points() ? EntryKind.POINTS : EntryKind.STAMP,
                        p.points() ? 0 : earned, p.points() ? earned : 0, at, stamped.cashier());
        return new MemberPanel(b.memberId(), b.name(), b.cardNumber(), b.cardId(), b.blocked(),
                p.rules().tiers().of(before.recentVisits() + 1), stamps, b.stampsForReward(), b.rewardDescription(),
                Math.max(0, stamps / b.stampsForReward()), b.birthdayToday(), b.visits() + 1, b.visitsToday() + 1,
                lastVisit, b.note(), undoable, b.currency(), b.pointsMode(), points,
                p.points() ? affordable(p, points) : b.affordable(), b.coupon(), b.birthdayReward());
    }

    /** The member's panel now, under the version in force, read once for the whole action. */
    private Seen read(long memberId) {
        return read(memberId, programs.current(), OffsetDateTime.now(clock));
    }

    /**
     * Enrols a new member with a new card; a customer moving over from a paper card brings
     * {@code paperStamps}, entered once and recorded as such.
     */
    @Role(Who.TILL)
    public MemberPanel enrol(MemberService.NewMember m, int paperStamps, Actor actor) {
        if (paperStamps < 0) {
            throw new IllegalArgumentException("paper stamps must not be negative");
        }
        MemberService.Enrolled e = members.enrol(m);
        Optional<Program> program = programs.current();
        if (paperStamps > 0) {
            ledger.paperStamps(e.memberId(), e.cardId(), paperStamps, program.map(Program::id).orElse(null), actor);
        }
        return read(e.memberId(), program, OffsetDateTime.now(clock)).panel();
    }

    /**
     * Redeems one reward of the member's current stamp card, taking its stamps off under the version the
     * card was earned under; the next card is then under the current version. In points mode this is the
     * card of stamps the member earned before the program changed to points.
     */
    @Role(Who.TILL)
    public ActionResult redeem(long memberId, Actor actor) {
        Seen seen = read(memberId);
        MemberPanel before = seen.panel();
        if (before.blocked()) {
            return new ActionResult(before, Refusal.BLOCKED);
        }
        if (seen.program().isEmpty()) {
            return new ActionResult(before, Refusal.NO_PROGRAM);
        }
        Optional<Long> done = seen.card()
                .flatMap(c -> ledger.redeem(memberId, before.cardId(), c.stampsForReward(), c.id(), actor));
        return new ActionResult(panelAfter(seen), done.isPresent() ? null : Refusal.NOT_ENOUGH_STAMPS);
    }

    /**
     * Redeems {@code reward}, taking its points off: one of the current version's in points mode, or, for
     * points left from before the program changed to stamps, one of the newest points version's.
     */
    @Role(Who.TILL)
    public ActionResult redeemPoints(long memberId, PointReward reward, Actor actor) {
        Seen seen = read(memberId);
        MemberPanel before = seen.panel();
        if (before.blocked()) {
            return new ActionResult(before, Refusal.BLOCKED);
        }
        Optional<Program> program = seen.program().flatMap(p -> pointsVersion(before.points(), p));
        if (program.isEmpty() || !program.get().rules().pointRewards().contains(reward)) {
            return new ActionResult(before, Refusal.NO_PROGRAM);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean done = db.write(tx -> {
            Integer have = tx.select(BALANCE.POINTS).from(BALANCE).where(BALANCE.MEMBER_ID.eq(memberId))
                    .forUpdate().fetchOne(BALANCE.POINTS);
            if (have == null || have < reward.points()) {
                return false;
            }
            LedgerService.appendEvent(tx, memberId, before.cardId(), EntryKind.POINTS_REDEEM, 0, -reward.points(), 1,
                    program.get().id(), actor, reward.description(), now);
            return true;
        });
        return new ActionResult(panelAfter(seen), done ? null : Refusal.NOT_ENOUGH_STAMPS);
    }

    /** Takes the member's come-back coupon (once), if one is valid now. */
    @Role(Who.TILL)
    public ActionResult redeemCoupon(long memberId, Actor actor) {
        Seen seen = read(memberId);
        MemberPanel before = seen.panel();
        if (before.blocked()) {
            return new ActionResult(before, Refusal.BLOCKED);
        }
        Optional<Program> program = seen.program();
        if (program.isEmpty()) {
            return new ActionResult(before, Refusal.NO_PROGRAM);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = LocalDate.now(clock);
        boolean done = db.write(tx -> {
            tx.select(BALANCE.MEMBER_ID).from(BALANCE).where(BALANCE.MEMBER_ID.eq(memberId)).forUpdate().fetch();
            ComebackCoupon coupon = coupon(tx, memberId, program.get().rules().coupon(), today);
            if (coupon == null) {
                return false;
            }
            String what = coupon.text() != null ? coupon.text() : coupon.percent() + " %";
            LedgerService.appendEvent(tx, memberId, before.cardId(), EntryKind.COUPON, 0, 0, 0, program.get().id(), actor,
                    what, now);
            return true;
        });
        return new ActionResult(panelAfter(seen), done ? null : Refusal.NO_COUPON);
    }

    /** Gives the member's birthday reward (once a year), if it is due now. */
    @Role(Who.TILL)
    public ActionResult redeemBirthday(long memberId, Actor actor) {
        Seen seen = read(memberId);
        MemberPanel before = seen.panel();
        if (before.blocked()) {
            return new ActionResult(before, Refusal.BLOCKED);
        }
        Optional<Program> program = seen.program().filter(p -> p.rules().birthday().on());
        if (program.isEmpty()) {
            return new ActionResult(before, Refusal.NO_BIRTHDAY);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean done = db.write(tx -> {
            Record m = tx.select(MEMBER.BIRTHDAY, MEMBER.BIRTHDAY_SET_AT).from(MEMBER).where(MEMBER.ID.eq(memberId))
                    .forUpdate().fetchOne();
            if (!birthdayDue(tx, memberId, m.get(MEMBER.BIRTHDAY), m.get(MEMBER.BIRTHDAY_SET_AT), now)) {
                return false;
            }
            LedgerService.appendEvent(tx, memberId, before.cardId(), EntryKind.BIRTHDAY, 0, 0, 0, program.get().id(), actor,
                    program.get().rules().birthday().description(), now);
            return true;
        });
        return new ActionResult(panelAfter(seen), done ? null : Refusal.NO_BIRTHDAY);
    }

    /** Undoes the member's last counter action within the grace period. */
    @Role(Who.TILL)
    public ActionResult undo(long memberId, Actor actor) {
        Optional<Program> program = programs.current();
        Optional<LedgerService.Undoable> undone = ledger.undoLast(memberId, undoGrace, actor);
        return new ActionResult(read(memberId, program, OffsetDateTime.now(clock)).panel(),
                undone.isPresent() ? null : Refusal.NOTHING_TO_UNDO,
                undone.orElse(null));
    }

    /** The member's panel read again after an action's write, under the version the action read. */
    private MemberPanel panelAfter(Seen before) {
        return read(before.panel().memberId(), before.program(), OffsetDateTime.now(clock)).panel();
    }
}
