package io.fomo.core.internal;

import java.math.RoundingMode;

/**
 * Rounding {@code a · b / 10^k} in {@code long} arithmetic, for the common case of small numbers, giving
 * exactly what {@link java.math.BigDecimal#setScale(int, RoundingMode)} gives, or telling the caller to
 * take the {@code BigDecimal} way. A paid call's charge ({@code UnitPrice.charge}) is a price of 18
 * decimals times a count of units rounded to 6 decimals, a million times a simulated year; done in
 * {@code BigDecimal} it built five objects per call. This package is not exported.
 *
 * <p>This class is thread-safe; it has no state.
 */
public final class LongScaling {

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        long p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private LongScaling() {
    }

    /**
     * Returns the unscaled value of {@code v} when it has at most 18 digits (so {@code |u| < 10^18} fits a
     * long), else {@link Long#MIN_VALUE}, which no such value can be. A compact decimal is read as it is: no
     * {@code BigInteger} is made for it (moving the point by the scale gives an integer sharing the unscaled
     * value; the decimal in between does not escape and is not allocated once compiled).
     *
     * @param v the decimal; not null
     * @return its unscaled value, or {@link Long#MIN_VALUE} if it has more than 18 digits
     */
    public static long unscaledOrMinValue(java.math.BigDecimal v) {
        return v.precision() <= 18 ? v.scaleByPowerOfTen(v.scale()).longValue() : Long.MIN_VALUE;
    }

    /**
     * Returns {@code a · b / 10^k} rounded with {@code mode}, or -1 when this cannot answer: the product
     * does not fit a long, {@code k} is outside 0..18, or {@code mode} is {@link RoundingMode#UNNECESSARY}
     * and the division is not exact (the {@code BigDecimal} way then throws as it should).
     *
     * @param a    not negative
     * @param b    not negative
     * @param k    the power of ten to divide by
     * @param mode the rounding; not null
     * @return the rounded quotient (zero or more), or -1
     */
    public static long multiplyDivideByPowerOfTen(long a, long b, int k, RoundingMode mode) {
        if (a < 0 || b < 0 || k < 0 || k >= POWERS_OF_TEN.length || Math.multiplyHigh(a, b) != 0) {
            return -1;
        }
        long product = a * b;
        if (product < 0) {
            return -1;
        }
        long d = POWERS_OF_TEN[k];
        long q = product / d;
        long r = product - q * d;
        if (r == 0) {
            return q;
        }
        // r < d <= 10^18, so 2r fits a long.
        long twice = 2 * r;
        switch (mode) {
            case DOWN:
            case FLOOR:
                return q;
            case UP:
            case CEILING:
                return q + 1;
            case HALF_UP:
                return twice >= d ? q + 1 : q;
            case HALF_DOWN:
                return twice > d ? q + 1 : q;
            case HALF_EVEN:
                return twice > d || (twice == d && (q & 1) == 1) ? q + 1 : q;
            default:
                return -1;
        }
    }
}
