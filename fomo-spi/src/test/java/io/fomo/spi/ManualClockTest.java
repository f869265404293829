package io.fomo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.contract.ClockContract;
import io.fomo.spi.contract.SpiArbitraries;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Runs the clock contract against the manual clock, moved by the contract, and checks its rules. */
class ManualClockTest implements ClockContract {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Clock newClock() {
        return ManualClock.startingAt(T0);
    }

    @Override
    public void advance(Clock clock, Duration by) {
        ((ManualClock) clock).advance(by);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return SpiArbitraries.instants();
    }

    @Property
    void setMovesToTheInstantWhenNotEarlier(@ForAll("instants") Instant start, @ForAll("instants") Instant next) {
        ManualClock clock = ManualClock.startingAt(start);
        if (next.isBefore(start)) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> clock.set(next));
            assertTrue(e.getMessage().startsWith("instant = " + next + ":"), e.getMessage());
            assertEquals(start, clock.now(), "a rejected set leaves the clock where it was");
        } else {
            clock.set(next);
            assertEquals(next, clock.now());
        }
    }

    @Property
    void advanceAddsTheDuration(@ForAll @LongRange(min = 0, max = 10L * 365 * 86_400) long seconds,
                                @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
        ManualClock clock = ManualClock.startingAt(T0);
        Duration step = Duration.ofSeconds(seconds, nanos);
        assertEquals(T0.plus(step), clock.advance(step));
        assertEquals(T0.plus(step), clock.now());
    }

    @Property
    void aNegativeAdvanceIsRejectedAndChangesNothing(@ForAll @LongRange(min = 1) long nanos) {
        ManualClock clock = ManualClock.startingAt(T0);
        Duration back = Duration.ofNanos(-nanos);
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> clock.advance(back));
        assertTrue(e.getMessage().startsWith("duration = " + back + ":"), e.getMessage());
        assertEquals(T0, clock.now());
    }

    @Example
    void settingTheSameInstantIsAllowed() {
        ManualClock clock = ManualClock.startingAt(T0);
        clock.set(T0);
        assertEquals(T0, clock.now());
        assertEquals(T0, clock.advance(Duration.ZERO));
    }

    @Example
    void advancingBeyondTheLastInstantIsRejectedAndChangesNothing() {
        ManualClock clock = ManualClock.startingAt(Instant.MAX.minusSeconds(1));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> clock.advance(Duration.ofSeconds(2)));
        assertTrue(e.getMessage().startsWith("duration = PT2S:"), e.getMessage());
        assertEquals(Instant.MAX.minusSeconds(1), clock.now());
        assertEquals("ManualClock[" + Instant.MAX.minusSeconds(1) + "]", clock.toString());
    }
}
