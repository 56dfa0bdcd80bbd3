package app.stempel.members;

import static app.stempel.store.schema.Tables.BALANCE;
import static app.stempel.store.schema.Tables.CARD;
import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static app.stempel.store.schema.Tables.MEMBER;
import static app.stempel.store.schema.Tables.MEMBER_SEARCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.search.MemberSearch;
import app.stempel.testing.MutableClock;
import app.stempel.Services;
import app.stempel.core.Actor;
import app.stempel.core.Money;
import app.stempel.core.Refused;
import app.stempel.counter.CounterService;
import app.stempel.members.MemberDirectory.Changes;
import app.stempel.members.MemberDirectory.HistoryRow;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.owner.OwnerGate;
import app.stempel.owner.OwnerOnlyException;
import app.stempel.testing.TestShop;
import java.time.ZoneOffset;
import app.stempel.core.EntryKind;
import app.stempel.core.MemberStatus;
import app.stempel.core.CardStatus;

class MemberCorrectionsTest {

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final Actor OWNER = Actor.owner("Till 1");

    @TempDir
    Path dir;
    @TempDir
    Path out;
    private final MutableClock clock = new MutableClock(START, ZoneOffset.UTC);
    private Services shop;
    private MemberDirectory directory;
    private MemberCorrections owner;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir, clock);
        directory = new MemberDirectory(shop.db(), clock, shop.search(), OwnerGate.TRUSTED);
        owner = corrections(OwnerGate.TRUSTED);
    }

    private MemberCorrections corrections(OwnerGate gate) {
        return TestShop.corrections(shop, clock, gate);
    }

    @AfterEach
    void close() {
        shop.close();
    }

    private void checkGreen() {
        var result = shop.integrity().run();
        assertThat(result.differences()).isEmpty();
        assertThat(result.tampering()).as("the ledger's chain").isEmpty();
        assertThat(result.entriesChecked()).isEqualTo(shop.db().dsl().fetchCount(LEDGER_ENTRY));
    }

    private long stamp(Enrolled e, long amountMinor) {
        clock.advance(Duration.ofDays(1));
        shop.counter().stamp(e.memberId(), Money.of(amountMinor, "PLN"), TestShop.TILL);
        return lastEntry(e.memberId());
    }

    private long lastEntry(long memberId) {
        return shop.db().dsl().select(LEDGER_ENTRY.ID).from(LEDGER_ENTRY).where(LEDGER_ENTRY.MEMBER_ID.eq(memberId))
                .orderBy(LEDGER_ENTRY.ID.desc()).limit(1).fetchOne(LEDGER_ENTRY.ID);
    }

    private List<HistoryRow> history(long memberId) {
        return directory.history(memberId, null, 100).rows();
    }

    // --- void

    @Test
    void voidAddsALinkedVoidEntryAndRecomputesTheBalanceAndLastVisit() {
        Enrolled e = TestShop.enrol(shop, "Ola");
        stamp(e, 1000);
        long second = stamp(e, 2500);

        long voidId = owner.voidEntry(second, "Stamped the wrong customer", OWNER);

        var p = directory.profile(e.memberId());
        assertThat(p.stamps()).isEqualTo(1);
        assertThat(p.visits()).isEqualTo(1);
        assertThat(p.spendMinor()).isEqualTo(1000);
        assertThat(p.lastVisit().toInstant()).isEqualTo(START.plus(Duration.ofDays(1)));
        List<HistoryRow> rows = history(e.memberId());
        assertThat(rows).extracting(HistoryRow::id).contains(second, voidId);
        HistoryRow voided = rows.stream().filter(r -> r.id() == second).findFirst().orElseThrow();
        assertThat(voided.cancelledById()).isEqualTo(voidId);
        assertThat(voided.cancelledByKind()).isEqualTo(EntryKind.VOID);
        HistoryRow v = rows.get(0);
        assertThat(v.kind()).isEqualTo(EntryKind.VOID);
        assertThat(v.cancelsId()).isEqualTo(second);
        assertThat(v.byOwner()).isTrue();
        assertThat(v.reason()).isEqualTo("Stamped the wrong customer");
        checkGreen();
    }

    @Test
    void voidNeedsAReasonAndRefusesAnEntryAlreadyVoidedOrUndone() {
        Enrolled e = TestShop.enrol(shop, "Ola");
        long first = stamp(e, 1000);
        assertThatThrownBy(() -> owner.voidEntry(first, "  ", OWNER)).isInstanceOf(Refused.class)
                .extracting(x -> ((Refused) x).why()).isEqualTo(Refused.Why.REASON_REQUIRED);
        owner.voidEntry(first, "mistake", OWNER);
        assertThatThrownBy(() -> owner.voidEntry(first, "again", OWNER))
                .extracting(x -> ((Refused) x).why()).isEqualTo(Refused.Why.ALREADY_CANCELLED);

        long second = stamp(e, 500);
        shop.counter().undo(e.memberId(), TestShop.TILL);
        assertThatThrownBy(() -> owner.voidEntry(second, "mistake", OWNER))
                .extracting(x -> ((Refused) x).why()).isEqualTo(Refused.Why.ALREADY_CANCELLED);
        long undo = lastEntry(e.memberId());
        assertThatThrownBy(() -> owner.voidEntry(undo, "mistake", OWNER))
                .extracting(x -> ((Refused) x).why()).isEqualTo(Refused.Why.NOT_CORRECTABLE);
        assertThat(shop.db().dsl().fetchCount(LEDGER_ENTRY, LEDGER_ENTRY.KIND.eq(EntryKind.VOID))).isEqualTo(1);
        checkGreen();
    }

    @Test
    void voidThatWouldLeaveStampsBelowZeroIsRefused() {
        Enrolled e = TestShop.withStamps(shop, "Ola", 5);
        long firstStamp = shop.db().dsl().select(LEDGER_ENTRY.ID).from(LEDGER_ENTRY)
                .where(LEDGER_ENTRY.MEMBER_ID.eq(e.memberId())).orderBy(LEDGER_ENTRY.ID).limit(1).fetchOne(LEDGER_ENTRY.ID);
        shop.counter().redeem(e.memberId(), TestShop.TILL);
        assertThatThrownBy(() -> owner.voidEntry(firstStamp, "mistake", OWNER))
                .extracting(x -> ((Refused) x).why()).isEqualTo(Refused.Why.BELOW_ZERO);
        checkGreen();
    }

    // --- adjust

    @Test
    void adjustAddsAnAdjustEntryWithTheReason() {
        Enrolled e = TestShop.withStamps(shop, "Ola", 2);
        owner.adjust(e.memberId(), 3, 0, "Paper card found", OWNER);
        owner.adjust(e.memberId(), -1, 0, "Counted twice", OWNER);
        assertThat(directory.profile(e.memberId()).stamps()).isEqualTo(4);
        HistoryRow last = history(e.memberId()).get(0);
        assertThat(last.kind()).isEqualTo(EntryKind.ADJUST);
        assertThat(last.stamps()).isEqualTo(-1);
        assertThat(last.reason()).isEqualTo("Counted twice");
        assertThat(last.byOwner()).isTrue();
        checkGreen();
    }

    @Test
    void adjustNeedsAReasonAndNeverGoesBelowZero() {
        Enrolled e = TestShop.withStamps(shop, "Ola", 2);
        assertThatThrownBy(() -> owner.adjust(e.memberId(), 1, 0, "", OWNER))
                .extracting(x -> ((Refused) x).why()).isEqualTo(Refused.Why.REASON_REQUIRED);
        assertThatThrownBy(() -> owner.adjust(e.memberId(), -3, 0, "too many", OWNER))
                .extracting(x -> ((Refused) x).why()).isEqualTo(Refused.Why.BELOW_ZERO);
        assertThatThrownBy(() -> owner.adjust(e.memberId(), 0, -1, "points", OWNER))
                .extracting(x -> ((Refused) x).why()).isEqualTo(Refused.Why.BELOW_ZERO);
        assertThatThrownBy(() -> owner.adjust(e.memberId(), 0, 0, "nothing", OWNER))
                .extracting(x -> ((Refused) x).why()).isEqualTo(Refused.Why.NOTHING_TO_ADJUST);
        assertThat(directory.profile(e.memberId()).stamps()).isEqualTo(2);
        assertThat(shop.db().dsl().fetchCount(LEDGER_ENTRY, LEDGER_ENTRY.KIND.eq(EntryKind.ADJUST))).isZero();
        checkGreen();
    }

    // --- merge

    @Test
    void mergeCombinesBalancesVisitsCardsAndNotesAndKeepsFirstAndLastVisitTrue() {
        Enrolled older = TestShop.enrol(shop, "Kari Hansen");
        Enrolled newer = TestShop.enrol(shop, "Kari H.");
        directory.edit(older.memberId(), new Changes("Kari Hansen", "123456", null, null, false, null, "Allergic to nuts"));
        directory.edit(newer.memberId(), new Changes("Kari H.", null, null, null, false, null, "Prefers oat milk"));
        stamp(older, 1000); // day 1: the person's first visit
        stamp(newer, 2000); // day 2
        stamp(older, 3000); // day 3: the person's last visit
        owner.adjust(older.memberId(), 0, 7, "points from the old system", OWNER);
        clock.advance(Duration.ofDays(30)); // the merge day is no visit

        owner.merge(older.memberId(), newer.memberId(), OWNER);

        var target = directory.profile(newer.memberId());
        assertThat(target.stamps()).isEqualTo(3);
        assertThat(target.points()).isEqualTo(7);
        assertThat(target.visits()).isEqualTo(3);
        assertThat(target.spendMinor()).isEqualTo(6000);
        assertThat(target.firstVisit().toInstant()).isEqualTo(START.plus(Duration.ofDays(1)));
        assertThat(target.lastVisit().toInstant()).isEqualTo(START.plus(Duration.ofDays(3)));
        assertThat(target.note()).isEqualTo("Prefers oat milk / Allergic to nuts");
        assertThat(target.mergedFrom()).extracting(MemberDirectory.Linked::id).containsExactly(older.memberId());
        var source = directory.profile(older.memberId());
        assertThat(source.status()).isEqualTo(MemberStatus.MERGED);
        assertThat(source.mergedInto().id()).isEqualTo(newer.memberId());
        assertThat(source.stamps()).isZero();
        assertThat(source.visits()).isZero();
        assertThat(source.activeCard()).isEmpty();
        assertThat(source.cards()).singleElement().extracting(MemberDirectory.CardRow::blockedReason).isEqualTo("MERGED");
        // both histories show the merge, each naming the other record
        HistoryRow in = history(newer.memberId()).get(0);
        assertThat(in.kind()).isEqualTo(EntryKind.MERGE_IN);
        assertThat(in.otherMemberId()).isEqualTo(older.memberId());
        assertThat(in.byOwner()).isTrue();
        HistoryRow outRow = history(older.memberId()).get(0);
        assertThat(outRow.kind()).isEqualTo(EntryKind.MERGE_OUT);
        assertThat(outRow.otherMemberId()).isEqualTo(newer.memberId());
        // the old card tells the cashier it was merged; the counter's search finds the target only
        CounterService.ScanResult scan = shop.counter().lookupCard(older.cardNumber());
        assertThat(scan.problem()).isEqualTo(CounterService.ScanProblem.BLOCKED_CARD);
        assertThat(scan.blockedReason()).isEqualTo("MERGED");
        assertThat(shop.counter().search("kari", null, 10).rows()).extracting(MemberSearch.MemberRow::id)
                .containsExactly(newer.memberId());
        checkGreen();

        // a stamp on the merged record afterwards, and a void of it, keep first/last visit right
        long later = stamp(newer, 100);
        owner.voidEntry(later, "wrong customer", OWNER);
        assertThat(directory.profile(newer.memberId()).lastVisit().toInstant()).isEqualTo(START.plus(Duration.ofDays(3)));
        checkGreen();
    }

    @Test
    void mergeOfAMemberWithoutVisitsLeavesTheTargetsVisitTimesAlone() {
        Enrolled a = TestShop.enrol(shop, "A");
        Enrolled b = TestShop.enrol(shop, "B");
        stamp(b, 100);
        owner.merge(a.memberId(), b.memberId(), OWNER);
        assertThat(directory.profile(b.memberId()).lastVisit().toInstant()).isEqualTo(START.plus(Duration.ofDays(1)));
        checkGreen();
    }

    @Test
    void mergeIntoItselfOrIntoAMergedOrErasedMemberIsRefused() {
        Enrolled a = TestShop.withStamps(shop, "A", 1);
        Enrolled b = TestShop.withStamps(shop, "B", 1);
        Enrolled c = TestShop.withStamps(shop, "C", 1);
        Enrolled d = TestShop.withStamps(shop, "D", 1);
        assertThatThrownBy(() -> owner.merge(a.memberId(), a.memberId(), OWNER))
                .extracting(x -> ((Refused) x).why()).isEqualTo(Refused.Why.SAME_MEMBER);
        owner.merge(b.memberId(), c.memberId(), OWNER);
        owner.erase(d.memberId());
        int entries = shop.db().dsl().fetchCount(LEDGER_ENTRY);
        assertThatThrownBy(() -> owner.merge(a.memberId(), b.memberId(), OWNER))
                .extracting(x -> ((Refused) x).why()).isEqualTo(Refused.Why.MEMBER_GONE);
        assertThatThrownBy(() -> owner.merge(a.memberId(), d.memberId(), OWNER))
                .extracting(x -> ((Refused) x).why()).isEqualTo(Refused.Why.MEMBER_GONE);
        assertThatThrownBy(() -> owner.merge(b.memberId(), a.memberId(), OWNER))
                .extracting(x -> ((Refused) x).why()).isEqualTo(Refused.Why.MEMBER_GONE);
        assertThat(shop.db().dsl().fetchCount(LEDGER_ENTRY)).isEqualTo(entries);
        checkGreen();
    }

    @Test
    void aChainOfMergesCarriesTheFirstVisitAllTheWay() {
        Enrolled a = TestShop.enrol(shop, "A");
        Enrolled b = TestShop.enrol(shop, "B");
        Enrolled c = TestShop.enrol(shop, "C");
        stamp(a, 100);
        stamp(b, 100);
        stamp(c, 100);
        owner.merge(a.memberId(), b.memberId(), OWNER);
        owner.merge(b.memberId(), c.memberId(), OWNER);
        var p = directory.profile(c.memberId());
        assertThat(p.visits()).isEqualTo(3);
        assertThat(p.firstVisit().toInstant()).isEqualTo(START.plus(Duration.ofDays(1)));
        assertThat(p.lastVisit().toInstant()).isEqualTo(START.plus(Duration.ofDays(3)));
        checkGreen();
    }

    // --- erase

    @Test
    void eraseRemovesPersonalDataBlocksTheCardAndKeepsTheLedger() {
        Enrolled e = TestShop.withStamps(shop, "Kari Nordmann", 3);
        directory.edit(e.memberId(), new Changes("Kari Nordmann", "555 123 456", "kari@example.no",
                LocalDate.of(1990, 1, 2), true, null, "VIP"));
        Enrolled merged = TestShop.enrol(shop, "Kari N.");
        owner.merge(merged.memberId(), e.memberId(), OWNER);
        int entries = shop.db().dsl().fetchCount(LEDGER_ENTRY, LEDGER_ENTRY.MEMBER_ID.eq(e.memberId()));

        owner.erase(e.memberId());

        var m = shop.db().dsl().fetchOne(MEMBER, MEMBER.ID.eq(e.memberId()));
        assertThat(m.getDisplayName()).isEqualTo(MemberCorrections.ERASED_NAME);
        assertThat(m.getPhone()).isNull();
        assertThat(m.getPhoneReversed()).isNull();
        assertThat(m.getEmail()).isNull();
        assertThat(m.getSearchEmail()).isNull();
        assertThat(m.getBirthday()).isNull();
        assertThat(m.getNote()).isNull();
        assertThat(m.getExternalRef()).isNull();
        assertThat(m.getStatus()).isEqualTo(MemberStatus.ERASED);
        assertThat(shop.db().dsl().fetchOne(MEMBER, MEMBER.ID.eq(merged.memberId())).getDisplayName())
                .isEqualTo(MemberCorrections.ERASED_NAME);
        assertThat(shop.db().dsl().fetchCount(MEMBER_SEARCH)).isZero();
        assertThat(shop.counter().search("kari", null, 10).rows()).isEmpty();
        assertThat(shop.counter().search("123456", null, 10).rows()).isEmpty();
        assertThat(shop.counter().lookupCard(e.cardNumber()).blockedReason()).isEqualTo("ERASED");
        assertThat(shop.db().dsl().fetchOne(CARD, CARD.CARD_NUMBER.eq(e.cardNumber())).getStatus()).isEqualTo(CardStatus.BLOCKED);
        assertThat(shop.db().dsl().fetchCount(LEDGER_ENTRY, LEDGER_ENTRY.MEMBER_ID.eq(e.memberId()))).isEqualTo(entries);
        assertThat(shop.db().dsl().fetchOne(BALANCE, BALANCE.MEMBER_ID.eq(e.memberId())).getVisits()).isEqualTo(3);
        assertThatThrownBy(() -> owner.erase(e.memberId())).isInstanceOf(Refused.class);
        checkGreen();
    }

    // --- export

    @Test
    void exportWritesTheMembersDataAsCsv() throws Exception {
        Enrolled e = TestShop.withStamps(shop, "Zofia Wiśniewska", 2);
        Path file = out.resolve("zofia.csv");
        assertThat(owner.export(e.memberId(), file)).isTrue();
        String csv = Files.readString(file);
        assertThat(csv).contains("Zofia Wiśniewska").contains(e.cardNumber()).contains("STAMP");
    }

    // --- the owner gate

    @Test
    void everyOwnerMethodRefusesWithAClosedGateAndWritesNothing() {
        Enrolled a = TestShop.withStamps(shop, "A", 2);
        Enrolled b = TestShop.withStamps(shop, "B", 2);
        long entry = lastEntry(a.memberId());
        MemberCorrections closed = corrections(() -> false);
        int entries = shop.db().dsl().fetchCount(LEDGER_ENTRY);
        Path file = out.resolve("a.csv");

        assertThatThrownBy(() -> closed.voidEntry(entry, "reason", OWNER)).isInstanceOf(OwnerOnlyException.class);
        assertThatThrownBy(() -> closed.adjust(a.memberId(), 1, 0, "reason", OWNER)).isInstanceOf(OwnerOnlyException.class);
        assertThatThrownBy(() -> closed.merge(a.memberId(), b.memberId(), OWNER)).isInstanceOf(OwnerOnlyException.class);
        assertThatThrownBy(() -> closed.erase(a.memberId())).isInstanceOf(OwnerOnlyException.class);
        assertThatThrownBy(() -> closed.export(a.memberId(), file)).isInstanceOf(OwnerOnlyException.class);
        MemberDirectory closedDirectory = new MemberDirectory(shop.db(), clock, shop.search(), () -> false);
        assertThatThrownBy(() -> closedDirectory.edit(a.memberId(),
                new MemberDirectory.Changes("Z", null, null, null, false, null, null))).isInstanceOf(OwnerOnlyException.class);
        assertThatThrownBy(() -> closedDirectory.setBlocked(a.memberId(), true)).isInstanceOf(OwnerOnlyException.class);

        assertThat(shop.db().dsl().fetchCount(LEDGER_ENTRY)).isEqualTo(entries);
        assertThat(shop.db().dsl().fetchCount(MEMBER, MEMBER.STATUS.ne(MemberStatus.ACTIVE))).isZero();
        assertThat(shop.db().dsl().fetchCount(CARD, CARD.STATUS.ne(CardStatus.ACTIVE))).isZero();
        assertThat(directory.profile(a.memberId()).name()).isEqualTo("A");
        assertThat(file).doesNotExist();
        checkGreen();
    }
}
