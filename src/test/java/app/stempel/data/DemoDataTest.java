package app.stempel.data;

import app.stempel.testing.TestShop;
import static app.stempel.store.schema.Tables.SURVEY_ANSWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.owner.OwnerGate;
import app.stempel.cards.CardNumbers;
import app.stempel.ledger.IntegrityCheck;
import app.stempel.members.MemberService;
import app.stempel.search.SearchText;
import app.stempel.store.Database;
import java.util.Objects;
import java.time.Duration;
import app.stempel.owner.OwnerGate;
import app.stempel.ledger.LedgerService;
import app.stempel.core.Actor;

class DemoDataTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Warsaw");
    private static final Instant NOW = Instant.parse("2024-06-14T14:30:00Z");
    private final Clock clock = Clock.fixed(NOW, ZONE);

    @TempDir
    Path dir;

    private DemoData.Result fill(Database db, int members, int years, long seed, Long visits) {
        return new DemoData(db, clock, OwnerGate.TRUSTED).fill(new DemoData.Settings(members, years, seed, visits, "PLN", false),
                (done, total, v, expected) -> { });
    }

    private static long count(Database db, String sql) {
        return db.dsl().fetchOne(sql).get(0, Long.class);
    }

    @Test
    void fillsEveryTableAndEveryBalanceAgreesWithTheLedger() {
        try (Database db = Database.open(dir)) {
            DemoData.Result result = fill(db, 300, 1, 42, null);

            assertThat(result.members()).isEqualTo(300);
            assertThat(count(db, "SELECT COUNT(*) FROM member")).isEqualTo(300);
            assertThat(count(db, "SELECT COUNT(*) FROM balance")).isEqualTo(300);
            assertThat(count(db, "SELECT COUNT(*) FROM cashier")).isGreaterThanOrEqualTo(2);
            assertThat(count(db, "SELECT COUNT(*) FROM program WHERE valid_to IS NULL AND stamps_for_reward = 10"))
                    .isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM ledger_entry WHERE kind = 'STAMP'")).isEqualTo(result.visits());
            assertThat(count(db, "SELECT COUNT(*) FROM ledger_entry WHERE kind = 'REDEEM'"))
                    .isEqualTo(result.redemptions()).isPositive();
            assertThat(count(db, "SELECT COUNT(*) FROM member WHERE group_id IS NOT NULL")).isBetween(1L, 60L);
            IntegrityCheck.Result check = new IntegrityCheck(db).run();
            assertThat(check.differences()).isEmpty();
            assertThat(check.membersChecked()).isEqualTo(300);
        }
    }

    @Test
    void noVisitIsAfterNowOrOutsideOpeningHours() {
        try (Database db = Database.open(dir)) {
            fill(db, 300, 1, 7, null);
            List<OffsetDateTime> times = db.dsl().fetch("SELECT created_at FROM ledger_entry")
                    .getValues(0, OffsetDateTime.class);

            assertThat(times).isNotEmpty().allSatisfy(t -> {
                assertThat(t.toInstant()).isBeforeOrEqualTo(NOW);
                assertThat(t.toInstant()).isAfter(NOW.atZone(ZONE).minusYears(1).minusDays(1).toInstant());
                int hour = t.atZoneSameInstant(ZONE).getHour();
                assertThat(hour).isBetween(7, 18);
            });
        }
    }

    @Test
    void theSurveyIsAnsweredOrSkippedAtMostOnceIn90DaysPerMember() {
        try (Database db = Database.open(dir)) {
            fill(db, 300, 1, 42, null);
            var rows = db.dsl().select(SURVEY_ANSWER.MEMBER_ID, SURVEY_ANSWER.SCORE, SURVEY_ANSWER.ANSWERED_AT)
                    .from(SURVEY_ANSWER).orderBy(SURVEY_ANSWER.MEMBER_ID, SURVEY_ANSWER.ANSWERED_AT).fetch();
            assertThat(rows).hasSizeGreaterThan(100);
            assertThat(rows).extracting(r -> r.value2()).containsNull()
                    .filteredOn(Objects::nonNull).allMatch(score -> score >= 0 && score <= 10)
                    .anyMatch(score -> score >= 9).anyMatch(score -> score <= 6);
            for (int i = 1; i < rows.size(); i++) {
                if (rows.get(i).value1().equals(rows.get(i - 1).value1())) {
                    assertThat(Duration.between(rows.get(i - 1).value3(), rows.get(i).value3()).toDays())
                            .isGreaterThanOrEqualTo(89);
                }
            }
        }
    }

    @Test
    void everyMemberHasOneActiveCardWithAValidUniqueNumber() {
        try (Database db = Database.open(dir)) {
            fill(db, 300, 1, 42, null);
            List<String> numbers = db.dsl().fetch("SELECT card_number FROM card").getValues(0, String.class);

            assertThat(count(db, "SELECT COUNT(*) FROM member m WHERE (SELECT COUNT(*) FROM card c "
                    + "WHERE c.member_id = m.id AND c.status = 'ACTIVE' AND c.active_member_id = m.id) = 1"))
                    .isEqualTo(300);
            assertThat(numbers).hasSize(300).doesNotHaveDuplicates().allMatch(CardNumbers::isValid);
        }
    }

    @Test
    void namesCarryDiacriticsAndCyrillicAndSearchColumnsAreFoldedLikeEnrolment() {
        try (Database db = Database.open(dir)) {
            fill(db, 300, 1, 42, null);
            var rows = db.dsl().fetch("SELECT display_name, search_name, phone, phone_reversed, email, search_email "
                    + "FROM member");

            List<String> names = rows.getValues(0, String.class);
            assertThat(names).anyMatch(n -> n.matches(".*[ąćęłńóśźżŁŚŻ].*"));
            assertThat(names).anyMatch(n -> n.matches(".*[øåæØÅÆ].*"));
            assertThat(names).anyMatch(n -> n.matches(".*\\p{IsCyrillic}.*"));
            assertThat(names).anyMatch(n -> n.endsWith("ska") || n.endsWith("cka") || n.endsWith("ова")
                    || n.endsWith("ева"));
            for (var r : rows) {
                assertThat(r.get(1, String.class)).isEqualTo(SearchText.fold(r.get(0, String.class)));
                assertThat(r.get(3, String.class)).isEqualTo(SearchText.reversedDigits(r.get(2, String.class)));
                assertThat(r.get(5, String.class)).isEqualTo(SearchText.fold(r.get(4, String.class)));
                String email = r.get(4, String.class);
                if (email != null) {
                    assertThat(email).matches("[a-z0-9._]+@[a-z0-9.]+");
                }
            }
            assertThat(rows.getValues(2, String.class)).anyMatch(p -> p != null && p.startsWith("+48 "));
        }
    }

    @Test
    void theSameSeedGivesTheSameShopAndAnotherSeedAnotherOne() {
        try (Database a = Database.open(dir.resolve("a")); Database b = Database.open(dir.resolve("b"));
                Database c = Database.open(dir.resolve("c"))) {
            DemoData.Result ra = fill(a, 200, 1, 5, null);
            DemoData.Result rb = fill(b, 200, 1, 5, null);
            DemoData.Result rc = fill(c, 200, 1, 6, null);
            String fingerprint = "SELECT COUNT(*) || '/' || SUM(amount_minor) || '/' || SUM(stamps) FROM ledger_entry";
            String cards = "SELECT LISTAGG(card_number, ',') WITHIN GROUP (ORDER BY id) FROM card";

            assertThat(rb).isEqualTo(ra);
            assertThat(b.dsl().fetchValue(fingerprint)).isEqualTo(a.dsl().fetchValue(fingerprint));
            assertThat(b.dsl().fetchValue(cards)).isEqualTo(a.dsl().fetchValue(cards));
            assertThat(c.dsl().fetchValue(fingerprint)).isNotEqualTo(a.dsl().fetchValue(fingerprint));
            assertThat(rc.visits()).isNotEqualTo(ra.visits());
        }
    }

    @Test
    void mostMembersComeOneToThreeTimesWhileACoreComesOftenAndSomeDriftAway() {
        try (Database db = Database.open(dir)) {
            fill(db, 400, 2, 42, null);
            long fewVisits = count(db, "SELECT COUNT(*) FROM balance WHERE visits BETWEEN 1 AND 3");
            long many = count(db, "SELECT COUNT(*) FROM balance WHERE visits >= 40");
            long driftedRegulars = count(db, "SELECT COUNT(*) FROM balance WHERE visits >= 10 "
                    + "AND last_visit_at < TIMESTAMP WITH TIME ZONE '2024-04-01 00:00:00+02'");

            assertThat(fewVisits).isGreaterThan(200);
            assertThat(many).isGreaterThanOrEqualTo(10);
            assertThat(driftedRegulars).isPositive();
            double average = count(db, "SELECT SUM(visits) FROM balance") / 400.0;
            assertThat(average).isBetween(12.0, 40.0);
        }
    }

    @Test
    void visitsFollowTheWeekAndTheSeasons() {
        try (Database db = Database.open(dir)) {
            fill(db, 600, 1, 42, null);
            Map<DayOfWeek, Integer> byDay = new EnumMap<>(DayOfWeek.class);
            int[] byMonth = new int[13];
            for (OffsetDateTime v : db.dsl().fetch("SELECT created_at FROM ledger_entry WHERE kind = 'STAMP'")
                    .getValues(0, OffsetDateTime.class)) {
                ZonedDateTime t = v.atZoneSameInstant(ZONE);
                byDay.merge(t.getDayOfWeek(), 1, Integer::sum);
                byMonth[t.getMonthValue()]++;
            }

            assertThat(byDay.get(DayOfWeek.SATURDAY)).isGreaterThan(byDay.get(DayOfWeek.SUNDAY) * 18 / 10);
            assertThat(byDay.get(DayOfWeek.FRIDAY)).isGreaterThan(byDay.get(DayOfWeek.TUESDAY));
            assertThat(byMonth[12]).isGreaterThan(byMonth[11]);
        }
    }

    @Test
    void aimsAtTheRequestedNumberOfVisits() {
        try (Database db = Database.open(dir)) {
            DemoData.Result result = fill(db, 500, 2, 42, 30_000L);

            assertThat((double) result.visits()).isCloseTo(30_000, within(30_000 * 0.03));
            assertThat(new IntegrityCheck(db).run().ok()).isTrue();
        }
    }

    @Test
    void aDemoCommittedInSeveralStepsIsOneChainTheAppCarriesOn() {
        try (Database db = Database.open(dir)) {
            DemoData.Result result = fill(db, 1000, 2, 42, 52_000L);
            assertThat(result.rows()).as("more rows than one commit holds (50,000)").isGreaterThan(50_000L);

            IntegrityCheck.Result check = new IntegrityCheck(db).run();
            assertThat(check.tampering()).isEmpty();
            assertThat(check.differences()).isEmpty();
            assertThat(check.entriesChecked()).isEqualTo(count(db, "SELECT COUNT(*) FROM ledger_entry")).isPositive();
            assertThat(count(db, "SELECT COUNT(*) FROM ledger_entry e WHERE e.prev_id IS NOT NULL AND NOT EXISTS "
                    + "(SELECT 1 FROM ledger_entry p WHERE p.id = e.prev_id AND p.entry_hash = e.prev_hash)")).isZero();

            var member = TestShop.members(db, clock, new CardNumbers(new SplittableRandom(1)))
                    .enrol(MemberService.NewMember.named("Åse Ødegård"));
            new LedgerService(db, clock, OwnerGate.TRUSTED).stamp(member.memberId(), member.cardId(), 1, null, null,
                    Actor.system("Till 1"));
            db.write(tx -> tx.execute("UPDATE ledger_entry SET amount_minor = amount_minor + 100 WHERE id = 40000"));
            db.write(tx -> tx.execute("UPDATE balance SET spend_minor = spend_minor + 100 "
                    + "WHERE member_id = (SELECT member_id FROM ledger_entry WHERE id = 40000)"));
            assertThat(new IntegrityCheck(db).run().tampering()).extracting(IntegrityCheck.Tampering::entryId)
                    .containsExactly(40_000L);
        }
    }

    @Test
    void rejectsAVisitTargetThatTheMembersCannotReach() {
        try (Database db = Database.open(dir)) {
            assertThatThrownBy(() -> fill(db, 500, 1, 42, 100L)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("too few");
            assertThat(count(db, "SELECT COUNT(*) FROM member")).isZero();
        }
    }

    @Test
    void refusesAShopWithMembersUnlessForcedAndLeavesIdsReadyForTheApp() {
        try (Database db = Database.open(dir)) {
            fill(db, 100, 1, 42, null);

            assertThatThrownBy(() -> fill(db, 100, 1, 43, null)).isInstanceOf(DemoData.NotEmptyException.class);
            assertThat(count(db, "SELECT COUNT(*) FROM member")).isEqualTo(100);

            new DemoData(db, clock, OwnerGate.TRUSTED).fill(new DemoData.Settings(50, 1, 43, null, "PLN", true), (d, t, v, e) -> { });
            assertThat(count(db, "SELECT COUNT(*) FROM member")).isEqualTo(150);
            assertThat(count(db, "SELECT COUNT(*) FROM program")).isEqualTo(1);
            assertThat(new IntegrityCheck(db).run().ok()).isTrue();

            var enrolled = TestShop.members(db, clock, new CardNumbers(new SplittableRandom(1)))
                    .enrol(MemberService.NewMember.named("Åse Ødegård"));
            assertThat(enrolled.memberId()).isEqualTo(151);
            assertThat(count(db, "SELECT COUNT(*) FROM ledger_entry WHERE id > "
                    + "(SELECT MAX(id) - 1 FROM ledger_entry)")).isEqualTo(1);
        }
    }

    @Test
    void rejectsSettingsAPersonCouldMistype() {
        assertThatThrownBy(() -> new DemoData.Settings(0, 1, 1, null, "PLN", false))
                .hasMessageContaining("members");
        assertThatThrownBy(() -> new DemoData.Settings(10, 0, 1, null, "PLN", false)).hasMessageContaining("years");
        assertThatThrownBy(() -> new DemoData.Settings(10, 1, 1, 0L, "PLN", false)).hasMessageContaining("visits");
        assertThatThrownBy(() -> new DemoData.Settings(10, 1, 1, null, "ZZZ", false))
                .hasMessageContaining("currency");
        assertThat(new DemoData.Settings(10, 1, 1, null, " nok ", false).currency()).isEqualTo("NOK");
    }
}
