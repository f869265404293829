package io.fomo.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.obermuhlner.math.big.BigDecimalMath;
import io.fomo.core.math.arbitraries.MathArbitraries;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * ExactMath against independent references: square roots checked exactly by squaring and against
 * big-math at 20 more digits; exp and ln against big-math at 20 more digits rounded in the same mode,
 * and against exact elementary bounds for the direction of their rounding.
 *
 * <p>A recomputation is only trusted when it, widened by 100 of its last units either way, rounds to
 * one value (see {@link Oracles#toPrecision}). For square roots an undecided recomputation falls back
 * to the exact squaring check. For exp and ln it is repeated at 40, 80 and 160 extra digits: values
 * within 10^-(p+17) of a boundary (e^x for tiny x, ln near 1) need that, and rounding the + 20 value
 * regardless would round them the wrong way, as the code under test once did. The label "decided at"
 * shows how many extra digits each try needed. The ln reference avoids big-math's log near 1, where its
 * error is absolute rather than relative ({@link Oracles#ln}).
 */
class ExactMathProperties {

    private static final int GUARD = DecimalPolicy.standard().guardDigits();

    /** Extra digits of the recomputation: + 20 first, more only when + 20 cannot decide. */
    private static final int[] WIDENING = {Oracles.EXTRA_DIGITS, 40, 80, 160};

    @Provide
    Arbitrary<BigDecimal> radicands() {
        return MathArbitraries.radicands();
    }

    @Provide
    Arbitrary<RoundingMode> modes() {
        return MathArbitraries.directedModes();
    }

    @Provide
    Arbitrary<BigDecimal> exponents() {
        return MathArbitraries.exponents(300);
    }

    @Provide
    Arbitrary<BigDecimal> scaledExponents() {
        return MathArbitraries.exponents(150);
    }

    @Provide
    Arbitrary<BigDecimal> logArguments() {
        return MathArbitraries.logArguments();
    }

    // ---- sqrt at a scale ------------------------------------------------------------------------------

    @Property
    void sqrtAtScaleIsCorrectlyRoundedBySquaring(@ForAll("radicands") BigDecimal x,
            @ForAll @IntRange(min = 0, max = 40) int scale, @ForAll("modes") RoundingMode mode) {
        BigDecimal r = ExactMath.sqrt(x, scale, mode);

        assertEquals(scale, r.scale(), "scale of the result");
        BigDecimal ulp = BigDecimal.ONE.movePointLeft(scale);
        BigDecimal prev = r.signum() == 0 ? null : r.subtract(ulp);
        assertNull(Oracles.rootError(x, r, prev, r.add(ulp), mode),
                () -> "sqrt(" + x.toPlainString() + ") at scale " + scale + " " + mode + " = " + r.toPlainString());
        Statistics.label("exact root").collect(r.multiply(r).compareTo(x) == 0);
    }

    @Property
    void sqrtAtScaleAgreesWithRecomputationAtTwentyMoreDigits(@ForAll("radicands") BigDecimal x,
            @ForAll @IntRange(min = 0, max = 40) int scale, @ForAll("modes") RoundingMode mode) {
        BigDecimal r = ExactMath.sqrt(x, scale, mode);

        Optional<Oracles.Decision> expected = Oracles.toScale(mc -> BigDecimalMath.sqrt(x, mc), scale, mode,
                Oracles.EXTRA_DIGITS);
        Statistics.label("oracle").collect(expected.isPresent() ? "decided" : "undecided: checked by squaring");
        if (expected.isPresent()) {
            BigDecimal e = expected.get().value;
            assertEquals(0, e.compareTo(r), () -> "sqrt(" + x.toPlainString() + ") at scale " + scale + " " + mode
                    + ": expected " + e.toPlainString() + ", got " + r.toPlainString());
        } else {
            BigDecimal ulp = BigDecimal.ONE.movePointLeft(scale);
            assertNull(Oracles.rootError(x, r, r.signum() == 0 ? null : r.subtract(ulp), r.add(ulp), mode));
        }
    }

    // ---- sqrt to a precision --------------------------------------------------------------------------

    @Property
    void sqrtToPrecisionIsCorrectlyRoundedBySquaring(@ForAll("radicands") BigDecimal x,
            @ForAll @IntRange(min = 1, max = 60) int precision, @ForAll("modes") RoundingMode mode) {
        BigDecimal r = ExactMath.sqrt(x, new MathContext(precision, mode));

        if (x.signum() == 0) {
            assertEquals(0, r.signum());
            return;
        }
        assertTrue(r.precision() <= precision, () -> "too many digits: " + r);
        // Representable neighbours with `precision` digits: the grid is 10 times finer below a power of ten.
        BigDecimal ulp = BigDecimal.ONE.scaleByPowerOfTen(Oracles.exponent(r) - precision + 1);
        boolean powerOfTen = r.stripTrailingZeros().unscaledValue().equals(java.math.BigInteger.ONE);
        BigDecimal prev = r.subtract(powerOfTen ? ulp.movePointLeft(1) : ulp);
        assertNull(Oracles.rootError(x, r, prev, r.add(ulp), mode),
                () -> "sqrt(" + x.toPlainString() + ") to " + precision + " digits " + mode + " = " + r);
    }

    @Property
    void sqrtToPrecisionAgreesWithRecomputationAtTwentyMoreDigits(@ForAll("radicands") BigDecimal x,
            @ForAll @IntRange(min = 1, max = 60) int precision, @ForAll("modes") RoundingMode mode) {
        BigDecimal r = ExactMath.sqrt(x, new MathContext(precision, mode));

        Optional<Oracles.Decision> expected = Oracles.toPrecision(mc -> BigDecimalMath.sqrt(x, mc), precision,
                mode, Oracles.EXTRA_DIGITS);
        Statistics.label("oracle").collect(expected.isPresent() ? "decided" : "undecided: checked by squaring");
        if (expected.isPresent()) {
            BigDecimal e = expected.get().value;
            assertEquals(0, e.compareTo(r), () -> "sqrt(" + x.toPlainString() + ") to " + precision + " digits "
                    + mode + ": expected " + e + ", got " + r);
        } else {
            sqrtToPrecisionIsCorrectlyRoundedBySquaring(x, precision, mode);
        }
    }

    // ---- exp and ln -----------------------------------------------------------------------------------

    @Property(tries = 300)
    void expToPrecisionAgreesWithRecomputation(@ForAll("exponents") BigDecimal x,
            @ForAll @IntRange(min = 1, max = 60) int precision, @ForAll("modes") RoundingMode mode) {
        BigDecimal r = ExactMath.exp(x, new MathContext(precision, mode), GUARD);

        Optional<Oracles.Decision> expected = Oracles.toPrecision(mc -> BigDecimalMath.exp(x, mc), precision,
                mode, WIDENING);
        Statistics.label("decided at").collect(expected.map(d -> "+" + d.extraDigits).orElse("exact case exp(0)"));
        if (expected.isPresent()) {
            BigDecimal e = expected.get().value;
            assertEquals(0, e.compareTo(r), () -> "exp(" + x.toPlainString() + ") to " + precision
                    + " digits " + mode + ": expected " + e + ", got " + r);
        } else {
            assertEquals(0, x.signum(), () -> "undecidable recomputation for a non-exact exp(" + x + ")");
            assertEquals(0, BigDecimal.ONE.compareTo(r), "exp(0) = 1 in every mode");
        }
    }

    @Property(tries = 300)
    void expAtScaleAgreesWithRecomputation(@ForAll("scaledExponents") BigDecimal x,
            @ForAll @IntRange(min = 0, max = 40) int scale, @ForAll("modes") RoundingMode mode) {
        BigDecimal r = ExactMath.exp(x, scale, mode, GUARD);

        assertEquals(scale, r.scale(), "scale of the result");
        Optional<Oracles.Decision> expected = Oracles.toScale(mc -> BigDecimalMath.exp(x, mc), scale, mode,
                WIDENING);
        Statistics.label("decided at").collect(expected.map(d -> "+" + d.extraDigits).orElse("exact case exp(0)"));
        if (expected.isPresent()) {
            BigDecimal e = expected.get().value;
            assertEquals(0, e.compareTo(r), () -> "exp(" + x.toPlainString() + ") at scale " + scale
                    + " " + mode + ": expected " + e.toPlainString() + ", got " + r.toPlainString());
        } else {
            assertEquals(0, x.signum(), () -> "undecidable recomputation for a non-exact exp(" + x + ")");
            assertEquals(0, BigDecimal.ONE.compareTo(r), "exp(0) = 1 in every mode");
        }
    }

    @Property(tries = 300)
    void lnAgreesWithRecomputation(@ForAll("logArguments") BigDecimal x,
            @ForAll @IntRange(min = 1, max = 60) int precision, @ForAll("modes") RoundingMode mode) {
        BigDecimal r = ExactMath.ln(x, new MathContext(precision, mode), GUARD);

        Optional<Oracles.Decision> expected = Oracles.toPrecision(mc -> Oracles.ln(x, mc), precision,
                mode, WIDENING);
        Statistics.label("decided at").collect(expected.map(d -> "+" + d.extraDigits).orElse("exact case ln(1)"));
        if (expected.isPresent()) {
            BigDecimal e = expected.get().value;
            assertEquals(0, e.compareTo(r), () -> "ln(" + x.toPlainString() + ") to " + precision
                    + " digits " + mode + ": expected " + e + ", got " + r);
        } else {
            assertEquals(0, x.compareTo(BigDecimal.ONE), () -> "undecidable recomputation for a non-exact ln(" + x + ")");
            assertEquals(0, r.signum(), "ln(1) = 0 in every mode");
        }
    }

    // ---- direction of exp and ln, against exact elementary bounds --------------------------------------

    @Property
    void expNeverRoundsAgainstItsDirection(@ForAll("exponents") BigDecimal x,
            @ForAll @IntRange(min = 1, max = 60) int precision, @ForAll("modes") RoundingMode mode) {
        Assume.that(x.compareTo(BigDecimal.ONE) < 0 && x.signum() != 0);
        BigDecimal r = ExactMath.exp(x, new MathContext(precision, mode), GUARD);

        // 1 + x < e^x < 1 / (1 - x) for x < 1, x != 0: a result rounded towards minus infinity is below
        // the upper bound, one rounded towards plus infinity above the lower bound.
        if (Oracles.roundsTowardsFloor(mode, 1)) {
            assertTrue(r.multiply(BigDecimal.ONE.subtract(x)).compareTo(BigDecimal.ONE) < 0,
                    () -> "exp(" + x.toPlainString() + ") " + mode + " = " + r + " is not below 1/(1-x)");
        }
        if (Oracles.roundsTowardsCeiling(mode, 1)) {
            assertTrue(r.compareTo(BigDecimal.ONE.add(x)) > 0,
                    () -> "exp(" + x.toPlainString() + ") " + mode + " = " + r + " is not above 1+x");
        }
        Statistics.label("x").collect(x.abs().compareTo(new BigDecimal("1E-20")) < 0 ? "|x| < 1E-20" : "larger");
    }

    @Property
    void lnNeverRoundsAgainstItsDirection(@ForAll("logArguments") BigDecimal x,
            @ForAll @IntRange(min = 1, max = 60) int precision, @ForAll("modes") RoundingMode mode) {
        Assume.that(x.compareTo(BigDecimal.ONE) != 0);
        BigDecimal r = ExactMath.ln(x, new MathContext(precision, mode), GUARD);

        // With y = x - 1: y / x < ln(x) < y for x > 0, x != 1.
        BigDecimal y = x.subtract(BigDecimal.ONE);
        int sign = y.signum();
        if (Oracles.roundsTowardsFloor(mode, sign)) {
            assertTrue(r.compareTo(y) < 0, () -> "ln(" + x.toPlainString() + ") " + mode + " = " + r + " is not below x-1");
        }
        if (Oracles.roundsTowardsCeiling(mode, sign)) {
            assertTrue(r.multiply(x).compareTo(y) > 0,
                    () -> "ln(" + x.toPlainString() + ") " + mode + " = " + r + " is not above (x-1)/x");
        }
        Statistics.label("x").collect(y.abs().compareTo(new BigDecimal("1E-20")) < 0 ? "|x-1| < 1E-20" : "larger");
    }
}
