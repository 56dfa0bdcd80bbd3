package app.stempel.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPrefsTest {

    @TempDir
    Path dir;

    @Test
    void theTillRemembersItsLanguageAndCustomerDisplayTogether() throws Exception {
        LocalPrefs prefs = new LocalPrefs(dir);
        assertThat(prefs.language()).isEmpty();
        assertThat(prefs.customerDisplay()).isFalse();

        prefs.setLanguage("pl");
        prefs.setCustomerDisplay(true);

        LocalPrefs again = new LocalPrefs(dir);
        assertThat(again.language()).contains("pl");
        assertThat(again.customerDisplay()).isTrue();
        again.setCustomerDisplay(false);
        assertThat(new LocalPrefs(dir).customerDisplay()).isFalse();
        assertThat(new LocalPrefs(dir).language()).as("one setting does not lose the other").contains("pl");
    }

    @Test
    void aDamagedFileCountsAsNoPreferences() throws Exception {
        Files.writeString(dir.resolve(LocalPrefs.FILE_NAME), "customerDisplay=\\u00zz\n");
        LocalPrefs prefs = new LocalPrefs(dir);
        assertThat(prefs.customerDisplay()).isFalse();
        prefs.setCustomerDisplay(true);
        assertThat(new LocalPrefs(dir).customerDisplay()).isTrue();
    }
}
