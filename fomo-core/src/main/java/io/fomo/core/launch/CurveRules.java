package io.fomo.core.launch;

import io.fomo.spi.Amount;
import io.fomo.spi.AssetMismatchException;
import io.fomo.spi.InsufficientLiquidityException;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/** The tranche rules every curve shares (see {@link BondingCurve}); curves supply only their formula. */
final class CurveRules {

    /** The formula output of a curve for an input, rounded, without tranche rules. */
    @FunctionalInterface
    interface Formula {
        Amount out(CurvePosition position, Amount quoteIn, RoundingMode rounding);
    }

    /** The formula cost of a curve for an output, rounded up, without tranche rules. */
    @FunctionalInterface
    interface Cost {
        Amount cost(CurvePosition position, Amount baseOut);
    }

    private CurveRules() {
    }

    static CurveFill buy(BondingCurve curve, CurvePosition position, Amount quoteIn, RoundingMode rounding,
            Formula formula) {
        checkPosition(curve, position);
        Objects.requireNonNull(quoteIn, "quoteIn");
        requireDirection(rounding);
        if (!quoteIn.asset().equals(curve.quoteAsset())) {
            throw new AssetMismatchException("quoteIn", curve.quoteAsset(), quoteIn.asset());
        }
        if (!quoteIn.isPositive()) {
            throw InvalidArgumentException.of("quoteIn", quoteIn, "must be positive");
        }
        // In base units, without intermediate amounts: the checks above keep sold <= tranche and
        // raised <= trancheCost.
        BigInteger sold = position.sold().units();
        BigInteger tranche = curve.tranche().units();
        if (sold.compareTo(tranche) == 0) {
            throw InsufficientLiquidityException.of("quoteIn", quoteIn,
                    "the tranche of " + curve.tranche() + " is sold out");
        }
        // quoteIn >= trancheCost − raised, i.e. the buy covers what remains of the tranche cost.
        BigInteger raisedAfter = position.raised().units().add(quoteIn.units());
        if (raisedAfter.compareTo(curve.trancheCost().units()) >= 0) {
            Amount remaining = curve.tranche().minus(position.sold());
            Amount remainingCost = curve.trancheCost().minus(position.raised());
            return new CurveFill(remaining, remainingCost, position.after(remaining, remainingCost), true);
        }
        Amount out = formula.out(position, quoteIn, rounding);
        // Never the last unit of the tranche: out <= tranche − sold − 1, i.e. sold + out < tranche.
        BigInteger soldAfter = sold.add(out.units());
        if (soldAfter.compareTo(tranche) >= 0) {
            soldAfter = tranche.subtract(BigInteger.ONE);
            out = Amount.ofUnits(out.asset(), soldAfter.subtract(sold));
        }
        CurvePosition after = CurvePosition.ofUnits(curve.baseAsset(), soldAfter, curve.quoteAsset(), raisedAfter);
        return new CurveFill(out, quoteIn, after, false);
    }

    static Amount costToBuy(BondingCurve curve, CurvePosition position, Amount baseOut, Cost cost) {
        checkPosition(curve, position);
        Objects.requireNonNull(baseOut, "baseOut");
        if (!baseOut.asset().equals(curve.baseAsset())) {
            throw new AssetMismatchException("baseOut", curve.baseAsset(), baseOut.asset());
        }
        if (!baseOut.isPositive()) {
            throw InvalidArgumentException.of("baseOut", baseOut, "must be positive");
        }
        Amount remaining = curve.tranche().minus(position.sold());
        if (baseOut.isGreaterThan(remaining)) {
            throw InsufficientLiquidityException.of("baseOut", baseOut,
                    "exceeds the " + remaining + " left in the tranche");
        }
        Amount remainingCost = curve.trancheCost().minus(position.raised());
        if (baseOut.equals(remaining)) {
            return remainingCost;
        }
        return cost.cost(position, baseOut).min(remainingCost);
    }

    static void checkPosition(BondingCurve curve, CurvePosition position) {
        Objects.requireNonNull(position, "position");
        if (!position.sold().asset().equals(curve.baseAsset())) {
            throw new AssetMismatchException("position.sold", curve.baseAsset(), position.sold().asset());
        }
        if (!position.raised().asset().equals(curve.quoteAsset())) {
            throw new AssetMismatchException("position.raised", curve.quoteAsset(), position.raised().asset());
        }
        if (position.sold().isGreaterThan(curve.tranche())) {
            throw InvalidArgumentException.of("position.sold", position.sold(),
                    "exceeds the tranche of " + curve.tranche());
        }
        if (position.raised().isGreaterThan(curve.trancheCost())) {
            throw InvalidArgumentException.of("position.raised", position.raised(),
                    "exceeds the tranche cost of " + curve.trancheCost());
        }
    }

    static void checkSold(BondingCurve curve, Amount sold) {
        Objects.requireNonNull(sold, "sold");
        if (!sold.asset().equals(curve.baseAsset())) {
            throw new AssetMismatchException("sold", curve.baseAsset(), sold.asset());
        }
        if (sold.isGreaterThan(curve.tranche())) {
            throw InvalidArgumentException.of("sold", sold, "exceeds the tranche of " + curve.tranche());
        }
    }

    static void requireDirection(RoundingMode rounding) {
        Objects.requireNonNull(rounding, "rounding");
        if (rounding == RoundingMode.UNNECESSARY) {
            throw InvalidArgumentException.of("rounding", rounding, "a rounding direction is required");
        }
    }

    static BigDecimal requirePositive(String field, BigDecimal value) {
        Objects.requireNonNull(value, field);
        if (value.signum() <= 0) {
            throw InvalidArgumentException.of(field, value.toPlainString(), "must be positive");
        }
        return value;
    }
}
