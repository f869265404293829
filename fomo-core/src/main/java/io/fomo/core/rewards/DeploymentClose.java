package io.fomo.core.rewards;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The second step of an epoch close (FOMO-SPEC §3.3, §3.4): one deployment closed from its pairs, after
 * {@link EpochSplit} gave it its share of the global budget. Three pools, each its fresh budget plus its own
 * carried dust: the global FLOCK pool (scored by the global factor with α), the FLOCK incentive and the MT
 * incentive pools (stake-gated, α_i). Scores are {@code spend · factor · gm}, factors floored at the
 * parameters' factor scale; each payout is the floor of its exact share; the remainder is dust, carried to the
 * same pool next epoch. A pool with no positive score, or of a deployment whose pairs paid nothing, is returned
 * whole to its source.
 *
 * <p>Deployments are independent of each other: closing each with this class and adding up gives exactly
 * what {@link EpochDistributor#close} gives for the whole epoch, which is built on the same two steps.
 *
 * <p>This class is immutable and thread-safe. A slice or pool of 2,048 pairs or more is
 * scored and allocated in chunks shared with one thread of the common fork-join pool, with the same result
 * to the base unit ({@link EpochDistributor} says how to keep the work on the calling thread).
 */
public final class DeploymentClose {

    /** Receives the payouts of one pair. */
    @FunctionalInterface
    public interface PairVisitor {
        /**
         * Receives one pair's payouts.
         *
         * @param user  the user
         * @param flock global plus FLOCK incentive payout, in the reward asset
         * @param mt    MT incentive payout, in the deployment's MT
         */
        void visit(AccountId user, Amount flock, Amount mt);
    }

    private final DeploymentId deployment;
    private final Asset rewardAsset;
    private final List<PoolResult> pools;
    private final AccountId[] users;
    private final PayoutArray flockPay;
    private final PayoutArray mtPay;

    private DeploymentClose(DeploymentId deployment, Asset rewardAsset, List<PoolResult> pools, AccountId[] users,
            PayoutArray flockPay, PayoutArray mtPay) {
        this.deployment = deployment;
        this.rewardAsset = rewardAsset;
        this.pools = List.copyOf(pools);
        this.users = users;
        this.flockPay = flockPay;
        this.mtPay = mtPay;
    }

    /**
     * Closes one deployment.
     *
     * @param params the parameters (factor scale and gmFLOCK multiplier; α and α_i come with the budget)
     * @param budget the deployment's budget, from {@link EpochSplit#budget}
     * @param pairs  the deployment's pairs; those whose sum gave the split its paid spend
     * @return the deployment's pools and payouts
     * @throws InvalidArgumentException if the budget and the pairs are of different deployments or assets, or
     *                                  the pairs paid nothing while the budget has a share of the global budget
     */
    public static DeploymentClose of(RewardParams params, DeploymentBudget budget, DeploymentPairs pairs) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(pairs, "pairs");
        if (!budget.deployment().equals(pairs.deployment())) {
            throw InvalidArgumentException.of("pairs", pairs.deployment(),
                    "must be of the budget's deployment " + budget.deployment());
        }
        if (!params.schedule().asset().equals(budget.rewardAsset())) {
            throw InvalidArgumentException.of("budget.rewardAsset", budget.rewardAsset(),
                    "must be the schedule's asset " + params.schedule().asset());
        }
        int n = pairs.size();
        boolean passesGate = pairs.paidSpend().isPositive();
        if (!passesGate && budget.fresh(PoolKind.GLOBAL_FLOCK).isPositive()) {
            throw InvalidArgumentException.of("pairs", pairs.deployment(),
                    "paid nothing, yet the budget has a global share: the split was not computed from these pairs");
        }
        BigInteger[] gmScaled = gmScaled(params, pairs.gm, n);
        PayoutArray flock = new PayoutArray(n);
        PayoutArray mt = new PayoutArray(n);
        List<PoolResult> pools = new ArrayList<>(3);
        closeSlice(params.factorScale(), budget, passesGate, pairs.spend, pairs.stake, gmScaled, 0, n,
                new BigInteger[n], new BigInteger[n], new BigInteger[n], flock, mt, pools);
        return new DeploymentClose(budget.deployment(), budget.rewardAsset(), pools, pairs.account, flock, mt);
    }

    /** The gmFLOCK multipliers at their scale per pair, or null when none applies. */
    static BigInteger[] gmScaled(RewardParams params, BigDecimal[] gm, int n) {
        if (gm == null || params.gm().isNone()) {
            return null;
        }
        BigInteger[] out = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            out[i] = params.gm().scaledValueAt(gm[i]);
        }
        return out;
    }

    /**
     * Closes the deployment whose pairs are {@code [lo, hi)} of the parallel arrays: appends its three pools to
     * {@code pools} and adds its payouts into {@code flockPay} and {@code mtPay} at the pairs' indexes. The
     * scratch arrays {@code w}, {@code wGlobal} and {@code pay} are left cleared on the slice. Shared with
     * {@link EpochDistributor}, which runs it over one array of every deployment's pairs.
     */
    static void closeSlice(int factorScale, DeploymentBudget budget, boolean passesGate, BigInteger[] spend,
            BigInteger[] stake, BigInteger[] gmScaled, int lo, int hi, BigInteger[] w, BigInteger[] wGlobal,
            BigInteger[] pay, PayoutArray flockPay, PayoutArray mtPay, List<PoolResult> pools) {
        DeploymentId dep = budget.deployment();
        BigDecimal alpha = budget.alpha();
        BigDecimal alphaI = budget.alphaIncentive();
        boolean sameAlpha = alpha.compareTo(alphaI) == 0;
        // The two incentive pools share their weights.
        BigInteger incentiveSum = null;
        for (PoolKind kind : PoolKind.values()) {
            Amount fresh = budget.fresh(kind);
            Amount carried = budget.carriedIn(kind);
            Asset asset = fresh.asset();
            BigInteger pool = fresh.units().add(carried.units());
            BigInteger paid = BigInteger.ZERO;
            BigInteger returned = BigInteger.ZERO;
            BigInteger sum;
            if (!passesGate) {
                sum = BigInteger.ZERO;
            } else if (kind == PoolKind.MT_INCENTIVE && incentiveSum != null) {
                sum = incentiveSum;
            } else if (kind == PoolKind.FLOCK_INCENTIVE && sameAlpha) {
                // Same curve as the global pool: the incentive weight is the global one, gated by stake.
                sum = BigInteger.ZERO;
                for (int i = lo; i < hi; i++) {
                    w[i] = stake[i].signum() == 0 ? BigInteger.ZERO : wGlobal[i];
                    sum = sum.add(w[i]);
                }
                incentiveSum = sum;
            } else {
                boolean global = kind == PoolKind.GLOBAL_FLOCK;
                sum = Weights.score(spend, stake, gmScaled, lo, hi, global ? alpha : alphaI, !global, factorScale,
                        global ? wGlobal : w);
                if (kind == PoolKind.FLOCK_INCENTIVE) {
                    incentiveSum = sum;
                }
            }
            BigInteger[] weights = kind == PoolKind.GLOBAL_FLOCK ? wGlobal : w;
            if (sum.signum() == 0) {
                returned = pool;
            } else if (pool.signum() > 0) {
                paid = Weights.allocate(pool, weights, sum, lo, hi, pay);
                PayoutArray target = kind == PoolKind.MT_INCENTIVE ? mtPay : flockPay;
                for (int i = lo; i < hi; i++) {
                    if (pay[i].signum() != 0) {
                        target.add(i, pay[i]);
                    }
                }
            }
            BigInteger dust = pool.subtract(paid).subtract(returned);
            pools.add(new PoolResult(dep, kind, fresh, carried, Amount.ofUnits(asset, paid), Amount.ofUnits(asset, dust),
                    Amount.ofUnits(asset, returned)));
        }
        Arrays.fill(w, lo, hi, null);
        Arrays.fill(wGlobal, lo, hi, null);
        Arrays.fill(pay, lo, hi, null);
    }

    /**
     * Returns the deployment.
     *
     * @return the deployment
     */
    public DeploymentId deployment() {
        return deployment;
    }

    /**
     * Returns the three pools' accounts, in {@link PoolKind} order.
     *
     * @return an unmodifiable list
     */
    public List<PoolResult> pools() {
        return pools;
    }

    /**
     * Returns one pool's accounts.
     *
     * @param kind the pool
     * @return the pool's result
     */
    public PoolResult pool(PoolKind kind) {
        return pools.get(Objects.requireNonNull(kind, "kind").ordinal());
    }

    /**
     * Returns what goes back to the emission reserve from this deployment: what its global pool returned.
     *
     * @return the returned amount, in the reward asset
     */
    public Amount returnedToReserve() {
        return pool(PoolKind.GLOBAL_FLOCK).returned();
    }

    /**
     * Returns the users with a pair on the deployment, in ascending order.
     *
     * @return an unmodifiable list
     */
    public List<AccountId> users() {
        return List.of(users);
    }

    /**
     * Returns a user's FLOCK payout on this deployment: global plus FLOCK incentive.
     *
     * @param user the user
     * @return the payout, zero for a user without a pair here
     */
    public Amount flockPayoutOf(AccountId user) {
        int i = Arrays.binarySearch(users, Objects.requireNonNull(user, "user"));
        return Amount.ofUnits(rewardAsset, i < 0 ? BigInteger.ZERO : flockPay.get(i));
    }

    /**
     * Returns a user's MT incentive payout on this deployment.
     *
     * @param user the user
     * @return the payout in the deployment's MT, zero for a user without a pair here
     */
    public Amount mtPayoutOf(AccountId user) {
        int i = Arrays.binarySearch(users, Objects.requireNonNull(user, "user"));
        return Amount.ofUnits(Asset.modelToken(deployment), i < 0 ? BigInteger.ZERO : mtPay.get(i));
    }

    /**
     * Visits every pair's payouts, by account.
     *
     * @param visitor the visitor
     */
    public void forEachPayout(PairVisitor visitor) {
        Objects.requireNonNull(visitor, "visitor");
        Asset mt = Asset.modelToken(deployment);
        for (int i = 0; i < users.length; i++) {
            visitor.visit(users[i], Amount.ofUnits(rewardAsset, flockPay.get(i)), Amount.ofUnits(mt, mtPay.get(i)));
        }
    }

    @Override
    public String toString() {
        return "DeploymentClose[" + deployment + ", pairs=" + users.length + ", pools=" + pools + "]";
    }
}
