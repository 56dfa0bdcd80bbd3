package app.stempel.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.owner.OwnerGate;
import app.stempel.ui.I18n;

class MemberEditViewModelTest {

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
    void badInputIsExplainedAndNothingIsSaved() {
        MembersViewModel m = fixture.model(OwnerGate.TRUSTED);
        MemberEditViewModel edit = m.editTab();
        edit.nameProperty().set("  ");
        edit.save();
        assertThat(m.messageProperty().get()).isEqualTo(i18n.get("members.invalid.name"));
        edit.nameProperty().set("Kari Berg");
        edit.emailProperty().set("kari@");
        edit.save();
        assertThat(m.messageProperty().get()).isEqualTo(i18n.get("members.invalid.email"));
        edit.emailProperty().set("kari@example.no");
        edit.phoneProperty().set("call me");
        edit.save();
        assertThat(m.messageProperty().get()).isEqualTo(i18n.get("members.invalid.phone"));
        edit.phoneProperty().set("+47 912 34 567");
        edit.birthdayProperty().set("17.05.1990");
        edit.save();
        assertThat(m.messageProperty().get()).isEqualTo(i18n.get("members.invalid.birthday"));
        edit.birthdayProperty().set("2026-03-03");
        edit.save();
        assertThat(m.messageProperty().get()).isEqualTo(i18n.get("members.invalid.birthdayFuture"));
        assertThat(m.failedProperty().get()).isTrue();
        assertThat(shop.counter().search("berg", null, 5).rows()).isEmpty();

        edit.birthdayProperty().set("1990-05-17");
        edit.save();
        assertThat(m.messageProperty().get()).isEqualTo(i18n.get("members.saved"));
        assertThat(m.profileProperty().get().name()).isEqualTo("Kari Berg");
        assertThat(shop.counter().search("berg", null, 5).rows()).hasSize(1);
    }
}
