package io.fomo.core.rewards;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>This class is thread-safe; it has no state.
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
        BigDecimal alpha = params.alpha().valueAt(from);
        BigDecimal alphaI = params.alphaIncentive().valueAt(from);
        int scale = params.factorScale();

        Amount scheduled = params.schedule().amount(from, to);
        BigInteger budget = scheduled.units().add(carry.global().units());

        int dn = usage.deployments.length;
        int n = usage.pairCount();
        BigInteger[] spendSum = new BigInteger[dn];
        BigDecimal[] ageScaled = new BigDecimal[dn];
        for (int d = 0; d < dn; d++) {
            BigInteger s = BigInteger.ZERO;
            for (int i = usage.offset[d]; i < usage.offset[d + 1]; i++) {
                s = s.add(usage.spend[i]);
            }
            spendSum[d] = s;
            ageScaled[d] = params.ageFactor().scaled(usage.ageDays[d]);
        }
        // Split weights: net revenue x age factor, for deployments that pass the usage gate.
        BigInteger[] ageInt = Weights.unscaled(ageScaled);
        BigInteger[] splitW = new BigInteger[dn];
        BigInteger splitSum = BigInteger.ZERO;
        for (int d = 0; d < dn; d++) {
            splitW[d] = spendSum[d].signum() > 0 ? usage.netRevenue[d].multiply(ageInt[d]) : BigInteger.ZERO;
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

        BigInteger[] gmScaled = null;
        if (usage.gm != null && !params.gm().isNone()) {
            gmScaled = new BigInteger[n];
            for (int i = 0; i < n; i++) {
                gmScaled[i] = params.gm().scaledValueAt(usage.gm[i]);
            }
        }
        BigInteger[] w = new BigInteger[n];
        BigInteger[] wGlobal = new BigInteger[n];
        boolean sameAlpha = alpha.compareTo(alphaI) == 0;
        BigInteger[] pay = new BigInteger[n];
        // Per-pair numbers live only while their deployment is closed (the scratch arrays are cleared
        // after it), and payouts go into long arrays, so a large epoch leaves the collector little to copy.
        PayoutArray flockPay = new PayoutArray(n);
        PayoutArray mtPay = new PayoutArray(n);
        List<PoolResult> pools = new ArrayList<>(dn * 3);
        Map<DeploymentId, Map<PoolKind, Amount>> nextPools = new TreeMap<>();
        for (int d = 0; d < dn; d++) {
            DeploymentId dep = usage.deployments[d];
            Asset mt = Asset.modelToken(dep);
            int lo = usage.offset[d];
            int hi = usage.offset[d + 1];
            boolean passesGate = spendSum[d].signum() > 0;
            Amount[] fresh = {Amount.ofUnits(reward, share[d]), usage.flockIncentive[d], usage.mtIncentive[d]};
            BigDecimal[] alphas = {alpha, alphaI, alphaI};
            boolean[] stakeGated = {false, true, true};
            // The two incentive pools share their weights.
            BigInteger incentiveSum = null;
            for (PoolKind kind : PoolKind.values()) {
                int k = kind.ordinal();
                Asset asset = kind == PoolKind.MT_INCENTIVE ? mt : reward;
                Amount carried = carry.dust(dep, kind).orElse(Amount.zero(asset));
                carried.requireSameAsset("carry." + dep + "." + kind, Amount.zero(asset));
                BigInteger pool = fresh[k].units().add(carried.units());
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
                        w[i] = usage.stake[i].signum() == 0 ? BigInteger.ZERO : wGlobal[i];
                        sum = sum.add(w[i]);
                    }
                    incentiveSum = sum;
                } else {
                    sum = Weights.score(usage.spend, usage.stake, gmScaled, lo, hi, alphas[k], stakeGated[k], scale,
                            kind == PoolKind.GLOBAL_FLOCK ? wGlobal : w);
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
                pools.add(new PoolResult(dep, kind, fresh[k], carried, Amount.ofUnits(asset, paid),
                        Amount.ofUnits(asset, dust), Amount.ofUnits(asset, returned)));
                if (dust.signum() > 0) {
                    nextPools.computeIfAbsent(dep, x -> CarryOver.newPoolMap()).put(kind, Amount.ofUnits(asset, dust));
                }
            }
            Arrays.fill(w, lo, hi, null);
            Arrays.fill(wGlobal, lo, hi, null);
            Arrays.fill(pay, lo, hi, null);
        }
        // Dust carried for deployments absent from this epoch: no paid usage, so it goes back.
        for (DeploymentId dep : carry.deployments()) {
            if (usage.deploymentIndex(dep) >= 0) {
                continue;
            }
            for (PoolKind kind : PoolKind.values()) {
                Asset asset = kind == PoolKind.MT_INCENTIVE ? Asset.modelToken(dep) : reward;
                Amount carried = carry.dust(dep, kind).orElse(Amount.zero(asset));
                pools.add(new PoolResult(dep, kind, Amount.zero(asset), carried, Amount.zero(asset), Amount.zero(asset),
                        carried));
            }
        }
        pools.sort((a, b) -> {
            int c = a.deployment().compareTo(b.deployment());
            return c != 0 ? c : a.kind().compareTo(b.kind());
        });
        PayoutArray userFlock = new PayoutArray(usage.users.length);
        for (int i = 0; i < n; i++) {
            userFlock.addFrom(usage.userRank[i], flockPay, i);
        }
        CarryOver next = new CarryOver(Amount.ofUnits(reward, splitDust), nextPools);
        return new EpochResult(from, to, alpha, alphaI, scheduled, carry.global(), Amount.ofUnits(reward, splitDust),
                Amount.ofUnits(reward, unassigned), pools, next, usage, flockPay, mtPay, userFlock);
    }
}
