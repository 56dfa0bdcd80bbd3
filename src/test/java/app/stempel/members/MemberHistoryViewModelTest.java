package app.stempel.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.owner.OwnerGate;

class MemberHistoryViewModelTest {

    @TempDir
    Path dir;
    private MembersFixture fixture;

    @BeforeEach
    void open() {
        fixture = new MembersFixture(dir);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void historyTextsSayWhatWhoAndTheLinks() {
        MembersViewModel screen = fixture.model(OwnerGate.TRUSTED);
        MemberHistoryViewModel m = screen.historyTab();
        var stamp = m.rows().get(0);
        m.voidReasonProperty().set("wrong customer");
        m.voidEntry(stamp);
        var voidRow = m.rows().get(0);
        var voided = m.rows().get(1);
        assertThat(m.kindText(voidRow)).isEqualTo("Void");
        assertThat(m.whoText(voidRow)).isEqualTo("Owner");
        assertThat(m.notesText(voidRow)).isEqualTo("voids #" + stamp.id() + " · wrong customer");
        assertThat(m.notesText(voided)).isEqualTo("voided by #" + voidRow.id());
        assertThat(m.changeText(voidRow)).isEqualTo("-1");
        assertThat(m.whoText(voided)).isEqualTo("System");
        assertThat(screen.profileProperty().get().stamps()).isEqualTo(2);
    }
}
