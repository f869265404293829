package io.fomo.core.internal;

import java.math.BigInteger;

/**
 * Exact integer square roots. {@link BigInteger#sqrt()} of JDK 17 takes microseconds on the 200- to
 * 250-bit numbers of staking factors (its Newton iteration starts from a coarse estimate); this one starts
 * from the exact root of the top 62 bits, about 31 correct bits, so two or three divisions reach the root.
 * Only integer arithmetic is used. Shared by {@code ExactMath} and the staking factors; this package is
 * not exported.
 *
 * <p>This class is thread-safe; it has no state.
 */
public final class IntegerRoots {

    private IntegerRoots() {
    }

    /**
     * Returns {@code ⌊√n⌋}.
     *
     * @param n not negative
     * @return the largest {@code r} with {@code r² ≤ n}
     * @throws ArithmeticException if {@code n} is negative
     */
    public static BigInteger floorSqrt(BigInteger n) {
        if (n.signum() < 0) {
            throw new ArithmeticException("square root of a negative number: " + n);
        }
        int bits = n.bitLength();
        if (bits <= 62) {
            return BigInteger.valueOf(floorSqrt(n.longValue()));
        }
        // x0 = (⌊√top⌋ + 1)·2^(s/2) > √n, with top = ⌊n / 2^s⌋ of 61 or 62 bits. From above, each Newton
        // step ⌊(x + ⌊n/x⌋) / 2⌋ stays at or above ⌊√n⌋ and falls while above it, so the first x with
        // x² ≤ n is the root.
        int shift = (bits - 61) & ~1;
        long top = n.shiftRight(shift).longValue();
        BigInteger x = BigInteger.valueOf(floorSqrt(top) + 1).shiftLeft(shift / 2);
        while (x.multiply(x).compareTo(n) > 0) {
            x = x.add(n.divide(x)).shiftRight(1);
        }
        return x;
    }

    /**
     * Returns {@code ⌊√n⌋} and {@code n − ⌊√n⌋²}, like {@link BigInteger#sqrtAndRemainder()}.
     *
     * @param n not negative
     * @return the root and the remainder
     * @throws ArithmeticException if {@code n} is negative
     */
    public static BigInteger[] floorSqrtAndRemainder(BigInteger n) {
        BigInteger r = floorSqrt(n);
        return new BigInteger[] {r, n.subtract(r.multiply(r))};
    }

    /**
     * Returns {@code ⌊√v⌋} for {@code 0 ≤ v < 2^63}, by Newton's iteration from the power of two above the
     * root.
     *
     * @param v not negative
     * @return the largest {@code r} with {@code r² ≤ v}
     */
    public static long floorSqrt(long v) {
        if (v < 2) {
            return v;
        }
        int bits = 64 - Long.numberOfLeadingZeros(v);
        long x = 1L << ((bits + 1) / 2);
        while (true) {
            long y = (x + v / x) >>> 1;
            if (y >= x) {
                return x;
            }
            x = y;
        }
    }
}
