package io.fomo.core.launch;

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
 * A constant-product curve over virtual reserves (the pump.fun / Virtuals shape): with the reserves
 * {@code X = X0 + raised} (quote) and {@code Y = Y0 − sold} (base), a buy of {@code q} gets
 * {@code Y·q / (X + q)} base tokens, and {@code b} base tokens cost {@code X·b / (Y − b)}; the marginal
 * price is {@code X / Y}. Computed in integer base units, each result rounded once.
 *
 * <p>{@link #fromTargets(Amount, Amount, BigDecimal)} derives the virtual reserves from the sale
 * tranche {@code S}, the max target {@code T} and the start price {@code p0} (docs/launch.md):
 * {@code Y0 = S·T / (T − S·p0)}, {@code X0 = p0·Y0}, so that the whole tranche costs exactly {@code T}
 * on the exact curve, and the end price is {@code (T/S)² / p0}. The tranche rules of
 * {@link BondingCurve} then make a sell-out raise {@code T} to the base unit.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ConstantProductCurve implements BondingCurve {

    private final Amount virtualQuote;
    private final Amount virtualBase;
    private final Amount tranche;
    private final Amount trancheCost;

    private ConstantProductCurve(Amount virtualQuote, Amount virtualBase, Amount tranche, Amount trancheCost) {
        this.virtualQuote = virtualQuote;
        this.virtualBase = virtualBase;
        this.tranche = tranche;
        this.trancheCost = trancheCost;
    }

    /**
     * Returns the curve over given virtual reserves. The tranche cost is the exact curve's cost of the
     * whole tranche, rounded up: {@code ceil(X0·S / (Y0 − S))}.
     *
     * @param virtualQuote the virtual quote reserve {@code X0}, positive
     * @param virtualBase  the virtual base reserve {@code Y0}, positive
     * @param tranche      the base tokens for sale {@code S}, positive and less than {@code Y0}
     * @return the curve
     * @throws InvalidArgumentException if an amount is out of range or the assets do not pair up
     */
    public static ConstantProductCurve of(Amount virtualQuote, Amount virtualBase, Amount tranche) {
        checkReserves(virtualQuote, virtualBase, tranche);
        BigInteger num = virtualQuote.units().multiply(tranche.units());
        BigInteger den = virtualBase.units().subtract(tranche.units());
        Amount cost = Amount.ofUnits(virtualQuote.asset(), ceilDiv(num, den));
        return new ConstantProductCurve(virtualQuote, virtualBase, tranche, cost);
    }

    /**
     * Returns the curve that sells a tranche starting at a price and raising exactly a max target.
     * The virtual reserves {@code Y0 = S·T / (T − S·p0)} and {@code X0 = p0·Y0} are each rounded to their
     * asset's base unit, HALF_EVEN; the tranche cost is {@code T} itself.
     *
     * @param tranche    the base tokens for sale {@code S}, positive
     * @param maxTarget  the quote the whole tranche raises {@code T}, more than {@code S·p0}
     * @param startPrice the price of the first token {@code p0}, in whole quote per whole base, positive
     * @return the curve
     * @throws InvalidArgumentException if {@code T <= S·p0} (the price would have to fall) or the derived
     *                                  reserves round to nothing
     */
    public static ConstantProductCurve fromTargets(Amount tranche, Amount maxTarget, BigDecimal startPrice) {
        Limits.decimal("startPrice", startPrice);
        Objects.requireNonNull(tranche, "tranche");
        Objects.requireNonNull(maxTarget, "maxTarget");
        CurveRules.requirePositive("startPrice", startPrice);
        if (!tranche.isPositive()) {
            throw InvalidArgumentException.of("tranche", tranche, "must be positive");
        }
        if (tranche.asset().equals(maxTarget.asset())) {
            throw InvalidArgumentException.of("maxTarget", maxTarget, "must be of another asset than the tranche");
        }
        BigDecimal s = tranche.value();
        BigDecimal t = maxTarget.value();
        BigDecimal atStartPrice = s.multiply(startPrice);
        if (t.compareTo(atStartPrice) <= 0) {
            throw InvalidArgumentException.of("maxTarget", maxTarget,
                    "must exceed tranche × startPrice = " + atStartPrice.toPlainString()
                    + " (a sell-out must raise more than selling everything at the start price)");
        }
        int baseScale = tranche.asset().decimals();
        int quoteScale = maxTarget.asset().decimals();
        BigDecimal y0 = s.multiply(t).divide(t.subtract(atStartPrice), baseScale, RoundingMode.HALF_EVEN);
        BigDecimal x0 = startPrice.multiply(y0).setScale(quoteScale, RoundingMode.HALF_EVEN);
        Amount virtualBase = Amount.of(tranche.asset(), y0);
        Amount virtualQuote = Amount.of(maxTarget.asset(), x0);
        if (!virtualQuote.isPositive() || !virtualBase.isGreaterThan(tranche)) {
            throw InvalidArgumentException.of("startPrice", startPrice.toPlainString(),
                    "the derived virtual reserves " + virtualQuote + " / " + virtualBase
                    + " round to an empty curve at these decimals");
        }
        return new ConstantProductCurve(virtualQuote, virtualBase, tranche, maxTarget);
    }

    private static void checkReserves(Amount virtualQuote, Amount virtualBase, Amount tranche) {
        Objects.requireNonNull(virtualQuote, "virtualQuote");
        Objects.requireNonNull(virtualBase, "virtualBase");
        Objects.requireNonNull(tranche, "tranche");
        if (!virtualQuote.isPositive()) {
            throw InvalidArgumentException.of("virtualQuoteReserve", virtualQuote, "must be positive");
        }
        if (!virtualBase.isPositive()) {
            throw InvalidArgumentException.of("virtualBaseReserve", virtualBase, "must be positive");
        }
        if (virtualQuote.asset().equals(virtualBase.asset())) {
            throw InvalidArgumentException.of("virtualBaseReserve", virtualBase,
                    "must be of another asset than the quote reserve");
        }
        tranche.requireSameAsset("tranche", virtualBase);
        if (!tranche.isPositive() || !tranche.isLessThan(virtualBase)) {
            throw InvalidArgumentException.of("tranche", tranche,
                    "must be positive and less than the virtual base reserve " + virtualBase);
        }
    }

    static BigInteger ceilDiv(BigInteger num, BigInteger den) {
        BigInteger[] qr = num.divideAndRemainder(den);
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }

    /**
     * Returns the virtual quote reserve at the start.
     *
     * @return {@code X0}
     */
    public Amount virtualQuoteReserve() {
        return virtualQuote;
    }

    /**
     * Returns the virtual base reserve at the start.
     *
     * @return {@code Y0}
     */
    public Amount virtualBaseReserve() {
        return virtualBase;
    }

    @Override
    public Asset quoteAsset() {
        return virtualQuote.asset();
    }

    @Override
    public Asset baseAsset() {
        return virtualBase.asset();
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
        Objects.requireNonNull(mc, "mc");
        return x(position).value().divide(y(position).value(), mc);
    }

    @Override
    public BigDecimal spotPriceAt(Amount sold, MathContext mc) {
        CurveRules.checkSold(this, sold);
        Objects.requireNonNull(mc, "mc");
        BigDecimal y = virtualBase.value().subtract(sold.value());
        return virtualQuote.value().multiply(virtualBase.value()).divide(y.multiply(y), mc);
    }

    Amount formulaOut(CurvePosition position, Amount quoteIn, RoundingMode rounding) {
        // x = X0 + raised and y = Y0 − sold (positive: sold <= tranche < Y0), in base units.
        BigInteger q = quoteIn.units();
        BigInteger num = virtualBase.units().subtract(position.sold().units()).multiply(q);
        BigInteger den = virtualQuote.units().add(position.raised().units()).add(q);
        return Amount.ofUnits(baseAsset(), divide(num, den, rounding));
    }

    /**
     * {@code num / den} rounded once, for {@code num >= 0} and {@code den > 0}: the integer quotient
     * itself for DOWN and FLOOR (it is the floor), through {@link BigDecimal} for the other directions.
     */
    static BigInteger divide(BigInteger num, BigInteger den, RoundingMode rounding) {
        if (rounding == RoundingMode.DOWN || rounding == RoundingMode.FLOOR) {
            return num.divide(den);
        }
        return new BigDecimal(num).divide(new BigDecimal(den), 0, rounding).toBigIntegerExact();
    }

    Amount formulaCost(CurvePosition position, Amount baseOut) {
        BigInteger x = x(position).units();
        BigInteger y = y(position).units();
        BigInteger b = baseOut.units();
        return Amount.ofUnits(quoteAsset(), ceilDiv(x.multiply(b), y.subtract(b)));
    }

    /** Base tokens worth {@code quote} at the spot price, rounded: {@code quote·Y / X}, exact. */
    Amount baseAtSpot(CurvePosition position, Amount quote, RoundingMode rounding) {
        BigDecimal v = quote.value().multiply(y(position).value())
                .divide(x(position).value(), baseAsset().decimals(), rounding);
        return Amount.of(baseAsset(), v);
    }

    private Amount x(CurvePosition position) {
        return virtualQuote.plus(position.raised());
    }

    private Amount y(CurvePosition position) {
        return virtualBase.minus(position.sold());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConstantProductCurve c && c.virtualQuote.equals(virtualQuote)
                && c.virtualBase.equals(virtualBase) && c.tranche.equals(tranche)
                && c.trancheCost.equals(trancheCost);
    }

    @Override
    public int hashCode() {
        return Objects.hash(virtualQuote, virtualBase, tranche, trancheCost);
    }

    @Override
    public String toString() {
        return "ConstantProductCurve[virtual " + virtualQuote + " / " + virtualBase + ", tranche " + tranche
                + " for " + trancheCost + "]";
    }
}
