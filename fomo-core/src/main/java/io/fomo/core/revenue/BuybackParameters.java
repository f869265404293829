package io.fomo.core.revenue;

import io.fomo.core.math.Share;
import io.fomo.spi.InvalidArgumentException;
import java.time.Duration;
import java.util.Objects;

/**
 * The parameters of buyback execution (FOMO-SPEC §3.1) [DEFAULT all]: the largest price impact an MT
 * buyback may take in the pool (1%, measured as the pool's {@code priceImpact}: the shortfall of the
 * output against the spot price, fee included), and the oldest FLOCK/USD price accepted (1 hour).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class BuybackParameters {

    private final Share maxSlippage;
    private final Duration maxPriceAge;

    private BuybackParameters(Share maxSlippage, Duration maxPriceAge) {
        this.maxSlippage = maxSlippage;
        this.maxPriceAge = maxPriceAge;
    }

    /**
     * Returns the defaults: max slippage 100 bps, max price age 1 hour.
     *
     * @return the defaults
     */
    public static BuybackParameters defaults() {
        return of(Share.ofBps("maxSlippage", 100), Duration.ofHours(1));
    }

    /**
     * Returns parameters.
     *
     * @param maxSlippage the largest price impact of an MT buyback swap, less than 1
     * @param maxPriceAge the oldest price accepted, not negative
     * @return the parameters
     * @throws InvalidArgumentException if the slippage is 1 or the age is negative
     */
    public static BuybackParameters of(Share maxSlippage, Duration maxPriceAge) {
        Objects.requireNonNull(maxSlippage, "maxSlippage");
        Objects.requireNonNull(maxPriceAge, "maxPriceAge");
        if (maxSlippage.isOne()) {
            throw InvalidArgumentException.of("maxSlippage", maxSlippage, "must be less than 1");
        }
        if (maxPriceAge.isNegative()) {
            throw InvalidArgumentException.of("maxPriceAge", maxPriceAge, "must not be negative");
        }
        return new BuybackParameters(maxSlippage, maxPriceAge);
    }

    /**
     * Returns the largest price impact of an MT buyback swap.
     *
     * @return the share
     */
    public Share maxSlippage() {
        return maxSlippage;
    }

    /**
     * Returns the oldest price accepted.
     *
     * @return the age
     */
    public Duration maxPriceAge() {
        return maxPriceAge;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BuybackParameters p && p.maxSlippage.equals(maxSlippage)
                && p.maxPriceAge.equals(maxPriceAge);
    }

    @Override
    public int hashCode() {
        return maxSlippage.hashCode() * 31 + maxPriceAge.hashCode();
    }

    @Override
    public String toString() {
        return "BuybackParameters[maxSlippage=" + maxSlippage + ", maxPriceAge=" + maxPriceAge + "]";
    }
}
