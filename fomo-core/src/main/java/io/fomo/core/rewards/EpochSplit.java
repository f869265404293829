package io.fomo.core.rewards;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The first step of an epoch close (FOMO-SPEC §3.3): the epoch's global budget split across its
 * deployments. The budget is the schedule's amount over {@code [from, to)} plus the split dust carried in; a
 * deployment whose pairs paid nothing fails the usage gate and gets nothing; the others share the budget by
 * net revenue times the age factor, each share floored, the remainder carried to the next epoch as split
 * dust. If no deployment has a positive weight, the whole budget is unassigned and goes back to the emission
 * reserve, and so does the dust carried in for a deployment that takes no part in the epoch
 * ({@link #absentPools()}).
 *
 * <p>The second step, {@link DeploymentClose#of}, closes each deployment from its pairs with
 * {@link #budget(DeploymentId, Amount, Amount, CarryOver)}; the deployments are independent of each other,
 * so that step may run on many machines. {@link EpochDistributor#close} is these two steps in one JVM.
 *
 * <p>This class is immutable and thread-safe. A split over 2,048 deployments or more is
 * allocated in chunks shared with one thread of the common fork-join pool, with the same result
 * to the base unit ({@link EpochDistributor} says how to keep the work on the calling thread).
 */
public final class EpochSplit {

    private final long from;
    private final long to;
    private final BigDecimal alpha;
    private final BigDecimal alphaIncentive;
    private final Amount scheduled;
    private final Amount carriedIn;
    private final Amount splitDust;
    private final Amount unassigned;
    /** Deployments in ascending order, with their share and gate. */
    private final DeploymentId[] deployments;
    private final BigInteger[] share;
    private final boolean[] passesGate;
    private final List<PoolResult> absentPools;

    private EpochSplit(long from, long to, BigDecimal alpha, BigDecimal alphaIncentive, Amount scheduled,
            Amount carriedIn, Amount splitDust, Amount unassigned, DeploymentId[] deployments, BigInteger[] share,
            boolean[] passesGate, List<PoolResult> absentPools) {
        this.from = from;
        this.to = to;
        this.alpha = alpha;
        this.alphaIncentive = alphaIncentive;
        this.scheduled = scheduled;
        this.carriedIn = carriedIn;
        this.splitDust = splitDust;
        this.unassigned = unassigned;
        this.deployments = deployments;
        this.share = share;
        this.passesGate = passesGate;
        this.absentPools = List.copyOf(absentPools);
    }

    /**
     * Splits an epoch's budget across its deployments.
     *
     * @param params      the parameters (schedule, α, α_i, age factor)
     * @param carry       the dust carried from the previous epoch ({@link CarryOver#empty(Asset)} for the first)
     * @param deployments every deployment of the epoch, in any order, each once, all in one spend asset
     * @param from        the epoch's start, seconds from the schedule's origin, not negative
     * @param to          the epoch's end, after {@code from}
     * @return the split
     * @throws InvalidArgumentException if the times are out of order, a deployment is listed twice, or the
     *                                  assets do not match
     */
    public static EpochSplit of(RewardParams params, CarryOver carry, Collection<DeploymentTotals> deployments,
            long from, long to) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(carry, "carry");
        Objects.requireNonNull(deployments, "deployments");
        DeploymentTotals[] sorted = deployments.toArray(new DeploymentTotals[0]);
        for (int d = 0; d < sorted.length; d++) {
            Objects.requireNonNull(sorted[d], "deployments[" + d + "]");
        }
        Arrays.sort(sorted, (a, b) -> a.deployment().compareTo(b.deployment()));
        int dn = sorted.length;
        DeploymentId[] ids = new DeploymentId[dn];
        BigInteger[] net = new BigInteger[dn];
        BigInteger[] spend = new BigInteger[dn];
        long[] ages = new long[dn];
        for (int d = 0; d < dn; d++) {
            DeploymentTotals t = sorted[d];
            if (d > 0 && t.deployment().equals(ids[d - 1])) {
                throw InvalidArgumentException.of("deployments", t.deployment(), "is listed twice");
            }
            if (d > 0) {
                sorted[0].netRevenue().requireSameAsset("deployments." + t.deployment() + ".netRevenue", t.netRevenue());
            }
            ids[d] = t.deployment();
            net[d] = t.netRevenue().units();
            spend[d] = t.paidSpend().units();
            ages[d] = t.ageDays();
        }
        return compute(params, carry, ids, net, spend, ages, from, to);
    }

    /**
     * The split over parallel arrays, deployments in ascending order: shared with {@link EpochDistributor}, which
     * has them already.
     */
    static EpochSplit compute(RewardParams params, CarryOver carry, DeploymentId[] deployments, BigInteger[] netRevenue,
            BigInteger[] spendSum, long[] ageDays, long from, long to) {
        if (from < 0) {
            throw InvalidArgumentException.of("from", from, "must not be negative");
        }
        if (to <= from) {
            throw InvalidArgumentException.of("to", to, "must be after from = " + from);
        }
        Asset reward = params.schedule().asset();
        carry.global().requireSameAsset("carry.global", Amount.zero(reward));
        BigDecimal alpha = params.alpha().valueAt(from);
        BigDecimal alphaI = params.alphaIncentive().valueAt(from);
        Amount scheduled = params.schedule().amount(from, to);
        BigInteger budget = scheduled.units().add(carry.global().units());

        int dn = deployments.length;
        BigDecimal[] ageScaled = new BigDecimal[dn];
        boolean[] gate = new boolean[dn];
        for (int d = 0; d < dn; d++) {
            ageScaled[d] = params.ageFactor().scaled(ageDays[d]);
            gate[d] = spendSum[d].signum() > 0;
        }
        // Split weights: net revenue x age factor, for deployments that pass the usage gate.
        BigInteger[] ageInt = Weights.unscaled(ageScaled);
        BigInteger[] splitW = new BigInteger[dn];
        BigInteger splitSum = BigInteger.ZERO;
        for (int d = 0; d < dn; d++) {
            splitW[d] = gate[d] ? netRevenue[d].multiply(ageInt[d]) : BigInteger.ZERO;
            splitSum = splitSum.add(splitW[d]);
        }
        BigInteger[] share = new BigInteger[dn];
        BigInteger splitDust;
        BigInteger unassigned;
        if (splitSum.signum() == 0) {
            Arrays.fill(share, BigInteger.ZERO);
            splitDust = BigInteger.ZERO;
            unassigned = budget;
        } else {
            BigInteger given = Weights.allocate(budget, splitW, splitSum, 0, dn, share);
            splitDust = budget.subtract(given);
            unassigned = BigInteger.ZERO;
        }
        // Dust carried for deployments absent from this epoch: no paid usage, so it goes back.
        List<PoolResult> absent = new ArrayList<>();
        for (DeploymentId dep : carry.deployments()) {
            if (Arrays.binarySearch(deployments, dep) >= 0) {
                continue;
            }
            for (PoolKind kind : PoolKind.values()) {
                Asset asset = kind == PoolKind.MT_INCENTIVE ? Asset.modelToken(dep) : reward;
                Amount carried = carry.dust(dep, kind).orElse(Amount.zero(asset));
                absent.add(new PoolResult(dep, kind, Amount.zero(asset), carried, Amount.zero(asset), Amount.zero(asset),
                        carried));
            }
        }
        return new EpochSplit(from, to, alpha, alphaI, scheduled, carry.global(), Amount.ofUnits(reward, splitDust),
                Amount.ofUnits(reward, unassigned), deployments, share, gate, absent);
    }

    /**
     * Returns the epoch's start, seconds from the schedule's origin.
     *
     * @return the start
     */
    public long from() {
        return from;
    }

    /**
     * Returns the epoch's end (exclusive).
     *
     * @return the end
     */
    public long to() {
        return to;
    }

    /**
     * Returns α, the global pool's exponent (the α schedule's value at the epoch's start).
     *
     * @return α
     */
    public BigDecimal alpha() {
        return alpha;
    }

    /**
     * Returns α_i, the incentive pools' exponent.
     *
     * @return α_i
     */
    public BigDecimal alphaIncentive() {
        return alphaIncentive;
    }

    /**
     * Returns what the schedule emitted in the epoch.
     *
     * @return the scheduled budget
     */
    public Amount scheduled() {
        return scheduled;
    }

    /**
     * Returns the previous epoch's split dust, added to this epoch's budget.
     *
     * @return the carried-in global dust
     */
    public Amount carriedIn() {
        return carriedIn;
    }

    /**
     * Returns the rounding remainder of the split, carried to the next epoch's budget.
     *
     * @return the split dust
     */
    public Amount splitDust() {
        return splitDust;
    }

    /**
     * Returns the budget no deployment could receive (none passed the usage gate with a positive weight); it
     * goes back to the emission reserve.
     *
     * @return the unassigned budget
     */
    public Amount unassigned() {
        return unassigned;
    }

    /**
     * Returns the epoch's deployments, in ascending order.
     *
     * @return an unmodifiable list
     */
    public List<DeploymentId> deployments() {
        return List.of(deployments);
    }

    /**
     * Returns a deployment's share of the global budget: the fresh budget of its global FLOCK pool.
     *
     * @param deployment a deployment of the epoch
     * @return the share, zero for a deployment that failed the usage gate
     * @throws InvalidArgumentException if the deployment takes no part in the epoch
     */
    public Amount share(DeploymentId deployment) {
        return Amount.ofUnits(scheduled.asset(), share[index(deployment)]);
    }

    /**
     * Tells whether a deployment's pairs paid anything (the usage gate).
     *
     * @param deployment a deployment of the epoch
     * @return true when its paid spend is positive
     * @throws InvalidArgumentException if the deployment takes no part in the epoch
     */
    public boolean passesGate(DeploymentId deployment) {
        return passesGate[index(deployment)];
    }

    /**
     * Returns the pools of the deployments that had dust carried in but take no part in this epoch: all of
     * it is returned to its source. By deployment then pool kind.
     *
     * @return an unmodifiable list
     */
    public List<PoolResult> absentPools() {
        return absentPools;
    }

    /**
     * Returns the budget of one deployment's three pools, the input of {@link DeploymentClose#of}.
     *
     * @param deployment     a deployment of the epoch
     * @param flockIncentive its FLOCK incentive budget for the epoch, in the reward asset
     * @param mtIncentive    its MT incentive budget for the epoch, in the deployment's MT
     * @param carry          the dust carried from the previous epoch (the same as given to {@link #of})
     * @return the deployment's budget
     * @throws InvalidArgumentException if the deployment takes no part in the epoch or an asset is wrong
     */
    public DeploymentBudget budget(DeploymentId deployment, Amount flockIncentive, Amount mtIncentive,
            CarryOver carry) {
        Objects.requireNonNull(carry, "carry");
        int d = index(deployment);
        return budgetAt(d, flockIncentive, mtIncentive, carry);
    }

    DeploymentBudget budgetAt(int d, Amount flockIncentive, Amount mtIncentive, CarryOver carry) {
        DeploymentId dep = deployments[d];
        Asset reward = scheduled.asset();
        Asset mt = Asset.modelToken(dep);
        return DeploymentBudget.builder(dep, reward, alpha, alphaIncentive)
                .fresh(PoolKind.GLOBAL_FLOCK, Amount.ofUnits(reward, share[d]))
                .fresh(PoolKind.FLOCK_INCENTIVE, flockIncentive)
                .fresh(PoolKind.MT_INCENTIVE, mtIncentive)
                .carriedIn(PoolKind.GLOBAL_FLOCK, carry.dust(dep, PoolKind.GLOBAL_FLOCK).orElse(Amount.zero(reward)))
                .carriedIn(PoolKind.FLOCK_INCENTIVE, carry.dust(dep, PoolKind.FLOCK_INCENTIVE).orElse(Amount.zero(reward)))
                .carriedIn(PoolKind.MT_INCENTIVE, carry.dust(dep, PoolKind.MT_INCENTIVE).orElse(Amount.zero(mt)))
                .build();
    }

    /** The deployment's first-step gate, by index (for {@link EpochDistributor}). */
    boolean passesGateAt(int d) {
        return passesGate[d];
    }

    private int index(DeploymentId deployment) {
        int d = Arrays.binarySearch(deployments, Objects.requireNonNull(deployment, "deployment"));
        if (d < 0) {
            throw InvalidArgumentException.of("deployment", deployment, "takes no part in this epoch");
        }
        return d;
    }

    @Override
    public String toString() {
        return "EpochSplit[" + from + ".." + to + ", scheduled=" + scheduled + ", deployments=" + deployments.length
                + ", splitDust=" + splitDust + ", unassigned=" + unassigned + "]";
    }
}
