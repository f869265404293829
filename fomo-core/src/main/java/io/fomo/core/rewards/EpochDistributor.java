package io.fomo.core.rewards;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Closes an epoch (FOMO-SPEC §3.3, §3.4):
 * <ol>
 *   <li>Budget: the schedule's amount over {@code [from, to)} plus the split dust carried in.</li>
 *   <li>Usage gate: a deployment with no paid usage (total spend zero) receives nothing.</li>
 *   <li>Split across the gated deployments by net revenue share, times the optional age factor; each
 *       share is floored and the remainder is carried to the next epoch's budget. If no deployment has a
 *       positive weight the whole budget goes back to the emission reserve.</li>
 *   <li>Per deployment, three pools, each plus its own carried dust: the global FLOCK pool (scored by the
 *       global factor with α), the FLOCK incentive and the MT incentive pools (stake-gated, α_i).</li>
 *   <li>Scores {@code usage_share · factor · gm}; payouts floored; dust carried to the same pool; a pool
 *       with no positive score, or of a deployment without paid usage, is returned to its source.</li>
 * </ol>
 * The work is linear in the number of pairs after the one sort done by {@link EpochUsage}; memory is a
 * few arrays of numbers per pair. Results depend only on the inputs, never on their order.
 *
 * <p>The close is two public steps run in one JVM: {@link EpochSplit} (the budget split across deployments,
 * steps 1 to 3 above) and {@link DeploymentClose} (one deployment from its pairs, steps 4 and 5). A distributed
 * close runs the same two steps on many machines and gets the same result to the base unit.
 *
 * <p>This class is thread-safe; it has no state. A deployment of 2,048 pairs or more is scored and allocated in
 * chunks that the calling thread shares with one thread of the common {@link java.util.concurrent.ForkJoinPool}
 * when the JVM has two processors or more; the result is the same to the base unit either way, and the call
 * returns only when every chunk is done. Setting the common pool's parallelism to 0
 * ({@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=0}) keeps all of the work on the calling
 * thread (docs/engine.md, "A second core for large commands").
 */
public final class EpochDistributor {

    private EpochDistributor() {
    }

    /**
     * Closes an epoch.
     *
     * @param params the parameters
     * @param carry  the dust carried from the previous epoch ({@link CarryOver#empty(Asset)} for the first)
     * @param usage  the epoch's activity
     * @param from   the epoch's start, seconds from the schedule's origin, not negative
     * @param to     the epoch's end, after {@code from}
     * @return the result; nothing is changed anywhere
     * @throws InvalidArgumentException if the times are out of order or the assets do not match
     */
    public static EpochResult close(RewardParams params, CarryOver carry, EpochUsage usage, long from, long to) {
        java.util.Objects.requireNonNull(params, "params");
        java.util.Objects.requireNonNull(carry, "carry");
        java.util.Objects.requireNonNull(usage, "usage");
        if (from < 0) {
            throw InvalidArgumentException.of("from", from, "must not be negative");
        }
        if (to <= from) {
            throw InvalidArgumentException.of("to", to, "must be after from = " + from);
        }
        Asset reward = usage.rewardAsset;
        if (!params.schedule().asset().equals(reward)) {
            throw InvalidArgumentException.of("schedule.asset", params.schedule().asset(),
                    "must be the epoch's reward asset " + reward);
        }
        carry.global().requireSameAsset("carry.global", Amount.zero(reward));
        int dn = usage.deployments.length;
        int n = usage.pairCount();
        BigInteger[] spendSum = new BigInteger[dn];
        for (int d = 0; d < dn; d++) {
            BigInteger s = BigInteger.ZERO;
            for (int i = usage.offset[d]; i < usage.offset[d + 1]; i++) {
                s = s.add(usage.spend[i]);
            }
            spendSum[d] = s;
        }
        // Step 1: the budget split across deployments (usage gate, shares, what returns to the reserve).
        EpochSplit split = EpochSplit.compute(params, carry, usage.deployments, usage.netRevenue, spendSum,
                usage.ageDays, from, to);

        // Step 2: each deployment closed from its pairs, on slices of one array of every pair.
        BigInteger[] gmScaled = DeploymentClose.gmScaled(params, usage.gm, n);
        BigInteger[] w = new BigInteger[n];
        BigInteger[] wGlobal = new BigInteger[n];
        BigInteger[] pay = new BigInteger[n];
        // Per-pair numbers live only while their deployment is closed (the scratch arrays are cleared
        // after it), and payouts go into long arrays, so a large epoch leaves the collector little to copy.
        PayoutArray flockPay = new PayoutArray(n);
        PayoutArray mtPay = new PayoutArray(n);
        List<PoolResult> pools = new ArrayList<>(dn * 3);
        Map<DeploymentId, Map<PoolKind, Amount>> nextPools = new TreeMap<>();
        for (int d = 0; d < dn; d++) {
            DeploymentBudget budget = split.budgetAt(d, usage.flockIncentive[d], usage.mtIncentive[d], carry);
            int first = pools.size();
            DeploymentClose.closeSlice(params.factorScale(), budget, split.passesGateAt(d), usage.spend, usage.stake,
                    gmScaled, usage.offset[d], usage.offset[d + 1], w, wGlobal, pay, flockPay, mtPay, pools);
            for (PoolResult p : pools.subList(first, pools.size())) {
                if (p.dust().isPositive()) {
                    nextPools.computeIfAbsent(p.deployment(), x -> CarryOver.newPoolMap()).put(p.kind(), p.dust());
                }
            }
        }
        pools.addAll(split.absentPools());
        pools.sort((a, b) -> {
            int c = a.deployment().compareTo(b.deployment());
            return c != 0 ? c : a.kind().compareTo(b.kind());
        });
        PayoutArray userFlock = new PayoutArray(usage.users.length);
        for (int i = 0; i < n; i++) {
            userFlock.addFrom(usage.userRank[i], flockPay, i);
        }
        CarryOver next = new CarryOver(split.splitDust(), nextPools);
        return new EpochResult(from, to, split.alpha(), split.alphaIncentive(), split.scheduled(), carry.global(),
                split.splitDust(), split.unassigned(), pools, next, usage, flockPay, mtPay, userFlock);
    }
}
