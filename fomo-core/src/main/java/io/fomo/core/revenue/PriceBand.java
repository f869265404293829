package io.fomo.core.revenue;

import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.Limits;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The FLOCK/USD prices a buyback accepts (docs/limits.md, "The engine") [DEFAULT]: a quote below
 * {@link #min()} or above {@link #max()} is treated as absurd (a broken feed, a manipulated pool, a
 * decimal shifted by a wrong scale), and the buyback waits for a later close instead of spending its
 * budget at that price. The default band, {@value #DEFAULT_MIN} to {@value #DEFAULT_MAX} USD, is wide
 * enough for any price FLOCK has had or can plausibly have, and narrow enough that a quote off by twelve
 * orders of magnitude is refused.
 *
 * <p>Both bounds are inclusive, positive, within the numbers' bounds ({@link Limits#decimal}) and
 * compare numerically ({@code 1.0} and {@code 1} are the same bound).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class PriceBand {

    /** The default lowest accepted FLOCK price in USD [DEFAULT]: one millionth of a dollar. */
    public static final String DEFAULT_MIN = "0.000001";

    /** The default highest accepted FLOCK price in USD [DEFAULT]: a million dollars. */
    public static final String DEFAULT_MAX = "1000000";

    private static final PriceBand DEFAULTS = new PriceBand(new BigDecimal(DEFAULT_MIN), new BigDecimal(DEFAULT_MAX));

    private final BigDecimal min;
    private final BigDecimal max;

    private PriceBand(BigDecimal min, BigDecimal max) {
        this.min = min;
        this.max = max;
    }

    /**
     * Returns the default band, {@value #DEFAULT_MIN} to {@value #DEFAULT_MAX} USD per FLOCK.
     *
     * @return the default band
     */
    public static PriceBand defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a band of accepted prices.
     *
     * @param min the lowest accepted price, positive
     * @param max the highest accepted price, not below {@code min}
     * @return the band
     * @throws InvalidArgumentException if a bound is out of the numbers' bounds, {@code min} is not
     *                                  positive, or {@code max} is below {@code min}
     */
    public static PriceBand of(BigDecimal min, BigDecimal max) {
        Objects.requireNonNull(min, "minPrice");
        Objects.requireNonNull(max, "maxPrice");
        Limits.decimal("minPrice", min);
        Limits.decimal("maxPrice", max);
        if (min.signum() <= 0) {
            throw InvalidArgumentException.of("minPrice", min, "must be positive");
        }
        if (max.compareTo(min) < 0) {
            throw InvalidArgumentException.of("maxPrice", max, "must not be below minPrice = " + min.toPlainString());
        }
        return new PriceBand(min.stripTrailingZeros(), max.stripTrailingZeros());
    }

    /**
     * Returns the lowest accepted price.
     *
     * @return the lower bound, positive
     */
    public BigDecimal min() {
        return min;
    }

    /**
     * Returns the highest accepted price.
     *
     * @return the upper bound
     */
    public BigDecimal max() {
        return max;
    }

    /**
     * Tells whether a price is within the band, bounds included.
     *
     * @param price the price, not null
     * @return true if {@code min <= price <= max}
     */
    public boolean contains(BigDecimal price) {
        Objects.requireNonNull(price, "price");
        return price.compareTo(min) >= 0 && price.compareTo(max) <= 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PriceBand b && b.min.compareTo(min) == 0 && b.max.compareTo(max) == 0;
    }

    @Override
    public int hashCode() {
        return min.hashCode() * 31 + max.hashCode();
    }

    @Override
    public String toString() {
        return "[" + min.toPlainString() + ", " + max.toPlainString() + "]";
    }
}
