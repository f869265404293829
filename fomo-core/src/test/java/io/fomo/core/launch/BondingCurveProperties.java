package io.fomo.core.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.math.DecimalPolicy;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class BondingCurveProperties {

    static final Asset MT = Asset.of("MT", 18);
    static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);

    @Provide
    Arbitrary<BondingCurve> curves() {
        Arbitrary<BigDecimal> tranche = Arbitraries.bigDecimals().between(BigDecimal.ONE, new BigDecimal("1000000")).ofScale(3);
        Arbitrary<BigDecimal> price = Arbitraries.bigDecimals().between(new BigDecimal("0.0001"), BigDecimal.TEN).ofScale(4);
        Arbitrary<BigDecimal> markup = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), BigDecimal.TEN).ofScale(2);
        Arbitrary<BigDecimal> growth = Arbitraries.bigDecimals().between(new BigDecimal("0.001"), BigDecimal.TEN).ofScale(3);
        Arbitrary<BondingCurve> cpmm = Combinators.combine(tranche, price, markup).as((s, p0, m) ->
                ConstantProductCurve.fromTargets(Amount.of(MT, s),
                        Amount.of(Asset.FLOCK, s.multiply(p0).multiply(BigDecimal.ONE.add(m)), RoundingMode.UP), p0));
        Arbitrary<BondingCurve> linear = Combinators.combine(tranche, price, growth).as((s, p0, g) ->
                LinearCurve.of(Asset.FLOCK, p0, p0.multiply(g).divide(s, 30, RoundingMode.DOWN), Amount.of(MT, s),
                        DecimalPolicy.standard()));
        Arbitrary<BondingCurve> exp = Combinators.combine(tranche, price, growth).as((s, p0, g) ->
                ExponentialCurve.of(Asset.FLOCK, p0, g.divide(s, 30, RoundingMode.DOWN).max(new BigDecimal("1e-30")),
                        Amount.of(MT, s), DecimalPolicy.standard()));
        return Arbitraries.oneOf(cpmm, linear, exp);
    }

    @Provide
    Arbitrary<List<Integer>> fractions() {
        // Parts per million of the tranche cost, for a sequence of buys.
        return Arbitraries.integers().between(1, 400_000).list().ofMinSize(1).ofMaxSize(8);
    }

    static Amount partOf(Amount whole, int ppm) {
        BigInteger u = whole.units().multiply(BigInteger.valueOf(ppm)).divide(BigInteger.valueOf(1_000_000));
        return Amount.ofUnits(whole.asset(), u.max(BigInteger.ONE));
    }

    @Property(tries = 150)
    void priceNeverFallsAndTheCurveNeverSellsPastItsTranche(@ForAll("curves") BondingCurve c,
            @ForAll("fractions") List<Integer> buys) {
        CurvePosition p = CurvePosition.start(c);
        BigDecimal price = c.spotPrice(p, MC);
        for (int ppm : buys) {
            if (p.sold().equals(c.tranche())) {
                break;
            }
            CurveFill f = c.buy(p, partOf(c.trancheCost(), ppm), RoundingMode.DOWN);
            p = f.after();
            assertTrue(p.sold().compareTo(c.tranche()) <= 0);
            assertTrue(p.raised().compareTo(c.trancheCost()) <= 0);
            assertEquals(f.completesTranche(), p.sold().equals(c.tranche()));
            if (f.completesTranche()) {
                assertEquals(c.trancheCost(), p.raised());
            }
            BigDecimal next = c.spotPrice(p, MC);
            assertTrue(next.compareTo(price) >= 0, next + " < " + price);
            price = next;
        }
    }

    @Property(tries = 150)
    void idealPriceNeverFalls(@ForAll("curves") BondingCurve c, @ForAll @IntRange(min = 0, max = 999_999) int a,
            @ForAll @IntRange(min = 0, max = 999_999) int b) {
        Amount x = partOf(c.tranche(), Math.min(a, b));
        Amount y = partOf(c.tranche(), Math.max(a, b));
        assertTrue(c.spotPriceAt(x, MC).compareTo(c.spotPriceAt(y, MC)) <= 0);
    }

    @Property(tries = 150)
    void buyingInTwoStepsNeverYieldsMoreThanAtOnce(@ForAll("curves") BondingCurve c,
            @ForAll @IntRange(min = 0, max = 900_000) int before, @ForAll @IntRange(min = 1, max = 600_000) int q1,
            @ForAll @IntRange(min = 1, max = 600_000) int q2) {
        CurvePosition p = CurvePosition.start(c);
        if (before > 0) {
            p = c.buy(p, partOf(c.trancheCost(), before), RoundingMode.DOWN).after();
        }
        if (p.sold().equals(c.tranche())) {
            return;
        }
        Amount a1 = partOf(c.trancheCost(), q1);
        Amount a2 = partOf(c.trancheCost(), q2);
        CurveFill once = c.buy(p, a1.plus(a2), RoundingMode.DOWN);
        CurveFill first = c.buy(p, a1, RoundingMode.DOWN);
        Amount total = first.baseOut();
        Amount used = first.quoteUsed();
        if (!first.completesTranche()) {
            CurveFill second = c.buy(first.after(), a2, RoundingMode.DOWN);
            total = total.plus(second.baseOut());
            used = used.plus(second.quoteUsed());
        }
        assertTrue(total.compareTo(once.baseOut()) <= 0, total + " > " + once.baseOut());
        if (total.equals(once.baseOut()) && once.completesTranche()) {
            assertTrue(used.compareTo(once.quoteUsed()) >= 0);
        }
    }

    @Property(tries = 150)
    void exactOutCostThenExactInReturnsAtLeastTheRequest(@ForAll("curves") BondingCurve c,
            @ForAll @IntRange(min = 0, max = 900_000) int before, @ForAll @IntRange(min = 1, max = 1_000_000) int want) {
        CurvePosition p = CurvePosition.start(c);
        if (before > 0) {
            p = c.buy(p, partOf(c.trancheCost(), before), RoundingMode.DOWN).after();
        }
        Amount remaining = c.tranche().minus(p.sold());
        if (remaining.isZero()) {
            return;
        }
        Amount b = partOf(remaining, want);
        Amount cost = c.costToBuy(p, b);
        CurveFill f = c.buy(p, cost, RoundingMode.DOWN);
        assertTrue(f.baseOut().compareTo(b) >= 0, f.baseOut() + " < " + b);
        assertEquals(cost, f.quoteUsed());
    }

    @Property(tries = 100)
    void ceilingFavoursTheBuyerByAtMostOneUnit(@ForAll("curves") BondingCurve c,
            @ForAll @IntRange(min = 1, max = 900_000) int q) {
        CurvePosition p = CurvePosition.start(c);
        Amount in = partOf(c.trancheCost(), q);
        Amount down = c.buy(p, in, RoundingMode.DOWN).baseOut();
        Amount up = c.buy(p, in, RoundingMode.CEILING).baseOut();
        BigInteger diff = up.units().subtract(down.units());
        assertTrue(diff.signum() >= 0 && diff.compareTo(BigInteger.ONE) <= 0);
    }

    @Property(tries = 50)
    void sellOutRaisesExactlyTheTrancheCost(@ForAll("curves") BondingCurve c,
            @ForAll @Size(max = 6) List<@IntRange(min = 1, max = 300_000) Integer> buys) {
        CurvePosition p = CurvePosition.start(c);
        for (int ppm : buys) {
            if (p.sold().equals(c.tranche())) {
                break;
            }
            p = c.buy(p, partOf(c.trancheCost(), ppm), RoundingMode.DOWN).after();
        }
        if (!p.sold().equals(c.tranche())) {
            Amount rest = c.costToBuy(p, c.tranche().minus(p.sold()));
            p = c.buy(p, rest, RoundingMode.DOWN).after();
        }
        assertEquals(c.tranche(), p.sold());
        assertEquals(c.trancheCost(), p.raised());
    }
}
