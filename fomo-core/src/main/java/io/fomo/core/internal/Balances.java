package io.fomo.core.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Exact non-negative balances in base units, one per key, for a ledger that credits many keys in a row: each
 * key has a {@link Slots slot}, and a balance below 2<sup>127</sup> lives in two {@code long} arrays as a
 * 128-bit number, so that a credit adds in place, with no entry object, no boxed number read and no new
 * number made. A balance from 2<sup>127</sup> up is held as a {@code BigInteger} instead, so there is no
 * upper bound. (A long alone holds 9.2 units of 18 decimals, which a year's earner passes; all the FLOCK
 * there is fits 90 bits.)
 *
 * <p>A balance of zero is not held: {@link #held()} and {@link #forEachHeld} skip it, and {@link #take}
 * finds nothing there. A key keeps its slot once it has one, so a key that is credited, drained and
 * credited again costs no new slot.
 *
 * <p>Not thread-safe: confine an instance to one thread, or copy it. This package is not exported.
 *
 * @param <K> the key type
 */
public final class Balances<K> {

    private static final int WIDE_BITS = 2 * Long.SIZE - 1;
    private static final int INITIAL = 16;

    private final Slots<K> slots;
    /**
     * Per slot below 2<sup>127</sup>, the balance is {@code hi·2^64 + lo} with {@code lo} unsigned; 0 where
     * {@link #big} holds it.
     */
    private long[] hi;
    private long[] lo;
    /**
     * Null, or per slot the balance when it is 2<sup>127</sup> or more (and only then: a balance only grows
     * until it is taken).
     */
    private BigInteger[] big;

    private Balances(Slots<K> slots, long[] hi, long[] lo, BigInteger[] big) {
        this.slots = slots;
        this.hi = hi;
        this.lo = lo;
        this.big = big;
    }

    /**
     * Returns a ledger with no balance.
     *
     * @param <K> the key type
     * @return the ledger
     */
    public static <K> Balances<K> empty() {
        return new Balances<>(Slots.empty(), new long[INITIAL], new long[INITIAL], null);
    }

    /**
     * Returns an independent copy.
     *
     * @return the copy
     */
    public Balances<K> copy() {
        return new Balances<>(slots.copy(), hi.clone(), lo.clone(), big == null ? null : big.clone());
    }

    /**
     * Returns how many keys hold a positive balance (counted: a ledger's description, not a hot path).
     *
     * @return the count
     */
    public int held() {
        int held = 0;
        for (int s = 0, n = slots.size(); s < n; s++) {
            if (!isZero(s)) {
                held++;
            }
        }
        return held;
    }

    /**
     * Adds to a key's balance.
     *
     * @param key   the key
     * @param units the amount in base units, not negative; zero changes nothing
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code units} is negative
     */
    public void add(K key, BigInteger units) {
        int sign = units.signum();
        if (sign <= 0) {
            if (sign < 0) {
                throw new IllegalArgumentException("units must not be negative: " + units);
            }
            Objects.requireNonNull(key, "key");
            return;
        }
        int s = slots.slotOf(key);
        if (s == hi.length) {
            hi = Arrays.copyOf(hi, 2 * s);
            lo = Arrays.copyOf(lo, 2 * s);
            if (big != null) {
                big = Arrays.copyOf(big, 2 * s);
            }
        }
        if (big != null && big[s] != null) {
            big[s] = big[s].add(units);
            return;
        }
        int length = units.bitLength();
        if (length <= WIDE_BITS) {
            long addLo = units.longValue();
            long addHi = length < Long.SIZE ? 0 : units.shiftRight(Long.SIZE).longValue();
            long l = lo[s] + addLo;
            // Both high parts are below 2^63 (the carry adds at most 1), so a high sum of 2^63 or more, a balance
            // of 2^127 or more, shows as a negative long without wrapping past 2^64.
            long h = hi[s] + addHi + (Long.compareUnsigned(l, lo[s]) < 0 ? 1 : 0);
            if (h >= 0) {
                hi[s] = h;
                lo[s] = l;
                return;
            }
        }
        BigInteger sum = wide(hi[s], lo[s]).add(units);
        if (big == null) {
            big = new BigInteger[hi.length];
        }
        big[s] = sum;
        hi[s] = 0;
        lo[s] = 0;
    }

    /**
     * Returns a key's balance.
     *
     * @param key the key
     * @return the balance in base units, zero if the key holds none
     * @throws NullPointerException if {@code key} is null
     */
    public BigInteger get(Object key) {
        int s = slots.find(Objects.requireNonNull(key, "key"));
        return s < 0 ? BigInteger.ZERO : balance(s);
    }

    /**
     * Takes a key's whole balance, leaving it zero.
     *
     * @param key the key
     * @return the balance taken, positive, or null if the key held none (then nothing changes)
     * @throws NullPointerException if {@code key} is null
     */
    public BigInteger take(Object key) {
        int s = slots.find(Objects.requireNonNull(key, "key"));
        if (s < 0 || isZero(s)) {
            return null;
        }
        BigInteger v = balance(s);
        hi[s] = 0;
        lo[s] = 0;
        if (big != null) {
            big[s] = null;
        }
        return v;
    }

    /**
     * Gives every positive balance to {@code action}, in the order the keys were first credited.
     *
     * @param action takes each key and its balance in base units
     */
    public void forEachHeld(BiConsumer<? super K, BigInteger> action) {
        for (int s = 0, n = slots.size(); s < n; s++) {
            if (!isZero(s)) {
                action.accept(slots.key(s), balance(s));
            }
        }
    }

    /**
     * Returns the sum of the {@code n} largest balances, or of all of them if fewer are held: equal balances
     * count as often as they are held, and a zero balance adds nothing. One pass over the slots keeps the
     * {@code n} largest balances held in the two {@code long} arrays in a small sorted array (most fail its
     * first comparison); the few held as {@code BigInteger}s (from 2<sup>127</sup>) are then ranked with them.
     *
     * @param n how many of the largest to add up, positive
     * @return the sum in base units
     * @throws IllegalArgumentException if {@code n} is not positive
     */
    public BigInteger largestSum(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive: " + n);
        }
        int size = slots.size();
        // The largest balances in the long arrays, ascending in top[0..count). A slot held in big reads 0 there.
        int k = Math.min(n, size);
        long[] topHi = new long[k];
        long[] topLo = new long[k];
        int count = 0;
        for (int s = 0; s < size; s++) {
            long h = hi[s];
            long l = lo[s];
            if (count < k) {
                int i = count++;
                while (i > 0 && compare(topHi[i - 1], topLo[i - 1], h, l) > 0) {
                    topHi[i] = topHi[i - 1];
                    topLo[i] = topLo[i - 1];
                    i--;
                }
                topHi[i] = h;
                topLo[i] = l;
            } else if (compare(h, l, topHi[0], topLo[0]) > 0) {
                int i = 0;
                while (i + 1 < k && compare(topHi[i + 1], topLo[i + 1], h, l) < 0) {
                    topHi[i] = topHi[i + 1];
                    topLo[i] = topLo[i + 1];
                    i++;
                }
                topHi[i] = h;
                topLo[i] = l;
            }
        }
        List<BigInteger> large = new ArrayList<>();
        if (big != null) {
            for (int s = 0; s < size; s++) {
                if (big[s] != null) {
                    large.add(big[s]);
                }
            }
        }
        BigInteger sum = BigInteger.ZERO;
        if (large.isEmpty()) {
            for (int i = 0; i < count; i++) {
                sum = sum.add(wide(topHi[i], topLo[i]));
            }
            return sum;
        }
        for (int i = 0; i < count; i++) {
            large.add(wide(topHi[i], topLo[i]));
        }
        large.sort(Comparator.reverseOrder());
        for (int i = 0; i < Math.min(n, large.size()); i++) {
            sum = sum.add(large.get(i));
        }
        return sum;
    }

    /** Compares two balances below 2<sup>127</sup>: {@code hi} is not negative, {@code lo} is unsigned. */
    private static int compare(long h1, long l1, long h2, long l2) {
        return h1 != h2 ? Long.compare(h1, h2) : Long.compareUnsigned(l1, l2);
    }

    private boolean isZero(int s) {
        return (hi[s] | lo[s]) == 0 && (big == null || big[s] == null);
    }

    private BigInteger balance(int s) {
        if (big != null && big[s] != null) {
            return big[s];
        }
        return wide(hi[s], lo[s]);
    }

    private static BigInteger wide(long h, long l) {
        if (h == 0 && l >= 0) {
            return BigInteger.valueOf(l);
        }
        return BigInteger.valueOf(h).shiftLeft(Long.SIZE).add(unsigned(l));
    }

    private static BigInteger unsigned(long l) {
        return l >= 0 ? BigInteger.valueOf(l) : BigInteger.valueOf(l).add(BigInteger.ONE.shiftLeft(Long.SIZE));
    }
}
