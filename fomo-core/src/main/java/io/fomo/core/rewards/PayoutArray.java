package io.fomo.core.rewards;

import java.math.BigInteger;

/**
 * A fixed-size array of non-negative base-unit amounts that grows only by addition: each entry is a
 * {@code long} until a sum would pass {@link Long#MAX_VALUE}, and a {@link BigInteger} from then on.
 * An epoch's payouts almost always fit a {@code long}, so a million of them take 8 MB in one array
 * instead of a million objects that the collector would copy while the epoch closes; the rare larger
 * entry stays exact.
 *
 * <p>Instances are not thread-safe while being filled; {@link EpochResult} never changes them after.
 */
final class PayoutArray {

    private final long[] small;
    /** Entries past a long, or null while there is none; an entry here replaces the long. */
    private BigInteger[] big;

    PayoutArray(int size) {
        this.small = new long[size];
    }

    int size() {
        return small.length;
    }

    /** Adds a non-negative amount to entry i. */
    void add(int i, BigInteger units) {
        if (big != null && big[i] != null) {
            big[i] = big[i].add(units);
        } else if (units.bitLength() < Long.SIZE) {
            add(i, units.longValue());
        } else {
            promote(i);
            big[i] = big[i].add(units);
        }
    }

    /** Adds a non-negative amount to entry i. */
    void add(int i, long units) {
        if (big != null && big[i] != null) {
            big[i] = big[i].add(BigInteger.valueOf(units));
            return;
        }
        long sum = small[i] + units;
        if (sum < 0) {
            promote(i);
            big[i] = big[i].add(BigInteger.valueOf(units));
        } else {
            small[i] = sum;
        }
    }

    /** Adds entry j of another array to entry i of this one. */
    void addFrom(int i, PayoutArray other, int j) {
        if (other.big != null && other.big[j] != null) {
            add(i, other.big[j]);
        } else if (other.small[j] != 0) {
            add(i, other.small[j]);
        }
    }

    private BigInteger promote(int i) {
        if (big == null) {
            big = new BigInteger[small.length];
        }
        big[i] = BigInteger.valueOf(small[i]);
        small[i] = 0;
        return big[i];
    }

    /** Returns entry i. */
    /** Whether entry {@code i} is held as a {@code long} ({@link #longAt}); else it is past a long. */
    boolean fitsLong(int i) {
        return big == null || big[i] == null;
    }

    /** Entry {@code i}, which {@link #fitsLong} says is held as a {@code long}: no {@code BigInteger} made. */
    long longAt(int i) {
        return small[i];
    }

    BigInteger get(int i) {
        return big != null && big[i] != null ? big[i] : BigInteger.valueOf(small[i]);
    }

    /** Returns the sum of every entry. */
    BigInteger sum() {
        BigInteger total = BigInteger.ZERO;
        long acc = 0;
        for (int i = 0; i < small.length; i++) {
            if (big != null && big[i] != null) {
                total = total.add(big[i]);
                continue;
            }
            long s = acc + small[i];
            if (s < 0) {
                total = total.add(BigInteger.valueOf(acc));
                s = small[i];
            }
            acc = s;
        }
        return total.add(BigInteger.valueOf(acc));
    }
}
