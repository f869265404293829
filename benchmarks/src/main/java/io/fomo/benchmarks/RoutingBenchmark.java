package io.fomo.benchmarks;

import io.fomo.core.revenue.RevenueRouter;
import io.fomo.core.revenue.RevenueSplit;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.math.BigDecimal;
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
 * Routes one USDC usage payment through the revenue waterfall (FOMO-SPEC §3.1) with
 * {@link RevenueRouter#route(Amount, Amount)}, against two baselines that compute the same nine numbers:
 * a naive {@link BigDecimal} version and a {@code long} fixed-point version in base units.
 *
 * <p>Each invocation takes the next of {@code payments} pre-drawn payments (log-uniform from 1 base unit
 * to 10,000 USDC, no hard costs, as for a single usage payment), so branch predictors and caches see a
 * realistic mix rather than one number.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RoutingBenchmark -f 1 -wi 3 -i 5
 * -rf json -rff benchmarks/target/jmh-routing.json}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoutingBenchmark {

    private static final BigDecimal MT = new BigDecimal("0.40");
    private static final BigDecimal FLOCK = new BigDecimal("0.20");
    private static final BigDecimal TREASURY = new BigDecimal("0.15");
    private static final BigDecimal ISSUER = new BigDecimal("0.25");

    /** Number of distinct pre-drawn payments cycled through; a power of two. */
    @Param("1024")
    public int payments;

    private RevenueRouter router;
    private Amount[] gross;
    private Amount zeroCosts;
    private BigDecimal[] grossDecimal;
    private long[] grossUnits;
    private int next;

    /** Creates the state; JMH calls {@link #setUp()} before measuring. */
    public RoutingBenchmark() {
    }

    /** Draws the payments from a run-time seed. */
    @Setup
    public void setUp() {
        if (Integer.bitCount(payments) != 1) {
            throw new IllegalArgumentException("payments must be a power of two: " + payments);
        }
        SplittableRandom random = Seeds.fresh("RoutingBenchmark");
        router = RevenueRouter.defaults();
        zeroCosts = Amount.zero(Asset.USDC);
        gross = new Amount[payments];
        grossDecimal = new BigDecimal[payments];
        grossUnits = new long[payments];
        for (int i = 0; i < payments; i++) {
            // 1 unit .. 10^10 units (10,000 USDC), uniform in the number of digits.
            long bound = pow10(1 + random.nextInt(10));
            long units = 1 + random.nextLong(bound);
            grossUnits[i] = units;
            gross[i] = Amount.ofUnits(Asset.USDC, units);
            grossDecimal[i] = gross[i].value();
        }
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) & (payments - 1);
        return i;
    }

    /**
     * The model: {@link RevenueRouter#route(Amount, Amount)} with the default weights.
     *
     * @return the split
     */
    @Benchmark
    public RevenueSplit route() {
        return router.route(gross[nextIndex()], zeroCosts);
    }

    /**
     * Baseline: the same split with plain {@link BigDecimal} arithmetic at the USDC scale, weights as
     * decimal constants, each share rounded DOWN, the treasury taking the rest.
     *
     * @return the nine numbers
     */
    @Benchmark
    public DecimalSplit naiveBigDecimal() {
        BigDecimal g = grossDecimal[nextIndex()];
        BigDecimal costs = BigDecimal.ZERO;
        BigDecimal covered = g.min(costs);
        BigDecimal net = g.subtract(covered);
        BigDecimal mt = net.multiply(MT).setScale(6, RoundingMode.DOWN);
        BigDecimal flock = net.multiply(FLOCK).setScale(6, RoundingMode.DOWN);
        BigDecimal issuer = net.multiply(ISSUER).setScale(6, RoundingMode.DOWN);
        BigDecimal treasury = net.subtract(mt).subtract(flock).subtract(issuer);
        BigDecimal dust = treasury.subtract(net.multiply(TREASURY).setScale(6, RoundingMode.DOWN));
        return new DecimalSplit(g, costs, covered, net, mt, flock, treasury, issuer, dust);
    }

    /**
     * Baseline: the same split in {@code long} base units (fixed point at 6 decimals), shares
     * {@code net · bps / 10,000} floored.
     *
     * @return the nine numbers
     */
    @Benchmark
    public LongSplit longFixedPoint() {
        long g = grossUnits[nextIndex()];
        long costs = 0;
        long covered = Math.min(g, costs);
        long net = g - covered;
        long mt = net * 4_000 / 10_000;
        long flock = net * 2_000 / 10_000;
        long issuer = net * 2_500 / 10_000;
        long treasury = net - mt - flock - issuer;
        long dust = treasury - net * 1_500 / 10_000;
        return new LongSplit(g, costs, covered, net, mt, flock, treasury, issuer, dust);
    }

    /** The result of the {@link BigDecimal} baseline. */
    public static final class DecimalSplit {
        final BigDecimal gross;
        final BigDecimal costs;
        final BigDecimal covered;
        final BigDecimal net;
        final BigDecimal mt;
        final BigDecimal flock;
        final BigDecimal treasury;
        final BigDecimal issuer;
        final BigDecimal dust;

        DecimalSplit(BigDecimal gross, BigDecimal costs, BigDecimal covered, BigDecimal net, BigDecimal mt,
                BigDecimal flock, BigDecimal treasury, BigDecimal issuer, BigDecimal dust) {
            this.gross = gross;
            this.costs = costs;
            this.covered = covered;
            this.net = net;
            this.mt = mt;
            this.flock = flock;
            this.treasury = treasury;
            this.issuer = issuer;
            this.dust = dust;
        }
    }

    /** The result of the {@code long} baseline. */
    public static final class LongSplit {
        final long gross;
        final long costs;
        final long covered;
        final long net;
        final long mt;
        final long flock;
        final long treasury;
        final long issuer;
        final long dust;

        LongSplit(long gross, long costs, long covered, long net, long mt, long flock, long treasury, long issuer,
                long dust) {
            this.gross = gross;
            this.costs = costs;
            this.covered = covered;
            this.net = net;
            this.mt = mt;
            this.flock = flock;
            this.treasury = treasury;
            this.issuer = issuer;
            this.dust = dust;
        }
    }
}
