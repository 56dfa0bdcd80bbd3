package app.stempel.settings;

import java.time.Duration;

import app.stempel.ui.I18n;

/** What a person reads after typing a PIN that did not open owner mode. */
public final class PinMessages {

    private PinMessages() {
    }

    /** The message for a refused attempt; empty for one that opened owner mode. */
    public static String of(OwnerSession.Attempt attempt, I18n i18n) {
        if (attempt instanceof OwnerSession.Attempt.Wrong w) {
            return w.lockedFor().isZero() ? i18n.plural("owner.pin.wrong", w.triesLeft())
                    : i18n.get("owner.pin.wrongLocked", wait(w.lockedFor(), i18n));
        }
        if (attempt instanceof OwnerSession.Attempt.LockedOut l) {
            return i18n.get("owner.pin.lockedOut", wait(l.remaining(), i18n));
        }
        return "";
    }

    /** "45 seconds" or "3 minutes", rounded up. */
    static String wait(Duration d, I18n i18n) {
        long seconds = Math.max(1, (d.toMillis() + 999) / 1000);
        return seconds < 120 ? i18n.plural("owner.wait.seconds", seconds)
                : i18n.plural("owner.wait.minutes", (seconds + 59) / 60);
    }
}
