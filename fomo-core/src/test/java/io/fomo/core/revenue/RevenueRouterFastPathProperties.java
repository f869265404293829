package io.fomo.core.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link RevenueRouter#route} computes in base units ({@code long} below 2^63 / 10,000, BigInteger above);
 * the general path is the plan of {@link RevenueWeights#waterfall} applied to the net. Inputs straddle
 * the boundary between the two arithmetic paths, at several decimals and both allowed roundings.
 */
class RevenueRouterFastPathProperties {

    private static final BigInteger LONG_LIMIT = BigInteger.valueOf(Long.MAX_VALUE / 10_000);

    @Provide
    Arbitrary<RevenueWeights> weights() {
        return new RevenueProperties().weights();
    }

    @Provide
    Arbitrary<BigInteger> units() {
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(100_000)),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(16)),
                Arbitraries.bigIntegers().between(LONG_LIMIT.subtract(BigInteger.valueOf(1_000)),
                        LONG_LIMIT.add(BigInteger.valueOf(1_000))),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(40)));
    }

    /** One router for every try: its cache of small dust amounts must follow the asset. */
    private static final RevenueRouter SHARED = RevenueRouter.defaults();

    @Property(tries = 2_000)
    void routeIsTheWaterfallOfTheNet(@ForAll("weights") RevenueWeights w, @ForAll("units") BigInteger gross,
            @ForAll("units") BigInteger costs, @ForAll @IntRange(min = 0, max = 30) int decimals,
            @ForAll boolean floor) {
        RoundingMode rounding = floor ? RoundingMode.FLOOR : RoundingMode.DOWN;
        check(RevenueRouter.of(w, rounding), gross, costs, Asset.of("REV", decimals));
    }

    @Property(tries = 500)
    void aSharedRouterFollowsTheAsset(@ForAll("units") BigInteger gross, @ForAll("units") BigInteger costs,
            @ForAll @IntRange(min = 0, max = 3) int decimals, @ForAll boolean otherSymbol) {
        check(SHARED, gross, costs, Asset.of(otherSymbol ? "OTHER" : "REV", decimals));
    }

    private static void check(RevenueRouter router, BigInteger gross, BigInteger costs, Asset asset) {
        RevenueWeights w = router.weights();
        RoundingMode rounding = router.rounding();
        Amount g = Amount.ofUnits(asset, gross);
        Amount c = Amount.ofUnits(asset, costs);
        RevenueSplit s = router.route(g, c);

        Amount covered = g.min(c);
        Amount net = g.minus(covered);
        Map<String, Amount> parts = w.waterfall(asset, rounding).split(net);
        Amount ownTreasuryShare = net.multipliedBy(java.math.BigDecimal.valueOf(w.treasuryBps(), 4), rounding);
        assertEquals(g, s.gross());
        assertEquals(c, s.hardCosts());
        assertEquals(covered, s.costsCovered());
        assertEquals(net, s.net());
        assertEquals(parts.get(RevenueWeights.MT_BUYBACK), s.mtBuyback());
        assertEquals(parts.get(RevenueWeights.FLOCK_BUYBACK), s.flockBuyback());
        assertEquals(parts.get(RevenueWeights.ISSUER), s.issuer());
        assertEquals(parts.get(RevenueWeights.TREASURY), s.treasury());
        assertEquals(parts.get(RevenueWeights.TREASURY).minus(ownTreasuryShare), s.treasuryDust());
    }
}
