package io.fomo.core.engine;

import io.fomo.core.math.Share;
import io.fomo.core.revenue.BuybackParameters;
import io.fomo.core.revenue.PriceBand;
import io.fomo.core.revenue.RevenueWeights;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.Limits;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The protocol parameters that may change while the protocol runs: the revenue weights, α and α_i of
 * reward scoring, and the buyback bounds (slippage, price age and the FLOCK/USD price band). A change takes effect from the next epoch, and every version
 * is kept, so every past epoch replays with the values it had (FOMO-SPEC §4).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ParameterChange {

    private final RevenueWeights weights;
    private final BigDecimal alpha;
    private final BigDecimal alphaIncentive;
    private final BuybackParameters buyback;

    private ParameterChange(RevenueWeights weights, BigDecimal alpha, BigDecimal alphaIncentive,
            BuybackParameters buyback) {
        this.weights = weights;
        this.alpha = alpha;
        this.alphaIncentive = alphaIncentive;
        this.buyback = buyback;
    }

    /**
     * Returns the defaults of FOMO-SPEC: weights 40/20/15/25, α = α_i = 0.5, the default buyback bounds.
     *
     * @return the defaults
     */
    public static ParameterChange defaults() {
        return of(RevenueWeights.defaults(), new BigDecimal("0.5"), new BigDecimal("0.5"),
                BuybackParameters.defaults());
    }

    /**
     * Returns a set of adjustable parameters.
     *
     * @param weights        the revenue weights (bps summing to exactly 10,000)
     * @param alpha          α of the global staking factor, 0 to 1
     * @param alphaIncentive α_i of the incentive staking factor, 0 to 1
     * @param buyback        the buyback bounds
     * @return the parameters
     * @throws InvalidArgumentException if α or α_i is outside 0 to 1
     */
    public static ParameterChange of(RevenueWeights weights, BigDecimal alpha, BigDecimal alphaIncentive,
            BuybackParameters buyback) {
        Limits.decimal("alpha", alpha);
        Limits.decimal("alphaIncentive", alphaIncentive);
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(buyback, "buyback");
        return new ParameterChange(weights, unit("alpha", alpha), unit("alphaIncentive", alphaIncentive), buyback);
    }

    private static BigDecimal unit(String field, BigDecimal v) {
        Objects.requireNonNull(v, field);
        if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
            throw InvalidArgumentException.of(field, v.toPlainString(), "must be between 0 and 1");
        }
        return v.stripTrailingZeros();
    }

    /**
     * Returns the revenue weights.
     *
     * @return the weights
     */
    public RevenueWeights weights() {
        return weights;
    }

    /**
     * Returns α of the global staking factor.
     *
     * @return α, 0 to 1
     */
    public BigDecimal alpha() {
        return alpha;
    }

    /**
     * Returns α_i of the incentive staking factor.
     *
     * @return α_i, 0 to 1
     */
    public BigDecimal alphaIncentive() {
        return alphaIncentive;
    }

    /**
     * Returns the buyback bounds.
     *
     * @return the bounds
     */
    public BuybackParameters buyback() {
        return buyback;
    }

    void encode(Fields f, String prefix) {
        f.put(prefix + "weights.mtBuyback", weights.mtBuybackBps());
        f.put(prefix + "weights.flockBuyback", weights.flockBuybackBps());
        f.put(prefix + "weights.treasury", weights.treasuryBps());
        f.put(prefix + "weights.issuer", weights.issuerBps());
        f.put(prefix + "alpha", alpha);
        f.put(prefix + "alphaIncentive", alphaIncentive);
        f.put(prefix + "buyback.maxSlippage", buyback.maxSlippage().fraction());
        f.put(prefix + "buyback.maxPriceAgeSeconds", buyback.maxPriceAge().getSeconds());
        f.put(prefix + "buyback.minPrice", buyback.priceBand().min());
        f.put(prefix + "buyback.maxPrice", buyback.priceBand().max());
    }

    static ParameterChange decode(Fields f, String prefix) {
        RevenueWeights w = RevenueWeights.builder()
                .mtBuybackBps(f.intValue(prefix + "weights.mtBuyback"))
                .flockBuybackBps(f.intValue(prefix + "weights.flockBuyback"))
                .treasuryBps(f.intValue(prefix + "weights.treasury"))
                .issuerBps(f.intValue(prefix + "weights.issuer"))
                .build();
        // A journal written before the price band holds no band: it had none, so the default band it was
        // given when the band came in (docs/journal.md) applies to it.
        PriceBand band = f.has(prefix + "buyback.minPrice")
                ? PriceBand.of(f.decimal(prefix + "buyback.minPrice"), f.decimal(prefix + "buyback.maxPrice"))
                : PriceBand.defaults();
        return of(w, f.decimal(prefix + "alpha"), f.decimal(prefix + "alphaIncentive"),
                BuybackParameters.of(Share.of("buyback.maxSlippage", f.decimal(prefix + "buyback.maxSlippage")),
                        Duration.ofSeconds(f.longValue(prefix + "buyback.maxPriceAgeSeconds")), band));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParameterChange p && p.weights.equals(weights) && p.alpha.compareTo(alpha) == 0
                && p.alphaIncentive.compareTo(alphaIncentive) == 0 && p.buyback.equals(buyback);
    }

    @Override
    public int hashCode() {
        return Objects.hash(weights, alpha.stripTrailingZeros(), alphaIncentive.stripTrailingZeros(), buyback);
    }

    @Override
    public String toString() {
        return "ParameterChange[" + weights + ", alpha=" + alpha + ", alphaIncentive=" + alphaIncentive + ", "
                + buyback + "]";
    }
}
