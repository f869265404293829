package io.fomo.core.launch;

import io.fomo.core.math.DecimalPolicy;
import io.fomo.core.internal.IntegerRoots;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.Limits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A linear price curve {@code p(x) = p0 + s·x}, with {@code x} the whole base tokens sold. Buying
 * {@code Δ} tokens from {@code x0} costs the integral {@code Δ·(p0 + s·x0 + s·Δ/2)}, an exact decimal.
 *
 * <p>Tokens for an input solve that quadratic, {@code Δ = (√(p² + 2sq) − p) / s} with
 * {@code p = p0 + s·x0} ({@code q/p} when {@code s = 0}). It is solved in closed form on the base-unit grid
 * with integers (one integer square root, see {@link #unitsFor}), so the single rounding is exact in
 * every direction and the time does not grow with the size of the input or of the result.
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
     * @param policy     the curve's decimal policy (part of its identity; the buy is an exact closed form
     *                   and needs no working precision)
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
        BigInteger units = unitsFor(price(position.sold().value()), slope, quoteIn.value(), baseAsset().decimals(),
                rounding);
        return Amount.ofUnits(baseAsset(), units);
    }

    /**
     * The base units {@code n} (of {@code 10^-b} tokens) that {@code q} buys at price {@code p + s·x}, rounded
     * once, in closed form: its cost {@code n/10^b·(p + s·n/(2·10^b))} is at most {@code q} exactly when
     * {@code S·n² + 2·P·10^b·n <= 2·Q·10^2b}, with {@code P, S, Q} the values times {@code 10^e} (their
     * common scale). The largest such {@code n} is {@code ⌊Q·10^b / P⌋} for {@code S = 0}, else
     * {@code ⌊(⌊√(10^2b·(P² + 2·S·Q))⌋ − P·10^b) / S⌋} (the floor of the integer root changes nothing,
     * as the root is divided by a whole {@code S} after subtracting a whole number). Then one comparison
     * decides the direction. A handful of big-integer operations whatever the magnitudes: no search.
     */
    static BigInteger unitsFor(BigDecimal p, BigDecimal s, BigDecimal q, int b, RoundingMode rounding) {
        int e = Math.max(0, Math.max(p.scale(), Math.max(s.scale(), q.scale())));
        BigInteger pi = p.setScale(e).unscaledValue();
        BigInteger si = s.setScale(e).unscaledValue();
        BigInteger qi = q.setScale(e).unscaledValue();
        BigInteger tenB = BigInteger.TEN.pow(b);
        BigInteger pTen = pi.multiply(tenB);
        BigInteger target = qi.shiftLeft(1).multiply(tenB).multiply(tenB); // 2·Q·10^2b
        BigInteger n;
        if (si.signum() == 0) {
            n = qi.multiply(tenB).divide(pi);
        } else {
            BigInteger disc = pi.multiply(pi).add(si.multiply(qi).shiftLeft(1)).multiply(tenB).multiply(tenB);
            n = IntegerRoots.floorSqrt(disc).subtract(pTen).divide(si);
        }
        // cost(n)·2·10^2b·10^e compared with the target: zero means q buys exactly n units.
        int atN = n.multiply(pTen.shiftLeft(1).add(si.multiply(n))).compareTo(target);
        switch (rounding) {
            case DOWN:
            case FLOOR:
                return n;
            case UP:
            case CEILING:
                return atN == 0 ? n : n.add(BigInteger.ONE);
            default:
                if (atN == 0) {
                    return n;
                }
                // The half point n + 1/2, as m = 2n + 1 half units: m·(4·P·10^b + S·m) against 8·Q·10^2b.
                BigInteger m = n.shiftLeft(1).add(BigInteger.ONE);
                int atHalf = m.multiply(pTen.shiftLeft(2).add(si.multiply(m))).compareTo(target.shiftLeft(2));
                if (atHalf < 0) {
                    return n.add(BigInteger.ONE);
                }
                if (atHalf > 0) {
                    return n;
                }
                if (rounding == RoundingMode.HALF_UP) {
                    return n.add(BigInteger.ONE);
                }
                if (rounding == RoundingMode.HALF_DOWN) {
                    return n;
                }
                return n.testBit(0) ? n.add(BigInteger.ONE) : n;
        }
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
