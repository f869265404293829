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

    /** From this many pairs, {@link #score} and {@link #allocate} work in two halves at once. */
    static final int SPLIT_FROM = 2048;

    /**
     * Fills {@code out[from..to)} with {@code spend · factor · gm}, where the factor is the global or, when
     * gated, the incentive factor at {@code factorScale} decimals, rounded DOWN. Returns the sum.
     */
    static BigInteger score(BigInteger[] spend, BigInteger[] stake, BigInteger[] gmScaled, int from, int to,
            BigDecimal alpha, boolean gated, int factorScale, BigInteger[] out) {
        return score(spend, stake, gmScaled, from, to, alpha, gated, factorScale, out,
                TwoCores.available() ? SPLIT_FROM : Integer.MAX_VALUE);
    }

    /**
     * {@link #score}, in two halves at once from {@code splitFrom} pairs: each pair's weight depends only on
     * the pair and the total stake, so the halves write apart and their sums add to the sum.
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
        return inHalves(from, to, splitFrom, (lo, hi) -> {
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
        return allocate(pool, w, sum, from, to, pay, TwoCores.available() ? SPLIT_FROM : Integer.MAX_VALUE);
    }

    /** {@link #allocate}, in two halves at once from {@code splitFrom} pairs (each share is its own floor). */
    static BigInteger allocate(BigInteger pool, BigInteger[] w, BigInteger sum, int from, int to,
            BigInteger[] pay, int splitFrom) {
        return inHalves(from, to, splitFrom, (lo, hi) -> {
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
     * Runs {@code work} over {@code [from, to)}: at once over the two halves (the second on another core if
     * one is free, {@link TwoCores}) from {@code splitFrom} pairs on, else in one go; returns the sum of sums.
     */
    private static BigInteger inHalves(int from, int to, int splitFrom, Range work) {
        if (to - from < Math.max(2, splitFrom)) {
            return work.sum(from, to);
        }
        int mid = from + (to - from) / 2;
        BigInteger[] sums = new BigInteger[2];
        TwoCores.run(() -> sums[0] = work.sum(from, mid), () -> sums[1] = work.sum(mid, to));
        return sums[0].add(sums[1]);
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
