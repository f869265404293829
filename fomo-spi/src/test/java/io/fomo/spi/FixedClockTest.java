package io.fomo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fomo.spi.contract.ClockContract;
import java.time.Instant;
import net.jqwik.api.Example;

/** Runs the clock contract against the fixed clock. */
class FixedClockTest implements ClockContract {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Clock newClock() {
        return FixedClock.at(T0);
    }

    @Example
    void alwaysTellsTheSameInstant() {
        FixedClock clock = FixedClock.at(T0);
        assertEquals(T0, clock.now());
        assertEquals(T0, clock.now());
        assertEquals(FixedClock.at(T0), clock);
        assertEquals(FixedClock.at(T0).hashCode(), clock.hashCode());
        assertNotEquals(FixedClock.at(T0.plusNanos(1)), clock);
        assertEquals("FixedClock[2026-01-01T00:00:00Z]", clock.toString());
        NullPointerException e = assertThrows(NullPointerException.class, () -> FixedClock.at(null));
        assertEquals("instant", e.getMessage());
    }

    @Example
    void aLambdaIsAClock() {
        Clock clock = () -> T0;
        assertEquals(T0, clock.now());
    }
}
