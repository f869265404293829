package io.fomo.core.rewards;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of closing one epoch: the budget, how it was split, each pool's accounts, every payout,
 * and the dust carried to the next epoch.
 *
 * <p>Conservation, exactly: {@code scheduled + carriedIn == sum(fresh of GLOBAL_FLOCK pools) +
 * splitDust + unassigned}, and for every pool {@code paid + dust + returned == budget}. A user's FLOCK
 * reward is the sum of its global and FLOCK incentive payouts over all deployments; MT rewards stay per
 * deployment.
 *
 * <p>Payouts are held in arrays, one entry per (user, deployment) pair, not in maps: read them with
 * {@link #flockRewardOf(AccountId)}, {@link #mtRewardOf(AccountId, DeploymentId)} or
 * {@link #forEachPayout(PayoutVisitor)}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class EpochResult {

    /** Receives the payouts of one (user, deployment) pair. */
    @FunctionalInterface
    public interface PayoutVisitor {
        /**
         * Receives one pair's payouts.
         *
         * @param deployment the deployment
         * @param user       the user
         * @param flock      global plus FLOCK incentive payout on this deployment
         * @param mt         MT incentive payout, in the deployment's MT
         */
        void visit(DeploymentId deployment, AccountId user, Amount flock, Amount mt);
    }

    /**
     * Receives each user's FLOCK reward of an epoch in base units ({@link #forEachFlockReward}).
     */
    @FunctionalInterface
    public interface FlockRewardVisitor {
        /**
         * Receives one user's FLOCK reward.
         *
         * @param user  the user
         * @param units the reward in base units of the reward asset, not negative
         */
        void visit(AccountId user, BigInteger units);

        /**
         * Receives one user's FLOCK reward when it fits a {@code long} (nearly always: a long holds over 9
         * FLOCK of 18 decimals per user and epoch). The default hands it to
         * {@link #visit(AccountId, BigInteger)}; a visitor that keeps {@code long} sums overrides this to
         * take the reward without a {@code BigInteger} made for it.
         *
         * @param user  the user
         * @param units the reward in base units of the reward asset, not negative
         */
        default void visitLong(AccountId user, long units) {
            visit(user, BigInteger.valueOf(units));
        }
    }

    private final long from;
    private final long to;
    private final BigDecimal alpha;
    private final BigDecimal alphaIncentive;
    private final Amount scheduled;
    private final Amount carriedIn;
    private final Amount splitDust;
    private final Amount unassigned;
    private final List<PoolResult> pools;
    private final CarryOver next;
    private final EpochUsage usage;
    private final PayoutArray flockPay;
    private final PayoutArray mtPay;
    private final PayoutArray userFlock;

    EpochResult(long from, long to, BigDecimal alpha, BigDecimal alphaIncentive, Amount scheduled, Amount carriedIn,
            Amount splitDust, Amount unassigned, List<PoolResult> pools, CarryOver next, EpochUsage usage,
            PayoutArray flockPay, PayoutArray mtPay, PayoutArray userFlock) {
        this.from = from;
        this.to = to;
        this.alpha = alpha;
        this.alphaIncentive = alphaIncentive;
        this.scheduled = scheduled;
        this.carriedIn = carriedIn;
        this.splitDust = splitDust;
        this.unassigned = unassigned;
        this.pools = List.copyOf(pools);
        this.next = next;
        this.usage = usage;
        this.flockPay = flockPay;
        this.mtPay = mtPay;
        this.userFlock = userFlock;
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
     * Returns the α used (the α schedule's value at the epoch's start).
     *
     * @return α
     */
    public BigDecimal alpha() {
        return alpha;
    }

    /**
     * Returns the α_i used.
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
     * Returns the dust of the split across deployments, carried to the next epoch's budget.
     *
     * @return the split dust
     */
    public Amount splitDust() {
        return splitDust;
    }

    /**
     * Returns the global budget that no deployment could receive (no deployment passed the usage gate
     * with a positive weight); it goes back to the emission reserve.
     *
     * @return the unassigned budget
     */
    public Amount unassigned() {
        return unassigned;
    }

    /**
     * Returns everything that goes back to the emission reserve: the unassigned budget plus what each
     * global pool returned.
     *
     * @return the amount returned to the reserve
     */
    public Amount returnedToReserve() {
        Amount sum = unassigned;
        for (PoolResult p : pools) {
            if (p.kind() == PoolKind.GLOBAL_FLOCK) {
                sum = sum.plus(p.returned());
            }
        }
        return sum;
    }

    /**
     * Returns every pool's accounts, by deployment then pool kind.
     *
     * @return an unmodifiable list
     */
    public List<PoolResult> pools() {
        return pools;
    }

    /**
     * Returns one pool's accounts.
     *
     * @param deployment the deployment
     * @param kind       the pool
     * @return the pool's result
     * @throws InvalidArgumentException if the deployment took no part in the epoch
     */
    public PoolResult pool(DeploymentId deployment, PoolKind kind) {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(kind, "kind");
        for (PoolResult p : pools) {
            if (p.deployment().equals(deployment) && p.kind() == kind) {
                return p;
            }
        }
        throw InvalidArgumentException.of("deployment", deployment, "took no part in this epoch");
    }

    /**
     * Returns the dust carried to the next epoch, to pass to its close.
     *
     * @return the carry-over
     */
    public CarryOver carryOver() {
        return next;
    }

    /**
     * Returns the users with a pair in the epoch, in ascending order.
     *
     * @return an unmodifiable list
     */
    public List<AccountId> users() {
        return usage.users();
    }

    /**
     * Returns a user's FLOCK reward: global and FLOCK incentive payouts over all deployments.
     *
     * @param user the user
     * @return the reward, zero for a user without pairs
     */
    public Amount flockRewardOf(AccountId user) {
        int r = Arrays.binarySearch(usage.users, Objects.requireNonNull(user, "user"));
        return Amount.ofUnits(usage.rewardAsset, r < 0 ? BigInteger.ZERO : userFlock.get(r));
    }

    /**
     * Returns a user's MT reward on one deployment.
     *
     * @param user       the user
     * @param deployment the deployment
     * @return the reward in the deployment's MT, zero when the user had no pair on it
     */
    public Amount mtRewardOf(AccountId user, DeploymentId deployment) {
        Objects.requireNonNull(user, "user");
        Asset mt = Asset.modelToken(Objects.requireNonNull(deployment, "deployment"));
        int d = usage.deploymentIndex(deployment);
        int i = d < 0 ? -1 : usage.find(d, user);
        return Amount.ofUnits(mt, i < 0 ? BigInteger.ZERO : mtPay.get(i));
    }

    /**
     * Visits every pair's payouts, by deployment then account.
     *
     * @param visitor the visitor
     */
    public void forEachPayout(PayoutVisitor visitor) {
        Objects.requireNonNull(visitor, "visitor");
        for (int d = 0; d < usage.deployments.length; d++) {
            DeploymentId dep = usage.deployments[d];
            Asset mt = Asset.modelToken(dep);
            for (int i = usage.offset[d]; i < usage.offset[d + 1]; i++) {
                visitor.visit(dep, usage.account[i], Amount.ofUnits(usage.rewardAsset, flockPay.get(i)),
                        Amount.ofUnits(mt, mtPay.get(i)));
            }
        }
    }

    /**
     * Visits every user of the epoch once, in ascending order, with its FLOCK reward in base units: the
     * sum of its global and FLOCK incentive payouts over all deployments, as
     * {@link #flockRewardOf(AccountId)} returns it, zero included. For a caller that keeps running totals of
     * rewards (a simulator's claimable balances, every epoch): no amount is built per user, and a reward
     * that fits a {@code long} goes to {@link FlockRewardVisitor#visitLong}.
     *
     * @param visitor the visitor
     */
    public void forEachFlockReward(FlockRewardVisitor visitor) {
        Objects.requireNonNull(visitor, "visitor");
        for (int r = 0; r < usage.users.length; r++) {
            if (userFlock.fitsLong(r)) {
                visitor.visitLong(usage.users[r], userFlock.longAt(r));
            } else {
                visitor.visit(usage.users[r], userFlock.get(r));
            }
        }
    }

    /** Receives one pair's payouts in base units (package-private: for {@link ClaimLedger#credit}). */
    @FunctionalInterface
    interface UnitsVisitor {
        void visit(DeploymentId deployment, AccountId user, BigInteger flockUnits, BigInteger mtUnits);
    }

    /**
     * {@link #forEachPayout} in base units, without building two amounts per pair.
     */
    void forEachPayoutUnits(UnitsVisitor visitor) {
        for (int d = 0; d < usage.deployments.length; d++) {
            DeploymentId dep = usage.deployments[d];
            for (int i = usage.offset[d]; i < usage.offset[d + 1]; i++) {
                visitor.visit(dep, usage.account[i], flockPay.get(i), mtPay.get(i));
            }
        }
    }

    /**
     * Returns the sum of every FLOCK payout.
     *
     * @return the total FLOCK paid
     */
    public Amount totalFlockPaid() {
        return Amount.ofUnits(usage.rewardAsset, userFlock.sum());
    }

    @Override
    public String toString() {
        return "EpochResult[" + from + ".." + to + ", scheduled=" + scheduled + ", alpha=" + alpha.toPlainString()
                + ", pools=" + pools.size() + ", pairs=" + flockPay.size() + "]";
    }
}
