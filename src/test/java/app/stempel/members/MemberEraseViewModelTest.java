package app.stempel.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.owner.OwnerGate;

class MemberEraseViewModelTest {

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
    void eraseNeedsTheNameOrTheWordTypedAfterTheFirstAsk() {
        MemberEraseViewModel m = fixture.model(OwnerGate.TRUSTED).eraseTab();
        m.typedProperty().set("Kari Nordmann");
        assertThat(m.confirmedBinding().get()).isFalse();
        m.ask();
        m.typedProperty().set("Kari");
        assertThat(m.confirmedBinding().get()).isFalse();
        m.typedProperty().set("kari nordmann");
        assertThat(m.confirmedBinding().get()).isTrue();
        m.typedProperty().set(MemberEraseViewModel.ERASE_WORD);
        assertThat(m.confirmedBinding().get()).isTrue();
    }
}
