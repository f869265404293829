package io.fomo.examples.run;

import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How many whole units a spend buys at one unit price: {@code floor(spend / price)}, at most
 * {@code Long.MAX_VALUE}, exactly as {@code spend.divide(price, 0, RoundingMode.FLOOR)} says.
 *
 * <p>A run prices some ten thousand spends a day at one or two prices; the division of two
 * {@code BigDecimal}s made a few numbers per spend. With {@code price = P·10^-s} and
 * {@code spend = m·10^-d}, {@code floor(spend / price) = floor(m·10^(s−d) / P)} (or
 * {@code floor(m / (P·10^(d−s)))}): one {@code long} multiplication and division when every factor fits a
 * {@code long} (with the price's trailing zeros stripped), checked per spend; any other spend takes the
 * {@code BigDecimal} division.
 * {@link UnitsAtPriceProperties} holds the two to equal.
 *
 * <p>This class is immutable and thread-safe.
 */
final class UnitsAtPrice {

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final long[] POWERS = new long[19];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private final BigDecimal price;
    private final int spendDecimals;
    /** {@code 10^(s−d)}, or 1 when {@code s < d}; 0 when there is no {@code long} way. */
    private final long multiplier;
    /** {@code P}, or {@code P·10^(d−s)} when {@code s < d}; 0 when there is no {@code long} way. */
    private final long divisor;

    /**
     * Prepares the division by one price.
     *
     * @param price         the unit price, positive
     * @param spendDecimals the decimals of the spends' base units (USD: 6), not negative
     */
    UnitsAtPrice(BigDecimal price, int spendDecimals) {
        this.price = Objects.requireNonNull(price, "price");
        if (price.signum() <= 0) {
            throw InvalidArgumentException.of("price", price, "must be positive");
        }
        if (spendDecimals < 0) {
            throw InvalidArgumentException.of("spendDecimals", spendDecimals, "must not be negative");
        }
        this.spendDecimals = spendDecimals;
        // The same value with the fewest digits (a discounted price carries its product's trailing zeros).
        BigDecimal lean = price.stripTrailingZeros();
        BigInteger unscaled = lean.unscaledValue();
        long e = (long) lean.scale() - spendDecimals;
        long m = 0;
        long q = 0;
        if (unscaled.bitLength() < Long.SIZE && Math.abs(e) < POWERS.length) {
            long p = unscaled.longValue();
            if (e >= 0) {
                m = POWERS[(int) e];
                q = p;
            } else {
                long hi = Math.multiplyHigh(p, POWERS[(int) -e]);
                long lo = p * POWERS[(int) -e];
                if (hi == 0 && lo > 0) {
                    m = 1;
                    q = lo;
                }
            }
        }
        this.multiplier = m;
        this.divisor = q;
    }

    /**
     * Returns the whole units a spend buys.
     *
     * @param spendUnits the spend in base units, not negative
     * @return {@code floor(spend / price)}, at most {@code Long.MAX_VALUE}
     */
    long unitsFor(long spendUnits) {
        if (spendUnits < 0) {
            throw InvalidArgumentException.of("spendUnits", spendUnits, "must not be negative");
        }
        if (divisor != 0) {
            long hi = Math.multiplyHigh(spendUnits, multiplier);
            long lo = spendUnits * multiplier;
            if (hi == 0 && lo >= 0) {
                return lo / divisor;
            }
        }
        return unitsFor(BigDecimal.valueOf(spendUnits, spendDecimals));
    }

    /**
     * Returns the whole units a spend buys, by the {@code BigDecimal} division.
     *
     * @param spend the spend, not negative
     * @return {@code floor(spend / price)}, at most {@code Long.MAX_VALUE}
     */
    long unitsFor(BigDecimal spend) {
        BigDecimal units = spend.divide(price, 0, RoundingMode.FLOOR);
        return units.compareTo(LONG_MAX) > 0 ? Long.MAX_VALUE : units.longValueExact();
    }
}
