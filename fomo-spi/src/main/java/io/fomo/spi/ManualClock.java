package io.fomo.spi;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@link Clock} that moves only when told to, and only forwards: the driver of a simulation sets it
 * to the next day, the next epoch close, and so on.
 *
 * <p>This class is thread-safe: every method holds the clock's lock.
 */
public final class ManualClock implements Clock {

    private Instant now;

    private ManualClock(Instant start) {
        this.now = start;
    }

    /**
     * Returns a clock that starts at an instant.
     *
     * @param start the first instant {@link #now()} returns
     * @return the clock
     */
    public static ManualClock startingAt(Instant start) {
        return new ManualClock(Objects.requireNonNull(start, "start"));
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    /**
     * Moves the clock to an instant; setting the current instant again is allowed and does nothing.
     *
     * @param instant the new now, not earlier than the current one
     * @throws InvalidArgumentException if the instant is earlier than the current one (the clock is
     *                                  then unchanged)
     */
    public synchronized void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        if (instant.isBefore(now)) {
            throw InvalidArgumentException.of("instant", instant,
                    "is before the clock's current instant " + now + " (a clock cannot go backwards)");
        }
        now = instant;
    }

    /**
     * Moves the clock forward by a duration.
     *
     * @param duration how far to move, zero or positive
     * @return the new now
     * @throws InvalidArgumentException if the duration is negative or the result is beyond
     *                                  {@link Instant#MAX} (the clock is then unchanged)
     */
    public synchronized Instant advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw InvalidArgumentException.of("duration", duration,
                    "must not be negative (a clock cannot go backwards)");
        }
        try {
            now = now.plus(duration);
        } catch (DateTimeException | ArithmeticException e) {
            InvalidArgumentException error = InvalidArgumentException.of("duration", duration,
                    "moves the clock from " + now + " beyond " + Instant.MAX);
            error.initCause(e);
            throw error;
        }
        return now;
    }

    /**
     * Returns the current instant.
     *
     * @return for example {@code "ManualClock[2026-01-01T00:00:00Z]"}
     */
    @Override
    public synchronized String toString() {
        return "ManualClock[" + now + ']';
    }
}
