package io.fomo.core.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InsufficientLiquidityException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The tranche rules in base units ({@link CurveRules#buy}) and the constant-product formula with an
 * integer quotient for DOWN and FLOOR, against the amount-based rules and the {@link BigDecimal} quotient
 * they replaced, over every curve, every rounding and buy sequences that reach the last unit and sell out.
 */
class CurveFastPathProperties {

    @Provide
    Arbitrary<BondingCurve> curves() {
        // Tiny integer reserves make the last-unit cap and exact quotients frequent.
        Arbitrary<BondingCurve> tiny = Combinators.combine(Arbitraries.longs().between(1, 2_000),
                Arbitraries.longs().between(2, 2_000), Arbitraries.integers().between(1, 100)).as((x0, y0, pct) -> {
                    long s = Math.max(1, Math.min(y0 - 1, y0 * pct / 100));
                    Asset quote = Asset.of("Q", 0);
                    Asset base = Asset.of("B", 0);
                    return ConstantProductCurve.of(Amount.ofUnits(quote, x0), Amount.ofUnits(base, y0),
                            Amount.ofUnits(base, s));
                });
        return Arbitraries.oneOf(new BondingCurveProperties().curves(), tiny);
    }

    @Provide
    Arbitrary<List<Integer>> steps() {
        // Parts per million of the remaining tranche cost; above 1,000,000 completes the tranche.
        return Arbitraries.integers().between(1, 1_100_000).list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 400)
    void buyIsTheReplacedComputation(@ForAll("curves") BondingCurve curve, @ForAll("steps") List<Integer> steps,
            @ForAll RoundingMode rounding) {
        if (rounding == RoundingMode.UNNECESSARY) {
            return;
        }
        CurvePosition p = CurvePosition.start(curve);
        for (int ppm : steps) {
            Amount remainingCost = curve.trancheCost().minus(p.raised());
            BigInteger u = remainingCost.units().multiply(BigInteger.valueOf(ppm)).divide(BigInteger.valueOf(1_000_000));
            Amount q = Amount.ofUnits(curve.quoteAsset(), u.max(BigInteger.ONE));
            if (curve.tranche().equals(p.sold())) {
                CurvePosition at = p;
                assertThrows(InsufficientLiquidityException.class, () -> curve.buy(at, q, rounding));
                return;
            }
            CurveFill expected = replacedBuy(curve, p, q, rounding);
            CurveFill fill = curve.buy(p, q, rounding);
            assertEquals(expected, fill, curve + " at " + p + " buying with " + q + " " + rounding);
            p = fill.after();
        }
    }

    /** The amount-based tranche rules as they were. */
    private static CurveFill replacedBuy(BondingCurve curve, CurvePosition position, Amount quoteIn,
            RoundingMode rounding) {
        Amount remaining = curve.tranche().minus(position.sold());
        Amount remainingCost = curve.trancheCost().minus(position.raised());
        if (quoteIn.compareTo(remainingCost) >= 0) {
            return new CurveFill(remaining, remainingCost, position.after(remaining, remainingCost), true);
        }
        Amount out = replacedFormula(curve, position, quoteIn, rounding);
        out = out.min(remaining.minus(Amount.ofUnits(remaining.asset(), 1)));
        return new CurveFill(out, quoteIn, position.after(out, quoteIn), false);
    }

    private static Amount replacedFormula(BondingCurve curve, CurvePosition position, Amount quoteIn,
            RoundingMode rounding) {
        if (curve instanceof ConstantProductCurve c) {
            BigInteger x = c.virtualQuoteReserve().plus(position.raised()).units();
            BigInteger y = c.virtualBaseReserve().minus(position.sold()).units();
            BigInteger q = quoteIn.units();
            BigDecimal out = new BigDecimal(y.multiply(q)).divide(new BigDecimal(x.add(q)), 0, rounding);
            return Amount.ofUnits(c.baseAsset(), out.toBigIntegerExact());
        }
        if (curve instanceof LinearCurve l) {
            return l.formulaOut(position, quoteIn, rounding);
        }
        return ((ExponentialCurve) curve).formulaOut(position, quoteIn, rounding);
    }
}
