package io.fomo.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fomo.core.revenue.UnitPrice;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link LongScaling} answers exactly what {@code BigDecimal} answers, and answers whenever it can: for
 * random and edge factors (0, 1, around 10^k, around the square root of {@code Long.MAX_VALUE}, up to
 * {@code Long.MAX_VALUE}), every power 0..18 and every rounding mode, the result is
 * {@code (a·b / 10^k).setScale(0, mode)}; it declines (-1) exactly when the product passes a long or the
 * mode is UNNECESSARY on an inexact quotient. And {@link UnitPrice#charge}, which uses it, is the
 * {@code BigDecimal} charge for random prices of any decimals and random units.
 */
class LongScalingProperties {

    @Provide
    Arbitrary<Long> factors() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 1_000_000),
                Arbitraries.longs().between(0, 3_037_000_500L),
                Arbitraries.longs().between(0, Long.MAX_VALUE),
                Arbitraries.of(0L, 1L, 5L, 9L, 10L, 15L, 25L, 999_999_999_999L, 1_000_000_000_000L,
                        3_037_000_499L, 3_037_000_500L, Long.MAX_VALUE, Long.MAX_VALUE / 2, Long.MAX_VALUE - 1));
    }

    @Property(tries = 3000)
    void isTheBigDecimalRoundingWheneverTheProductFitsALong(@ForAll("factors") long a, @ForAll("factors") long b,
            @ForAll @IntRange(min = 0, max = 18) int k, @ForAll RoundingMode mode) {
        BigInteger product = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
        long got = LongScaling.multiplyDivideByPowerOfTen(a, b, k, mode);
        boolean fits = product.bitLength() < Long.SIZE;
        BigDecimal exact = new BigDecimal(product, k);
        boolean inexact = exact.stripTrailingZeros().scale() > 0;
        if (!fits || (mode == RoundingMode.UNNECESSARY && inexact)) {
            assertEquals(-1, got, a + "·" + b + "/10^" + k + " " + mode);
            return;
        }
        assertEquals(exact.setScale(0, mode).longValueExact(), got, a + "·" + b + "/10^" + k + " " + mode);
    }

    @Property(tries = 200)
    void declinesWhatItCannotAnswer(@ForAll("factors") long a, @ForAll @IntRange(min = -5, max = 40) int k,
            @ForAll RoundingMode mode) {
        if (k < 0 || k > 18) {
            assertEquals(-1, LongScaling.multiplyDivideByPowerOfTen(a, 1, k, mode));
        }
        assertEquals(-1, LongScaling.multiplyDivideByPowerOfTen(-1 - a, 1, 0, mode));
        assertEquals(-1, LongScaling.multiplyDivideByPowerOfTen(1, -1 - a, 0, mode));
    }

    @Provide
    Arbitrary<BigDecimal> prices() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 10_000_000_000L),
                Arbitraries.longs().between(0, Long.MAX_VALUE))
                .flatMap(u -> Arbitraries.integers().between(0, 36).map(s -> BigDecimal.valueOf(u, s)));
    }

    @Property(tries = 2000)
    void aChargeIsThePriceTimesTheUnitsRoundedOnce(@ForAll("prices") BigDecimal price,
            @ForAll("factors") long units, @ForAll RoundingMode mode, @ForAll boolean usd) {
        Asset quote = usd ? Asset.USD : Asset.FLOCK;
        UnitPrice p = UnitPrice.of(quote, Math.max(price.scale(), 0), price);
        BigDecimal exact = p.value().multiply(BigDecimal.valueOf(units));
        Object expected = outcome(() -> Amount.of(quote, exact, mode));
        Object got = outcome(() -> p.charge(units, mode));
        assertEquals(expected, got, price + "·" + units + " " + mode);
        if (expected instanceof Amount e) {
            assertEquals(e.value().scale(), ((Amount) got).value().scale());
        }
    }

    /** The amount, or the error's class and message. */
    private static Object outcome(java.util.function.Supplier<Amount> charge) {
        try {
            return charge.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /**
     * A decimal's unscaled value is read as a long exactly when it has at most 18 digits, whatever its sign and
     * scale (negative scales too), and Long.MIN_VALUE marks every longer one, around the edge of 10^18.
     */
    @Property(tries = 2000)
    void aDecimalOfAtMost18DigitsGivesItsUnscaledValue(@ForAll("unscaledValues") BigInteger unscaled,
            @ForAll @IntRange(min = -30, max = 60) int scale) {
        BigDecimal v = new BigDecimal(unscaled, scale);
        long expected = v.precision() <= 18 ? unscaled.longValueExact() : Long.MIN_VALUE;
        assertEquals(expected, LongScaling.unscaledOrMinValue(v), v.toString());
    }

    @Provide
    Arbitrary<BigInteger> unscaledValues() {
        BigInteger edge = BigInteger.TEN.pow(18);
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(edge.negate().subtract(BigInteger.valueOf(1000)),
                        edge.negate().add(BigInteger.valueOf(1000))),
                Arbitraries.bigIntegers().between(edge.subtract(BigInteger.valueOf(1000)),
                        edge.add(BigInteger.valueOf(1000))),
                Arbitraries.bigIntegers().between(BigInteger.TWO.pow(70).negate(), BigInteger.TWO.pow(70)),
                Arbitraries.longs().map(BigInteger::valueOf));
    }
}
