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
 * A linear price curve {@code p(x) = p0 + s·x}, with {@code x} the whole base tokens sold. Buying
 * {@code Δ} tokens from {@code x0} costs the integral {@code Δ·(p0 + s·x0 + s·Δ/2)}, an exact decimal.
 *
 * <p>Tokens for an input solve that quadratic: {@code Δ = 2q / (p + √(p² + 2sq))} with
 * {@code p = p0 + s·x0}. The root is only a candidate: the result is then fixed on the base-unit grid by
 * comparing the exact cost of neighbouring grid points with the input, so the single rounding is exact
 * in every direction, whatever the precision of the root.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class LinearCurve implements BondingCurve {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final Asset quoteAsset;
    private final BigDecimal startPrice;
    private final BigDecimal slope;
    private final Amount tranche;
    private final Amount trancheCost;
    private final DecimalPolicy policy;

    private LinearCurve(Asset quoteAsset, BigDecimal startPrice, BigDecimal slope, Amount tranche,
            Amount trancheCost, DecimalPolicy policy) {
        this.quoteAsset = quoteAsset;
        this.startPrice = startPrice;
        this.slope = slope;
        this.tranche = tranche;
        this.trancheCost = trancheCost;
        this.policy = policy;
    }

    /**
     * Returns a linear curve. The tranche cost is the exact integral over the tranche, rounded up.
     *
     * @param quoteAsset the asset buyers pay in
     * @param startPrice {@code p0}, whole quote per whole base, positive
     * @param slope      {@code s}, price increase per whole base token sold, not negative
     * @param tranche    the base tokens for sale, positive
     * @param policy     the precision of the candidate square root
     * @return the curve
     * @throws InvalidArgumentException if a value is out of range
     */
    public static LinearCurve of(Asset quoteAsset, BigDecimal startPrice, BigDecimal slope, Amount tranche,
            DecimalPolicy policy) {
        Limits.decimal("startPrice", startPrice);
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        Objects.requireNonNull(policy, "policy");
        CurveRules.requirePositive("startPrice", startPrice);
        Limits.decimal("slope", slope);
        if (slope.signum() < 0) {
            throw InvalidArgumentException.of("slope", slope.toPlainString(), "must not be negative");
        }
        Objects.requireNonNull(tranche, "tranche");
        if (!tranche.isPositive()) {
            throw InvalidArgumentException.of("tranche", tranche, "must be positive");
        }
        if (tranche.asset().equals(quoteAsset)) {
            throw InvalidArgumentException.of("tranche", tranche, "must be of another asset than " + quoteAsset);
        }
        BigDecimal s = tranche.value();
        BigDecimal cost = integral(startPrice, slope, BigDecimal.ZERO, s);
        Amount trancheCost = Amount.of(quoteAsset, cost, RoundingMode.UP);
        if (!trancheCost.isPositive()) {
            throw InvalidArgumentException.of("startPrice", startPrice.toPlainString(),
                    "the tranche would cost nothing at " + quoteAsset + "'s decimals");
        }
        return new LinearCurve(quoteAsset, startPrice.stripTrailingZeros(), slope.stripTrailingZeros(), tranche,
                trancheCost, policy);
    }

    /** Exact cost of {@code d} whole tokens from {@code x0}: d·(p0 + s·x0 + s·d/2). */
    static BigDecimal integral(BigDecimal p0, BigDecimal s, BigDecimal x0, BigDecimal d) {
        return d.multiply(p0.add(s.multiply(x0)).add(s.multiply(d).divide(TWO)));
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
     * Returns the slope.
     *
     * @return {@code s}
     */
    public BigDecimal slope() {
        return slope;
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
        return price(sold.value()).round(mc);
    }

    private BigDecimal price(BigDecimal x) {
        return startPrice.add(slope.multiply(x));
    }

    Amount formulaOut(CurvePosition position, Amount quoteIn, RoundingMode rounding) {
        BigDecimal x0 = position.sold().value();
        BigDecimal q = quoteIn.value();
        BigDecimal p = price(x0);
        MathContext mc = policy.working();
        BigDecimal candidate;
        if (slope.signum() == 0) {
            candidate = q.divide(p, mc);
        } else {
            BigDecimal root = ExactMath.sqrt(p.multiply(p).add(TWO.multiply(slope).multiply(q)), mc);
            candidate = TWO.multiply(q).divide(p.add(root), mc);
        }
        int scale = baseAsset().decimals();
        BigDecimal ulp = BigDecimal.ONE.movePointLeft(scale);
        BigDecimal d = CurveRules.roundSolution(candidate.setScale(scale, RoundingMode.DOWN), ulp, q,
                delta -> integral(startPrice, slope, x0, delta), rounding);
        return Amount.of(baseAsset(), d);
    }

    Amount formulaCost(CurvePosition position, Amount baseOut) {
        BigDecimal cost = integral(startPrice, slope, position.sold().value(), baseOut.value());
        return Amount.of(quoteAsset, cost, RoundingMode.UP);
    }

    /** Base tokens worth {@code quote} at the spot price, rounded: {@code quote / p(x)}, exact. */
    Amount baseAtSpot(CurvePosition position, Amount quote, RoundingMode rounding) {
        BigDecimal v = quote.value().divide(price(position.sold().value()), baseAsset().decimals(), rounding);
        return Amount.of(baseAsset(), v);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LinearCurve c && c.quoteAsset.equals(quoteAsset)
                && c.startPrice.compareTo(startPrice) == 0 && c.slope.compareTo(slope) == 0
                && c.tranche.equals(tranche) && c.policy.equals(policy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(quoteAsset, startPrice, slope, tranche, policy);
    }

    @Override
    public String toString() {
        return "LinearCurve[p0 " + startPrice.toPlainString() + ", slope " + slope.toPlainString() + ", tranche "
                + tranche + " for " + trancheCost + "]";
    }
}
