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

class StakingFactorTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static void assertNum(String expected, BigDecimal actual) {
        assertEquals(0, d(expected).compareTo(actual), "expected " + expected + " but was " + actual.toPlainString());
    }

    @Test
    void byHand() {
        MathContext mc = new MathContext(50, RoundingMode.DOWN);
        assertNum("0.5", StakingFactor.of(d("0.5"), BigDecimal.ZERO, mc));
        assertNum("1", StakingFactor.of(d("0.5"), BigDecimal.ONE, mc));
        assertNum("0.75", StakingFactor.of(d("0.5"), d("0.25"), mc));
        assertNum("0.91", StakingFactor.of(d("0.9"), d("0.01"), mc));
        assertNum("0.2", StakingFactor.of(BigDecimal.ZERO, d("0.04"), mc));
        // 0.5 + 0.5 * sqrt(0.5) = 0.85355339059327376220042218105242451964241796884423...
        assertNum("0.85355", StakingFactor.of(d("0.5"), d("0.5"), new MathContext(5, RoundingMode.DOWN)));
        assertNum("0.85356", StakingFactor.of(d("0.5"), d("0.5"), new MathContext(5, RoundingMode.UP)));
        assertNum("0.8535533905932737622", StakingFactor.of(d("0.5"), d("0.5"), new MathContext(19, RoundingMode.HALF_EVEN)));
    }

    @Test
    void incentiveFactorIsZeroWithoutStake() {
        assertNum("0", StakingFactor.incentive(d("0.5"), BigInteger.ZERO, BigInteger.TEN, 36, RoundingMode.DOWN));
        assertNum("0.75", StakingFactor.incentive(d("0.5"), BigInteger.ONE, BigInteger.valueOf(4), 36, RoundingMode.DOWN));
        assertNum("0.5", StakingFactor.global(d("0.5"), BigInteger.ZERO, BigInteger.ZERO, 36, RoundingMode.DOWN));
    }

    @Test
    void rejectsOutOfRangeNamingTheField() {
        MathContext mc = new MathContext(10, RoundingMode.DOWN);
        assertTrue(assertThrows(InvalidArgumentException.class, () -> StakingFactor.of(d("1.1"), d("0.5"), mc))
                .getMessage().startsWith("alpha = 1.1"));
        assertTrue(assertThrows(InvalidArgumentException.class, () -> StakingFactor.of(d("0.5"), d("-0.1"), mc))
                .getMessage().startsWith("stakeShare = -0.1"));
        assertThrows(InvalidArgumentException.class,
                () -> StakingFactor.global(d("0.5"), BigInteger.TEN, BigInteger.ONE, 10, RoundingMode.DOWN));
    }
}
