package io.fomo.core.rewards;

import io.fomo.core.internal.TwoCores;
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
        return score(spend, stake, gmScaled, from, to, alpha, gated, factorScale, out,
                TwoCores.available() ? TwoCores.SPLIT_FROM : Integer.MAX_VALUE);
    }

    /**
     * {@link #score}, in chunks on two cores from {@code splitFrom} pairs: each pair's weight depends only on
     * the pair and the total stake, so the chunks write apart and their sums add to the sum.
     */
    static BigInteger score(BigInteger[] spend, BigInteger[] stake, BigInteger[] gmScaled, int from, int to,
            BigDecimal alpha, boolean gated, int factorScale, BigInteger[] out, int splitFrom) {
        BigInteger totalStake = BigInteger.ZERO;
        for (int i = from; i < to; i++) {
            totalStake = totalStake.add(stake[i]);
        }
        BigDecimal a = StakingFactor.strip(alpha);
        StakingFactor.FloorCurve curve = StakingFactor.FloorCurve.of(a, factorScale);
        BigInteger unstaked = StakingFactor.scaled(a, BigInteger.ZERO, totalStake, factorScale, RoundingMode.DOWN);
        BigInteger total = totalStake;
        return inChunks(from, to, splitFrom, (lo, hi) -> {
            BigInteger sum = BigInteger.ZERO;
            for (int i = lo; i < hi; i++) {
                BigInteger w;
                if (spend[i].signum() == 0) {
                    w = BigInteger.ZERO;
                } else if (stake[i].signum() == 0) {
                    w = gated ? BigInteger.ZERO : spend[i].multiply(unstaked);
                } else if (curve != null) {
                    w = spend[i].multiply(curve.at(stake[i], total));
                } else {
                    w = spend[i].multiply(StakingFactor.scaled(a, stake[i], total, factorScale, RoundingMode.DOWN));
                }
                if (gmScaled != null && w.signum() != 0) {
                    w = w.multiply(gmScaled[i]);
                }
                out[i] = w;
                sum = sum.add(w);
            }
            return sum;
        });
    }

    /**
     * Pays {@code pool} base units by the weights of {@code [from, to)}: each gets the floor of its exact
     * share into {@code pay}; returns the sum paid. The weights' sum must be positive.
     */
    static BigInteger allocate(BigInteger pool, BigInteger[] w, BigInteger sum, int from, int to,
            BigInteger[] pay) {
        return allocate(pool, w, sum, from, to, pay, TwoCores.available() ? TwoCores.SPLIT_FROM : Integer.MAX_VALUE);
    }

    /** {@link #allocate}, in chunks on two cores from {@code splitFrom} pairs (each share is its own floor). */
    static BigInteger allocate(BigInteger pool, BigInteger[] w, BigInteger sum, int from, int to,
            BigInteger[] pay, int splitFrom) {
        return inChunks(from, to, splitFrom, (lo, hi) -> {
            BigInteger paid = BigInteger.ZERO;
            for (int i = lo; i < hi; i++) {
                BigInteger p = w[i].signum() == 0 ? BigInteger.ZERO : pool.multiply(w[i]).divide(sum);
                pay[i] = p;
                paid = paid.add(p);
            }
            return paid;
        });
    }

    /** Work over the pairs {@code [lo, hi)} that writes only their slots and returns a sum. */
    private interface Range {
        BigInteger sum(int lo, int hi);
    }

    /**
     * Runs {@code work} over {@code [from, to)}: from {@code splitFrom} pairs on, in {@link TwoCores#CHUNKS} chunks
     * shared with another core if one is free ({@link TwoCores#chunks}), else in one go; returns the sum of
     * the chunks' sums (exact, so in any order).
     */
    private static BigInteger inChunks(int from, int to, int splitFrom, Range work) {
        int n = to - from;
        if (n < Math.max(2, splitFrom)) {
            return work.sum(from, to);
        }
        int count = Math.min(TwoCores.CHUNKS, n);
        BigInteger[] sums = new BigInteger[count];
        TwoCores.chunks(from, to, count, (c, lo, hi) -> sums[c] = work.sum(lo, hi));
        BigInteger total = BigInteger.ZERO;
        for (BigInteger s : sums) {
            total = total.add(s);
        }
        return total;
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
