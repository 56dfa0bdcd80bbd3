package app.stempel.members;

import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.ui.I18n;
import app.stempel.core.MemberStatus;

/** The parent of the Members screen: what its sub-screens share (the member shown, the message). */
class MembersViewModelTest {

    @TempDir
    Path dir;
    private MembersFixture fixture;
    private Services shop;
    private I18n i18n;

    @BeforeEach
    void open() {
        fixture = new MembersFixture(dir);
        shop = fixture.shop;
        i18n = fixture.i18n;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aClosedOwnerGateBecomesTheOwnerMessageAndNothingIsWritten() {
        MembersViewModel m = fixture.model(() -> false);
        int entries = shop.db().dsl().fetchCount(LEDGER_ENTRY);
        MemberHistoryViewModel history = m.historyTab();
        history.voidReasonProperty().set("wrong customer");
        history.voidEntry(history.rows().get(0));
        assertThat(m.messageProperty().get()).isEqualTo("Owner mode is needed for this. Unlock it with the owner PIN.");
        MemberAdjustViewModel adjust = m.adjustTab();
        adjust.stampsProperty().set("2");
        adjust.reasonProperty().set("paper card");
        adjust.adjust();
        assertThat(m.messageProperty().get()).isEqualTo(i18n.get("owner.required"));
        MemberEraseViewModel erase = m.eraseTab();
        erase.ask();
        erase.typedProperty().set("Kari Nordmann");
        erase.confirm();
        assertThat(m.messageProperty().get()).isEqualTo(i18n.get("owner.required"));
        assertThat(m.failedProperty().get()).isTrue();
        assertThat(shop.db().dsl().fetchCount(LEDGER_ENTRY)).isEqualTo(entries);
        assertThat(m.profileProperty().get().status()).isEqualTo(MemberStatus.ACTIVE);
    }
}
