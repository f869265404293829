package io.fomo.core.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.math.DecimalPolicy;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LaunchParametersTest {

    static final DeploymentId DEPLOYMENT = DeploymentId.of("qwen");

    static Amount flock(String v) {
        return Amount.parse(Asset.FLOCK, v);
    }

    static LaunchParameters.Builder base() {
        return LaunchParameters.builder(DEPLOYMENT).minTarget(flock("1000")).maxTarget(flock("800000"))
                .constantProductCurve(BigDecimal.ONE);
    }

    @Test
    void defaultsAreTheSpecValues() {
        LaunchParameters p = base().build();
        Asset mt = p.mtAsset();
        assertEquals(18, mt.decimals());
        assertEquals(flock("32768"), p.launchFee());
        assertEquals(Duration.ofDays(7), p.window());
        assertEquals(150, p.swapFeeBps());
        assertEquals(0, p.creatorFeeBps());
        assertEquals(RoundingMode.UP, p.feeRounding());
        assertEquals(RoundingMode.DOWN, p.curveRounding());
        assertEquals(Amount.of(mt, 1_000_000), p.totalSupply());
        assertEquals(Amount.of(mt, 400_000), p.saleAllocation());
        assertEquals(Amount.of(mt, 200_000), p.liquidityAllocation());
        assertEquals(Amount.of(mt, 200_000), p.incentivesAllocation());
        assertEquals(Amount.of(mt, 100_000), p.issuerAllocation());
        assertEquals(Amount.of(mt, 100_000), p.treasuryAllocation());
        assertEquals(Amount.of(mt, 250_000), p.firstBuyCap());
        assertEquals(UnsoldPolicy.BURN, p.unsoldPolicy());
        assertEquals(5_000, p.raiseLiquidityBps());
        assertEquals(3_000, p.raiseHostingBps());
        assertEquals(2_000, p.raiseStakingBps());
        assertEquals(Duration.ofDays(90), p.vestingCliff());
        assertEquals(Duration.ofDays(365), p.vestingDuration());
        assertEquals(30, p.poolFeeBps());
        assertEquals(OverfillPolicy.PARTIAL_FILL, p.overfillPolicy());
        assertTrue(p.graduationOnlyAfterWindow());
        assertEquals(DecimalPolicy.standard(), p.decimalPolicy());
        assertEquals(flock("800000"), p.curve().trancheCost());
    }

    @Test
    void aDeploymentsBuilderCarriesItsModelTokenAndThePlainOneHasNoDefault() {
        assertEquals("MT-qwen", base().build().mtAsset().symbol());
        assertEquals(Asset.modelToken(DeploymentId.of("llama")),
                LaunchParameters.builder(DeploymentId.of("llama")).minTarget(flock("1000")).maxTarget(flock("800000"))
                        .constantProductCurve(BigDecimal.ONE).build().mtAsset());
        // A fixed default such as "MT" would build, then be rejected by every engine OpenLaunch.
        assertField("mtAsset = null", () -> LaunchParameters.builder().minTarget(flock("1000"))
                .maxTarget(flock("800000")).constantProductCurve(BigDecimal.ONE).build());
        assertThrows(NullPointerException.class, () -> LaunchParameters.builder(null));
    }

    @Test
    void setterRejectsAtOnceNamingTheField() {
        LaunchParameters.Builder b = LaunchParameters.builder();
        assertField("swapFeeBps = 10000", () -> b.swapFeeBps(10_000));
        assertField("creatorFeeBps = -1", () -> b.creatorFeeBps(-1));
        assertField("minTarget", () -> b.minTarget(Amount.zero(Asset.FLOCK)));
        assertField("maxTarget", () -> b.maxTarget(Amount.of(Asset.USDC, 1)));
        assertField("window", () -> b.window(Duration.ZERO));
        assertField("feeRounding", () -> b.feeRounding(RoundingMode.UNNECESSARY));
        assertField("startPrice", () -> b.constantProductCurve(BigDecimal.ZERO));
        assertField("slope", () -> b.linearCurve(BigDecimal.ONE, new BigDecimal("-1")));
        assertField("rate", () -> b.exponentialCurve(BigDecimal.ONE, BigDecimal.ZERO));
        assertField("allocation.sale", () -> b.allocationBps(0, 5000, 5000, 0, 0));
        assertField("raiseSplit.liquidity", () -> b.raiseSplitBps(0, 5000, 5000));
        assertField("vestingCliff", () -> b.vesting(Duration.ofDays(400), Duration.ofDays(365)));
        assertField("totalSupply", () -> b.totalSupply(0));
        assertField("mtAsset", () -> b.mtAsset(Asset.FLOCK));
        assertField("poolFeeBps", () -> b.poolFeeBps(10_000));
        assertField("firstBuyCapBps", () -> b.firstBuyCapBps(10_001));
    }

    @Test
    void buildRejectsInconsistentCombinations() {
        assertField("minTarget = null", () -> LaunchParameters.builder(DEPLOYMENT).maxTarget(flock("1")).constantProductCurve(BigDecimal.ONE).build());
        assertField("curve = null", () -> LaunchParameters.builder(DEPLOYMENT).minTarget(flock("1")).maxTarget(flock("1")).build());
        assertField("minTarget", () -> base().minTarget(flock("900000")).build());
        assertField("allocation = 9999", () -> base().allocationBps(4000, 2000, 2000, 1000, 999).build());
        assertField("raiseSplit = 10001", () -> base().raiseSplitBps(5000, 3000, 2001).build());
        // 400,000 MT at p0 = 2 is 800,000 at the start price: a CPMM cannot raise only that.
        assertField("maxTarget", () -> base().constantProductCurve(new BigDecimal("2")).build());
        // A linear curve whose whole tranche raises less than the max target.
        assertField("maxTarget", () -> base().linearCurve(BigDecimal.ONE, BigDecimal.ZERO).build());
        // 1 MT at 0 decimals: 1 bps of 1 token is not exact.
        assertField("allocation.sale", () -> base().mtAsset(Asset.of("WHOLE", 0)).totalSupply(1).build());
        // A given curve must sell exactly the sale allocation.
        BondingCurve other = ConstantProductCurve.fromTargets(Amount.of(Asset.of("MT", 18), 1), flock("800000"), BigDecimal.ONE);
        assertField("curve.tranche", () -> base().curve(other).build());
    }

    static void assertField(String expected, Runnable r) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, r::run);
        assertTrue(e.getMessage().startsWith(expected) || e.getMessage().contains(expected), e.getMessage());
    }
}
