package io.fomo.core.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.emission.AlphaSchedule;
import io.fomo.core.emission.Rate;
import io.fomo.core.engine.ParameterChange;
import io.fomo.core.launch.ConstantProductCurve;
import io.fomo.core.launch.ExponentialCurve;
import io.fomo.core.launch.LaunchParameters;
import io.fomo.core.launch.LinearCurve;
import io.fomo.core.math.DecimalPolicy;
import io.fomo.core.math.ExactMath;
import io.fomo.core.math.Share;
import io.fomo.core.revenue.BuybackParameters;
import io.fomo.core.revenue.RevenueWeights;
import io.fomo.core.revenue.UnitPrice;
import io.fomo.core.rewards.GmMultiplier;
import io.fomo.core.rewards.Participant;
import io.fomo.core.rewards.StakingFactor;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The attack run's cost-out-of-proportion cases against the core: every public entry point that takes a
 * decimal refuses a decimal of absurd scale or magnitude with a typed error naming its field, before any
 * arithmetic (the same inputs took seconds to minutes and gigabytes before the bounds), and quotes only a
 * bounded prefix of it.
 */
class HostileDecimalsTest {

    private static final Asset MT = Asset.of("MT", 18);
    private static final Amount TRANCHE = Amount.of(MT, 1_000_000);

    /** Decimals whose arithmetic would cost out of proportion to their size as text. */
    static List<BigDecimal> hostile() {
        return List.of(
                new BigDecimal("1e-999999999"),
                new BigDecimal("1e+999999999"),
                new BigDecimal("-1e-2147483647"),
                new BigDecimal(BigInteger.TEN.pow(5000)),
                new BigDecimal(BigInteger.ONE.shiftLeft(5000), 3));
    }

    /** One public entry point: a name, the field it must name, and a call with the decimal in it. */
    record EntryPoint(String name, String field, Consumer<BigDecimal> call) {
    }

    static List<EntryPoint> entryPoints() {
        DecimalPolicy policy = DecimalPolicy.standard();
        BigDecimal half = new BigDecimal("0.5");
        List<EntryPoint> points = new ArrayList<>();
        points.add(new EntryPoint("Share.of", "share", Share::of));
        points.add(new EntryPoint("UnitPrice.of", "price", d -> UnitPrice.of(Asset.USDC, 6, d)));
        points.add(new EntryPoint("UnitPrice.of rounding", "price",
                d -> UnitPrice.of(Asset.USDC, 6, d, RoundingMode.UP)));
        points.add(new EntryPoint("Rate.perDay", "ratePerDay", Rate::perDay));
        points.add(new EntryPoint("Rate.perSecond", "ratePerSecond", Rate::perSecond));
        points.add(new EntryPoint("ParameterChange.of alpha", "alpha",
                d -> ParameterChange.of(RevenueWeights.defaults(), d, half, BuybackParameters.defaults())));
        points.add(new EntryPoint("ParameterChange.of alphaIncentive", "alphaIncentive",
                d -> ParameterChange.of(RevenueWeights.defaults(), half, d, BuybackParameters.defaults())));
        points.add(new EntryPoint("LinearCurve.of startPrice", "startPrice",
                d -> LinearCurve.of(Asset.FLOCK, d, BigDecimal.ONE, TRANCHE, policy)));
        points.add(new EntryPoint("LinearCurve.of slope", "slope",
                d -> LinearCurve.of(Asset.FLOCK, BigDecimal.ONE, d, TRANCHE, policy)));
        points.add(new EntryPoint("ExponentialCurve.of startPrice", "startPrice",
                d -> ExponentialCurve.of(Asset.FLOCK, d, half, TRANCHE, policy)));
        points.add(new EntryPoint("ExponentialCurve.of rate", "rate",
                d -> ExponentialCurve.of(Asset.FLOCK, half, d, TRANCHE, policy)));
        points.add(new EntryPoint("ConstantProductCurve.fromTargets", "startPrice",
                d -> ConstantProductCurve.fromTargets(TRANCHE, Amount.of(Asset.FLOCK, 1000), d)));
        points.add(new EntryPoint("LaunchParameters.linearCurve slope", "slope",
                d -> LaunchParameters.builder().linearCurve(BigDecimal.ONE, d)));
        points.add(new EntryPoint("LaunchParameters.exponentialCurve rate", "rate",
                d -> LaunchParameters.builder().exponentialCurve(BigDecimal.ONE, d)));
        points.add(new EntryPoint("LaunchParameters.constantProductCurve", "startPrice",
                d -> LaunchParameters.builder().constantProductCurve(d)));
        points.add(new EntryPoint("AlphaSchedule.constant", "value", AlphaSchedule::constant));
        points.add(new EntryPoint("AlphaSchedule.linear", "from",
                d -> AlphaSchedule.linear(d, half, 0, 10, 6, RoundingMode.DOWN)));
        points.add(new EntryPoint("GmMultiplier.saturating", "maxMultiplier",
                d -> GmMultiplier.saturating(d, BigDecimal.ONE, 6)));
        points.add(new EntryPoint("GmMultiplier.valueAt", "gmFlock",
                d -> GmMultiplier.saturating(BigDecimal.valueOf(2), BigDecimal.ONE, 6).valueAt(d)));
        points.add(new EntryPoint("Participant.of spend", "spend",
                d -> Participant.of(AccountId.of("u"), d, BigDecimal.ONE)));
        points.add(new EntryPoint("Participant.of gmFlock", "gmFlock",
                d -> Participant.of(AccountId.of("u"), BigDecimal.ONE, BigDecimal.ONE, d)));
        points.add(new EntryPoint("StakingFactor.of", "alpha",
                d -> StakingFactor.of(d, half, MathContext.DECIMAL64)));
        points.add(new EntryPoint("StakingFactor.global", "alpha",
                d -> StakingFactor.global(d, BigInteger.ONE, BigInteger.TWO, 6, RoundingMode.DOWN)));
        points.add(new EntryPoint("ExactMath.sqrt", "x", d -> ExactMath.sqrt(d, 10, RoundingMode.DOWN)));
        points.add(new EntryPoint("ExactMath.exp", "x",
                d -> ExactMath.exp(d, MathContext.DECIMAL64, 5)));
        points.add(new EntryPoint("ExactMath.ln", "x", d -> ExactMath.ln(d, MathContext.DECIMAL64, 5)));
        return points;
    }

    @TestFactory
    Stream<DynamicTest> everyEntryPointRefusesEveryHostileDecimalByName() {
        return entryPoints().stream().flatMap(p -> hostile().stream().map(d -> DynamicTest.dynamicTest(
                p.name() + " " + d.scale() + "/" + d.unscaledValue().bitLength(), () -> {
                    InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                            () -> p.call().accept(d));
                    assertEquals(p.field(), e.field(), e.getMessage());
                    assertTrue(e.getMessage().length() <= 400, e.getMessage());
                })));
    }
}
