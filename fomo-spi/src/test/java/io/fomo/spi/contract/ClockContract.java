package io.fomo.spi.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.fomo.spi.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The behaviour every {@link Clock} must have: {@code now()} is never null and never goes backwards,
 * however the clock is moved. An adapter's test class implements {@link #newClock()} and, for a clock
 * that is moved from outside (a simulation clock), {@link #advance(Clock, Duration)}.
 */
public interface ClockContract {

    /**
     * Returns a new clock; called once per try.
     *
     * @return the clock under test
     */
    Clock newClock();

    /**
     * Moves the clock under test forward, if it can be moved from outside; the default does nothing
     * (a clock that moves by itself).
     *
     * @param clock a clock returned by {@link #newClock()}
     * @param by    how far to move, zero or positive
     */
    default void advance(Clock clock, Duration by) {
    }

    /**
     * Steps of zero to a few days, at nanosecond resolution.
     *
     * @return the arbitrary
     */
    @Provide
    default Arbitrary<List<Duration>> steps() {
        return Arbitraries.oneOf(
                        Arbitraries.just(Duration.ZERO),
                        Arbitraries.longs().between(1, 999).map(Duration::ofNanos),
                        Arbitraries.longs().between(1, 3 * 86_400L).map(Duration::ofSeconds))
                .list().ofMaxSize(30);
    }

    /** Between any two readings, however the clock is moved, now never goes backwards. */
    @Property
    default void nowNeverGoesBackwards(@ForAll("steps") List<Duration> steps) {
        Clock clock = newClock();
        Instant previous = clock.now();
        assertNotNull(previous);
        for (Duration step : steps) {
            advance(clock, step);
            for (int read = 0; read < 3; read++) {
                Instant now = clock.now();
                assertNotNull(now);
                assertFalse(now.isBefore(previous), now + " came after " + previous);
                previous = now;
            }
        }
    }
}
