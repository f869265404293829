package io.fomo.benchmarks;

import io.fomo.core.emission.EmissionSchedule;
import io.fomo.core.emission.Rate;
import io.fomo.core.rewards.CarryOver;
import io.fomo.core.rewards.EpochDistributor;
import io.fomo.core.rewards.EpochResult;
import io.fomo.core.rewards.EpochUsage;
import io.fomo.core.rewards.RewardParams;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Closes one reward epoch (FOMO-SPEC §3.3, §3.4) over {@code pairs} (user, deployment) pairs with
 * {@link EpochDistributor#close}, against a naive two-pass {@link BigDecimal} version in the same class.
 *
 * <p>The epoch has one deployment per 1,000 pairs and one user per 5 pairs (1,000,000 pairs: 1,000
 * deployments, 200,000 users, each user on about 5 deployments). Per pair: spend log-uniform from
 * 0.01 to 1,000 USD (5% of pairs are stakers without spend), stake on half the pairs, log-uniform from
 * 10^-6 to 10^5 MT in 18-decimal base units. Each deployment has a FLOCK and an MT incentive budget,
 * so all three pools are scored and paid; the schedule is the default (exponential, 10,000 FLOCK/day,
 * 90-day half-life) and dust is carried in from a previous close of the same usage.
 *
 * <ul>
 *   <li>{@link #close}: the model's close of a built {@link EpochUsage}.</li>
 *   <li>{@link #collectAndClose}: the same, plus collecting the pairs into the builder and sorting them
 *       ({@link EpochUsage.Builder#build()}), from amounts already in memory.</li>
 *   <li>{@link #naiveTwoPass}: the baseline, written the obvious way: a list of pair objects, pass 1 sums
 *       each deployment's spend and stake into hash maps, pass 2 scores every pair with
 *       {@link BigDecimal#sqrt(MathContext)} at 34 digits, then every pool is paid pro rata in
 *       {@link BigDecimal}, users' FLOCK summed in a hash map. Its results are close to, not equal to, the
 *       model's (it rounds at 34 digits, not once); it is a yardstick of time only.</li>
 * </ul>
 * Every fork gets a 1 GB heap, the target's budget.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EpochBenchmark -f 1 -wi 2 -i 3
 * -rf json -rff benchmarks/target/jmh-epoch.json} (add {@code -p pairs=10000} for the smallest size).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
public class EpochBenchmark {

    private static final Asset USD = Asset.USD;
    private static final Asset FLOCK = Asset.FLOCK;
    private static final long DAY = Rate.SECONDS_PER_DAY;
    private static final long FROM = 10 * DAY;

    /** Creates the benchmark; JMH instantiates it. */
    public EpochBenchmark() {
    }

    /** The raw pairs of one epoch, drawn from a run-time seed. */
    @State(Scope.Benchmark)
    public static class Pairs {
        /** The number of (user, deployment) pairs. */
        @Param({"10000", "100000", "1000000"})
        public int pairs;

        RewardParams params;
        DeploymentId[] deployments;
        Amount[] netRevenue;
        Amount[] flockIncentive;
        Amount[] mtIncentive;
        int[] pairDeployment;
        AccountId[] pairUser;
        Amount[] pairSpend;
        Amount[] pairStake;

        /** Creates the state; JMH calls {@link #draw()}. */
        public Pairs() {
        }

        /** Draws the pairs. */
        @Setup
        public void draw() {
            SplittableRandom random = Seeds.fresh("EpochBenchmark.Pairs(" + pairs + ")");
            params = RewardParams.builder(EmissionSchedule.defaultFlock()).build();
            int dn = Math.max(1, pairs / 1_000);
            int users = Math.max(1, pairs / 5);
            AccountId[] accounts = new AccountId[users];
            for (int u = 0; u < users; u++) {
                accounts[u] = AccountId.of("user-" + u);
            }
            deployments = new DeploymentId[dn];
            netRevenue = new Amount[dn];
            flockIncentive = new Amount[dn];
            mtIncentive = new Amount[dn];
            pairDeployment = new int[pairs];
            pairUser = new AccountId[pairs];
            pairSpend = new Amount[pairs];
            pairStake = new Amount[pairs];
            int p = 0;
            for (int d = 0; d < dn; d++) {
                DeploymentId id = DeploymentId.of("model-" + d);
                Asset mt = Asset.modelToken(id);
                deployments[d] = id;
                int count = pairs / dn + (d < pairs % dn ? 1 : 0);
                int start = random.nextInt(users);
                long net = 0;
                for (int k = 0; k < count; k++) {
                    // Consecutive users from a random start: distinct within the deployment.
                    pairDeployment[p] = d;
                    pairUser[p] = accounts[(start + k) % users];
                    long spend = random.nextInt(20) == 0 ? 0 : logUniform(random, 4, 9);
                    net += spend;
                    pairSpend[p] = Amount.ofUnits(USD, spend);
                    pairStake[p] = random.nextBoolean() ? Amount.ofUnits(mt, logUniformBig(random, 12, 23))
                            : Amount.zero(mt);
                    p++;
                }
                netRevenue[d] = Amount.ofUnits(USD, net);
                flockIncentive[d] = Amount.of(FLOCK, 100);
                mtIncentive[d] = Amount.of(mt, 1_000);
            }
        }

        EpochUsage collect() {
            EpochUsage.Builder b = EpochUsage.builder(USD, FLOCK);
            for (int d = 0; d < deployments.length; d++) {
                b.deployment(deployments[d], netRevenue[d], 30 + d % 300, flockIncentive[d], mtIncentive[d]);
            }
            for (int i = 0; i < pairDeployment.length; i++) {
                b.usage(deployments[pairDeployment[i]], pairUser[i], pairSpend[i], pairStake[i]);
            }
            return b.build();
        }
    }

    /** A built epoch and the dust carried into it. */
    @State(Scope.Benchmark)
    public static class Built {
        EpochUsage usage;
        CarryOver carry;

        /** Creates the state; JMH calls {@link #build(Pairs)}. */
        public Built() {
        }

        /**
         * Builds the epoch and closes the previous one over the same usage to get a realistic carry-over.
         *
         * @param pairs the raw pairs
         */
        @Setup
        public void build(Pairs pairs) {
            usage = pairs.collect();
            carry = EpochDistributor.close(pairs.params, CarryOver.empty(FLOCK), usage, FROM - DAY, FROM)
                    .carryOver();
            // The raw amounts are a harness artefact; only the built epoch stays in the 1 GB heap.
            pairs.pairUser = null;
            pairs.pairSpend = null;
            pairs.pairStake = null;
        }
    }

    /**
     * The model's close of a built epoch.
     *
     * @param pairs the inputs
     * @param built the built epoch
     * @return the result
     */
    @Benchmark
    public EpochResult close(Pairs pairs, Built built) {
        return EpochDistributor.close(pairs.params, built.carry, built.usage, FROM, FROM + DAY);
    }

    /**
     * Collecting the pairs into a builder, sorting them, and closing (no carry-over).
     *
     * @param pairs the inputs
     * @return the result
     */
    @Benchmark
    public EpochResult collectAndClose(Pairs pairs) {
        return EpochDistributor.close(pairs.params, CarryOver.empty(FLOCK), pairs.collect(), FROM, FROM + DAY);
    }

    /**
     * Baseline: the naive two-pass version over pair objects and hash maps of {@link BigDecimal}.
     *
     * @param naive the inputs as pair objects
     * @return each user's FLOCK reward
     */
    @Benchmark
    public Map<AccountId, BigDecimal> naiveTwoPass(Naive naive) {
        return naive.run();
    }

    /** The pairs as objects, for the naive baseline. */
    @State(Scope.Benchmark)
    public static class Naive {
        private static final MathContext MC = MathContext.DECIMAL128;
        private static final BigDecimal ALPHA = new BigDecimal("0.5");

        List<Pair> list;
        Map<DeploymentId, BigDecimal> net;
        Map<DeploymentId, BigDecimal> flockIncentive;
        Map<DeploymentId, BigDecimal> mtIncentive;
        BigDecimal budget;

        /** Creates the state; JMH calls {@link #convert(Pairs)}. */
        public Naive() {
        }

        /**
         * Turns the drawn pairs into objects.
         *
         * @param pairs the drawn pairs
         */
        @Setup
        public void convert(Pairs pairs) {
            list = new ArrayList<>(pairs.pairDeployment.length);
            for (int i = 0; i < pairs.pairDeployment.length; i++) {
                list.add(new Pair(pairs.deployments[pairs.pairDeployment[i]], pairs.pairUser[i],
                        pairs.pairSpend[i].value(), pairs.pairStake[i].value()));
            }
            net = new HashMap<>();
            flockIncentive = new HashMap<>();
            mtIncentive = new HashMap<>();
            for (int d = 0; d < pairs.deployments.length; d++) {
                net.put(pairs.deployments[d], pairs.netRevenue[d].value());
                flockIncentive.put(pairs.deployments[d], pairs.flockIncentive[d].value());
                mtIncentive.put(pairs.deployments[d], pairs.mtIncentive[d].value());
            }
            budget = pairs.params.schedule().amount(FROM, FROM + DAY).value();
            // Likewise only the baseline's own objects stay in the heap.
            pairs.pairUser = null;
            pairs.pairSpend = null;
            pairs.pairStake = null;
        }

        Map<AccountId, BigDecimal> run() {
            // Pass 1: per-deployment totals.
            Map<DeploymentId, BigDecimal> spendTotal = new HashMap<>();
            Map<DeploymentId, BigDecimal> stakeTotal = new HashMap<>();
            for (Pair p : list) {
                spendTotal.merge(p.deployment, p.spend, BigDecimal::add);
                stakeTotal.merge(p.deployment, p.stake, BigDecimal::add);
            }
            BigDecimal netSum = BigDecimal.ZERO;
            for (Map.Entry<DeploymentId, BigDecimal> e : net.entrySet()) {
                if (spendTotal.getOrDefault(e.getKey(), BigDecimal.ZERO).signum() > 0) {
                    netSum = netSum.add(e.getValue());
                }
            }
            // Pass 2: scores.
            Map<DeploymentId, BigDecimal> globalSum = new HashMap<>();
            Map<DeploymentId, BigDecimal> incentiveSum = new HashMap<>();
            BigDecimal beta = BigDecimal.ONE.subtract(ALPHA);
            for (Pair p : list) {
                BigDecimal total = spendTotal.get(p.deployment);
                if (p.spend.signum() == 0 || total.signum() == 0) {
                    p.global = BigDecimal.ZERO;
                    p.incentive = BigDecimal.ZERO;
                    continue;
                }
                BigDecimal usageShare = p.spend.divide(total, MC);
                BigDecimal totalStake = stakeTotal.get(p.deployment);
                BigDecimal s = totalStake.signum() == 0 ? BigDecimal.ZERO : p.stake.divide(totalStake, MC);
                BigDecimal factor = ALPHA.add(beta.multiply(s.sqrt(MC)), MC);
                p.global = usageShare.multiply(factor, MC);
                p.incentive = p.stake.signum() == 0 ? BigDecimal.ZERO : p.global;
                globalSum.merge(p.deployment, p.global, BigDecimal::add);
                incentiveSum.merge(p.deployment, p.incentive, BigDecimal::add);
            }
            // Payouts.
            Map<AccountId, BigDecimal> flock = new HashMap<>();
            for (Pair p : list) {
                if (p.global.signum() == 0) {
                    continue;
                }
                BigDecimal pool = budget.multiply(net.get(p.deployment)).divide(netSum, 18, RoundingMode.DOWN);
                BigDecimal g = pool.multiply(p.global).divide(globalSum.get(p.deployment), 18, RoundingMode.DOWN);
                BigDecimal fi = BigDecimal.ZERO;
                if (p.incentive.signum() > 0) {
                    BigDecimal is = incentiveSum.get(p.deployment);
                    fi = flockIncentive.get(p.deployment).multiply(p.incentive).divide(is, 18, RoundingMode.DOWN);
                    p.mt = mtIncentive.get(p.deployment).multiply(p.incentive).divide(is, 18, RoundingMode.DOWN);
                }
                flock.merge(p.user, g.add(fi), BigDecimal::add);
            }
            return flock;
        }
    }

    /** One pair of the naive baseline. */
    static final class Pair {
        final DeploymentId deployment;
        final AccountId user;
        final BigDecimal spend;
        final BigDecimal stake;
        BigDecimal global;
        BigDecimal incentive;
        BigDecimal mt;

        Pair(DeploymentId deployment, AccountId user, BigDecimal spend, BigDecimal stake) {
            this.deployment = deployment;
            this.user = user;
            this.spend = spend;
            this.stake = stake;
        }
    }

    /** 10^lo to 10^hi, uniform in the number of digits. */
    static long logUniform(SplittableRandom random, int lo, int hi) {
        long bound = BigInteger.TEN.pow(lo + random.nextInt(hi - lo + 1)).longValueExact();
        return 1 + random.nextLong(bound);
    }

    /** 1 to 10^hi, at least 10^lo digits' magnitude, uniform in the number of digits; may exceed a long. */
    static BigInteger logUniformBig(SplittableRandom random, int lo, int hi) {
        int digits = lo + random.nextInt(hi - lo + 1);
        BigInteger bound = BigInteger.TEN.pow(digits);
        BigInteger r = new BigInteger(bound.bitLength() + 8, new java.util.Random(random.nextLong())).mod(bound);
        return r.add(BigInteger.ONE);
    }
}
