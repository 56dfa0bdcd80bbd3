package app.stempel.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DataDirTest {

    private static final String HOME = "/home/kasia";

    @Test
    void optionWinsOverEnvironmentAndDefault() {
        Path p = DataDir.resolve(Path.of("/srv/shop"), Map.of(DataDir.ENV, "/elsewhere"), "Linux", HOME);
        assertThat(p).isEqualTo(Path.of("/srv/shop"));
    }

    @Test
    void environmentVariableWinsOverDefault() {
        assertThat(DataDir.resolve(null, Map.of(DataDir.ENV, "/data/stempel"), "Linux", HOME))
                .isEqualTo(Path.of("/data/stempel"));
    }

    @Test
    void linuxUsesXdgDataHome() {
        assertThat(DataDir.resolve(null, Map.of("XDG_DATA_HOME", "/xdg"), "Linux", HOME))
                .isEqualTo(Path.of("/xdg/stempel"));
    }

    @Test
    void linuxFallsBackToLocalShareWhenXdgIsUnsetOrRelative() {
        assertThat(DataDir.resolve(null, Map.of(), "Linux", HOME)).isEqualTo(Path.of(HOME, ".local/share/stempel"));
        assertThat(DataDir.resolve(null, Map.of("XDG_DATA_HOME", "relative"), "Linux", HOME))
                .isEqualTo(Path.of(HOME, ".local/share/stempel"));
    }

    @Test
    void windowsUsesAppData() {
        assertThat(DataDir.resolve(null, Map.of("APPDATA", "/appdata"), "Windows 11", HOME))
                .isEqualTo(Path.of("/appdata/Stempel"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertThat(DataDir.resolve(null, Map.of(), "Mac OS X", HOME))
                .isEqualTo(Path.of(HOME, "Library/Application Support/Stempel"));
    }
}
