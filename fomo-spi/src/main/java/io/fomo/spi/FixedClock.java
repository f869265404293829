package io.fomo.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A {@link Clock} that always returns the same instant.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class FixedClock implements Clock {

    private final Instant instant;

    private FixedClock(Instant instant) {
        this.instant = instant;
    }

    /**
     * Returns a clock stopped at an instant.
     *
     * @param instant the instant every call of {@link #now()} returns
     * @return the clock
     */
    public static FixedClock at(Instant instant) {
        return new FixedClock(Objects.requireNonNull(instant, "instant"));
    }

    /**
     * Returns the fixed instant.
     *
     * @return the instant given at creation
     */
    @Override
    public Instant now() {
        return instant;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FixedClock c && c.instant.equals(instant);
    }

    @Override
    public int hashCode() {
        return instant.hashCode();
    }

    /**
     * Returns the fixed instant.
     *
     * @return for example {@code "FixedClock[2026-01-01T00:00:00Z]"}
     */
    @Override
    public String toString() {
        return "FixedClock[" + instant + ']';
    }
}
