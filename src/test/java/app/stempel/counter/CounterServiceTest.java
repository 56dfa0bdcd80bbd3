package app.stempel.counter;

import app.stempel.program.ExpiryService;
import app.stempel.settings.SettingsService;
import app.stempel.search.MemberSearch;
import app.stempel.testing.TestShop;
import app.stempel.owner.OwnerGate;
import app.stempel.program.Tier;
import static app.stempel.store.schema.Tables.CARD;
import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.cards.CardNumbers;
import app.stempel.core.Actor;
import app.stempel.core.Money;
import app.stempel.counter.CounterService.Refusal;
import app.stempel.counter.CounterService.ScanProblem;
import app.stempel.ledger.IntegrityCheck;
import app.stempel.ledger.LedgerService;
import app.stempel.members.MemberService;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.members.MemberService.NewMember;
import app.stempel.program.ProgramService;
import app.stempel.store.Database;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.Map;
import java.util.List;
import java.util.ArrayList;
import java.time.OffsetDateTime;
import app.stempel.store.schema.Tables;
import app.stempel.settings.SettingsService;
import app.stempel.Services;
import app.stempel.core.EntryKind;
import app.stempel.core.CardStatus;

class CounterServiceTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Warsaw");
    private static final Actor ANNA = new Actor(null, "Till 1");

    @TempDir
    Path dir;
    private Database db;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-15T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private MemberService members;
    private CounterService counter;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        members = TestShop.members(db, clock, new CardNumbers(new Random(11)));
        ProgramService programs = new ProgramService(db, clock, OwnerGate.TRUSTED);
        programs.startStampCard(5, "Free coffee", Currency.getInstance("PLN"));
        SettingsService settings = new SettingsService(db);
        counter = new CounterService(db, clock, new LedgerService(db, clock, OwnerGate.TRUSTED), programs, members,
                new ExpiryService(db, clock, programs, settings, OwnerGate.NEVER), settings, new MemberSearch(db));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void later(Duration d) {
        now.set(now.get().plus(d));
    }

    @Test
    void scanOfAnActiveCardFindsTheMember() {
        Enrolled e = members.enrol(NewMember.named("Łukasz Nowak"));
        var result = counter.lookupCard(e.cardNumber());
        assertThat(result.isFound()).isTrue();
        assertThat(result.member().name()).isEqualTo("Łukasz Nowak");
        assertThat(result.member().stamps()).isZero();
        assertThat(result.member().stampsForReward()).isEqualTo(5);
        assertThat(result.member().tier()).isEqualTo(Tier.NEW);
    }

    @Test
    void badScansEachGetTheirOwnProblem() {
        Enrolled e = members.enrol(NewMember.named("Kari"));
        String n = e.cardNumber();
        char wrong = (char) ('0' + (n.charAt(12) - '0' + 3) % 10);
        assertThat(counter.lookupCard(n.substring(0, 12) + wrong).problem()).isEqualTo(ScanProblem.WRONG_CHECK_DIGIT);
        assertThat(counter.lookupCard(n + n).problem()).isEqualTo(ScanProblem.DOUBLED);
        assertThat(counter.lookupCard("ЙЦУКЕНГШЩЗХЪЖ").problem()).isEqualTo(ScanProblem.GARBLED);
        assertThat(counter.lookupCard("12345").problem()).isEqualTo(ScanProblem.WRONG_LENGTH);
        assertThat(counter.lookupCard("5901234123457").problem()).isEqualTo(ScanProblem.NOT_OUR_CARD);
        assertThat(counter.lookupCard(new CardNumbers(new Random(99)).next()).problem()).isEqualTo(ScanProblem.UNKNOWN_CARD);
        assertThat(counter.lookupCard("").problem()).isEqualTo(ScanProblem.GARBLED);
        assertThat(counter.lookupCard("x".repeat(500)).problem()).isEqualTo(ScanProblem.GARBLED);
    }

    @Test
    void aBlockedCardSaysSoAndStampsNothing() {
        Enrolled e = members.enrol(NewMember.named("Kari"));
        db.write(tx -> tx.update(CARD).set(CARD.STATUS, CardStatus.BLOCKED).set(CARD.BLOCKED_REASON, "LOST")
                .set(CARD.ACTIVE_MEMBER_ID, (Long) null).set(CARD.BLOCKED_AT, OffsetDateTime.now(clock))
                .where(CARD.ID.eq(e.cardId())).execute());
        var result = counter.lookupCard(e.cardNumber());
        assertThat(result.problem()).isEqualTo(ScanProblem.BLOCKED_CARD);
        assertThat(result.blockedReason()).isEqualTo("LOST");
        assertThat(counter.stamp(e.memberId(), null, ANNA).refusal()).isEqualTo(Refusal.BLOCKED);
        assertThat(db.dsl().fetchCount(LEDGER_ENTRY)).isZero();
    }

    @Test
    void stampingUpToTheThresholdMakesARewardReadyAndRedeemTakesTheStampsOff() {
        Enrolled e = members.enrol(NewMember.named("Ola"));
        for (int i = 0; i < 5; i++) {
            counter.stamp(e.memberId(), Money.of(1200, "PLN"), ANNA);
        }
        var panel = counter.panel(e.memberId());
        assertThat(panel.stamps()).isEqualTo(5);
        assertThat(panel.rewardsReady()).isEqualTo(1);
        assertThat(panel.visits()).isEqualTo(5);
        assertThat(panel.tier()).isEqualTo(Tier.REGULAR);

        var redeemed = counter.redeem(e.memberId(), ANNA);
        assertThat(redeemed.done()).isTrue();
        assertThat(redeemed.member().stamps()).isZero();
        assertThat(redeemed.member().rewardsReady()).isZero();
        assertThat(counter.redeem(e.memberId(), ANNA).refusal()).isEqualTo(Refusal.NOT_ENOUGH_STAMPS);
        assertThat(new IntegrityCheck(db).run().ok()).isTrue();
    }

    @Test
    void undoWithinTheGracePeriodCancelsTheLastActionAndIsRecorded() {
        Enrolled e = members.enrol(NewMember.named("Ola"));
        counter.stamp(e.memberId(), null, ANNA);
        later(Duration.ofDays(3));
        counter.stamp(e.memberId(), null, ANNA);
        later(Duration.ofSeconds(90));

        var undone = counter.undo(e.memberId(), new Actor(null, "Till 2"));

        assertThat(undone.done()).isTrue();
        assertThat(undone.member().stamps()).isEqualTo(1);
        assertThat(undone.member().visits()).isEqualTo(1);
        assertThat(undone.member().lastVisit().toInstant()).isEqualTo(Instant.parse("2026-06-15T10:00:00Z"));
        var undo = db.dsl().selectFrom(LEDGER_ENTRY).where(LEDGER_ENTRY.KIND.eq(EntryKind.UNDO)).fetchSingle();
        assertThat(undo.getCancelsId()).isNotNull();
        assertThat(undo.getTill()).isEqualTo("Till 2");
        assertThat(new IntegrityCheck(db).run().ok()).isTrue();
    }

    @Test
    void undoAfterTheGracePeriodDoesNothing() {
        Enrolled e = members.enrol(NewMember.named("Ola"));
        counter.stamp(e.memberId(), null, ANNA);
        later(Duration.ofMinutes(2).plusSeconds(1));
        assertThat(counter.panel(e.memberId()).undoable()).isNull();
        assertThat(counter.undo(e.memberId(), ANNA).refusal()).isEqualTo(Refusal.NOTHING_TO_UNDO);
        assertThat(counter.panel(e.memberId()).stamps()).isEqualTo(1);
    }

    @Test
    void theOwnersGracePeriodFromTheSettingsIsUsed() {
        db.close();
        try (Services s = Services.open(dir, clock)) {
            TestShop.putSettings(s.db(), Map.of(SettingsService.UNDO_GRACE_SECONDS, "30"));
        }
        try (Services s = Services.open(dir, clock)) {
            assertThat(s.counter().undoGrace()).isEqualTo(Duration.ofSeconds(30));
            TestShop.putSettings(s.db(), Map.of(SettingsService.UNDO_GRACE_SECONDS, "soon"));
        }
        try (Services s = Services.open(dir, clock)) {
            assertThat(s.counter().undoGrace()).isEqualTo(Duration.ofMinutes(2));
        }
        db = Database.open(dir);
    }

    @Test
    void undoAtTheEdgeOfTheGracePeriodStillWorks() {
        Enrolled e = members.enrol(NewMember.named("Ola"));
        counter.stamp(e.memberId(), null, ANNA);
        later(Duration.ofMinutes(2));
        assertThat(counter.undo(e.memberId(), ANNA).done()).isTrue();
    }

    @Test
    void searchIgnoresCaseAccentsAndWordOrder() {
        members.enrol(NewMember.named("Łukasz Nowak"));
        members.enrol(NewMember.named("Øyvind Ås"));
        members.enrol(NewMember.named("Olé Gunnar"));
        members.enrol(NewMember.named("Ольга Иванова"));
        members.enrol(new NewMember("Jan Kowalski", "+48 601 234 567", "jan.k@example.pl", null, false));

        assertThat(names("lukasz")).containsExactly("Łukasz Nowak");
        assertThat(names("NOWAK")).containsExactly("Łukasz Nowak");
        assertThat(names("oyvind")).containsExactly("Øyvind Ås");
        assertThat(names("ole")).containsExactly("Olé Gunnar");
        assertThat(names("ольга")).containsExactly("Ольга Иванова");
        assertThat(names("иван")).containsExactly("Ольга Иванова");
        assertThat(names("kowalski j")).containsExactly("Jan Kowalski");
        assertThat(names("jan.k@")).containsExactly("Jan Kowalski");
        assertThat(names("4567")).containsExactly("Jan Kowalski");
        assertThat(names("234 567")).containsExactly("Jan Kowalski");
        assertThat(names("zzz")).isEmpty();
        assertThat(names("100%_")).isEmpty();
    }

    @Test
    void searchPagesThroughManyMembersWithoutRepeats() {
        for (int i = 0; i < 45; i++) {
            members.enrol(NewMember.named(String.format("Anna Berg %02d", i)));
        }
        var seen = new ArrayList<String>();
        MemberSearch.SearchCursor cursor = null;
        int pages = 0;
        do {
            var page = counter.search("anna", cursor, 20);
            page.rows().forEach(r -> seen.add(r.name()));
            cursor = page.next();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).hasSize(45).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void enrolmentWithPaperStampsRecordsThemOnceAsSuch() {
        var panel = counter.enrol(new NewMember("Åse Lie", null, "ase@example.no", null, true), 3, ANNA);
        assertThat(panel.name()).isEqualTo("Åse Lie");
        assertThat(panel.stamps()).isEqualTo(3);
        assertThat(panel.visits()).isZero();
        assertThat(CardNumbers.isValid(panel.cardNumber())).isTrue();
        assertThat(db.dsl().fetchCount(LEDGER_ENTRY, LEDGER_ENTRY.KIND.eq(EntryKind.PAPER_STAMPS))).isEqualTo(1);
        assertThat(new IntegrityCheck(db).run().ok()).isTrue();
    }

    @Test
    void birthdayTodayIncludingLeapDayInOtherYears() {
        assertThat(CounterService.isBirthday(LocalDate.of(1990, 6, 15), LocalDate.of(2026, 6, 15))).isTrue();
        assertThat(CounterService.isBirthday(LocalDate.of(1990, 6, 16), LocalDate.of(2026, 6, 15))).isFalse();
        assertThat(CounterService.isBirthday(LocalDate.of(2000, 2, 29), LocalDate.of(2026, 2, 28))).isTrue();
        assertThat(CounterService.isBirthday(LocalDate.of(2000, 2, 29), LocalDate.of(2028, 2, 28))).isFalse();
        assertThat(CounterService.isBirthday(null, LocalDate.of(2026, 2, 28))).isFalse();
    }

    private List<String> names(String query) {
        return counter.search(query, null, 20).rows().stream().map(MemberSearch.MemberRow::name).toList();
    }

    @Test
    void aStampWithinTheRepeatWindowIsRefusedUntilConfirmedAndTheWindowIsTheOwners() {
        Enrolled e = members.enrol(NewMember.named("Ola Nordmann"));
        assertThat(counter.stampOrAsk(e.memberId(), null, ANNA).done()).isTrue();

        later(Duration.ofMinutes(9).plusSeconds(59));
        var asked = counter.stampOrAsk(e.memberId(), null, ANNA);
        assertThat(asked.refusal()).isEqualTo(Refusal.STAMPED_RECENTLY);
        assertThat(asked.member().stamps()).isEqualTo(1);
        assertThat(db.dsl().fetchCount(LEDGER_ENTRY)).as("nothing written").isEqualTo(1);

        var confirmed = counter.stamp(e.memberId(), null, ANNA);
        assertThat(confirmed.done()).isTrue();
        assertThat(confirmed.member().visitsToday()).isEqualTo(2);

        later(Duration.ofMinutes(10));
        assertThat(counter.stampOrAsk(e.memberId(), null, ANNA).done()).as("ten minutes on").isTrue();

        TestShop.putSettings(db, 
                Map.of(SettingsService.REPEAT_STAMP_MINUTES, "0"));
        assertThat(counter.stampOrAsk(e.memberId(), null, ANNA).done()).as("0 never asks").isTrue();
        assertThat(counter.panel(e.memberId()).stamps()).isEqualTo(4);
        assertThat(new IntegrityCheck(db).run().ok()).isTrue();
    }

    @Test
    void twoStampsStartedTogetherWithinTheWindowWriteOne() throws Exception {
        Enrolled e = members.enrol(NewMember.named("Ola Nordmann"));
        var pool = Executors.newFixedThreadPool(2);
        try {
            var start = new CountDownLatch(1);
            Callable<Boolean> press = () -> {
                start.await();
                return counter.stampOrAsk(e.memberId(), null, ANNA).done();
            };
            var a = pool.submit(press);
            var b = pool.submit(press);
            start.countDown();
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdown();
        }
        assertThat(counter.panel(e.memberId()).stamps()).isEqualTo(1);
    }

    @Test
    void visitsTodayCountFromMidnightInTheShopsZone() {
        Enrolled e = members.enrol(NewMember.named("Kari"));
        counter.stamp(e.memberId(), null, ANNA); // 12:00 in Warsaw
        later(Duration.ofHours(11).plusMinutes(59)); // 23:59
        counter.stamp(e.memberId(), null, ANNA);
        assertThat(counter.panel(e.memberId()).visitsToday()).isEqualTo(2);
        later(Duration.ofMinutes(1)); // midnight
        assertThat(counter.panel(e.memberId()).visitsToday()).isZero();
        assertThat(counter.panel(e.memberId()).visits()).isEqualTo(2);
    }

    @Test
    void undoTellsWhatItCancelledAndWhoDidIt() {
        Enrolled e = members.enrol(NewMember.named("Łukasz Nowak"));
        long anna = db.dsl().insertInto(Tables.CASHIER)
                .set(Tables.CASHIER.NAME, "Anna")
                .set(Tables.CASHIER.CREATED_AT, OffsetDateTime.now(clock))
                .returning(Tables.CASHIER.ID).fetchOne().getId();
        Actor annaAtTill = new Actor(anna, "Till 1");
        counter.enrol(NewMember.named("Zofia Lis"), 3, annaAtTill);
        counter.stamp(e.memberId(), null, annaAtTill);

        var undone = counter.undo(e.memberId(), ANNA).undone();
        assertThat(undone.kind()).isEqualTo(EntryKind.STAMP);
        assertThat(undone.stamps()).isEqualTo(1);
        assertThat(undone.cashier()).isEqualTo("Anna");
        assertThat(counter.undo(e.memberId(), ANNA).undone()).as("nothing more for Łukasz").isNull();
    }
}
