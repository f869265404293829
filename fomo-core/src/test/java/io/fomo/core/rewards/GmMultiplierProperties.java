package io.fomo.core.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class GmMultiplierProperties {

    private static final GmMultiplier GM = GmMultiplier.saturating(new BigDecimal("2"), new BigDecimal("100"), 18);


    @Property(tries = 200)
    void boundedIncreasingAndConcave(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long g,
            @ForAll @LongRange(min = 1, max = 1_000_000L) long h) {
        BigDecimal a = GM.valueAt(BigDecimal.valueOf(g));
        BigDecimal b = GM.valueAt(BigDecimal.valueOf(g + h));
        BigDecimal c = GM.valueAt(BigDecimal.valueOf(g + 2 * h));
        assertTrue(a.compareTo(BigDecimal.ONE) >= 0 && c.compareTo(new BigDecimal("2")) < 0);
        assertTrue(a.compareTo(b) <= 0 && b.compareTo(c) <= 0);
        // concave: the second step gains no more than the first (one unit of rounding at 18 decimals aside)
        assertTrue(c.subtract(b).compareTo(b.subtract(a).add(new BigDecimal("1e-18"))) <= 0);
    }
}
