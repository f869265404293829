package io.fomo.core.rewards;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.Limits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Pays one reward pool to its participants by score (FOMO-SPEC §3.4).
 *
 * <p>A participant's score is {@code usage_share · factor · gm}, where the factor is the global factor
 * {@code α + (1 − α)·√s} or, for a stake-gated incentive pool, zero without stake and otherwise the same
 * curve. Because {@code usage_share = spend / Σ spend} shares its denominator across the pool, payouts
 * use the exact integer weight {@code spend · factor · gm}; the factor is computed to
 * {@code factorScale} decimals, rounded DOWN. Each payout is the floor of its exact share; the remainder
 * is dust. When no participant has a positive score the whole pool is returned.
 *
 * <p>Results depend only on the set of participants, never on their order.
 *
 * <p>This class is thread-safe; it has no state. A pool of 2,048 pairs or more is
 * scored and allocated in chunks shared with one thread of the common fork-join pool, with the same result
 * to the base unit ({@link EpochDistributor} says how to keep the work on the calling thread).
 */
public final class RewardPool {

    /** The default decimals of a staking factor inside a distribution [DEFAULT]: 36. */
    public static final int DEFAULT_FACTOR_SCALE = 36;

    private RewardPool() {
    }

    /**
     * Pays a pool.
     *
     * @param pool         the amount to pay
     * @param participants the participants, each account at most once
     * @param alpha        α (or α_i for an incentive pool), 0 to 1
     * @param gated        true for an incentive pool: no stake, no reward
     * @param factorScale  the decimals of each factor, 0 to 1000
     * @param gm           the gmFLOCK multiplier
     * @return the payouts, dust and returned amount
     * @throws InvalidArgumentException if there are no participants, an account repeats or an argument is
     *                                  out of range
     */
    public static PoolDistribution distribute(Amount pool, List<Participant> participants, BigDecimal alpha,
            boolean gated, int factorScale, GmMultiplier gm) {
        Limits.decimal("alpha", alpha);
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(participants, "participants");
        Objects.requireNonNull(gm, "gm");
        StakingFactor.checkUnit(gated ? "alphaIncentive" : "alpha", alpha);
        if (factorScale < 0 || factorScale > 1000) {
            throw InvalidArgumentException.of("factorScale", factorScale, "must be between 0 and 1000");
        }
        if (participants.isEmpty()) {
            throw InvalidArgumentException.of("participants", "[]", "at least one participant is required");
        }
        TreeMap<AccountId, Participant> sorted = new TreeMap<>();
        for (int i = 0; i < participants.size(); i++) {
            Participant p = Objects.requireNonNull(participants.get(i), "participants[" + i + "]");
            if (sorted.put(p.account(), p) != null) {
                throw InvalidArgumentException.of("participants[" + i + "].id", p.account(), "appears twice");
            }
        }
        int n = sorted.size();
        BigDecimal[] spend = new BigDecimal[n];
        BigDecimal[] stake = new BigDecimal[n];
        BigInteger[] gmScaled = gm.isNone() ? null : new BigInteger[n];
        int i = 0;
        for (Participant p : sorted.values()) {
            spend[i] = p.spend();
            stake[i] = p.stake();
            if (gmScaled != null) {
                gmScaled[i] = gm.scaledValueAt(p.gmFlock());
            }
            i++;
        }
        BigInteger[] w = new BigInteger[n];
        BigInteger sum = Weights.score(Weights.unscaled(spend), Weights.unscaled(stake), gmScaled, 0, n, alpha,
                gated, factorScale, w);
        Asset asset = pool.asset();
        Map<AccountId, Amount> payouts = new LinkedHashMap<>();
        if (sum.signum() == 0) {
            for (AccountId a : sorted.keySet()) {
                payouts.put(a, Amount.zero(asset));
            }
            return new PoolDistribution(pool, payouts, Amount.zero(asset), pool);
        }
        BigInteger[] pay = new BigInteger[n];
        BigInteger paid = Weights.allocate(pool.units(), w, sum, 0, n, pay);
        i = 0;
        for (AccountId a : sorted.keySet()) {
            payouts.put(a, Amount.ofUnits(asset, pay[i++]));
        }
        return new PoolDistribution(pool, payouts, Amount.ofUnits(asset, pool.units().subtract(paid)),
                Amount.zero(asset));
    }
}
