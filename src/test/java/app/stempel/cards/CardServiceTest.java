package app.stempel.cards;

import static app.stempel.store.schema.Tables.CARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.counter.CounterService.ScanProblem;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.testing.TestShop;
import app.stempel.core.CardStatus;

class CardServiceTest {

    @TempDir
    Path dir;
    private Services shop;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir, Clock.systemUTC());
        shop.owner().unlock(TestShop.OWNER_PIN); // a lost card is blocked and replaced by the owner
    }

    @AfterEach
    void close() {
        shop.close();
    }

    @Test
    void reissuingALostCardBlocksTheOldNumberAndKeepsBalanceAndHistory() {
        Enrolled kari = TestShop.withStamps(shop, "Kari Nordmann", 3);

        var reissued = shop.cards().reissue(kari.memberId(), CardService.Reason.LOST);

        assertThat(reissued.replacedNumber()).isEqualTo(kari.cardNumber());
        assertThat(reissued.cardNumber()).isNotEqualTo(kari.cardNumber());
        assertThat(CardNumbers.isValid(reissued.cardNumber())).isTrue();
        var old = shop.counter().lookupCard(kari.cardNumber());
        assertThat(old.problem()).isEqualTo(ScanProblem.BLOCKED_CARD);
        assertThat(old.blockedReason()).isEqualTo("LOST");
        var found = shop.counter().lookupCard(reissued.cardNumber());
        assertThat(found.member().memberId()).isEqualTo(kari.memberId());
        assertThat(found.member().stamps()).isEqualTo(3);
        assertThat(found.member().visits()).isEqualTo(3);
        assertThat(shop.db().dsl().fetchCount(CARD, CARD.MEMBER_ID.eq(kari.memberId()))).isEqualTo(2);
        assertThat(shop.integrity().run().ok()).isTrue();
    }

    @Test
    void aSecondReissueBlocksTheSecondCardTooAndNoNumberComesBack() {
        Enrolled kari = TestShop.enrol(shop, "Kari");
        var first = shop.cards().reissue(kari.memberId(), CardService.Reason.LOST);
        var second = shop.cards().reissue(kari.memberId(), CardService.Reason.REISSUED);
        assertThat(second.replacedNumber()).isEqualTo(first.cardNumber());
        assertThat(shop.db().dsl().fetchCount(CARD, CARD.STATUS.eq(CardStatus.ACTIVE).and(CARD.MEMBER_ID.eq(kari.memberId()))))
                .isEqualTo(1);
        assertThat(shop.db().dsl().fetchCount(CARD)).isEqualTo(3);
    }

    @Test
    void anUnknownMemberGetsNoCardAndNothingChanges() {
        assertThatThrownBy(() -> shop.cards().reissue(999, CardService.Reason.LOST))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(shop.db().dsl().fetchCount(CARD)).isZero();
    }
}
