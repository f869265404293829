package io.fomo.benchmarks;

import io.fomo.core.launch.CurveFill;
import io.fomo.core.launch.CurvePosition;
import io.fomo.core.launch.LinearCurve;
import io.fomo.core.math.DecimalPolicy;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
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
 * A buy on the linear price curve (FOMO-SPEC §1.6) at growing magnitudes: the closed form on the
 * base-unit grid ({@link LinearCurve#buy}) against a bisection over the grid with exact decimal costs
 * (what a port without the closed form would do), on the same inputs, in the same class.
 *
 * <p>The quote asset has 18 decimals, the base asset 36 (the largest); {@code p0 = 3}, slope
 * {@code 0.000001}; inputs have {@code digits} integer digits (24 is the size of issue 14's input that the
 * former one-unit search took minutes on; 78 is about 2^256) and 18 random decimals. The closed form's
 * time grows only with the number of digits (a few big-integer products and one square root); the
 * bisection's with their square, as it takes about {@code 3.3·(digits + 36)} exact cost evaluations.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LinearCurveBenchmark -f 1 -wi 3 -i 5
 * -rf json -rff benchmarks/target/jmh-linear.json}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LinearCurveBenchmark {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal P0 = BigDecimal.valueOf(3);
    private static final BigDecimal SLOPE = new BigDecimal("0.000001");
    private static final int BASE_DECIMALS = 36;

    /** Integer digits of the quote input. */
    @Param({"24", "76"})
    public int digits;

    private LinearCurve curve;
    private CurvePosition start;
    private Amount[] inputs;
    private int next;

    /** Creates the state; JMH calls {@link #setUp()} before measuring. */
    public LinearCurveBenchmark() {
    }

    /** Builds the curve and draws 64 inputs from a run-time seed. */
    @Setup
    public void setUp() {
        SplittableRandom random = Seeds.fresh("LinearCurveBenchmark");
        Asset quote = Asset.of("FLOCK", 18);
        Asset base = Asset.of("MT", BASE_DECIMALS);
        // A tranche longer than any input can buy (past sqrt(2·10^digits/slope) tokens the slope alone costs
        // more than the largest input), so every buy takes the formula path, and short enough that its own
        // cost stays an amount within docs/limits.md (below 10^78).
        BigInteger reach = BigInteger.TWO.multiply(BigInteger.TEN.pow(digits + 6)).sqrt().add(BigInteger.TWO);
        curve = LinearCurve.of(quote, P0, SLOPE, Amount.of(base, new BigDecimal(reach)), DecimalPolicy.standard());
        start = CurvePosition.start(curve);
        inputs = new Amount[64];
        for (int i = 0; i < inputs.length; i++) {
            BigInteger bound = BigInteger.TEN.pow(digits + 18);
            BigInteger units = new BigInteger(bound.bitLength() + 16, new java.util.Random(random.nextLong()))
                    .mod(bound.subtract(bound.divide(BigInteger.TEN))).add(bound.divide(BigInteger.TEN));
            inputs[i] = Amount.ofUnits(quote, units);
        }
    }

    private Amount nextInput() {
        Amount q = inputs[next];
        next = (next + 1) & (inputs.length - 1);
        return q;
    }

    /**
     * The model: a buy from the start of the curve, rounded DOWN.
     *
     * @return the fill
     */
    @Benchmark
    public CurveFill closedForm() {
        return curve.buy(start, nextInput(), RoundingMode.DOWN);
    }

    /**
     * Baseline: the largest grid point whose exact cost {@code d·(p0 + s·d/2)} is at most the input, by
     * bisection.
     *
     * @return the tokens in base units
     */
    @Benchmark
    public BigInteger bisection() {
        BigDecimal q = nextInput().value();
        BigInteger lo = BigInteger.ZERO;
        BigInteger hi = q.movePointRight(BASE_DECIMALS).divide(P0, 0, RoundingMode.UP).toBigIntegerExact()
                .add(BigInteger.ONE);
        while (hi.subtract(lo).compareTo(BigInteger.ONE) > 0) {
            BigInteger mid = lo.add(hi).shiftRight(1);
            BigDecimal d = new BigDecimal(mid, BASE_DECIMALS);
            if (d.multiply(P0.add(SLOPE.multiply(d).divide(TWO))).compareTo(q) <= 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
