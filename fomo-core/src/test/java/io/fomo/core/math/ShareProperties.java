package io.fomo.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.math.arbitraries.MathArbitraries;
import io.fomo.spi.Amount;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** A share of an amount is one rounding of units * bps / 10,000; equality and sums are exact. */
class ShareProperties {

    @Provide
    Arbitrary<Amount> amounts() {
        return MathArbitraries.totals();
    }

    @Provide
    Arbitrary<RoundingMode> modes() {
        return MathArbitraries.directedModes();
    }

    @Property
    void aShareOfAnAmountIsOneIntegerRounding(@ForAll("amounts") Amount amount,
            @ForAll @IntRange(min = 0, max = Share.BPS_WHOLE) int bps, @ForAll("modes") RoundingMode mode) {
        Amount part = Share.ofBps(bps).of(amount, mode);

        BigInteger expected = Oracles.divide(amount.units().multiply(BigInteger.valueOf(bps)),
                BigInteger.valueOf(Share.BPS_WHOLE), mode);
        assertEquals(expected, part.units());
        assertEquals(amount.asset(), part.asset());
    }

    @Property
    void equalityAndHashIgnoreTheScale(@ForAll @IntRange(min = 0, max = Share.BPS_WHOLE) int bps,
            @ForAll @IntRange(min = 0, max = 30) int extraZeros) {
        Share fromBps = Share.ofBps(bps);
        Share fromDecimal = Share.of(BigDecimal.valueOf(bps, 4).setScale(4 + extraZeros));

        assertEquals(fromBps, fromDecimal);
        assertEquals(fromBps.hashCode(), fromDecimal.hashCode());
        assertEquals(0, fromBps.compareTo(fromDecimal));
    }

    @Property
    void sumsAreExactAndCappedAtTheWhole(@ForAll @IntRange(min = 0, max = Share.BPS_WHOLE) int a,
            @ForAll @IntRange(min = 0, max = Share.BPS_WHOLE) int b) {
        Share x = Share.ofBps(a);
        Share y = Share.ofBps(b);
        if (a + b <= Share.BPS_WHOLE) {
            assertEquals(Share.ofBps(a + b), x.plus(y));
        } else {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> x.plus(y));
            String message = e.getMessage();
            assertTrue(message.startsWith("share = ") && message.endsWith(": must be between 0 and 1"), message);
            BigDecimal shown = new BigDecimal(message.substring("share = ".length(), message.indexOf(':')));
            assertEquals(0, BigDecimal.valueOf(a + b, 4).compareTo(shown), message);
        }
        assertEquals(Share.ofBps(a), x); // operands unchanged
    }
}
