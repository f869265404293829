package io.fomo.core.math;

import ch.obermuhlner.math.big.BigDecimalMath;
import io.fomo.core.internal.IntegerRoots;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Square root, exponential and natural logarithm, each rounded once with a declared direction.
 *
 * <p>Square roots are exact for every rounding mode: the integer square root gives the exact floor of
 * the result one digit past the target, and a sticky digit records whether anything was cut, so the
 * single final rounding sees the true position of the value. {@code exp} and {@code ln} cannot be exact;
 * they are computed by big-math at the requested digits plus the caller's guard digits and rounded once
 * (the approach big-math's own {@code expTaylor} takes, at precision + 6). When that value lies so close
 * to a rounding boundary that its error could put it on either side, the guard digits are doubled and
 * the value recomputed (Ziv's strategy), so the rounding direction is always that of the true value:
 * an UP result is never below it, a DOWN result never above it. The tests check them against a
 * recomputation at precision + 20.
 *
 * <p>This class is thread-safe; it has no state.
 */
public final class ExactMath {

    /** Slightly below ln(10), so that x / LN10_LOWER_BOUND over-estimates the digits of e^x. */
    private static final BigDecimal LN10_LOWER_BOUND = new BigDecimal("2.302585");

    /**
     * Within this distance of 1, ln uses its own series: big-math's log is accurate only in absolute
     * terms there (ln(1 + 10^-50) at 30 digits comes out as 2E-50), so a small logarithm loses its digits.
     */
    private static final BigDecimal NEAR_ONE = new BigDecimal("0.1");

    private ExactMath() {
    }

    /**
     * Returns the square root of a non-negative value at a scale, rounded once.
     *
     * @param x        the radicand, not negative
     * @param scale    the scale of the result, 0 to 1000
     * @param rounding the direction of the single rounding (any mode but UNNECESSARY is exact)
     * @return the rounded root
     * @throws InvalidArgumentException if x is negative or the scale is out of range
     */
    public static BigDecimal sqrt(BigDecimal x, int scale, RoundingMode rounding) {
        requireBounded(x);
        requireNonNegative("x", x);
        requireScale(scale);
        Objects.requireNonNull(rounding, "rounding");
        return stickyRoot(x, scale + 1).setScale(scale, rounding);
    }

    /**
     * Returns the square root of a non-negative value to a number of significant digits, rounded once.
     *
     * @param x  the radicand, not negative
     * @param mc the significant digits and the direction of the single rounding
     * @return the rounded root
     * @throws InvalidArgumentException if x is negative or the context has unlimited precision
     */
    public static BigDecimal sqrt(BigDecimal x, MathContext mc) {
        requireBounded(x);
        requireNonNegative("x", x);
        requirePrecision(mc);
        if (x.signum() == 0) {
            return BigDecimal.ZERO;
        }
        // adjusted exponent of x is e = precision - scale - 1; sqrt(x) has adjusted exponent floor(e/2).
        int e = x.precision() - x.scale() - 1;
        int digitsAfterPoint = mc.getPrecision() + 2 - Math.floorDiv(e, 2);
        return stickyRoot(x, Math.max(digitsAfterPoint, 1)).round(mc);
    }

    /**
     * floor(sqrt(x) * 10^k), followed by a sticky digit 1 when the root was not exact, at scale k + 1.
     */
    private static BigDecimal stickyRoot(BigDecimal x, int k) {
        // x * 10^(2k) as an integer, truncated; the truncation is itself recorded as inexact.
        BigDecimal shifted = x.movePointRight(2 * k);
        BigInteger n = shifted.setScale(0, RoundingMode.DOWN).unscaledValue();
        boolean truncated = shifted.compareTo(new BigDecimal(n)) != 0;
        BigInteger[] rootRem = IntegerRoots.floorSqrtAndRemainder(n);
        boolean inexact = truncated || rootRem[1].signum() != 0;
        BigInteger digits = rootRem[0].multiply(BigInteger.TEN).add(inexact ? BigInteger.ONE : BigInteger.ZERO);
        return new BigDecimal(digits, k + 1);
    }

    /**
     * Returns e raised to x, to a number of significant digits, computed with guard digits and rounded
     * once.
     *
     * @param x           the exponent, between -100,000 and 100,000
     * @param mc          the significant digits and the direction of the single rounding
     * @param guardDigits extra digits carried before the rounding, 1 to 100
     * @return the rounded power
     * @throws InvalidArgumentException if an argument is out of range
     */
    public static BigDecimal exp(BigDecimal x, MathContext mc, int guardDigits) {
        requireBounded(x);
        requirePrecision(mc);
        requireGuard(guardDigits);
        if (x.abs().compareTo(BigDecimal.valueOf(100_000)) > 0) {
            throw InvalidArgumentException.of("x", x.toPlainString(), "must be between -100000 and 100000");
        }
        if (x.signum() == 0) {
            return BigDecimal.ONE.round(mc);
        }
        return roundOnce(work -> BigDecimalMath.exp(x, work), mc.getPrecision(), guardDigits, v -> v.round(mc));
    }

    /**
     * Returns e raised to x at a scale, computed with guard digits and rounded once.
     *
     * @param x           the exponent, between -100,000 and 100,000
     * @param scale       the scale of the result, 0 to 1000
     * @param rounding    the direction of the single rounding
     * @param guardDigits extra digits carried before the rounding, 1 to 100
     * @return the rounded power
     * @throws InvalidArgumentException if an argument is out of range
     */
    public static BigDecimal exp(BigDecimal x, int scale, RoundingMode rounding, int guardDigits) {
        requireBounded(x);
        requireScale(scale);
        requireGuard(guardDigits);
        Objects.requireNonNull(rounding, "rounding");
        if (x.abs().compareTo(BigDecimal.valueOf(100_000)) > 0) {
            throw InvalidArgumentException.of("x", x.toPlainString(), "must be between -100000 and 100000");
        }
        // Digits before the point: about x / ln(10); digits after it: the scale.
        int integerDigits = Math.max(1, x.signum() > 0
                ? x.divide(LN10_LOWER_BOUND, 0, RoundingMode.UP).intValueExact() + 1 : 1);
        if (x.signum() == 0) {
            return BigDecimal.ONE.setScale(scale);
        }
        return roundOnce(work -> BigDecimalMath.exp(x, work), integerDigits + scale, guardDigits,
                v -> v.setScale(scale, rounding));
    }

    /**
     * Returns the natural logarithm of a positive value, to a number of significant digits, computed
     * with guard digits and rounded once.
     *
     * @param x           the argument, positive
     * @param mc          the significant digits and the direction of the single rounding
     * @param guardDigits extra digits carried before the rounding, 1 to 100
     * @return the rounded logarithm
     * @throws InvalidArgumentException if x is not positive or an argument is out of range
     */
    public static BigDecimal ln(BigDecimal x, MathContext mc, int guardDigits) {
        requireBounded(x);
        requirePrecision(mc);
        requireGuard(guardDigits);
        if (x.signum() <= 0) {
            throw InvalidArgumentException.of("x", x.toPlainString(), "must be positive");
        }
        if (x.compareTo(BigDecimal.ONE) == 0) {
            return BigDecimal.ZERO;
        }
        boolean nearOne = x.subtract(BigDecimal.ONE).abs().compareTo(NEAR_ONE) <= 0;
        return roundOnce(work -> nearOne ? lnNearOne(x, work) : BigDecimalMath.log(x, work), mc.getPrecision(),
                guardDigits, v -> v.round(mc));
    }

    /**
     * ln(x) for 0 &lt; |x - 1| &le; 0.1, to the context's digits with a relative error well below one unit
     * of the last: ln(x) = 2 atanh(z) = 2 (z + z^3/3 + z^5/5 + ...) with z = (x - 1) / (x + 1), |z| &lt; 0.053.
     * Every term has the sign of z, so the sum cancels nothing; each of the (at most precision / 2.5)
     * steps adds a few units of rounding at 10 digits past the context, far below its last digit.
     */
    private static BigDecimal lnNearOne(BigDecimal x, MathContext mc) {
        MathContext w = new MathContext(mc.getPrecision() + 10, RoundingMode.HALF_EVEN);
        BigDecimal z = x.subtract(BigDecimal.ONE).divide(x.add(BigDecimal.ONE), w);
        BigDecimal z2 = z.multiply(z, w);
        BigDecimal power = z;
        BigDecimal sum = z;
        for (long k = 3; ; k += 2) {
            power = power.multiply(z2, w);
            BigDecimal term = power.divide(BigDecimal.valueOf(k), w);
            if (term.abs().compareTo(sum.abs().movePointLeft(w.getPrecision())) < 0) {
                return sum.add(sum, mc);
            }
            sum = sum.add(term, w);
        }
    }

    /**
     * Evaluates a function with guard digits and rounds it once. Rounding one approximation a second time
     * can go the wrong way when the approximation sits within its error of a boundary (e^(10^-15) is
     * 1.000000000000001, but 1.0000000000 at 1 + 10 digits, and rounds UP to 1). So the value is accepted
     * only if both ends of its error interval (ten units of its last digit either way) round alike;
     * otherwise the guard digits are doubled. The loop ends for every argument whose value is irrational,
     * which is every argument but the exact ones the callers return first (exp(0) and ln(1)).
     */
    private static BigDecimal roundOnce(Function<MathContext, BigDecimal> function, int digits, int guardDigits,
            UnaryOperator<BigDecimal> rounding) {
        for (int guard = guardDigits; ; guard *= 2) {
            int work = digits + guard;
            BigDecimal v = function.apply(new MathContext(work, RoundingMode.HALF_EVEN));
            BigDecimal error = BigDecimal.ONE.scaleByPowerOfTen(v.precision() - v.scale() - work + 1);
            BigDecimal r = rounding.apply(v);
            if (rounding.apply(v.subtract(error)).compareTo(r) == 0 && rounding.apply(v.add(error)).compareTo(r) == 0) {
                return r;
            }
        }
    }

    private static void requireNonNegative(String field, BigDecimal x) {
        Objects.requireNonNull(x, field);
        if (x.signum() < 0) {
            throw InvalidArgumentException.of(field, x.toPlainString(), "must not be negative");
        }
    }

    /**
     * Bounds the cost of a call in constant time, before any arithmetic: at most 4,000 bits of unscaled
     * value and a scale within ±1,000, the same range as the scales and precisions this class accepts.
     */
    private static void requireBounded(BigDecimal x) {
        Objects.requireNonNull(x, "x");
        if (x.unscaledValue().bitLength() > 4_000 || x.scale() > 1000 || x.scale() < -1000) {
            throw InvalidArgumentException.of("x", x,
                    "is out of range: at most 4000 bits of unscaled value and a scale within 1000");
        }
    }

    private static void requireScale(int scale) {
        if (scale < 0 || scale > 1000) {
            throw InvalidArgumentException.of("scale", scale, "must be between 0 and 1000");
        }
    }

    private static void requireGuard(int guardDigits) {
        if (guardDigits < 1 || guardDigits > 100) {
            throw InvalidArgumentException.of("guardDigits", guardDigits, "must be between 1 and 100");
        }
    }

    private static void requirePrecision(MathContext mc) {
        Objects.requireNonNull(mc, "mc");
        if (mc.getPrecision() < 1 || mc.getPrecision() > 1000) {
            throw InvalidArgumentException.of("precision", mc.getPrecision(), "must be between 1 and 1000");
        }
    }
}
