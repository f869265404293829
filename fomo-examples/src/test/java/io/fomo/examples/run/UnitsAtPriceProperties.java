package io.fomo.examples.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fomo.spi.InvalidArgumentException;
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
 * {@link UnitsAtPrice}'s {@code long} way against the {@code BigDecimal} division it stands for, on prices
 * and spends from 1 to past {@code Long.MAX_VALUE} and scales on both sides of the spend's decimals (where
 * the products leave a long and the division must take over).
 */
class UnitsAtPriceProperties {

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private static long plain(long spendUnits, int spendDecimals, BigDecimal price) {
        BigDecimal units = BigDecimal.valueOf(spendUnits, spendDecimals).divide(price, 0, RoundingMode.FLOOR);
        return units.min(LONG_MAX).longValueExact();
    }

    @Provide
    Arbitrary<Long> longs() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 1_000),
                Arbitraries.longs().between(0, Long.MAX_VALUE),
                Arbitraries.longs().between(0, 10).map(d -> Long.MAX_VALUE - d),
                Arbitraries.integers().between(0, 18).map(k -> BigInteger.TEN.pow(k).longValueExact()),
                Arbitraries.integers().between(0, 62).map(k -> 1L << k));
    }

    @Provide
    Arbitrary<BigInteger> unscaledPrices() {
        return Arbitraries.oneOf(longs().filter(v -> v > 0).map(BigInteger::valueOf),
                Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.ONE.shiftLeft(80)));
    }

    @Property(tries = 3_000)
    void theLongWayIsTheDivision(@ForAll("longs") long spend, @ForAll("unscaledPrices") BigInteger unscaled,
            @ForAll @IntRange(min = -5, max = 30) int priceScale, @ForAll @IntRange(min = 0, max = 18) int decimals) {
        BigDecimal price = new BigDecimal(unscaled, priceScale);
        UnitsAtPrice units = new UnitsAtPrice(price, decimals);
        long expected = plain(spend, decimals, price);
        assertEquals(expected, units.unitsFor(spend), () -> spend + "e-" + decimals + " / " + price);
        assertEquals(expected, units.unitsFor(BigDecimal.valueOf(spend, decimals)));
    }

    @Property(tries = 1_000)
    void trailingZerosOfThePriceChangeNothing(@ForAll("longs") long spend, @ForAll("unscaledPrices") BigInteger unscaled,
            @ForAll @IntRange(min = 0, max = 24) int zeros, @ForAll @IntRange(min = 0, max = 30) int priceScale) {
        BigDecimal price = new BigDecimal(unscaled.multiply(BigInteger.TEN.pow(zeros)), priceScale + zeros);
        assertEquals(plain(spend, 6, price), new UnitsAtPrice(price, 6).unitsFor(spend), () -> spend + " / " + price);
    }

    @Property(tries = 500)
    void theUsdPricesOfTheScenarios(@ForAll @IntRange(min = 0, max = 100_000_000) int spendMicros,
            @ForAll @IntRange(min = 1, max = 1_000_000_000) int priceUnits, @ForAll @IntRange(min = 0, max = 18) int scale) {
        BigDecimal price = BigDecimal.valueOf(priceUnits, scale);
        assertEquals(plain(spendMicros, 6, price), new UnitsAtPrice(price, 6).unitsFor(spendMicros));
    }

    @Property(tries = 10)
    void aPriceMustBePositiveAndASpendNotNegative(@ForAll @IntRange(min = 0, max = 30) int scale) {
        assertThrows(InvalidArgumentException.class, () -> new UnitsAtPrice(BigDecimal.ZERO.setScale(scale), 6));
        assertThrows(InvalidArgumentException.class, () -> new UnitsAtPrice(BigDecimal.ONE.negate(), 6));
        assertThrows(InvalidArgumentException.class, () -> new UnitsAtPrice(BigDecimal.ONE, -1));
        assertThrows(InvalidArgumentException.class, () -> new UnitsAtPrice(BigDecimal.ONE, 6).unitsFor(-1L));
    }
}
