package io.fomo.benchmarks;

import io.fomo.core.amm.ConstantProductPool;
import io.fomo.core.launch.ConstantProductCurve;
import io.fomo.core.launch.CurveFill;
import io.fomo.core.launch.CurvePosition;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Quotes of the constant-product curves (FOMO-SPEC §1.6 and §2): a buy on the launch curve over virtual
 * reserves ({@link ConstantProductCurve#buy}) and an exact-in quote of the graduated pool
 * ({@link ConstantProductPool#amountOut(Amount)}), each against the {@link BigInteger} integer formula
 * Uniswap v2 uses ({@code getAmountOut}), on the same numbers, in the same class.
 *
 * <p>Both sides are 18-decimal tokens (FLOCK and an MT), so reserves and products exceed a {@code long}.
 * The curve is the documented example ({@code S} = 400,000 MT, {@code T} = 1,000,000 FLOCK,
 * {@code p0} = 1, docs/launch.md); its positions are taken along random buy sequences from the start to
 * near sell-out, each paired with an input below the remaining tranche cost (the formula path). Pools
 * have reserves log-uniform from 10^3 to 10^7 tokens and a 30 bps fee; inputs are log-uniform from
 * 10^-6 to 10^4 tokens, in random base units.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CurveBenchmark -f 1 -wi 3 -i 5
 * -rf json -rff benchmarks/target/jmh-curve.json}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CurveBenchmark {

    private static final int FEE_BPS = 30;
    private static final BigInteger W = BigInteger.valueOf(10_000);
    private static final BigInteger W_LESS_FEE = BigInteger.valueOf(10_000 - FEE_BPS);

    /** Number of distinct pre-drawn quotes cycled through; a power of two. */
    @Param("1024")
    public int quotes;

    private ConstantProductCurve curve;
    private CurvePosition[] positions;
    private Amount[] curveIn;
    private BigInteger[] curveX;
    private BigInteger[] curveY;
    private BigInteger[] curveQ;

    private ConstantProductPool[] pools;
    private Amount[] poolIn;
    private BigInteger[] poolRin;
    private BigInteger[] poolRout;
    private BigInteger[] poolQ;
    private int next;

    /** Creates the state; JMH calls {@link #setUp()} before measuring. */
    public CurveBenchmark() {
    }

    /** Draws the positions, pools and inputs from a run-time seed. */
    @Setup
    public void setUp() {
        if (Integer.bitCount(quotes) != 1) {
            throw new IllegalArgumentException("quotes must be a power of two: " + quotes);
        }
        SplittableRandom random = Seeds.fresh("CurveBenchmark");
        Asset flock = Asset.FLOCK;
        Asset mt = Asset.modelToken(DeploymentId.of("bench-model"));
        curve = ConstantProductCurve.fromTargets(Amount.of(mt, 400_000), Amount.of(flock, 1_000_000),
                BigDecimal.ONE);
        positions = new CurvePosition[quotes];
        curveIn = new Amount[quotes];
        curveX = new BigInteger[quotes];
        curveY = new BigInteger[quotes];
        curveQ = new BigInteger[quotes];
        CurvePosition p = CurvePosition.start(curve);
        for (int i = 0; i < quotes; i++) {
            Amount remainingCost = curve.trancheCost().minus(p.raised());
            if (remainingCost.units().compareTo(BigInteger.TEN.pow(22)) < 0) {
                p = CurvePosition.start(curve); // near sell-out: start another sale
                remainingCost = curve.trancheCost();
            }
            BigInteger q = tokens(random, -6, 4).min(remainingCost.units().subtract(BigInteger.ONE));
            positions[i] = p;
            curveIn[i] = Amount.ofUnits(flock, q);
            curveX[i] = curve.virtualQuoteReserve().units().add(p.raised().units());
            curveY[i] = curve.virtualBaseReserve().units().subtract(p.sold().units());
            curveQ[i] = q;
            // Move along the curve by a random buy (up to 2% of the tranche cost).
            BigInteger step = tokens(random, 0, 4).min(remainingCost.units().subtract(BigInteger.ONE));
            p = curve.buy(p, Amount.ofUnits(flock, step), RoundingMode.DOWN).after();
        }
        pools = new ConstantProductPool[quotes];
        poolIn = new Amount[quotes];
        poolRin = new BigInteger[quotes];
        poolRout = new BigInteger[quotes];
        poolQ = new BigInteger[quotes];
        for (int i = 0; i < quotes; i++) {
            Amount rf = Amount.ofUnits(flock, tokens(random, 3, 7));
            Amount rm = Amount.ofUnits(mt, tokens(random, 3, 7));
            pools[i] = ConstantProductPool.open(rf, rm, FEE_BPS);
            boolean flockIn = random.nextBoolean();
            poolIn[i] = Amount.ofUnits(flockIn ? flock : mt, tokens(random, -6, 4));
            poolRin[i] = (flockIn ? rf : rm).units();
            poolRout[i] = (flockIn ? rm : rf).units();
            poolQ[i] = poolIn[i].units();
        }
    }

    /** Random base units of an 18-decimal token, from 10^lo to 10^hi tokens, uniform in the digits. */
    private static BigInteger tokens(SplittableRandom random, int lo, int hi) {
        int digits = 18 + lo + random.nextInt(hi - lo + 1);
        BigInteger bound = BigInteger.TEN.pow(digits);
        BigInteger r = new BigInteger(bound.bitLength() + 16, new java.util.Random(random.nextLong())).mod(bound);
        return r.add(BigInteger.ONE);
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) & (quotes - 1);
        return i;
    }

    /**
     * The model: a buy on the launch curve, rounded DOWN.
     *
     * @return the fill
     */
    @Benchmark
    public CurveFill curveBuy() {
        int i = nextIndex();
        return curve.buy(positions[i], curveIn[i], RoundingMode.DOWN);
    }

    /**
     * Baseline: the curve's formula {@code ⌊Y·q / (X + q)⌋} in {@link BigInteger}, on the same numbers.
     *
     * @return the output in base units
     */
    @Benchmark
    public BigInteger curveBuyBigInteger() {
        int i = nextIndex();
        BigInteger q = curveQ[i];
        return curveY[i].multiply(q).divide(curveX[i].add(q));
    }

    /**
     * The model: the pool's exact-in quote.
     *
     * @return the output
     */
    @Benchmark
    public Amount poolAmountOut() {
        int i = nextIndex();
        return pools[i].amountOut(poolIn[i]);
    }

    /**
     * Baseline: Uniswap v2's {@code getAmountOut} in {@link BigInteger}, on the same numbers.
     *
     * @return the output in base units
     */
    @Benchmark
    public BigInteger poolAmountOutBigInteger() {
        int i = nextIndex();
        BigInteger inWithFee = poolQ[i].multiply(W_LESS_FEE);
        return inWithFee.multiply(poolRout[i]).divide(poolRin[i].multiply(W).add(inWithFee));
    }
}
