package app.stempel.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test moves by hand, in one zone; every time rule is tested on it. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MutableClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    /** Warsaw, starting at {@code iso} (an instant such as 2026-06-15T10:00:00Z). */
    public static MutableClock at(String iso) {
        return new MutableClock(Instant.parse(iso), ZoneId.of("Europe/Warsaw"));
    }

    public void advance(Duration d) {
        now.set(now.get().plus(d));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(now.get(), other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
