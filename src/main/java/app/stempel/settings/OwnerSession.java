package app.stempel.settings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.owner.OwnerGate;
import java.util.HashMap;
import java.time.format.DateTimeParseException;

/**
 * Owner mode at one till: opened with the owner's PIN, ended by {@link #end()} (a key) or by itself after
 * {@link #idleLimit()} without {@link #touch() activity}. Wrong PINs lock it out for a growing time: the
 * first {@value #FREE_TRIES} cost nothing, each one after that locks for {@link #FIRST_LOCK} doubled per
 * further wrong PIN, up to {@link #LONGEST_LOCK}. The count and the lock live in the shop's settings, so
 * restarting the program does not reset them. Plain Java: the window calls it in the background (checking
 * a PIN takes a good part of a second by design).
 */
public final class OwnerSession implements OwnerGate {

    /** Wrong PINs in a row that lock nothing. */
    public static final int FREE_TRIES = 3;
    public static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    public static final Duration LONGEST_LOCK = Duration.ofHours(1);
    /** Idle time after which owner mode ends when the owner has not set another. */
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(5);

    /** What a PIN attempt came to. */
    public sealed interface Attempt {
        /**
         * Owner mode is open.
         *
         * @param lengthen the PIN is shorter than new PINs must be, and the owner has not been asked before to
         *        lengthen it: ask now, once
         */
        record Opened(boolean lengthen) implements Attempt {
        }

        /** The PIN was wrong; {@code triesLeft} more before a lock-out (0 when this one started one). */
        record Wrong(int triesLeft, Duration lockedFor) implements Attempt {
        }

        /** Locked out: nothing was checked; try again after {@code remaining}. */
        record LockedOut(Duration remaining) implements Attempt {
        }
    }

    private final SettingsService settings;
    private final Clock clock;
    private Duration idleLimit = DEFAULT_IDLE;
    private Instant lastActivity;
    /** Read when the shop opens, and set by {@link SetupService}: asked on the JavaFX thread, so never read from the database. */
    private boolean setUp;

    /** Takes the owner's idle limit from the shop's settings. */
    public OwnerSession(SettingsService settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
        settings.ownerIdle().ifPresent(this::setIdleLimit);
        this.setUp = settings.isSetUp();
    }

    /**
     * Open after the owner's PIN until it ends or idles out; and open while the shop has not been set up yet,
     * since whoever sets it up becomes its owner (the first-run wizard, or a demo shop). Once set up, a shop
     * stays set up: owner work needs the PIN from then on.
     */
    @Override
    @Role(Who.TILL)
    public synchronized boolean isOpen() {
        if (!setUp) {
            return true;
        }
        if (lastActivity == null) {
            return false;
        }
        if (!clock.instant().isBefore(lastActivity.plus(idleLimit))) {
            lastActivity = null;
            return false;
        }
        return true;
    }

    /** Tries the owner's PIN; slow by design. */
    @Role(Who.TILL)
    public Attempt unlock(String pin) {
        Instant now = clock.instant();
        Optional<Duration> wait = lockedFor(now);
        if (wait.isPresent()) {
            return new Attempt.LockedOut(wait.get());
        }
        String stored = settings.get(SettingsService.OWNER_PIN).orElse(null);
        if (pin != null && stored != null && PinHasher.matches(pin, stored)) {
            boolean lengthen = pin.length() < Pins.OWNER_MIN
                    && settings.get(SettingsService.OWNER_PIN_SHORT_ASKED).isEmpty();
            Map<String, String> reset = new HashMap<>(
                    Map.of(SettingsService.OWNER_FAILURES, "0", SettingsService.OWNER_LOCKED_UNTIL, ""));
            if (lengthen) {
                reset.put(SettingsService.OWNER_PIN_SHORT_ASKED, now.toString());
            }
            settings.putAll(reset);
            synchronized (this) {
                lastActivity = clock.instant();
            }
            return new Attempt.Opened(lengthen);
        }
        int failures = failures() + 1;
        Duration lock = lockAfter(failures);
        settings.putAll(Map.of(SettingsService.OWNER_FAILURES, String.valueOf(failures),
                SettingsService.OWNER_LOCKED_UNTIL, lock.isZero() ? "" : now.plus(lock).toString()));
        return new Attempt.Wrong(Math.max(0, FREE_TRIES - failures), lock);
    }

    /** How long a lock-out still lasts, if one does. */
    @Role(Who.TILL)
    public Optional<Duration> lockedFor() {
        return lockedFor(clock.instant());
    }

    private Optional<Duration> lockedFor(Instant now) {
        return settings.get(SettingsService.OWNER_LOCKED_UNTIL).filter(v -> !v.isBlank()).flatMap(v -> {
            try {
                Instant until = Instant.parse(v);
                return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /** The lock that the {@code failures}-th wrong PIN in a row starts. */
    static Duration lockAfter(int failures) {
        if (failures < FREE_TRIES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_TRIES, 16);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }

    private int failures() {
        return settings.get(SettingsService.OWNER_FAILURES).map(v -> {
            try {
                return Math.max(0, Integer.parseInt(v.strip()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }).orElse(0);
    }

    /** The owner did something: the idle time starts again. Does nothing when owner mode is closed. */
    @Role(Who.TILL)
    public synchronized void touch() {
        if (isOpen()) {
            lastActivity = clock.instant();
        }
    }

    /** The first-run setup is done: from now on owner work needs the PIN. */
    synchronized void shopSetUp() {
        setUp = true;
    }

    /** Ends owner mode now. */
    @Role(Who.TILL)
    public synchronized void end() {
        lastActivity = null;
    }

    @Role(Who.TILL)
    public synchronized Duration idleLimit() {
        return idleLimit;
    }

    synchronized void setIdleLimit(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the idle limit must be positive");
        }
        this.idleLimit = limit;
    }

    /** Changes the owner's PIN; the old one must be given. Owner mode must be open. */
    @Role(Who.OWNER)
    public boolean changePin(String oldPin, String newPin) {
        require();
        if (!Pins.isValidOwner(newPin)) {
            throw new IllegalArgumentException("the owner PIN must be " + Pins.OWNER_MIN + " to "
                    + Pins.OWNER_MAX + " digits");
        }
        String stored = settings.get(SettingsService.OWNER_PIN).orElse(null);
        if (oldPin == null || stored == null || !PinHasher.matches(oldPin, stored)) {
            return false;
        }
        settings.putAll(Map.of(SettingsService.OWNER_PIN, PinHasher.hash(newPin)));
        return true;
    }
}
