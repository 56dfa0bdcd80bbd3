package app.stempel.members;

import app.stempel.testing.TestShop;
import static app.stempel.store.schema.Tables.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.cards.CardNumbers;
import app.stempel.members.MemberService.NewMember;
import app.stempel.store.Database;

class MemberServiceTest {

    @TempDir
    Path dir;

    @Test
    void enrolmentStoresFoldedSearchColumnsAndAValidCard() {
        try (Database db = Database.open(dir)) {
            var members = TestShop.members(db, Clock.systemUTC(), new CardNumbers(new Random(2)));
            var e = members.enrol(new NewMember(" Łukasz Żółć ", "+48 601 234 567", "Lukasz@Example.PL",
                    LocalDate.of(1990, 4, 2), true));
            var m = db.dsl().fetchOne(MEMBER, MEMBER.ID.eq(e.memberId()));
            assertThat(m.getDisplayName()).isEqualTo("Łukasz Żółć");
            assertThat(m.getSearchName()).isEqualTo("lukasz zolc");
            assertThat(m.getPhoneReversed()).isEqualTo("76543210684");
            assertThat(m.getSearchEmail()).isEqualTo("lukasz@example.pl");
            assertThat(m.getBirthdaySetAt()).isNotNull();
            assertThat(CardNumbers.isValid(e.cardNumber())).isTrue();
            assertThat(members.count()).isEqualTo(1);
        }
    }

    @Test
    void theCounterSearchesUseIndexes() {
        try (Database db = Database.open(dir)) {
            assertThat(plan(db, "SELECT ID FROM MEMBER WHERE SEARCH_NAME LIKE 'luk%'")).contains("MEMBER_SEARCH_NAME_IDX");
            assertThat(plan(db, "SELECT ID FROM MEMBER WHERE PHONE_REVERSED LIKE '4321%'")).contains("MEMBER_PHONE_REVERSED_IDX");
            assertThat(plan(db, "SELECT ID FROM CARD WHERE CARD_NUMBER = '2000000000015'")).containsIgnoringCase("CARD_NUMBER");
        }
    }

    @Test
    void aNameIsRequired() {
        assertThatThrownBy(() -> NewMember.named("  ")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String plan(Database db, String sql) {
        return db.dsl().fetchValue("EXPLAIN " + sql).toString();
    }
}
