package io.fomo.core.math;

import ch.obermuhlner.math.big.BigDecimalMath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.function.Function;

/**
 * Independent references for the math tests: integer division in every rounding mode, written out from
 * the modes' definitions with {@link BigInteger} only, and the precision + 20 recomputation of
 * transcendental functions.
 */
final class Oracles {

    /** Extra digits of the recomputation. */
    static final int EXTRA_DIGITS = 20;

    private Oracles() {
    }

    /**
     * n / d rounded to an integer in a mode, for n ≥ 0 and d > 0, from the definitions of the modes.
     */
    static BigInteger divide(BigInteger n, BigInteger d, RoundingMode mode) {
        if (n.signum() < 0 || d.signum() <= 0) {
            throw new IllegalArgumentException("n >= 0 and d > 0 expected: " + n + " / " + d);
        }
        BigInteger[] qr = n.divideAndRemainder(d);
        BigInteger q = qr[0];
        BigInteger r = qr[1];
        if (r.signum() == 0) {
            return q;
        }
        int half = r.shiftLeft(1).compareTo(d); // sign of (fraction - 1/2)
        boolean up = switch (mode) {
            case DOWN, FLOOR -> false;
            case UP, CEILING -> true;
            case HALF_UP -> half >= 0;
            case HALF_DOWN -> half > 0;
            case HALF_EVEN -> half > 0 || half == 0 && q.testBit(0);
            default -> throw new IllegalArgumentException("no direction: " + mode);
        };
        return up ? q.add(BigInteger.ONE) : q;
    }

    /** The adjusted exponent: floor(log10 |v|) for v ≠ 0. */
    static int exponent(BigDecimal v) {
        return v.precision() - v.scale() - 1;
    }

    /** A recomputed, decided result and the extra digits it took to decide it. */
    static final class Decision {
        final BigDecimal value;
        final int extraDigits;

        Decision(BigDecimal value, int extraDigits) {
            this.value = value;
            this.extraDigits = extraDigits;
        }
    }

    /**
     * Recomputes f to {@code digits + extra} significant digits and rounds it to {@code digits} in the
     * mode, for each of the given extras in turn until one decides. A recomputation decides when it,
     * widened by 100 of its last units either side (far more than big-math's error), rounds to one value:
     * rounding it a second time is only safe then. A value within 10^-(digits+17) of a rounding boundary
     * cannot be decided at + 20 (e^(10^-40) to 10 digits UP is 1.000000001, but 1 + 10^-40 vanishes at
     * 30 digits, and rounding that UP gives 1); the next extras settle those. Empty when none decides,
     * which only an exact value (exp(0), ln(1), a perfect square) can cause.
     */
    static Optional<Decision> toPrecision(Function<MathContext, BigDecimal> f, int digits, RoundingMode mode,
            int... extras) {
        MathContext target = new MathContext(digits, mode);
        for (int extra : extras) {
            int work = digits + extra;
            BigDecimal v = f.apply(new MathContext(work, RoundingMode.HALF_EVEN));
            if (v.signum() == 0) {
                return Optional.empty();
            }
            BigDecimal err = BigDecimal.ONE.scaleByPowerOfTen(exponent(v) - work + 3);
            BigDecimal lo = v.subtract(err).round(target);
            BigDecimal hi = v.add(err).round(target);
            if (lo.compareTo(hi) == 0) {
                return Optional.of(new Decision(lo, extra));
            }
        }
        return Optional.empty();
    }

    /**
     * As {@link #toPrecision}, for a result at a scale: the recomputation carries {@code extra} digits
     * more than the digits from the result's leading one down to the scale.
     */
    static Optional<Decision> toScale(Function<MathContext, BigDecimal> f, int scale, RoundingMode mode,
            int... extras) {
        BigDecimal rough = f.apply(new MathContext(10, RoundingMode.HALF_EVEN));
        if (rough.signum() == 0) {
            return Optional.empty();
        }
        // Digits from the leading one down to the scale (+1 in case the rough exponent is one too low).
        int digits = Math.max(exponent(rough) + 2 + scale, 1);
        for (int extra : extras) {
            int work = digits + extra;
            BigDecimal v = f.apply(new MathContext(work, RoundingMode.HALF_EVEN));
            BigDecimal err = BigDecimal.ONE.scaleByPowerOfTen(exponent(v) - work + 3);
            BigDecimal lo = v.subtract(err).setScale(scale, mode);
            BigDecimal hi = v.add(err).setScale(scale, mode);
            if (lo.compareTo(hi) == 0) {
                return Optional.of(new Decision(lo, extra));
            }
        }
        return Optional.empty();
    }

