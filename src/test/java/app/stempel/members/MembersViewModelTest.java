package app.stempel.members;

import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.testing.MutableClock;
import app.stempel.Services;
import app.stempel.core.Language;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.owner.OwnerGate;
import app.stempel.testing.TestShop;
import app.stempel.ui.I18n;
import app.stempel.ui.SameThreadTaskRunner;

class MembersViewModelTest {

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"), java.time.ZoneOffset.UTC);
    private final I18n i18n = new I18n(Language.ENGLISH);
    private Services shop;
    private Enrolled kari;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir, clock);
        kari = TestShop.withStamps(shop, "Kari Nordmann", 3);
    }

    @AfterEach
    void close() {
        shop.close();
    }

    private MembersViewModel model(OwnerGate gate) {
        MembersViewModel m = new MembersViewModel(new MemberDirectory(shop.db(), clock, shop.search(), OwnerGate.TRUSTED),
                TestShop.corrections(shop, clock, gate),
                new SameThreadTaskRunner(), i18n, clock, () -> TestShop.TILL, () -> null);
        m.open(kari.memberId());
        return m;
    }

    @Test
    void badInputIsExplainedAndNothingIsSaved() {
        MembersViewModel m = model(OwnerGate.TRUSTED);
        m.nameProperty().set("  ");
        m.save();
        assertThat(m.messageProperty().get()).isEqualTo(i18n.get("members.invalid.name"));
        m.nameProperty().set("Kari Berg");
        m.emailProperty().set("kari@");
        m.save();
        assertThat(m.messageProperty().get()).isEqualTo(i18n.get("members.invalid.email"));
        m.emailProperty().set("kari@example.no");
        m.phoneProperty().set("call me");
        m.save();
        assertThat(m.messageProperty().get()).isEqualTo(i18n.get("members.invalid.phone"));
        m.phoneProperty().set("+47 912 34 567");
        m.birthdayProperty().set("17.05.1990");
        m.save();
        assertThat(m.messageProperty().get()).isEqualTo(i18n.get("members.invalid.birthday"));
        m.birthdayProperty().set("2026-03-03");
        m.save();
        assertThat(m.messageProperty().get()).isEqualTo(i18n.get("members.invalid.birthdayFuture"));
        assertThat(m.failedProperty().get()).isTrue();
        assertThat(shop.counter().search("berg", null, 5).rows()).isEmpty();

        m.birthdayProperty().set("1990-05-17");
        m.save();
        assertThat(m.messageProperty().get()).isEqualTo(i18n.get("members.saved"));
        assertThat(m.profileProperty().get().name()).isEqualTo("Kari Berg");
        assertThat(shop.counter().search("berg", null, 5).rows()).hasSize(1);
    }

    @Test
    void aClosedOwnerGateBecomesTheOwnerMessageAndNothingIsWritten() {
        MembersViewModel m = model(() -> false);
        int entries = shop.db().dsl().fetchCount(LEDGER_ENTRY);
        m.voidReasonProperty().set("wrong customer");
        m.voidEntry(m.history().get(0));
        assertThat(m.messageProperty().get()).isEqualTo("Owner mode is needed for this. Unlock it with the owner PIN.");
        m.adjustStampsProperty().set("2");
        m.adjustReasonProperty().set("paper card");
        m.adjust();
        assertThat(m.messageProperty().get()).isEqualTo(i18n.get("owner.required"));
        m.askErase();
        m.eraseTypedProperty().set("Kari Nordmann");
        m.confirmErase();
        assertThat(m.messageProperty().get()).isEqualTo(i18n.get("owner.required"));
        assertThat(m.failedProperty().get()).isTrue();
        assertThat(shop.db().dsl().fetchCount(LEDGER_ENTRY)).isEqualTo(entries);
        assertThat(m.profileProperty().get().status()).isEqualTo("ACTIVE");
    }

    @Test
    void eraseNeedsTheNameOrTheWordTypedAfterTheFirstAsk() {
        MembersViewModel m = model(OwnerGate.TRUSTED);
        m.eraseTypedProperty().set("Kari Nordmann");
        assertThat(m.eraseConfirmedBinding().get()).isFalse();
        m.askErase();
        m.eraseTypedProperty().set("Kari");
        assertThat(m.eraseConfirmedBinding().get()).isFalse();
        m.eraseTypedProperty().set("kari nordmann");
        assertThat(m.eraseConfirmedBinding().get()).isTrue();
        m.eraseTypedProperty().set(MembersViewModel.ERASE_WORD);
        assertThat(m.eraseConfirmedBinding().get()).isTrue();
    }

    @Test
    void historyTextsSayWhatWhoAndTheLinks() {
        MembersViewModel m = model(OwnerGate.TRUSTED);
        var stamp = m.history().get(0);
        m.voidReasonProperty().set("wrong customer");
        m.voidEntry(stamp);
        var voidRow = m.history().get(0);
        var voided = m.history().get(1);
        assertThat(m.kindText(voidRow)).isEqualTo("Void");
        assertThat(m.whoText(voidRow)).isEqualTo("Owner");
        assertThat(m.notesText(voidRow)).isEqualTo("voids #" + stamp.id() + " · wrong customer");
        assertThat(m.notesText(voided)).isEqualTo("voided by #" + voidRow.id());
        assertThat(m.changeText(voidRow)).isEqualTo("-1");
        assertThat(m.whoText(voided)).isEqualTo("System");
        assertThat(m.profileProperty().get().stamps()).isEqualTo(2);
    }
}
