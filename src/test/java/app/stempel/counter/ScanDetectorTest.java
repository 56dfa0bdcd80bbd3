package app.stempel.counter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import app.stempel.Screens;

class ScanDetectorTest {

    private static final long MS = 1_000_000L;
    private final ScanDetector detector = new ScanDetector(Screens.DEFAULT_SCAN_GAP.toNanos());

    private long type(String text, long start, long gapMs) {
        long t = start;
        for (char c : text.toCharArray()) {
            detector.onChar(c, t);
            t += gapMs * MS;
        }
        return t - gapMs * MS;
    }

    @Test
    void scannerSpeedDigitsAndEnterAreAScan() {
        long last = type("2000000000015", 0, 4);
        assertThat(detector.onEnter(last + 5 * MS)).contains("2000000000015");
    }

    @Test
    void humanTypingIsNotAScan() {
        long last = type("2000000000015", 0, 80);
        assertThat(detector.onEnter(last + 90 * MS)).isEmpty();
    }

    @Test
    void aPauseBeforeEnterMeansAPersonPressedIt() {
        long last = type("2000000000015", 0, 4);
        assertThat(detector.onEnter(last + 400 * MS)).isEmpty();
    }

    @Test
    void aScanAfterHumanTypingContainsOnlyTheBurst() {
        long t = type("anna", 0, 120);
        long last = type("2000000000015", t + 500 * MS, 3);
        assertThat(detector.onEnter(last + 3 * MS)).contains("2000000000015");
    }

    @Test
    void garbledScannerOutputIsStillRecognisedAsAScan() {
        long last = type("ЙЦУКЕНГШЩЗХЪЖ", 0, 4);
        assertThat(detector.onEnter(last + 4 * MS)).contains("ЙЦУКЕНГШЩЗХЪЖ");
    }

    @Test
    void tooShortABurstIsNotAScan() {
        long last = type("123", 0, 4);
        assertThat(detector.onEnter(last + 4 * MS)).isEmpty();
    }

    @Test
    void enterStartsAfresh() {
        long last = type("2000000000015", 0, 4);
        detector.onEnter(last + 4 * MS);
        assertThat(detector.onEnter(last + 8 * MS)).isEmpty();
        assertThat(detector.burstLength()).isZero();
    }
}
