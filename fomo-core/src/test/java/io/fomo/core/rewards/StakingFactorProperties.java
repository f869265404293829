package io.fomo.core.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class StakingFactorProperties {


    /** Oracle: the same curve at 60 more digits with the JDK's square root, then rounded. */
    @Property(tries = 300)
    void roundedOnceExactlyInEveryDirection(@ForAll @IntRange(min = 0, max = 1000) int alphaMilli,
            @ForAll @LongRange(min = 0, max = 1_000_000_000L) long stake,
            @ForAll @LongRange(min = 1, max = 1_000_000_000L) long extra, @ForAll @IntRange(min = 1, max = 40) int p) {
        BigDecimal alpha = BigDecimal.valueOf(alphaMilli, 3);
        BigDecimal s = BigDecimal.valueOf(stake).divide(BigDecimal.valueOf(stake + extra), 30, RoundingMode.DOWN);
        MathContext wide = new MathContext(p + 60, RoundingMode.HALF_EVEN);
        BigDecimal exact = alpha.add(BigDecimal.ONE.subtract(alpha).multiply(s.sqrt(wide)), wide);
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.DOWN, RoundingMode.UP, RoundingMode.HALF_EVEN}) {
            BigDecimal oracle = exact.round(new MathContext(p, mode));
            assertEquals(0, oracle.compareTo(StakingFactor.of(alpha, s, new MathContext(p, mode))), mode.toString());
        }
    }
}
