package io.fomo.core.rewards;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Scoring and allocating in chunks shared with another core (each writing its chunks' slots) give every
 * slot and the sum exactly as one pass does, over any slice of the arrays; and an allocation pays each pair
 * the floor of its exact share, so that what is paid falls short of the pool by less than one base unit per
 * paid pair (parts + dust == whole).
 */
class WeightsProperties {

    @Provide
    Arbitrary<List<BigInteger>> units() {
        // Zeros (no spend, no stake) are common; values reach past a long.
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(BigInteger.ZERO)),
                net.jqwik.api.Tuple.of(4, Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(24))))
                .list().ofMinSize(0).ofMaxSize(60);
    }

    @Property(tries = 150)
    void scoringInChunksScoresEveryPairAsOnePass(@ForAll("units") List<BigInteger> spendList,
            @ForAll("units") List<BigInteger> stakeList, @ForAll @IntRange(min = 0, max = 1000) int alphaMilli,
            @ForAll boolean gated, @ForAll boolean withGm, @ForAll @IntRange(min = 0, max = 12) int factorScale,
            @ForAll @IntRange(min = 2, max = 9) int splitFrom, @ForAll @IntRange(min = 0, max = 100) int cut) {
        int n = Math.min(spendList.size(), stakeList.size());
        BigInteger[] spend = spendList.subList(0, n).toArray(new BigInteger[0]);
        BigInteger[] stake = stakeList.subList(0, n).toArray(new BigInteger[0]);
        BigInteger[] gm = null;
        if (withGm) {
            gm = new BigInteger[n];
            for (int i = 0; i < n; i++) {
                gm[i] = BigInteger.valueOf(1_000 + 37L * i);
            }
        }
        int from = n == 0 ? 0 : cut % (n / 2 + 1);
        BigDecimal alpha = BigDecimal.valueOf(alphaMilli, 3);
        BigInteger[] once = new BigInteger[n];
        BigInteger[] chunked = new BigInteger[n];
        BigInteger sumOnce = Weights.score(spend, stake, gm, from, n, alpha, gated, factorScale, once,
                Integer.MAX_VALUE);
        BigInteger sumChunked = Weights.score(spend, stake, gm, from, n, alpha, gated, factorScale, chunked, splitFrom);
        assertArrayEquals(once, chunked);
        assertEquals(sumOnce, sumChunked);
        BigInteger sum = BigInteger.ZERO;
        for (int i = from; i < n; i++) {
            sum = sum.add(once[i]);
        }
        assertEquals(sum, sumOnce);
    }

    @Property(tries = 150)
    void allocatingInChunksPaysEveryPairItsFloor(@ForAll("units") List<BigInteger> weightList,
            @ForAll("units") List<BigInteger> pools, @ForAll @IntRange(min = 2, max = 9) int splitFrom,
            @ForAll @IntRange(min = 0, max = 100) int cut) {
        int n = weightList.size();
        BigInteger[] w = weightList.toArray(new BigInteger[0]);
        int from = n == 0 ? 0 : cut % (n / 2 + 1);
        BigInteger sum = BigInteger.ZERO;
        int positive = 0;
        for (int i = from; i < n; i++) {
            sum = sum.add(w[i]);
            positive += w[i].signum();
        }
        if (sum.signum() == 0) {
            return;
        }
        BigInteger pool = pools.isEmpty() ? BigInteger.ONE : pools.get(0).add(BigInteger.ONE);
        BigInteger[] once = new BigInteger[n];
        BigInteger[] chunked = new BigInteger[n];
        BigInteger paidOnce = Weights.allocate(pool, w, sum, from, n, once, Integer.MAX_VALUE);
        BigInteger paidChunked = Weights.allocate(pool, w, sum, from, n, chunked, splitFrom);
        assertArrayEquals(once, chunked);
        assertEquals(paidOnce, paidChunked);
        BigInteger paid = BigInteger.ZERO;
        for (int i = from; i < n; i++) {
            // Each pay is the floor of pool·w/sum: pay·sum <= pool·w < (pay + 1)·sum.
            BigInteger exact = pool.multiply(w[i]);
            assertTrue(chunked[i].multiply(sum).compareTo(exact) <= 0, "pair " + i);
            assertTrue(chunked[i].add(BigInteger.ONE).multiply(sum).compareTo(exact) > 0, "pair " + i);
            paid = paid.add(chunked[i]);
        }
        assertEquals(paid, paidChunked);
        BigInteger dust = pool.subtract(paid);
        assertTrue(dust.signum() >= 0 && dust.compareTo(BigInteger.valueOf(positive)) < 0, "dust " + dust);
    }
}