    /**
     * ln(x) to the context's digits with a relative error of at most about one unit in its last digit.
     * big-math's log is accurate to its last digit away from 1 but only in absolute terms near 1
     * (log(1 + 10^-50) at 30 digits is 2E-50), so within 0.1 of 1 this takes ln(2x) - ln(2), both far
     * from 1, each with as many more digits as x - 1 has leading zeros, and their absolute errors of
     * 10^-(digits + zeros + 3) stay below 10^-(digits + 2) of the result. (The code under test uses a
     * different method there, an atanh series.)
     */
    static BigDecimal ln(BigDecimal x, MathContext mc) {
        BigDecimal y = x.subtract(BigDecimal.ONE);
        if (y.abs().compareTo(new BigDecimal("0.1")) > 0) {
            return BigDecimalMath.log(x, mc);
        }
        if (y.signum() == 0) {
            return BigDecimal.ZERO;
        }
        MathContext wide = new MathContext(mc.getPrecision() + Math.max(0, -exponent(y)) + 3, RoundingMode.HALF_EVEN);
        BigDecimal two = BigDecimal.valueOf(2);
        return BigDecimalMath.log(x.multiply(two), wide).subtract(BigDecimalMath.log(two, wide)).round(mc);
    }

    /** True when the mode rounds a value of this sign towards minus infinity (never above the value). */
    static boolean roundsTowardsFloor(RoundingMode mode, int sign) {
        return switch (mode) {
            case FLOOR -> true;
            case DOWN -> sign > 0;
            case UP -> sign < 0;
            default -> false;
        };
    }

    /** True when the mode rounds a value of this sign towards plus infinity (never below the value). */
    static boolean roundsTowardsCeiling(RoundingMode mode, int sign) {
        return switch (mode) {
            case CEILING -> true;
            case UP -> sign > 0;
            case DOWN -> sign < 0;
            default -> false;
        };
    }

    /**
     * Checks by squaring, exactly, that r is sqrt(x) correctly rounded in the mode, where {@code prev}
     * and {@code next} are the representable neighbours of r (prev is null when r is zero). Returns null
     * when it is, or what is wrong.
     */
    static String rootError(BigDecimal x, BigDecimal r, BigDecimal prev, BigDecimal next, RoundingMode mode) {
        BigDecimal r2 = r.multiply(r);
        switch (mode) {
            case DOWN, FLOOR -> {
                // r <= sqrt(x) < next
                if (r2.compareTo(x) > 0) {
                    return "r^2 > x";
                }
                if (x.compareTo(next.multiply(next)) >= 0) {
                    return "x >= (r+ulp)^2";
                }
                return null;
            }
            case UP, CEILING -> {
                // prev < sqrt(x) <= r
                if (x.compareTo(r2) > 0) {
                    return "x > r^2";
                }
                if (prev == null ? x.signum() != 0 && r.signum() == 0 : x.compareTo(prev.multiply(prev)) <= 0) {
                    return "x <= (r-ulp)^2";
                }
                return null;
            }
            case HALF_UP, HALF_DOWN, HALF_EVEN -> {
                BigDecimal two = BigDecimal.valueOf(2);
                BigDecimal high = r.add(next).divide(two);
                int vsHigh = x.compareTo(high.multiply(high));
                if (vsHigh > 0) {
                    return "x > ((r+next)/2)^2: r is not the nearest";
                }
                // A tie between r and next went down to r: HALF_EVEN allows that only when r is even.
                boolean rEven = isEvenOnGrid(r, next.subtract(r));
                if (vsHigh == 0 && (mode == RoundingMode.HALF_UP || mode == RoundingMode.HALF_EVEN && !rEven)) {
                    return "tie at (r+next)/2 resolved down against " + mode;
                }
                if (prev != null) {
                    BigDecimal low = prev.add(r).divide(two);
                    int vsLow = x.compareTo(low.multiply(low));
                    if (vsLow < 0) {
                        return "x < ((prev+r)/2)^2: r is not the nearest";
                    }
                    // A tie between prev and r went up to r: HALF_EVEN allows that only when prev is odd
                    // (on prev's own grid, which is finer when r is a power of ten).
                    boolean prevEven = isEvenOnGrid(prev, r.subtract(prev));
                    if (vsLow == 0 && (mode == RoundingMode.HALF_DOWN || mode == RoundingMode.HALF_EVEN && prevEven)) {
                        return "tie at (prev+r)/2 resolved up against " + mode;
                    }
                }
                return null;
            }
            default -> throw new IllegalArgumentException("no direction: " + mode);
        }
    }

    /** Whether v / spacing is even: the parity of v's last digit on a grid of that spacing. */
    private static boolean isEvenOnGrid(BigDecimal v, BigDecimal spacing) {
        return !v.divide(spacing).toBigIntegerExact().testBit(0);
    }
}
