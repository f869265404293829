package io.fomo.core.revenue;

import io.fomo.core.math.Share;
import io.fomo.spi.InvalidArgumentException;
import java.time.Duration;
import java.util.Objects;

/**
 * The parameters of buyback execution (FOMO-SPEC §3.1) [DEFAULT all]: the largest price impact an MT
 * buyback may take in the pool (1%, measured as the pool's {@code priceImpact}: the shortfall of the
 * output against the spot price, fee included), the oldest FLOCK/USD price accepted (1 hour), and the
 * band of FLOCK/USD prices accepted ({@link PriceBand#defaults()}: 0.000001 to 1,000,000 USD).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class BuybackParameters {

    private final Share maxSlippage;
    private final Duration maxPriceAge;
    private final PriceBand priceBand;

    private BuybackParameters(Share maxSlippage, Duration maxPriceAge, PriceBand priceBand) {
        this.maxSlippage = maxSlippage;
        this.maxPriceAge = maxPriceAge;
        this.priceBand = priceBand;
    }

    /**
     * Returns the defaults: max slippage 100 bps, max price age 1 hour, the default price band.
     *
     * @return the defaults
     */
    public static BuybackParameters defaults() {
        return of(Share.ofBps("maxSlippage", 100), Duration.ofHours(1));
    }

    /**
     * Returns parameters with the default price band ({@link PriceBand#defaults()}).
     *
     * @param maxSlippage the largest price impact of an MT buyback swap, less than 1
     * @param maxPriceAge the oldest price accepted, not negative
     * @return the parameters
     * @throws InvalidArgumentException if the slippage is 1 or the age is negative
     */
    public static BuybackParameters of(Share maxSlippage, Duration maxPriceAge) {
        return of(maxSlippage, maxPriceAge, PriceBand.defaults());
    }

    /**
     * Returns parameters.
     *
     * @param maxSlippage the largest price impact of an MT buyback swap, less than 1
     * @param maxPriceAge the oldest price accepted, not negative
     * @param priceBand   the FLOCK/USD prices accepted; a quote outside defers the buyback
     * @return the parameters
     * @throws InvalidArgumentException if the slippage is 1 or the age is negative
     */
    public static BuybackParameters of(Share maxSlippage, Duration maxPriceAge, PriceBand priceBand) {
        Objects.requireNonNull(maxSlippage, "maxSlippage");
        Objects.requireNonNull(maxPriceAge, "maxPriceAge");
        Objects.requireNonNull(priceBand, "priceBand");
        if (maxSlippage.isOne()) {
            throw InvalidArgumentException.of("maxSlippage", maxSlippage, "must be less than 1");
        }
        if (maxPriceAge.isNegative()) {
            throw InvalidArgumentException.of("maxPriceAge", maxPriceAge, "must not be negative");
        }
        return new BuybackParameters(maxSlippage, maxPriceAge, priceBand);
    }

    /**
     * Returns these parameters with another price band.
     *
     * @param band the FLOCK/USD prices accepted
     * @return the parameters
     */
    public BuybackParameters withPriceBand(PriceBand band) {
        return new BuybackParameters(maxSlippage, maxPriceAge, Objects.requireNonNull(band, "priceBand"));
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

    /**
     * Returns the FLOCK/USD prices a buyback accepts; a quote outside waits for a later close.
     *
     * @return the band
     */
    public PriceBand priceBand() {
        return priceBand;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BuybackParameters p && p.maxSlippage.equals(maxSlippage)
                && p.maxPriceAge.equals(maxPriceAge) && p.priceBand.equals(priceBand);
    }

    @Override
    public int hashCode() {
        return (maxSlippage.hashCode() * 31 + maxPriceAge.hashCode()) * 31 + priceBand.hashCode();
    }

    @Override
    public String toString() {
        return "BuybackParameters[maxSlippage=" + maxSlippage + ", maxPriceAge=" + maxPriceAge + ", priceBand="
                + priceBand + "]";
    }
}
