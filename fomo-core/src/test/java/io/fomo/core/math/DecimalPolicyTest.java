package io.fomo.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fomo.spi.ErrorCode;
import io.fomo.spi.InvalidArgumentException;
import java.math.MathContext;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The standard policy is FOMO-SPEC §0's; every setting is validated and copies leave the original alone. */
class DecimalPolicyTest {

    private static void assertRejected(String message, Executable call) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, call);
        assertEquals(message, e.getMessage());
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    }

    @Test
    void standardIsTheSpecDefault() {
        DecimalPolicy p = DecimalPolicy.standard();
        assertEquals(50, p.precision());
        assertEquals(10, p.guardDigits());
        // §0: what the protocol pays out rounds DOWN, what a user pays rounds UP, pool outputs round DOWN.
        assertEquals(RoundingMode.DOWN, p.payout());
        assertEquals(RoundingMode.UP, p.charge());
        assertEquals(RoundingMode.DOWN, p.poolOutput());
        assertEquals(new MathContext(50, RoundingMode.HALF_EVEN), p.working());
        assertEquals(new MathContext(60, RoundingMode.HALF_EVEN), p.guarded());
    }

    @Test
    void rejectsPrecisionOutOfRange() {
        assertRejected("precision = 9: must be between 10 and 1000",
                () -> DecimalPolicy.of(9, 10, RoundingMode.DOWN, RoundingMode.UP, RoundingMode.DOWN));
        assertRejected("precision = 1001: must be between 10 and 1000",
                () -> DecimalPolicy.of(1001, 10, RoundingMode.DOWN, RoundingMode.UP, RoundingMode.DOWN));
        // The bounds themselves are accepted.
        assertEquals(10, DecimalPolicy.of(10, 1, RoundingMode.DOWN, RoundingMode.UP, RoundingMode.DOWN).precision());
        assertEquals(1000, DecimalPolicy.of(1000, 100, RoundingMode.DOWN, RoundingMode.UP, RoundingMode.DOWN).precision());
    }

    @Test
    void rejectsGuardDigitsOutOfRange() {
        assertRejected("guardDigits = 0: must be between 1 and 100",
                () -> DecimalPolicy.of(50, 0, RoundingMode.DOWN, RoundingMode.UP, RoundingMode.DOWN));
        assertRejected("guardDigits = 101: must be between 1 and 100",
                () -> DecimalPolicy.of(50, 101, RoundingMode.DOWN, RoundingMode.UP, RoundingMode.DOWN));
    }

    @Test
    void rejectsUnnecessaryForEachDirectionByName() {
        String reason = ": a rounding direction is required, not UNNECESSARY";
        assertRejected("payout = UNNECESSARY" + reason,
                () -> DecimalPolicy.of(50, 10, RoundingMode.UNNECESSARY, RoundingMode.UP, RoundingMode.DOWN));
        assertRejected("charge = UNNECESSARY" + reason,
                () -> DecimalPolicy.of(50, 10, RoundingMode.DOWN, RoundingMode.UNNECESSARY, RoundingMode.DOWN));
        assertRejected("poolOutput = UNNECESSARY" + reason,
                () -> DecimalPolicy.of(50, 10, RoundingMode.DOWN, RoundingMode.UP, RoundingMode.UNNECESSARY));
        assertRejected("payout = UNNECESSARY" + reason,
                () -> DecimalPolicy.standard().withPayout(RoundingMode.UNNECESSARY));
    }

    @Test
    void aRejectedCopyLeavesThePolicyUnchanged() {
        DecimalPolicy p = DecimalPolicy.standard().withCharge(RoundingMode.CEILING);
        assertThrows(InvalidArgumentException.class, () -> p.withPoolOutput(RoundingMode.UNNECESSARY));
        assertThrows(InvalidArgumentException.class, () -> p.withPrecision(5, 10));
        assertEquals(DecimalPolicy.of(50, 10, RoundingMode.DOWN, RoundingMode.CEILING, RoundingMode.DOWN), p);
    }

    @Test
    void copiesChangeOneSettingAndLeaveTheOriginal() {
        DecimalPolicy standard = DecimalPolicy.standard();
        DecimalPolicy copy = standard.withPayout(RoundingMode.HALF_EVEN).withPrecision(100, 20);
        assertEquals(DecimalPolicy.of(100, 20, RoundingMode.HALF_EVEN, RoundingMode.UP, RoundingMode.DOWN), copy);
        assertEquals(new MathContext(120, RoundingMode.HALF_EVEN), copy.guarded());
        assertEquals(DecimalPolicy.standard(), standard);
        assertNotEquals(standard, copy);
        assertEquals(RoundingMode.FLOOR, standard.withPoolOutput(RoundingMode.FLOOR).poolOutput());
    }

    @Test
    void equalPoliciesHaveEqualHashes() {
        DecimalPolicy a = DecimalPolicy.of(60, 5, RoundingMode.DOWN, RoundingMode.UP, RoundingMode.FLOOR);
        DecimalPolicy b = DecimalPolicy.standard().withPrecision(60, 5).withPoolOutput(RoundingMode.FLOOR);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("DecimalPolicy[precision=60, guard=5, payout=DOWN, charge=UP, poolOutput=FLOOR]", a.toString());
    }
}
