package io.fomo.core.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class VestingScheduleProperties {

    static final Asset MT = Asset.of("MT", 18);
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Property(tries = 300)
    void vestingNeverFallsNeverExceedsTheTotalAndFollowsTheLine(
            @ForAll @LongRange(min = 1, max = 1_000_000_000L) long tokens,
            @ForAll @LongRange(min = 0, max = 400) long cliffDays, @ForAll @LongRange(min = 1, max = 800) long days,
            @ForAll @LongRange(min = 0, max = 1_000 * 86_400L) long t1, @ForAll @LongRange(min = 0, max = 1_000 * 86_400L) long t2) {
        Duration duration = Duration.ofDays(Math.max(days, cliffDays));
        Duration cliff = Duration.ofDays(Math.min(cliffDays, days));
        VestingSchedule v = VestingSchedule.of(Amount.of(MT, tokens), START, cliff, duration);
        long lo = Math.min(t1, t2);
        long hi = Math.max(t1, t2);
        Amount a = v.vestedAt(START.plusSeconds(lo));
        Amount b = v.vestedAt(START.plusSeconds(hi));
        assertTrue(a.compareTo(b) <= 0);
        assertTrue(b.compareTo(v.total()) <= 0);
        long s = hi;
        BigInteger expected = s < cliff.getSeconds() ? BigInteger.ZERO
                : s >= duration.getSeconds() ? v.total().units()
                : v.total().units().multiply(BigInteger.valueOf(s)).divide(BigInteger.valueOf(duration.getSeconds()));
        assertEquals(expected, b.units());
        assertEquals(b.minus(a), v.claimableAt(START.plusSeconds(hi), a));
    }
}
