package io.fomo.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.ErrorCode;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hand-checked values of sqrt, exp and ln. Expected digits come from published constants
 * (sqrt 2 = 1.41421356237309504880..., e = 2.71828182845904523536..., ln 2 = 0.69314718055994530941...,
 * ln 10 = 2.30258509299404568401..., 1/e = 0.36787944117144232159..., e^10 = 22026.46579480671651...,
 * e^100000 = 2.8066633604261231793183858185717...E+43429) as printed by Python's decimal module, whose
 * exp, ln and sqrt are correctly rounded, or from series bounds worked out by hand in the comments.
 */
class ExactMathTest {

    private static final int GUARD = 10;

    private static void assertNumeric(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + ", got " + actual);
    }

    private static MathContext mc(int digits, RoundingMode mode) {
        return new MathContext(digits, mode);
    }

    // ---- sqrt ---------------------------------------------------------------------------------------------

    @Test
    void sqrtOfTwoAtScaleTenInEveryDirection() {
        BigDecimal two = BigDecimal.valueOf(2);
        assertEquals(new BigDecimal("1.4142135623"), ExactMath.sqrt(two, 10, RoundingMode.DOWN));
        assertEquals(new BigDecimal("1.4142135623"), ExactMath.sqrt(two, 10, RoundingMode.FLOOR));
        assertEquals(new BigDecimal("1.4142135624"), ExactMath.sqrt(two, 10, RoundingMode.UP));
        assertEquals(new BigDecimal("1.4142135624"), ExactMath.sqrt(two, 10, RoundingMode.CEILING));
        // ...623|73..., so every half mode goes up.
        assertEquals(new BigDecimal("1.4142135624"), ExactMath.sqrt(two, 10, RoundingMode.HALF_DOWN));
        assertEquals(new BigDecimal("1.4142135624"), ExactMath.sqrt(two, 10, RoundingMode.HALF_EVEN));
    }

    @Test
    void sqrtToSignificantDigits() {
        assertNumeric("1.4142135623730950488", ExactMath.sqrt(BigDecimal.valueOf(2), mc(20, RoundingMode.DOWN)));
        assertNumeric("1.4142135623730950489", ExactMath.sqrt(BigDecimal.valueOf(2), mc(20, RoundingMode.UP)));
        // sqrt(1E-99) = 10^-49.5 = 3.16227766016837933...E-50
        assertNumeric("3.1623E-50", ExactMath.sqrt(new BigDecimal("1E-99"), mc(5, RoundingMode.HALF_EVEN)));
        assertNumeric("3.1622E-50", ExactMath.sqrt(new BigDecimal("1E-99"), mc(5, RoundingMode.DOWN)));
        assertNumeric("1E+50", ExactMath.sqrt(new BigDecimal("1E+100"), mc(3, RoundingMode.UP)));
        assertEquals(0, ExactMath.sqrt(BigDecimal.ZERO, mc(10, RoundingMode.UP)).signum());
    }

    @Test
    void exactRootsAreExactInEveryMode() {
        for (RoundingMode mode : directed()) {
            assertEquals(new BigDecimal("0.01"), ExactMath.sqrt(new BigDecimal("0.0001"), 2, mode), mode.name());
            assertEquals(new BigDecimal("12.000"), ExactMath.sqrt(new BigDecimal("144"), 3, mode), mode.name());
            assertNumeric("1E+50", ExactMath.sqrt(new BigDecimal("1E+100"), 0, mode));
            assertEquals(new BigDecimal("0.0000"), ExactMath.sqrt(BigDecimal.ZERO, 4, mode), mode.name());
        }
    }

    @Test
    void tiesGoTheWayTheModeSays() {
        // sqrt(6.25) = 2.5 exactly: a true tie at scale 0.
        BigDecimal x = new BigDecimal("6.25");
        assertEquals(BigDecimal.valueOf(3), ExactMath.sqrt(x, 0, RoundingMode.HALF_UP));
        assertEquals(BigDecimal.valueOf(2), ExactMath.sqrt(x, 0, RoundingMode.HALF_DOWN));
        assertEquals(BigDecimal.valueOf(2), ExactMath.sqrt(x, 0, RoundingMode.HALF_EVEN));
        // sqrt(2.25) = 1.5: HALF_EVEN now goes up, to the even 2.
        BigDecimal y = new BigDecimal("2.25");
        assertEquals(BigDecimal.valueOf(2), ExactMath.sqrt(y, 0, RoundingMode.HALF_UP));
        assertEquals(BigDecimal.valueOf(1), ExactMath.sqrt(y, 0, RoundingMode.HALF_DOWN));
        assertEquals(BigDecimal.valueOf(2), ExactMath.sqrt(y, 0, RoundingMode.HALF_EVEN));
    }

    @Test
    void justBelowAPerfectSquareIsNotMistakenForIt() {
        // sqrt(16 - 1E-19) = 3.99999999999999999998749999...
        BigDecimal x = new BigDecimal("15.9999999999999999999");
        assertEquals(BigDecimal.valueOf(3), ExactMath.sqrt(x, 0, RoundingMode.DOWN));
        assertEquals(BigDecimal.valueOf(4), ExactMath.sqrt(x, 0, RoundingMode.UP));
        assertEquals(new BigDecimal("3.9999999999999999999"), ExactMath.sqrt(x, 19, RoundingMode.DOWN));
        assertEquals(new BigDecimal("4.0000000000000000000"), ExactMath.sqrt(x, 19, RoundingMode.HALF_EVEN));
        // Far below the scale: sqrt(1E-100) = 1E-50 rounds to 0 DOWN and to one unit UP.
        assertEquals(new BigDecimal("0E-40"), ExactMath.sqrt(new BigDecimal("1E-100"), 40, RoundingMode.DOWN));
        assertEquals(BigDecimal.ONE.movePointLeft(40), ExactMath.sqrt(new BigDecimal("1E-100"), 40, RoundingMode.UP));
    }

    // ---- exp ----------------------------------------------------------------------------------------------

    @Test
    void eToTwentyDigits() {
        // e = 2.7182818284590452353|6028...
        assertNumeric("2.7182818284590452354", ExactMath.exp(BigDecimal.ONE, mc(20, RoundingMode.HALF_EVEN), GUARD));
        assertNumeric("2.7182818284590452353", ExactMath.exp(BigDecimal.ONE, mc(20, RoundingMode.DOWN), GUARD));
        assertNumeric("2.7182818284590452354", ExactMath.exp(BigDecimal.ONE, mc(20, RoundingMode.UP), GUARD));
    }

    @Test
    void expAtAScale() {
        assertEquals(new BigDecimal("2.71828"), ExactMath.exp(BigDecimal.ONE, 5, RoundingMode.DOWN, GUARD));
        // 1/e = 0.3678794411|714...
        assertEquals(new BigDecimal("0.3678794412"), ExactMath.exp(BigDecimal.ONE.negate(), 10, RoundingMode.HALF_UP, GUARD));
        // e^10 = 22026.465|794...
        assertEquals(new BigDecimal("22026.465"), ExactMath.exp(BigDecimal.TEN, 3, RoundingMode.DOWN, GUARD));
        assertEquals(new BigDecimal("22026.466"), ExactMath.exp(BigDecimal.TEN, 3, RoundingMode.UP, GUARD));
        assertEquals(new BigDecimal("22026.466"), ExactMath.exp(BigDecimal.TEN, 3, RoundingMode.HALF_EVEN, GUARD));
    }

    @Test
    void expAtTheEndsOfItsRange() {
        BigDecimal max = BigDecimal.valueOf(100_000);
        // e^100000 = 2.80666336042612317931838581857|174...E+43429
        assertNumeric("2.80666336042612317931838581857E+43429", ExactMath.exp(max, mc(30, RoundingMode.HALF_EVEN), GUARD));
        assertNumeric("2.80666336042612317931838581858E+43429", ExactMath.exp(max, mc(30, RoundingMode.UP), GUARD));
        // e^-100000 is about 3.6E-43430: zero at scale 40 going down, one unit going up.
        assertEquals(new BigDecimal("0E-40"), ExactMath.exp(max.negate(), 40, RoundingMode.DOWN, GUARD));
        assertEquals(BigDecimal.ONE.movePointLeft(40), ExactMath.exp(max.negate(), 40, RoundingMode.UP, GUARD));
    }

    @ParameterizedTest
    @EnumSource(value = RoundingMode.class, names = "UNNECESSARY", mode = EnumSource.Mode.EXCLUDE)
    void expOfZeroAndLnOfOneAreExact(RoundingMode mode) {
        assertNumeric("1", ExactMath.exp(BigDecimal.ZERO, mc(25, mode), GUARD));
        assertEquals(new BigDecimal("1.000000"), ExactMath.exp(BigDecimal.ZERO, 6, mode, GUARD));
        assertEquals(0, ExactMath.ln(BigDecimal.ONE, mc(25, mode), GUARD).signum());
        assertEquals(0, ExactMath.ln(new BigDecimal("1.000"), mc(5, mode), GUARD).signum());
    }

    /**
     * Arguments whose value sits just beside a representable number: a second rounding of a rounded
     * approximation would go the wrong way here (and did, before the code rounded once for real).
     * For 0 &lt; |x| &lt; 1: 1 + x &lt; e^x &lt; 1 + x + x^2, so the direction of each result is plain.
     */
    @Test
    void directedRoundingOfValuesBesideARepresentableNumber() {
        // e^(1E-15) = 1.000000000000001000...: above 1, so UP to one digit is 2.
        assertNumeric("2", ExactMath.exp(new BigDecimal("1E-15"), mc(1, RoundingMode.UP), GUARD));
        assertNumeric("1", ExactMath.exp(new BigDecimal("1E-15"), mc(1, RoundingMode.DOWN), GUARD));
        // e^(-2E-30) = 0.99999999999999999999999999999800...: below 1, so DOWN at scale 10 is 0.9999999999.
        assertEquals(new BigDecimal("0.9999999999"), ExactMath.exp(new BigDecimal("-2E-30"), 10, RoundingMode.DOWN, GUARD));
        assertEquals(new BigDecimal("1.0000000000"), ExactMath.exp(new BigDecimal("-2E-30"), 10, RoundingMode.UP, GUARD));
        // A charge at 18 decimals: e^(1E-30) rounded UP is one base unit above 1.
        assertEquals(new BigDecimal("1.000000000000000001"), ExactMath.exp(new BigDecimal("1E-30"), 18, RoundingMode.UP, GUARD));
        // ln(1 - 1E-11) = -1.000000000005E-11: UP (away from zero) to one digit is -2E-11.
        assertNumeric("-2E-11", ExactMath.ln(new BigDecimal("0.99999999999"), mc(1, RoundingMode.UP), GUARD));
        assertNumeric("-1E-11", ExactMath.ln(new BigDecimal("0.99999999999"), mc(1, RoundingMode.DOWN), GUARD));
    }

    // ---- ln -----------------------------------------------------------------------------------------------

    @Test
    void lnToTwentyDigits() {
        // ln 2 = 0.69314718055994530941|72...
        assertNumeric("0.69314718055994530942", ExactMath.ln(BigDecimal.valueOf(2), mc(20, RoundingMode.HALF_EVEN), GUARD));
        assertNumeric("0.69314718055994530941", ExactMath.ln(BigDecimal.valueOf(2), mc(20, RoundingMode.DOWN), GUARD));
        // ln 10 = 2.302585092|99...
        assertNumeric("2.302585093", ExactMath.ln(BigDecimal.TEN, mc(10, RoundingMode.HALF_EVEN), GUARD));
        // ln(1/10) = -ln 10: FLOOR goes away from zero, CEILING towards it.
        assertNumeric("-2.302585093", ExactMath.ln(new BigDecimal("0.1"), mc(10, RoundingMode.FLOOR), GUARD));
        assertNumeric("-2.302585092", ExactMath.ln(new BigDecimal("0.1"), mc(10, RoundingMode.CEILING), GUARD));
    }

    /** ln(1 + y) = y - y^2/2 + y^3/3 - ...: for y = 1E-50 that is 9.99...9|5E-51 with 50 nines. */
    @Test
    void lnCloseToOneKeepsItsSignificantDigits() {
        BigDecimal x = BigDecimal.ONE.add(new BigDecimal("1E-50"));
        assertNumeric("1.0000000000000000000E-50", ExactMath.ln(x, mc(20, RoundingMode.HALF_EVEN), GUARD));
        assertNumeric("9.9999999999999999999E-51", ExactMath.ln(x, mc(20, RoundingMode.DOWN), GUARD));
        assertNumeric("1.0000000000000000000E-50", ExactMath.ln(x, mc(20, RoundingMode.UP), GUARD));
        // ln(1 - 1E-50) = -1E-50 - 5E-101 - ...: just beyond -1E-50.
        BigDecimal below = BigDecimal.ONE.subtract(new BigDecimal("1E-50"));
        assertNumeric("-1.0000000000000000001E-50", ExactMath.ln(below, mc(20, RoundingMode.UP), GUARD));
        assertNumeric("-1.0000000000000000000E-50", ExactMath.ln(below, mc(20, RoundingMode.DOWN), GUARD));
    }

    // ---- rejections ---------------------------------------------------------------------------------------

    private static void assertRejected(String message, Executable call) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, call);
        assertEquals(message, e.getMessage());
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    }

    @Test
    void sqrtRejectsNegativeRadicandsAndBadScalesOrPrecisions() {
        assertRejected("x = -1: must not be negative", () -> ExactMath.sqrt(BigDecimal.ONE.negate(), 2, RoundingMode.DOWN));
        assertRejected("x = -0.0001: must not be negative",
                () -> ExactMath.sqrt(new BigDecimal("-0.0001"), mc(5, RoundingMode.DOWN)));
        assertRejected("scale = -1: must be between 0 and 1000", () -> ExactMath.sqrt(BigDecimal.ONE, -1, RoundingMode.DOWN));
        assertRejected("scale = 1001: must be between 0 and 1000", () -> ExactMath.sqrt(BigDecimal.ONE, 1001, RoundingMode.DOWN));
        assertRejected("precision = 0: must be between 1 and 1000", () -> ExactMath.sqrt(BigDecimal.ONE, MathContext.UNLIMITED));
        assertRejected("precision = 1001: must be between 1 and 1000",
                () -> ExactMath.sqrt(BigDecimal.ONE, mc(1001, RoundingMode.DOWN)));
    }

    @Test
    void lnRejectsNonPositiveArguments() {
        assertRejected("x = 0: must be positive", () -> ExactMath.ln(BigDecimal.ZERO, mc(10, RoundingMode.DOWN), GUARD));
        assertRejected("x = 0.000: must be positive",
                () -> ExactMath.ln(new BigDecimal("0.000"), mc(10, RoundingMode.DOWN), GUARD));
        assertRejected("x = -2.5: must be positive",
                () -> ExactMath.ln(new BigDecimal("-2.5"), mc(10, RoundingMode.DOWN), GUARD));
        assertRejected("guardDigits = 0: must be between 1 and 100",
                () -> ExactMath.ln(BigDecimal.TEN, mc(10, RoundingMode.DOWN), 0));
    }

    @Test
    void expRejectsExponentsOutOfRange() {
        assertRejected("x = 100000.1: must be between -100000 and 100000",
                () -> ExactMath.exp(new BigDecimal("100000.1"), mc(10, RoundingMode.DOWN), GUARD));
        assertRejected("x = -100001: must be between -100000 and 100000",
                () -> ExactMath.exp(BigDecimal.valueOf(-100_001), 5, RoundingMode.DOWN, GUARD));
        assertRejected("guardDigits = 101: must be between 1 and 100",
                () -> ExactMath.exp(BigDecimal.ONE, mc(10, RoundingMode.DOWN), 101));
        assertRejected("guardDigits = 0: must be between 1 and 100",
                () -> ExactMath.exp(BigDecimal.ONE, 5, RoundingMode.DOWN, 0));
        assertRejected("scale = 1001: must be between 0 and 1000",
                () -> ExactMath.exp(BigDecimal.ONE, 1001, RoundingMode.DOWN, GUARD));
        assertRejected("precision = 0: must be between 1 and 1000",
                () -> ExactMath.exp(BigDecimal.ONE, MathContext.UNLIMITED, GUARD));
    }

    @Test
    void aRejectedCallLeavesItsArgumentAsItWas() {
        // BigDecimal is immutable; this pins that no call hands back or alters the caller's value.
        BigDecimal x = new BigDecimal("-2.50");
        assertThrows(InvalidArgumentException.class, () -> ExactMath.sqrt(x, 3, RoundingMode.DOWN));
        assertThrows(InvalidArgumentException.class, () -> ExactMath.ln(x, mc(3, RoundingMode.DOWN), GUARD));
        assertEquals("-2.50", x.toString());
        BigDecimal ok = ExactMath.sqrt(x.negate(), 3, RoundingMode.DOWN);
        assertTrue(ok.compareTo(new BigDecimal("1.581")) == 0, () -> "sqrt(2.5) = 1.5811...: " + ok);
    }

    private static RoundingMode[] directed() {
        return new RoundingMode[] {RoundingMode.UP, RoundingMode.DOWN, RoundingMode.CEILING, RoundingMode.FLOOR,
            RoundingMode.HALF_UP, RoundingMode.HALF_DOWN, RoundingMode.HALF_EVEN};
    }
}
