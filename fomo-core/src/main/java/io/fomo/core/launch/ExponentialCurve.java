package io.fomo.core.launch;

import io.fomo.core.math.DecimalPolicy;
import io.fomo.core.math.ExactMath;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.Limits;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exponential price curve {@code p(x) = p0·e^(c·x)}, with {@code x} the whole base tokens sold.
 * Buying {@code Δ} tokens from {@code x0} costs {@code (p0/c)·e^(c·x0)·(e^(c·Δ) − 1)}; an input
 * {@code q} buys {@code Δ = ln(1 + q·c / (p0·e^(c·x0))) / c}.
 *
 * <p>Neither is a terminating decimal: each is computed at the policy's guarded precision (precision
 * plus guard digits, with {@link ExactMath}'s own guard digits inside {@code exp} and {@code ln}) and
 * rounded once, to the asset's decimals, in the declared direction (costs UP, outputs as the caller
 * asks).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ExponentialCurve implements BondingCurve {

    /** The largest {@code c·S}: the price may grow at most by e^1000 over the tranche. */
    public static final BigDecimal MAX_GROWTH_EXPONENT = BigDecimal.valueOf(1000);

    private final Asset quoteAsset;
    private final BigDecimal startPrice;
    private final BigDecimal rate;
    private final Amount tranche;
    private final Amount trancheCost;
    private final DecimalPolicy policy;

    private ExponentialCurve(Asset quoteAsset, BigDecimal startPrice, BigDecimal rate, Amount tranche,
            Amount trancheCost, DecimalPolicy policy) {
        this.quoteAsset = quoteAsset;
        this.startPrice = startPrice;
        this.rate = rate;
        this.tranche = tranche;
        this.trancheCost = trancheCost;
        this.policy = policy;
    }

    /**
     * Returns an exponential curve. The tranche cost is {@code (p0/c)·(e^(c·S) − 1)}, rounded up.
     *
     * @param quoteAsset the asset buyers pay in
     * @param startPrice {@code p0}, whole quote per whole base, positive
     * @param rate       {@code c}, growth per whole base token sold, positive, with {@code c·S <= 1000}
     * @param tranche    the base tokens for sale {@code S}, positive
     * @param policy     the precision and guard digits of exp and ln
     * @return the curve
     * @throws InvalidArgumentException if a value is out of range
     */
    public static ExponentialCurve of(Asset quoteAsset, BigDecimal startPrice, BigDecimal rate, Amount tranche,
            DecimalPolicy policy) {
        Limits.decimal("startPrice", startPrice);
        Limits.decimal("rate", rate);
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        Objects.requireNonNull(policy, "policy");
        CurveRules.requirePositive("startPrice", startPrice);
        CurveRules.requirePositive("rate", rate);
        Objects.requireNonNull(tranche, "tranche");
        if (!tranche.isPositive()) {
            throw InvalidArgumentException.of("tranche", tranche, "must be positive");
        }
        if (tranche.asset().equals(quoteAsset)) {
            throw InvalidArgumentException.of("tranche", tranche, "must be of another asset than " + quoteAsset);
        }
        BigDecimal growth = rate.multiply(tranche.value());
        if (growth.compareTo(MAX_GROWTH_EXPONENT) > 0) {
            throw InvalidArgumentException.of("rate", rate.toPlainString(),
                    "rate × tranche = " + growth.toPlainString() + " exceeds " + MAX_GROWTH_EXPONENT);
        }
        ExponentialCurve shape = new ExponentialCurve(quoteAsset, startPrice.stripTrailingZeros(),
                rate.stripTrailingZeros(), tranche, null, policy);
        Amount cost = shape.costFrom(BigDecimal.ZERO, tranche.value());
        if (!cost.isPositive()) {
            throw InvalidArgumentException.of("startPrice", startPrice.toPlainString(),
                    "the tranche would cost nothing at " + quoteAsset + "'s decimals");
        }
        return new ExponentialCurve(quoteAsset, shape.startPrice, shape.rate, tranche, cost, policy);
    }

    /**
     * Returns the start price.
     *
     * @return {@code p0}
     */
    public BigDecimal startPrice() {
        return startPrice;
    }

    /**
     * Returns the growth rate.
     *
     * @return {@code c}
     */
    public BigDecimal rate() {
        return rate;
    }

    @Override
    public Asset quoteAsset() {
        return quoteAsset;
    }

    @Override
    public Asset baseAsset() {
        return tranche.asset();
    }

    @Override
    public Amount tranche() {
        return tranche;
    }

    @Override
    public Amount trancheCost() {
        return trancheCost;
    }

    @Override
    public CurveFill buy(CurvePosition position, Amount quoteIn, RoundingMode rounding) {
        return CurveRules.buy(this, position, quoteIn, rounding, this::formulaOut);
    }

    @Override
    public Amount costToBuy(CurvePosition position, Amount baseOut) {
        return CurveRules.costToBuy(this, position, baseOut, this::formulaCost);
    }

    @Override
    public BigDecimal spotPrice(CurvePosition position, MathContext mc) {
        CurveRules.checkPosition(this, position);
        return spotPriceAt(position.sold(), mc);
    }

    @Override
    public BigDecimal spotPriceAt(Amount sold, MathContext mc) {
        CurveRules.checkSold(this, sold);
        Objects.requireNonNull(mc, "mc");
        return startPrice.multiply(growth(sold.value())).round(mc);
    }

    /** e^(c·x) at the guarded precision. */
    private BigDecimal growth(BigDecimal x) {
        return ExactMath.exp(rate.multiply(x), policy.guarded(), policy.guardDigits());
    }

    Amount formulaOut(CurvePosition position, Amount quoteIn, RoundingMode rounding) {
        MathContext mc = policy.guarded();
        BigDecimal atX0 = startPrice.multiply(growth(position.sold().value()), mc);
        BigDecimal arg = BigDecimal.ONE.add(quoteIn.value().multiply(rate).divide(atX0, mc), mc);
        BigDecimal delta = ExactMath.ln(arg, mc, policy.guardDigits()).divide(rate, mc);
        return Amount.of(baseAsset(), delta, rounding);
    }

    Amount formulaCost(CurvePosition position, Amount baseOut) {
        return costFrom(position.sold().value(), baseOut.value());
    }

    private Amount costFrom(BigDecimal x0, BigDecimal delta) {
        MathContext mc = policy.guarded();
        BigDecimal rise = growth(delta).subtract(BigDecimal.ONE, mc);
        BigDecimal cost = startPrice.multiply(growth(x0), mc).multiply(rise, mc).divide(rate, mc);
        return Amount.of(quoteAsset, cost, RoundingMode.UP);
    }

    /** Base tokens worth {@code quote} at the spot price: {@code quote / (p0·e^(c·x))}, rounded once. */
    Amount baseAtSpot(CurvePosition position, Amount quote, RoundingMode rounding) {
        MathContext mc = policy.guarded();
        BigDecimal price = startPrice.multiply(growth(position.sold().value()), mc);
        return Amount.of(baseAsset(), quote.value().divide(price, mc), rounding);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExponentialCurve c && c.quoteAsset.equals(quoteAsset)
                && c.startPrice.compareTo(startPrice) == 0 && c.rate.compareTo(rate) == 0
                && c.tranche.equals(tranche) && c.policy.equals(policy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(quoteAsset, startPrice, rate, tranche, policy);
    }

    @Override
    public String toString() {
        return "ExponentialCurve[p0 " + startPrice.toPlainString() + ", rate " + rate.toPlainString()
                + ", tranche " + tranche + " for " + trancheCost + "]";
    }
}
