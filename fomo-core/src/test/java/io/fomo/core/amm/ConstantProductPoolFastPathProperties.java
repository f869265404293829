package io.fomo.core.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The exact-in quote's integer quotient for DOWN and FLOOR against the {@link BigDecimal} quotient. */
class ConstantProductPoolFastPathProperties {

    @Provide
    Arbitrary<BigInteger> units() {
        return Arbitraries.integers().between(1, 40).flatMap(digits ->
                Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(digits)));
    }

    @Property(tries = 1_000)
    void integerQuotientIsTheDecimalQuotient(@ForAll("units") BigInteger in, @ForAll("units") BigInteger rin,
            @ForAll("units") BigInteger rout, @ForAll @IntRange(min = 0, max = 9_999) int feeBps,
            @ForAll boolean floor) {
        RoundingMode mode = floor ? RoundingMode.FLOOR : RoundingMode.DOWN;
        BigInteger w = BigInteger.valueOf(10_000);
        BigInteger inWithFee = in.multiply(w.subtract(BigInteger.valueOf(feeBps)));
        BigInteger num = inWithFee.multiply(rout);
        BigInteger den = rin.multiply(w).add(inWithFee);
        BigInteger expected = new BigDecimal(num).divide(new BigDecimal(den), 0, mode).toBigIntegerExact();
        assertEquals(expected, ConstantProductPool.outUnits(in, rin, rout, feeBps, mode));
    }
}
