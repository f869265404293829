package io.fomo.core.launch;

import io.fomo.spi.Amount;
import io.fomo.spi.AssetMismatchException;
import io.fomo.spi.InsufficientLiquidityException;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
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
        Amount remaining = curve.tranche().minus(position.sold());
        if (remaining.isZero()) {
            throw InsufficientLiquidityException.of("quoteIn", quoteIn,
                    "the tranche of " + curve.tranche() + " is sold out");
        }
        Amount remainingCost = curve.trancheCost().minus(position.raised());
        if (quoteIn.compareTo(remainingCost) >= 0) {
            return new CurveFill(remaining, remainingCost, position.after(remaining, remainingCost), true);
        }
        Amount out = formula.out(position, quoteIn, rounding);
        Amount lastUnitKept = remaining.minus(Amount.ofUnits(remaining.asset(), 1));
        out = out.min(lastUnitKept);
        return new CurveFill(out, quoteIn, position.after(out, quoteIn), false);
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

    /**
     * Rounds the exact solution of an increasing cost function to a grid of {@code ulp}, given a
     * candidate within a few ulps of it: {@code cost(x) <= target} decides the side of every grid point,
     * so the result is exact whatever the candidate's error.
     */
    static BigDecimal roundSolution(BigDecimal candidate, BigDecimal ulp, BigDecimal target,
            java.util.function.UnaryOperator<BigDecimal> cost, RoundingMode rounding) {
        BigDecimal d = candidate.max(BigDecimal.ZERO);
        while (d.signum() > 0 && cost.apply(d).compareTo(target) > 0) {
            d = d.subtract(ulp);
        }
        while (cost.apply(d.add(ulp)).compareTo(target) <= 0) {
            d = d.add(ulp);
        }
        // d = floor of the solution on the grid.
        int atD = cost.apply(d).compareTo(target);
        switch (rounding) {
            case DOWN:
            case FLOOR:
                return d;
            case UP:
            case CEILING:
                return atD == 0 ? d : d.add(ulp);
            default:
                if (atD == 0) {
                    return d;
                }
                BigDecimal half = d.add(ulp.divide(BigDecimal.valueOf(2)));
                int atHalf = cost.apply(half).compareTo(target);
                if (atHalf < 0) {
                    return d.add(ulp);
                }
                if (atHalf > 0) {
                    return d;
                }
                if (rounding == RoundingMode.HALF_UP) {
                    return d.add(ulp);
                }
                if (rounding == RoundingMode.HALF_DOWN) {
                    return d;
                }
                boolean dEven = !d.divide(ulp).toBigIntegerExact().testBit(0);
                return dEven ? d : d.add(ulp);
        }
    }
}
