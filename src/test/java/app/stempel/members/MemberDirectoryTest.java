package app.stempel.members;

import static app.stempel.store.schema.Tables.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.search.SearchText;
import app.stempel.owner.OwnerGate;
import app.stempel.testing.MutableClock;
import app.stempel.Services;
import app.stempel.core.Refused;
import app.stempel.counter.CounterService;
import app.stempel.search.MemberSearch.MemberRow;
import app.stempel.search.MemberSearch.SearchCursor;
import app.stempel.search.MemberSearch.SearchPage;
import app.stempel.members.MemberDirectory.Changes;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.testing.TestShop;
import app.stempel.core.EntryKind;
import app.stempel.core.MemberStatus;
import java.time.ZoneOffset;
import app.stempel.store.schema.Tables;

class MemberDirectoryTest {

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(START, ZoneOffset.UTC);
    private Services shop;
    private MemberDirectory directory;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir, clock);
        directory = new MemberDirectory(shop.db(), clock, shop.search(), OwnerGate.TRUSTED);
    }

    @AfterEach
    void close() {
        shop.close();
    }

    @Test
    void pagingThroughEveryoneVisitsEachMemberOnceInNameOrder() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 53; i++) {
            // equal names too, so the cursor must break ties by id
            String name = (i % 5 == 0 ? "Same Name" : "Member " + (char) ('a' + i % 26) + i);
            TestShop.enrol(shop, name);
            names.add(name);
        }
        List<Long> seen = new ArrayList<>();
        List<String> folded = new ArrayList<>();
        SearchCursor cursor = null;
        int pages = 0;
        do {
            SearchPage page = directory.browse("", cursor, 10);
            page.rows().forEach(r -> {
                seen.add(r.id());
                folded.add(SearchText.fold(r.name()));
            });
            cursor = page.next();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(6);
        assertThat(seen).hasSize(53).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).hasSize(shop.members().count());
        assertThat(folded).isSorted();
    }

    @Test
    void aPageOfExactlyTheLimitSaysThereIsNoMore() {
        for (int i = 0; i < 10; i++) {
            TestShop.enrol(shop, "Person " + i);
        }
        SearchPage page = directory.browse(null, null, 10);
        assertThat(page.rows()).hasSize(10);
        assertThat(page.next()).isNull();
    }

    @Test
    void browsingWithTextSearchesAsTheCounterDoes() {
        TestShop.enrol(shop, "Łukasz Nowak");
        TestShop.enrol(shop, "Jan Kowalski");
        assertThat(directory.browse("lukasz", null, 10).rows()).extracting(MemberRow::name).containsExactly("Łukasz Nowak");
    }

    @Test
    void editSavesTheDataAndTheCounterFindsTheNewNameNotTheOld() {
        Enrolled e = TestShop.enrol(shop, "Kari Hansen");
        directory.edit(e.memberId(), new Changes("Kari Berg", "+47 912 34 567", "kari@example.no", null, true, null,
                "Likes oat milk"));

        CounterService counter = shop.counter();
        assertThat(counter.search("berg", null, 10).rows()).extracting(MemberRow::id).containsExactly(e.memberId());
        assertThat(counter.search("hansen", null, 10).rows()).isEmpty();
        assertThat(counter.search("kari@ex", null, 10).rows()).extracting(MemberRow::id).containsExactly(e.memberId());
        assertThat(counter.search("4567", null, 10).rows()).extracting(MemberRow::id).containsExactly(e.memberId());
        MemberDirectory.Profile p = directory.profile(e.memberId());
        assertThat(p.name()).isEqualTo("Kari Berg");
        assertThat(p.phone()).isEqualTo("+47 912 34 567");
        assertThat(p.marketingConsent()).isTrue();
        assertThat(p.note()).isEqualTo("Likes oat milk");
    }

    @Test
    void birthdaySetAtChangesOnlyWhenTheBirthdayChanges() {
        Enrolled e = TestShop.enrol(shop, "Ola");
        LocalDate birthday = LocalDate.of(1990, 5, 17);
        directory.edit(e.memberId(), new Changes("Ola", null, null, birthday, false, null, null));
        OffsetDateTime first = directory.profile(e.memberId()).birthdaySetAt();
        assertThat(first.toInstant()).isEqualTo(START);

        clock.advance(Duration.ofDays(3));
        directory.edit(e.memberId(), new Changes("Ola N", null, null, birthday, false, null, "note"));
        assertThat(directory.profile(e.memberId()).birthdaySetAt().toInstant()).isEqualTo(START);

        clock.advance(Duration.ofDays(3));
        directory.edit(e.memberId(), new Changes("Ola N", null, null, birthday.plusDays(1), false, null, "note"));
        assertThat(directory.profile(e.memberId()).birthdaySetAt().toInstant()).isEqualTo(START.plus(Duration.ofDays(6)));
    }

    @Test
    void editSetsAndClearsTheGroup() {
        long staff = shop.db().dsl().insertInto(Tables.MEMBER_GROUP)
                .set(Tables.MEMBER_GROUP.NAME, "Staff")
                .returning(Tables.MEMBER_GROUP.ID).fetchOne().getId();
        Enrolled e = TestShop.enrol(shop, "Ola");
        assertThat(directory.groups()).extracting(MemberDirectory.Group::name).containsExactly("Staff");
        directory.edit(e.memberId(), new Changes("Ola", null, null, null, false, staff, null));
        assertThat(directory.profile(e.memberId()).groupName()).isEqualTo("Staff");
        directory.edit(e.memberId(), new Changes("Ola", null, null, null, false, null, null));
        assertThat(directory.profile(e.memberId()).groupId()).isNull();
    }

    @Test
    void aBlockedMemberIsNotStampedUntilUnblockedAndTheCardStaysActive() {
        Enrolled e = TestShop.enrol(shop, "Ola");
        directory.setBlocked(e.memberId(), true);

        assertThat(shop.counter().stamp(e.memberId(), null, TestShop.TILL).refusal())
                .isEqualTo(CounterService.Refusal.BLOCKED);
        assertThat(shop.counter().lookupCard(e.cardNumber()).member().blocked()).isTrue();
        assertThat(directory.profile(e.memberId()).status()).isEqualTo(MemberStatus.BLOCKED);
        assertThat(directory.profile(e.memberId()).activeCard()).contains(e.cardNumber());

        directory.setBlocked(e.memberId(), false);
        assertThat(shop.counter().stamp(e.memberId(), null, TestShop.TILL).done()).isTrue();
        assertThat(shop.integrity().run().ok()).isTrue();
    }

    @Test
    void historyPagesNewestFirstWithWhoDidIt() {
        Enrolled e = TestShop.withStamps(shop, "Ola", 7);
        List<Long> ids = new ArrayList<>();
        Long before = null;
        do {
            MemberDirectory.HistoryPage page = directory.history(e.memberId(), before, 3);
            page.rows().forEach(r -> ids.add(r.id()));
            before = page.nextBefore();
        } while (before != null);
        assertThat(ids).hasSize(7).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
        var row = directory.history(e.memberId(), null, 1).rows().get(0);
        assertThat(row.kind()).isEqualTo(EntryKind.STAMP);
        assertThat(row.till()).isEqualTo("Till 1");
        assertThat(row.byOwner()).isFalse();
    }

    @Test
    void aMergedOrErasedMemberIsNotEditedOrBlocked() {
        Enrolled e = TestShop.enrol(shop, "Ola");
        shop.db().dsl().update(MEMBER).set(MEMBER.STATUS, MemberStatus.ERASED).where(MEMBER.ID.eq(e.memberId())).execute();
        assertThatThrownBy(() -> directory.setBlocked(e.memberId(), true)).isInstanceOf(Refused.class);
        assertThatThrownBy(() -> directory.edit(e.memberId(), new Changes("X", null, null, null, false, null, null)))
                .isInstanceOf(Refused.class);
        assertThat(directory.browse("", null, 10).rows()).isEmpty();
    }
}
