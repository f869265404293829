package io.fomo.core.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.AssetMismatchException;
import io.fomo.spi.InvalidArgumentException;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevenueRouterTest {

    static Amount usd(String v) {
        return Amount.parse(Asset.USD, v);
    }

    @Test
    void defaultWeightsSplitARoundAmountExactly() {
        // Spec §3.1 defaults 40/20/15/25 of a net of 100 - 20 = 80 USD.
        RevenueSplit s = RevenueRouter.defaults().route(usd("100"), usd("20"));
        assertEquals(usd("80"), s.net());
        assertEquals(usd("20"), s.costsCovered());
        assertEquals(usd("32"), s.mtBuyback());
        assertEquals(usd("16"), s.flockBuyback());
        assertEquals(usd("12"), s.treasury());
        assertEquals(usd("20"), s.issuer());
        assertEquals(usd("0"), s.treasuryDust());
    }

    @Test
    void dustGoesToTheTreasury() {
        // net 10.000003: 40% = 4.0000012 -> 4.000001, 20% = 2.0000006 -> 2.000000, 25% = 2.50000075 -> 2.500000;
        // treasury = 10.000003 - 8.500001 = 1.500002, of which 15% = 1.50000045 -> 1.500000, dust 0.000002.
        RevenueSplit s = RevenueRouter.defaults().route(usd("10.000003"), usd("0"));
        assertEquals(usd("4.000001"), s.mtBuyback());
        assertEquals(usd("2"), s.flockBuyback());
        assertEquals(usd("2.5"), s.issuer());
        assertEquals(usd("1.500002"), s.treasury());
        assertEquals(usd("0.000002"), s.treasuryDust());
    }

    @Test
    void dustReachesItsBoundOfThreeUnits() {
        // net 9999 units: 40% = 3999.6 -> 3999, 20% = 1999.8 -> 1999, 25% = 2499.75 -> 2499, treasury
        // 9999 - 8497 = 1502 against its own 15% = 1499.85 -> 1499: dust 3, the largest possible.
        RevenueSplit s = RevenueRouter.defaults().route(usd("0.009999"), usd("0"));
        assertEquals(usd("0.003999"), s.mtBuyback());
        assertEquals(usd("0.001999"), s.flockBuyback());
        assertEquals(usd("0.002499"), s.issuer());
        assertEquals(usd("0.001502"), s.treasury());
        assertEquals(usd("0.000003"), s.treasuryDust());
    }

    @Test
    void costsAboveGrossFloorTheNetAtZero() {
        RevenueSplit s = RevenueRouter.defaults().route(usd("5"), usd("7.5"));
        assertEquals(usd("0"), s.net());
        assertEquals(usd("5"), s.costsCovered());
        assertEquals(usd("7.5"), s.hardCosts());
        assertTrue(s.mtBuyback().isZero() && s.treasury().isZero() && s.issuer().isZero());
    }

    @Test
    void weightsMustSumToExactlyTenThousand() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> RevenueWeights.builder().treasuryBps(1_499).build());
        assertTrue(e.getMessage().startsWith("weights = 4000+2000+1499+2500 = 9999"), e.getMessage());
        assertThrows(InvalidArgumentException.class, () -> RevenueWeights.builder().issuerBps(2_501).build());
        InvalidArgumentException range = assertThrows(InvalidArgumentException.class,
                () -> RevenueWeights.builder().mtBuybackBps(-1));
        assertTrue(range.getMessage().startsWith("mtBuyback = -1"), range.getMessage());
        assertThrows(InvalidArgumentException.class, () -> RevenueWeights.builder().flockBuybackBps(10_001));
    }

    @Test
    void allToOneRecipient() {
        RevenueWeights w = RevenueWeights.builder().mtBuybackBps(10_000).flockBuybackBps(0).treasuryBps(0)
                .issuerBps(0).build();
        RevenueSplit s = RevenueRouter.of(w, RoundingMode.DOWN).route(usd("3.333333"), usd("0"));
        assertEquals(usd("3.333333"), s.mtBuyback());
        assertTrue(s.treasury().isZero());
    }

    @Test
    void roundingUpIsRefusedAndAssetsMustMatch() {
        assertThrows(InvalidArgumentException.class, () -> RevenueRouter.of(RevenueWeights.defaults(), RoundingMode.UP));
        assertThrows(AssetMismatchException.class,
                () -> RevenueRouter.defaults().route(usd("1"), Amount.parse(Asset.USDC, "0")));
    }

    @Test
    void routingEachPaymentLosesMoreDustThanRoutingTheSum() {
        // Three payments of 0.000001: routed each, every share floors to 0 and the treasury takes all 3 units;
        // routed as one sum of 0.000003, the shares are 40% = 0.0000012 -> 0.000001 etc.
        RevenueRouter r = RevenueRouter.defaults();
        List<Amount> pays = List.of(usd("0.000001"), usd("0.000001"), usd("0.000001"));
        RevenueSplit each = r.routeEach(pays, usd("0"));
        RevenueSplit sum = r.route(usd("0.000003"), usd("0"));
        assertEquals(usd("0.000003"), each.treasury());
        assertEquals(usd("0.000001"), sum.mtBuyback());
        assertEquals(usd("0.000002"), sum.treasury());
        assertEquals(each.net(), sum.net());
    }
}
