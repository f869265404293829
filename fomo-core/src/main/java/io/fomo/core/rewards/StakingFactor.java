package io.fomo.core.rewards;

import io.fomo.core.internal.IntegerRoots;

import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.Limits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The staking curve of FOMO-SPEC §3.4: {@code factor = α + (1 − α)·√s}, from α with no stake up to 1.0
 * with the whole stake, where {@code s} is the user's share of the deployment's stake.
 *
 * <p>Every result is rounded <strong>once</strong> and exactly, in any direction: the factor is
 * {@code α + √(β²·a/b)} with {@code β = 1 − α} and {@code s = a/b}, and the integer square root of
 * {@code β²·a·b·10^2K}, divided by {@code b}, gives the exact floor of the factor at {@code K} decimals;
 * a sticky digit records whether anything was cut, so the final rounding sees the true value (the method
 * of {@link io.fomo.core.math.ExactMath#sqrt(BigDecimal, int, RoundingMode)}).
 *
 * <p>This class is thread-safe; it has no state.
 */
public final class StakingFactor {

    private StakingFactor() {
    }

    /**
     * Returns the global factor {@code α + (1 − α)·√s} to a number of significant digits.
     *
     * @param alpha      α, 0 to 1
     * @param stakeShare s, 0 to 1
     * @param mc         the significant digits (1 to 1000) and the direction of the single rounding
     * @return the factor, without trailing zeros
     * @throws InvalidArgumentException if α or s is out of range, or the precision is
     */
    public static BigDecimal of(BigDecimal alpha, BigDecimal stakeShare, MathContext mc) {
        Limits.decimal("alpha", alpha);
        Limits.decimal("stakeShare", stakeShare);
        checkUnit("alpha", alpha);
        checkUnit("stakeShare", stakeShare);
        Objects.requireNonNull(mc, "mc");
        if (mc.getPrecision() < 1 || mc.getPrecision() > 1000) {
            throw InvalidArgumentException.of("precision", mc.getPrecision(), "must be between 1 and 1000");
        }
        if (mc.getRoundingMode() == RoundingMode.UNNECESSARY) {
            throw InvalidArgumentException.of("rounding", RoundingMode.UNNECESSARY, "a direction is required");
        }
        BigDecimal s = stakeShare.signum() == 0 ? BigDecimal.ZERO : stakeShare.stripTrailingZeros();
        int ss = Math.max(0, s.scale());
        BigInteger a = s.setScale(ss).unscaledValue();
        BigInteger b = BigInteger.TEN.pow(ss);
        BigDecimal al = strip(alpha);
        int p = mc.getPrecision();
        int k = Math.max(Math.max(0, al.scale()), p + 2);
        while (true) {
            BigInteger[] fl = floorScaled(al, a, b, k);
            if (fl[0].signum() == 0 && fl[1].signum() == 0) {
                return BigDecimal.ZERO;
            }
            // Enough digits once the floor holds p + 1 significant digits (or the value is exact).
            if (fl[0].toString().length() >= p + 1 || fl[1].signum() == 0) {
                return withSticky(fl, k).round(mc).stripTrailingZeros();
            }
            k += p + 1;
        }
    }

    /**
     * Returns the global factor of a stake: {@code α + (1 − α)·√(stake/totalStake)}, or α when the total
     * is zero, at a fixed number of decimals.
     *
     * @param alpha      α, 0 to 1
     * @param stake      the user's stake in base units, not negative, at most the total
     * @param totalStake the deployment's total stake in base units, not negative
     * @param scale      the decimals of the result, 0 to 1000
     * @param rounding   the direction of the single rounding, not UNNECESSARY
     * @return the factor at the scale
     * @throws InvalidArgumentException if an argument is out of range
     */
    public static BigDecimal global(BigDecimal alpha, BigInteger stake, BigInteger totalStake, int scale,
            RoundingMode rounding) {
        Limits.decimal("alpha", alpha);
        checkUnit("alpha", alpha);
        checkStake(stake, totalStake);
        checkScale(scale, rounding);
        return new BigDecimal(scaled(strip(alpha), stake, totalStake, scale, rounding), scale);
    }

    /**
     * Returns the incentive factor of a stake: zero without stake (incentive pools are stake-gated), else
     * {@code α_i + (1 − α_i)·√(stake/totalStake)}, at a fixed number of decimals.
     *
     * @param alphaIncentive α_i, 0 to 1
     * @param stake          the user's stake in base units, not negative, at most the total
     * @param totalStake     the deployment's total stake in base units, not negative
     * @param scale          the decimals of the result, 0 to 1000
     * @param rounding       the direction of the single rounding, not UNNECESSARY
     * @return the factor at the scale
     * @throws InvalidArgumentException if an argument is out of range
     */
    public static BigDecimal incentive(BigDecimal alphaIncentive, BigInteger stake, BigInteger totalStake,
            int scale, RoundingMode rounding) {
        Limits.decimal("alphaIncentive", alphaIncentive);
        checkUnit("alphaIncentive", alphaIncentive);
        checkStake(stake, totalStake);
        checkScale(scale, rounding);
        if (stake.signum() == 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        return new BigDecimal(scaled(strip(alphaIncentive), stake, totalStake, scale, rounding), scale);
    }

    /** The factor times 10^scale, rounded once; arguments already validated, alpha stripped. */
    static BigInteger scaled(BigDecimal alpha, BigInteger stake, BigInteger totalStake, int scale,
            RoundingMode rounding) {
        if (totalStake.signum() == 0 || stake.signum() == 0) {
            return alpha.setScale(scale, rounding).unscaledValue();
        }
        int k = Math.max(scale, Math.max(0, alpha.scale())) + 1;
        BigInteger[] fl = floorScaled(alpha, stake, totalStake, k);
        return withSticky(fl, k).setScale(scale, rounding).unscaledValue();
    }

    /**
     * floor((α + (1 − α)·√(a/b))·10^k) and 1 if that floor cut something, else 0. Needs k at least the
     * scale of α, b positive.
     */
    static BigInteger[] floorScaled(BigDecimal alpha, BigInteger a, BigInteger b, int k) {
        int sa = Math.max(0, alpha.scale());
        BigInteger an = alpha.setScale(k).unscaledValue();
        BigInteger bn = BigDecimal.ONE.subtract(alpha).setScale(sa).unscaledValue();
        if (a.signum() == 0 || bn.signum() == 0) {
            return new BigInteger[] {an, BigInteger.ZERO};
        }
        // (1 − α)·√(a/b)·10^k = √x with x = bn²·10^(2(k − sa))·a / b, and ⌊√x⌋ = ⌊√⌊x⌋⌋ (n ≤ √x iff
        // n² ≤ ⌊x⌋ for whole n): one division and the square root of a number no larger than bn²·10^2k.
        // √x is whole exactly when the division leaves nothing and ⌊x⌋ is a perfect square.
        BigInteger c = bn.multiply(bn).multiply(BigInteger.TEN.pow(2 * (k - sa)));
        BigInteger[] qr = c.multiply(a).divideAndRemainder(b);
        BigInteger[] rootRem = IntegerRoots.floorSqrtAndRemainder(qr[0]);
        boolean inexact = rootRem[1].signum() != 0 || qr[1].signum() != 0;
        return new BigInteger[] {an.add(rootRem[0]), inexact ? BigInteger.ONE : BigInteger.ZERO};
    }

    /**
     * The factor times {@code 10^K}, rounded DOWN, prepared once for one α and scale so that each stake
     * costs one multiplication, one division and one integer square root. With α of at most {@code K}
     * decimals, {@code α·10^K} is whole, so {@code ⌊(α + β·√(a/b))·10^K⌋ = α·10^K + ⌊√⌊c·a/b⌋⌋} with
     * {@code c = β²·10^2K}: the value {@link #scaled} gives for {@link RoundingMode#DOWN}.
     */
    static final class FloorCurve {
        private final BigInteger alphaUnits;
        private final BigInteger c;

        private FloorCurve(BigInteger alphaUnits, BigInteger c) {
            this.alphaUnits = alphaUnits;
            this.c = c;
        }

        /** The curve of a stripped α at a scale, or null when α has more decimals than the scale. */
        static FloorCurve of(BigDecimal alpha, int scale) {
            int sa = Math.max(0, alpha.scale());
            if (sa > scale) {
                return null;
            }
            BigInteger bn = BigDecimal.ONE.subtract(alpha).setScale(sa).unscaledValue();
            return new FloorCurve(alpha.setScale(scale).unscaledValue(),
                    bn.multiply(bn).multiply(BigInteger.TEN.pow(2 * (scale - sa))));
        }

        /** The factor without stake (or without any stake on the deployment): α·10^K. */
        BigInteger unstaked() {
            return alphaUnits;
        }

        /** The factor of {@code stake} out of a positive {@code totalStake}, stake positive. */
        BigInteger at(BigInteger stake, BigInteger totalStake) {
            if (c.signum() == 0) {
                return alphaUnits;
            }
            return alphaUnits.add(IntegerRoots.floorSqrt(c.multiply(stake).divide(totalStake)));
        }
    }

    private static BigDecimal withSticky(BigInteger[] floorAndInexact, int k) {
        return new BigDecimal(floorAndInexact[0].multiply(BigInteger.TEN).add(floorAndInexact[1]), k + 1);
    }

    static BigDecimal strip(BigDecimal v) {
        return v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
    }

    static void checkUnit(String field, BigDecimal v) {
        Objects.requireNonNull(v, field);
        if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
            throw InvalidArgumentException.of(field, v.toPlainString(), "must be between 0 and 1");
        }
    }

    private static void checkStake(BigInteger stake, BigInteger total) {
        Objects.requireNonNull(stake, "stake");
        Objects.requireNonNull(total, "totalStake");
        if (stake.signum() < 0) {
            throw InvalidArgumentException.of("stake", stake, "must not be negative");
        }
        if (stake.compareTo(total) > 0) {
            throw InvalidArgumentException.of("stake", stake, "must not exceed totalStake = " + total);
        }
    }

    private static void checkScale(int scale, RoundingMode rounding) {
        Objects.requireNonNull(rounding, "rounding");
        if (scale < 0 || scale > 1000) {
            throw InvalidArgumentException.of("scale", scale, "must be between 0 and 1000");
        }
        if (rounding == RoundingMode.UNNECESSARY) {
            throw InvalidArgumentException.of("rounding", rounding, "a direction is required");
        }
    }
}
