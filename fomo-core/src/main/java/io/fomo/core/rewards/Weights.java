package io.fomo.core.rewards;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The scoring core shared by single-pool and epoch distribution: integer weights
 * {@code spend · factor · gm} over a slice of parallel arrays, and the floor allocation of a pool by them.
 * Works on arrays so that an epoch over a million pairs allocates no object per pair beyond its numbers.
 */
final class Weights {

    private Weights() {
    }

    /**
     * Fills {@code out[from..to)} with {@code spend · factor · gm}, where the factor is the global or, when
     * gated, the incentive factor at {@code factorScale} decimals, rounded DOWN. Returns the sum.
     */
    static BigInteger score(BigInteger[] spend, BigInteger[] stake, BigInteger[] gmScaled, int from, int to,
            BigDecimal alpha, boolean gated, int factorScale, BigInteger[] out) {
        BigInteger totalStake = BigInteger.ZERO;
        for (int i = from; i < to; i++) {
            totalStake = totalStake.add(stake[i]);
        }
        BigDecimal a = StakingFactor.strip(alpha);
        BigInteger unstaked = StakingFactor.scaled(a, BigInteger.ZERO, totalStake, factorScale, RoundingMode.DOWN);
        BigInteger sum = BigInteger.ZERO;
        for (int i = from; i < to; i++) {
            BigInteger w;
            if (spend[i].signum() == 0) {
                w = BigInteger.ZERO;
            } else if (stake[i].signum() == 0) {
                w = gated ? BigInteger.ZERO : spend[i].multiply(unstaked);
            } else {
                w = spend[i].multiply(StakingFactor.scaled(a, stake[i], totalStake, factorScale, RoundingMode.DOWN));
            }
            if (gmScaled != null && w.signum() != 0) {
                w = w.multiply(gmScaled[i]);
            }
            out[i] = w;
            sum = sum.add(w);
        }
        return sum;
    }

    /**
     * Pays {@code pool} base units by the weights of {@code [from, to)}: each gets the floor of its exact
     * share into {@code pay}; returns the sum paid. The weights' sum must be positive.
     */
    static BigInteger allocate(BigInteger pool, BigInteger[] w, BigInteger sum, int from, int to,
            BigInteger[] pay) {
        BigInteger paid = BigInteger.ZERO;
        for (int i = from; i < to; i++) {
            BigInteger p = w[i].signum() == 0 ? BigInteger.ZERO : pool.multiply(w[i]).divide(sum);
            pay[i] = p;
            paid = paid.add(p);
        }
        return paid;
    }

    /** The unscaled values of decimals at their common (largest) scale, and that scale at index n. */
    static BigInteger[] unscaled(BigDecimal[] values) {
        int scale = 0;
        for (BigDecimal v : values) {
            scale = Math.max(scale, v.scale());
        }
        BigInteger[] out = new BigInteger[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].setScale(scale).unscaledValue();
        }
        return out;
    }
}
